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
  const formulaAt = columnFormulas(column);
  for (let i = 0; i < column.values.length; i++) {
    if (!writesCell(column, i)) continue;
    const formula = formulaAt(i);
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

/** Row i's formula, for every row of a column: its own, or the filled formula moved down where the row holds it. */
export function columnFormulas(column: CellColumn): (i: number) => string | undefined {
  const { filledFormula, fillRows, formulaRows, formulas } = column;
  if (filledFormula === undefined) return (i) => formulas?.[i];
  const filled = fillDownBy(filledFormula);
  return (i) => (formulaRows === undefined || formulaRows[i] === true ? filled(fillRows?.[i] ?? i) : undefined);
}

/** Whether row i of a column holds a formula. */
export function hasFormula(column: CellColumn, i: number): boolean {
  return column.filledFormula !== undefined ? column.formulaRows === undefined || column.formulaRows[i] === true : column.formulas?.[i] !== undefined;
}

/** Whether row i of a column writes its cell: content, a format or a style. */
export function writesCell(column: CellColumn, i: number): boolean {
  return column.values[i] !== undefined || hasFormula(column, i) || column.numberFormat !== undefined || (column.styles?.[i] ?? column.style) !== undefined;
}
