/**
 * Values a file holds under a merged range, which ExcelJS drops on loading (it keeps only the
 * top-left cell). The package guard recovers them from the sheet XML; the snapshot shows them to
 * the core (which flags the merge), and a sheet copy keeps them instead of the merge.
 */
import type * as ExcelJS from "exceljs";
import type { CellValue } from "../../core/grid";

const byWorksheet = new WeakMap<ExcelJS.Worksheet, Map<string, CellValue>>();

export function rememberValuesUnderMerges(ws: ExcelJS.Worksheet, values: Map<string, CellValue>): void {
  if (values.size > 0) byWorksheet.set(ws, values);
}

/** A1 address → the value the file holds there, under a merged range; empty when none. */
export function valuesUnderMerges(ws: ExcelJS.Worksheet): ReadonlyMap<string, CellValue> {
  return byWorksheet.get(ws) ?? new Map();
}
