/**
 * Opening .xlsx bytes with ExcelJS (no file system here: the pane and the workbench use it too), with one typed error for every way a file
 * can fail to open, so a person is told what is wrong in their words, never a library's.
 */
import type * as ExcelJS from "exceljs";
import { Workbook } from "./exceljs";
import { isOwnSheetName } from "../../core/own-sheet-names";
import type { CellValue } from "../../core/grid";
import { guardPackage, PackageError, type GuardedPackage, type PackageLimits, type RawCell, type SheetScope, type UnpackedPart } from "./package-guard";
import { rememberValuesUnderMerges } from "./values-under-merges";
import { setNumberFormat } from "./cell-style";
import type { ZipCodec } from "./zip/codec";
import { writeZip } from "./zip/write-zip";

export { snapshotSheet, snapshotWorkbook, cellValueOf, cellFormulaOf } from "./snapshot";

export type XlsxReadFailure = "notFound" | "notXlsx" | "damaged" | "tooLarge" | "noAccess" | "unreadable";

/** A detail in both languages, appended to the message. */
export interface Hint {
  readonly zh: string;
  readonly en: string;
}

/**
 * Why a workbook could not be opened: a reason and a hint that each door words in the reader's language
 * (the command line's `read.*` messages, the pane's file problems). The message is technical, for logs;
 * library text goes in `detail`.
 */
export class XlsxReadError extends Error {
  override readonly name = "XlsxReadError";
  constructor(
    readonly reason: XlsxReadFailure,
    /** The file path, or "(buffer)" when reading from memory. */
    readonly source: string,
    readonly hint?: Hint,
    /** The technical cause (a library's or the system's words), for `--verbose`. */
    readonly detail?: string,
  ) {
    super(`${reason}${hint ? ` (${hint.en})` : ""}: ${source}`);
  }
}

export interface OpenOptions {
  /** "needed" (default) leaves out large sheets a check does not read; "all" keeps every sheet, for writing the workbook back. */
  readonly scope?: SheetScope;
  readonly limits?: PackageLimits;
  /** A native codec (Node's zlib, from the command line); pako without one. */
  readonly codec?: ZipCodec;
  /** Gives ExcelJS the unpacked parts as they are (`loadParts`, from the command line); without one they are packed again for its `load`. */
  readonly loader?: PartsLoader;
}

/** Fills `wb` from a package's unpacked parts, as ExcelJS's `load` would from the package. */
export type PartsLoader = (wb: ExcelJS.Workbook, parts: readonly UnpackedPart[]) => Promise<void>;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4": every .xlsx is a zip package
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .xls, and password-encrypted .xlsx

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const mib = (bytes: number) => Math.ceil(bytes / (1024 * 1024));

function fromPackageError(e: PackageError, source: string): XlsxReadError {
  const p = e.problem;
  switch (p.kind) {
    case "tooLarge":
      return new XlsxReadError("tooLarge", source, {
        zh: `解压后约 ${mib(p.bytes)} MB，超过 ${mib(p.limit)} MB 的上限`,
        en: `it unpacks to about ${mib(p.bytes)} MB, over the ${mib(p.limit)} MB limit`,
      });
    case "missingPart":
      return new XlsxReadError("damaged", source, { zh: `缺少 ${p.part}，单元格中的文字无法读取`, en: `${p.part} is missing, so cell text cannot be read` }, e.message);
    case "damaged":
      return new XlsxReadError("damaged", source, undefined, p.detail);
  }
}

/**
 * Load a workbook from bytes. The first bytes decide "not an .xlsx" (CSV, .xls, random bytes);
 * the package guard bounds what is unpacked; whatever ExcelJS still cannot parse is "damaged".
 */
export async function openWorkbook(buf: Uint8Array, source = "(buffer)", opts: OpenOptions = {}): Promise<ExcelJS.Workbook> {
  if (startsWith(buf, OLE2_MAGIC)) {
    throw new XlsxReadError("notXlsx", source, {
      zh: "可能是旧版 .xls 或设置了打开密码的工作簿，请在 Excel 中另存为 .xlsx",
      en: "maybe a legacy .xls or a password-protected workbook; save it as .xlsx in Excel",
    });
  }
  if (!startsWith(buf, ZIP_MAGIC)) {
    throw new XlsxReadError("notXlsx", source, { zh: "文件内容不是 .xlsx 格式", en: "the content is not in .xlsx format" });
  }
  let parts: readonly UnpackedPart[] | undefined;
  let rawCells: GuardedPackage["rawCells"];
  try {
    ({ parts, rawCells } = guardPackage(buf, { scope: opts.scope ?? "needed", limits: opts.limits, ownSheet: isOwnSheetName, codec: opts.codec }));
  } catch (e) {
    if (e instanceof PackageError) throw fromPackageError(e, source);
    throw new XlsxReadError("damaged", source, undefined, errorText(e));
  }
  const wb = new Workbook();
  try {
    if (opts.loader) await opts.loader(wb, parts);
    else {
      // ExcelJS's own `load` (its one-file browser build has no other door), over the parts stored in a
      // package again; the unpacked parts are let go first, so a large workbook is not held twice.
      const bytes = writeZip(parts);
      parts = undefined;
      // ExcelJS declares its own `Buffer` (an ArrayBuffer shape); at run time it takes a Node Buffer.
      await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    }
  } catch (e) {
    // A package whose XML the parsers cannot read.
    throw new XlsxReadError("damaged", source, undefined, errorText(e));
  }
  if (wb.worksheets.length === 0) {
    // A valid zip without a workbook part (a .docx, a plain .zip) loads as an empty workbook.
    throw new XlsxReadError("notXlsx", source, { zh: "压缩包中没有工作表", en: "the package holds no worksheet" });
  }
  restoreRawCells(wb, rawCells);
  return wb;
}

/**
 * Put back what ExcelJS misread: a date-typed cell becomes the date it is (ExcelJS reads the year),
 * shown as a date; values under merged ranges are kept beside the worksheet (see values-under-merges.ts).
 */
function restoreRawCells(wb: ExcelJS.Workbook, raw: ReadonlyMap<string, ReadonlyMap<string, RawCell>>): void {
  for (const [sheet, cells] of raw) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    const underMerges = new Map<string, CellValue>();
    for (const [address, cell] of cells) {
      if (cell.kind === "date") {
        const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(cell.iso) ? cell.iso : `${cell.iso}Z`);
        const target = ws.getCell(address);
        if (Number.isNaN(date.getTime())) continue;
        if (target.isMerged && target.master !== target) underMerges.set(address, date);
        else {
          target.value = date;
          // Its own style: the loaded cell shares one with every cell of the same style id.
          if (!target.numFmt || target.numFmt === "General") setNumberFormat(target, "yyyy-mm-dd");
        }
      } else underMerges.set(address, cell.value);
    }
    rememberValuesUnderMerges(ws, underMerges);
  }
}
