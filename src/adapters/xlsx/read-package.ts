/**
 * .xlsx bytes through the package guard, and their sheets as snapshots read from the XML, with one typed
 * error for every way a file can fail to open, so a person is told what is wrong in their words, never a
 * library's. No ExcelJS and no file system: the pane reads district files with this alone.
 */
import { isOwnSheetName } from "../../core/own-sheet-names";
import type { SheetSnapshot } from "../../core/grid";
import { guardPackage, PackageError, type GuardedPackage, type PackageLimits, type SheetScope } from "./package-guard";
import { snapshotPackage } from "./snapshot-package";
import type { ZipCodec } from "./zip/codec";

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

export interface ReadOptions {
  /** "needed" (default) leaves out large sheets a check does not read; "all" keeps every sheet, for writing the workbook back. */
  readonly scope?: SheetScope;
  readonly limits?: PackageLimits;
  /** A native codec (Node's zlib, from the command line); pako without one. */
  readonly codec?: ZipCodec;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4": every .xlsx is a zip package
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .xls, and password-encrypted .xlsx

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

export function errorText(e: unknown): string {
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
 * The first bytes decide "not an .xlsx" (CSV, .xls, random bytes); the package guard bounds what is
 * unpacked and says what is damaged.
 */
export function guardBytes(buf: Uint8Array, source: string, opts: ReadOptions): GuardedPackage {
  if (startsWith(buf, OLE2_MAGIC)) {
    throw new XlsxReadError("notXlsx", source, {
      zh: "可能是旧版 .xls 或设置了打开密码的工作簿，请在 Excel 中另存为 .xlsx",
      en: "maybe a legacy .xls or a password-protected workbook; save it as .xlsx in Excel",
    });
  }
  if (!startsWith(buf, ZIP_MAGIC)) {
    throw new XlsxReadError("notXlsx", source, { zh: "文件内容不是 .xlsx 格式", en: "the content is not in .xlsx format" });
  }
  try {
    return guardPackage(buf, { scope: opts.scope ?? "needed", limits: opts.limits, ownSheet: isOwnSheetName, codec: opts.codec });
  } catch (e) {
    if (e instanceof PackageError) throw fromPackageError(e, source);
    throw new XlsxReadError("damaged", source, undefined, errorText(e));
  }
}

/** A valid zip without a workbook part (a .docx, a plain .zip): no worksheet to read. */
export function noWorksheet(source: string): XlsxReadError {
  return new XlsxReadError("notXlsx", source, { zh: "压缩包中没有工作表", en: "the package holds no worksheet" });
}

/**
 * The sheets of .xlsx bytes as snapshots, read from their XML (`snapshotPackage`): what
 * `snapshotWorkbook(await openWorkbook(buf))` gives, without ExcelJS, for a door that only reads.
 * Fails as `openWorkbook` fails, with `XlsxReadError`.
 */
export function snapshotBytes(buf: Uint8Array, source = "(buffer)", opts: ReadOptions = {}): SheetSnapshot[] {
  return snapshotGuarded(guardBytes(buf, source, opts), source);
}

/** `snapshotBytes` of a package already through the guard. */
export function snapshotGuarded(guarded: GuardedPackage, source: string): SheetSnapshot[] {
  let sheets: SheetSnapshot[];
  try {
    sheets = snapshotPackage(guarded);
  } catch (e) {
    if (e instanceof PackageError) throw fromPackageError(e, source);
    throw new XlsxReadError("damaged", source, undefined, errorText(e));
  }
  if (sheets.length === 0) throw noWorksheet(source);
  return sheets;
}
