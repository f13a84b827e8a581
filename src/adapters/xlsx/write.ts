/** New workbooks, and saving workbooks to bytes or files. */
import type * as ExcelJS from "exceljs";
import { Workbook } from "./exceljs";
import { hasPlannedSheets } from "./planned-sheet";
import { compactValidations } from "./validation";
import { stampZipTimes } from "./zip/write-zip";

export const CREATOR = "汇审 Huishen";

/** A new workbook created `at` (the caller's clock: `SOURCE_DATE_EPOCH` in reproducible runs). */
export function newWorkbook(at: Date = new Date()): ExcelJS.Workbook {
  const wb = new Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = at;
  wb.modified = at;
  return wb;
}

/**
 * What every save does first: ExcelJS's fix-ups (see `compactValidations`) and, with `at`, the document's
 * modification time.
 */
export function prepareForWrite(wb: ExcelJS.Workbook, at: Date | undefined): void {
  for (const ws of wb.worksheets) compactValidations(ws);
  if (at) {
    wb.modified = at;
    wb.lastModifiedBy = CREATOR;
  }
}

/** JSZip deflating with pako at level 1: a few per cent larger, several times faster than its default, for outputs people open once. */
const PAKO_LEVEL_1 = { zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as unknown as ExcelJS.XlsxWriteOptions;

/**
 * The workbook as .xlsx bytes, by ExcelJS's writer (the pane and the workbench; the command line packs
 * its own: `packWorkbook`). With `at`, the document's modification time and every zip entry's time are
 * `at`, so the same inputs give the same bytes.
 */
export async function toBuffer(wb: ExcelJS.Workbook, at?: Date): Promise<Buffer> {
  // Their cells are not in the workbook's ExcelJS model: only `packWorkbook` writes them.
  if (hasPlannedSheets(wb)) throw new Error("toBuffer: a workbook applied for writing (applyPlan forWriting) is written by packWorkbook");
  prepareForWrite(wb, at);
  // ExcelJS types this as its own ArrayBuffer-shaped `Buffer`; in Node it is a Node Buffer.
  const out: unknown = await wb.xlsx.writeBuffer(PAKO_LEVEL_1);
  const bytes = Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
  return at ? (stampZipTimes(bytes, at) as Buffer) : bytes;
}
