/**
 * Opening .xlsx bytes with ExcelJS, through the package guard (no file system here: the pane and the
 * workbench use it too); a file fails to open with the same `XlsxReadError` as the snapshot reader's.
 */
import type * as ExcelJS from "exceljs";
import { Workbook } from "./exceljs";
import type { CellValue } from "../../core/grid";
import type { GuardedPackage, RawCell, UnpackedPart } from "./package-guard";
import { errorText, guardBytes, noWorksheet, XlsxReadError, type ReadOptions } from "./read-package";
import { rememberValuesUnderMerges } from "./values-under-merges";
import { setNumberFormat } from "./cell-style";
import { writeZip } from "./zip/write-zip";

export { snapshotSheet, snapshotWorkbook, cellValueOf, cellFormulaOf } from "./snapshot";
export { snapshotBytes, XlsxReadError, type Hint, type XlsxReadFailure } from "./read-package";

export interface OpenOptions extends ReadOptions {
  /** Gives ExcelJS the unpacked parts as they are (`loadParts`, from the command line); without one they are packed again for its `load`. */
  readonly loader?: PartsLoader;
}

/** Fills `wb` from a package's unpacked parts, as ExcelJS's `load` would from the package. */
export type PartsLoader = (wb: ExcelJS.Workbook, parts: readonly UnpackedPart[]) => Promise<void>;

/** Load a workbook from bytes, with ExcelJS; whatever it still cannot parse is "damaged". */
export async function openWorkbook(buf: Uint8Array, source = "(buffer)", opts: OpenOptions = {}): Promise<ExcelJS.Workbook> {
  return openGuarded(guardBytes(buf, source, opts), source, opts);
}

/** `openWorkbook` of a package already through the guard. */
export async function openGuarded(guarded: GuardedPackage, source: string, opts: Pick<OpenOptions, "loader"> = {}): Promise<ExcelJS.Workbook> {
  let parts: readonly UnpackedPart[] | undefined = guarded.parts;
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
  if (wb.worksheets.length === 0) throw noWorksheet(source);
  restoreRawCells(wb, guarded.rawCells);
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
