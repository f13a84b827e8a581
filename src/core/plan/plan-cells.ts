/** A sheet plan's cells in one list: its `cells`, then each `CellColumn` cell by cell (the meaning of a column). */
import { addressOf, parseAddress } from "../grid";
import { fillDownBy } from "./fill-down";
import type { CellColumn, CellWrite, SheetPlan } from "./write-plan";

/** Every cell the sheet plan writes, in the order they are applied. Columns whose `top` is not a cell are left out (`sheetPlanProblems` names them). */
export function planCells(sp: SheetPlan): CellWrite[] {
  const out: CellWrite[] = [...(sp.cells ?? [])];
  for (const column of sp.cellColumns ?? []) out.push(...columnCells(column));
  return out;
}

/** How many cells the sheet plan writes, without listing them. */
export function planCellCount(sp: SheetPlan): number {
  let n = sp.cells?.length ?? 0;
  for (const column of sp.cellColumns ?? []) {
    for (let i = 0; i < column.values.length; i++) if (writesCell(column, i)) n++;
  }
  return n;
}

/** A column's cells: a row with nothing to write (no content, format or style) is skipped. */
export function columnCells(column: CellColumn): CellWrite[] {
  const top = parseAddress(column.top);
  if (!top) return [];
  const out: CellWrite[] = [];
  const filled = column.filledFormula !== undefined ? fillDownBy(column.filledFormula) : undefined;
  for (let i = 0; i < column.values.length; i++) {
    if (!writesCell(column, i)) continue;
    const formula = filled ? filled(column.fillRows?.[i] ?? i) : column.formulas?.[i];
    const value = column.values[i];
    const style = column.styles?.[i] ?? column.style;
    out.push({
      address: addressOf(top.row + i, top.col),
      ...(formula !== undefined ? { formula, ...(value !== undefined ? { result: value } : {}) } : value !== undefined ? { value } : {}),
      ...(column.numberFormat !== undefined ? { numberFormat: column.numberFormat } : {}),
      ...(style !== undefined ? { style } : {}),
    });
  }
  return out;
}

/** Whether row i of a column writes its cell: content, a format or a style. */
export function writesCell(column: CellColumn, i: number): boolean {
  return column.values[i] !== undefined || column.filledFormula !== undefined || column.formulas?.[i] !== undefined || column.numberFormat !== undefined || (column.styles?.[i] ?? column.style) !== undefined;
}
