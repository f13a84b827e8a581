/**
 * The cells of a sheet a plan creates in a workbook that is only going to be written (the command
 * line's summary), kept as the rows ExcelJS's model gives for them instead of as ExcelJS cells. Making
 * the summary sheets' 16,000 cells and then their model again was about 100 ms of a 38-file
 * consolidation. `applyPlan(wb, plan, { forWriting: true })` puts a new sheet's cells, merges, rows,
 * fills and notes here — made as ExcelJS makes them, step for step (`lib/doc/cell.js`, `row.js`,
 * `worksheet.js`) — and everything else (columns, input rules, views, print, protection) on its
 * worksheet as always; `packWorkbook` writes these rows in place of the worksheet's own, which stay
 * empty (`putPlannedRows` in render-parts.ts). test/adapters/xlsx/planned-sheet.test.ts holds both ways
 * to the same bytes. No ExcelJS module here: apply.ts, which the pane bundles, imports this file.
 */
import type * as ExcelJS from "exceljs";
import { addressOf, parseAddress } from "../../core/grid";
import { cellsOf, parseRange, rectText } from "../../core/plan/range";
import { columnFormulas, writesCell } from "../../core/plan/plan-cells";
import type { CellColumn, CellStyle, CellWrite, ColumnEntry, RowSpec } from "../../core/plan/write-plan";
import { applyCellStyle, setFill, setNumberFormat, type Styled } from "./cell-style";
import { ValueType } from "./exceljs";

/**
 * A cell as ExcelJS's `Cell.model` gives it (its value's model, its style, its note), and the model
 * itself: every planned cell has every field, so the code that prepares and renders thousands of them
 * sees one shape (objects of a dozen shapes made ExcelJS's preparing and the sheet's rendering slower
 * than making ExcelJS cells had been).
 */
export interface CellModel extends Styled {
  readonly address: string;
  type: number;
  value: unknown;
  /** A merged cell's top-left cell. */
  master: string | undefined;
  formula: string | undefined;
  result: unknown;
  /** ExcelJS's model of the note, made when the sheet is written (`rowModels`). */
  comment: object | undefined;
  note: string | undefined;
}

interface PlannedRow {
  readonly number: number;
  /** By 0-based column; sparse, as ExcelJS's `_cells`. */
  readonly cells: (CellModel | undefined)[];
  height?: number;
  hidden?: boolean;
}

/** A row as ExcelJS's `Row.model` gives it. */
export interface RowModel {
  cells: CellModel[];
  number: number;
  min: number;
  max: number;
  height?: number;
  style: object;
  hidden: boolean;
  outlineLevel: number;
  collapsed: boolean;
}

/** A formula's cached result as ExcelJS stores it; Excel error texts become error values. */
export function cachedResult(result: CellWrite["result"]): ExcelJS.CellFormulaValue["result"] {
  if (result === null || result === undefined) return undefined;
  if (typeof result === "string" && result.startsWith("#") && /^#(?:DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA)$/.test(result)) {
    return { error: result as ExcelJS.CellErrorValue["error"] };
  }
  return result;
}

export class PlannedSheet {
  /** By 0-based row; sparse, as ExcelJS's `_rows`. */
  private readonly rows: (PlannedRow | undefined)[] = [];
  /** The merged areas (A1:B2) and their top-left cells. */
  private readonly merges = new Set<string>();
  private readonly masters = new Set<string>();

  /** The cell, made empty (no value, a style of its own) if the sheet has none there yet: `ws.getCell`. */
  private cell(row: number, col: number): CellModel {
    const r = this.row(row);
    let c = r.cells[col];
    if (!c) {
      r.cells[col] = c = { address: addressOf(row, col), type: ValueType.Null, value: undefined, master: undefined, formula: undefined, result: undefined, style: {}, comment: undefined, note: undefined };
    }
    return c;
  }

  private row(row: number): PlannedRow {
    let r = this.rows[row];
    if (!r) this.rows[row] = r = { number: row + 1, cells: [] };
    return r;
  }

  /** `writeCell` in apply.ts: the plan's checks have refused an address that is not a cell. */
  write(w: CellWrite): void {
    const p = parseAddress(w.address)!;
    this.put(p.row, p.col, w.formula, w.formula !== undefined ? w.result : w.value, w.numberFormat, w.style);
  }

  /**
   * A column's cells, as `columnCells` lists them and `writeCell` writes them, without making each a
   * `CellWrite` with an address to parse again. Returns how many cells it wrote.
   */
  writeColumn(column: CellColumn): number {
    const top = parseAddress(column.top);
    if (!top) return 0;
    const formulaAt = columnFormulas(column);
    let written = 0;
    for (let i = 0; i < column.values.length; i++) {
      if (!writesCell(column, i)) continue;
      this.put(top.row + i, top.col, formulaAt(i), column.values[i], column.numberFormat, column.styles?.[i] ?? column.style);
      written++;
    }
    return written;
  }

  /** With a formula, `value` is its cached result. */
  private put(row: number, col: number, formula: string | undefined, value: ColumnEntry, numberFormat: string | undefined, style: CellStyle | undefined): void {
    const c = this.cell(row, col);
    if (formula !== undefined) setValue(c, ValueType.Formula, undefined, formula.replace(/^=/, ""), cachedResult(value));
    else if (value !== undefined) setValue(c, valueType(value === "" ? null : value), value === "" ? undefined : (value ?? undefined));
    if (numberFormat !== undefined) setNumberFormat(c, numberFormat);
    if (style) applyCellStyle(c, style);
  }

  /** `ws.mergeCells`: every cell but the top-left one becomes part of it, with its style. */
  merge(range: string): void {
    const r = parseRange(range);
    if (!r || (r.top === r.bottom && r.left === r.right)) return;
    if (this.merges.has(rectText(r))) return; // already this merged area: `alreadyMerged`
    // As ExcelJS refuses a merge over a merged cell (the plan's checks refuse overlapping merges first).
    for (const { row, col } of cellsOf(r)) if (this.rows[row]?.cells[col]?.type === ValueType.Merge || this.masters.has(addressOf(row, col))) throw new Error("Cannot merge already merged cells");
    const master = this.cell(r.top, r.left);
    for (const { row, col } of cellsOf(r)) {
      if (row === r.top && col === r.left) continue;
      const c = this.cell(row, col);
      setValue(c, ValueType.Merge);
      c.master = master.address;
      c.style = master.style;
    }
    this.merges.add(rectText(r));
    this.masters.add(master.address);
  }

  /** A row's height and visibility; an empty row without a height gets a blank cell, as in apply.ts, so it is written. */
  rowSpec(spec: RowSpec): void {
    const r = this.row(spec.index);
    if (spec.height !== undefined) r.height = spec.height;
    if (spec.hidden !== undefined) r.hidden = spec.hidden;
    if (r.cells.length === 0 && spec.height === undefined) this.cell(spec.index, 0);
  }

  fill(address: string, color: string): void {
    const p = parseAddress(address)!;
    setFill(this.cell(p.row, p.col), color);
  }

  note(address: string, text: string): void {
    const p = parseAddress(address)!;
    this.cell(p.row, p.col).note = text;
  }

  /** The rows as ExcelJS's `Worksheet.model` lists them, each note made a comment by `comment` (ExcelJS's `Note`). */
  rowModels(comment: (text: string) => object): RowModel[] {
    const rows: RowModel[] = [];
    for (const r of this.rows) {
      if (!r) continue;
      const cells: CellModel[] = [];
      let min = 0;
      let max = 0;
      r.cells.forEach((c, i) => {
        if (!c) return;
        const col = i + 1;
        if (!min || min > col) min = col;
        if (max < col) max = col;
        if (c.note !== undefined) c.comment = comment(c.note);
        cells.push(c);
      });
      if (!r.height && cells.length === 0) continue;
      rows.push({ cells, number: r.number, min, max, height: r.height, style: {}, hidden: !!r.hidden, outlineLevel: 0, collapsed: false });
    }
    return rows;
  }
}

/** A new value in the cell, as ExcelJS replaces a cell's value model (`cell.value = v`, `cell.merge`). */
function setValue(c: CellModel, type: number, value?: unknown, formula?: string, result?: unknown): void {
  c.type = type;
  c.value = value;
  c.master = undefined;
  c.formula = formula;
  c.result = result;
}

/** ExcelJS's type of a plain value (`Value.getType`). */
function valueType(value: string | number | boolean | null): number {
  if (value === null) return ValueType.Null;
  if (typeof value === "string") return ValueType.String;
  if (typeof value === "number") return ValueType.Number;
  return ValueType.Boolean;
}

const planned = new WeakMap<ExcelJS.Workbook, Map<ExcelJS.Worksheet, PlannedSheet>>();

/** Keep `ws`'s cells as a planned sheet from now on (it must have none of its own). */
export function planSheet(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): PlannedSheet {
  let sheets = planned.get(wb);
  if (!sheets) planned.set(wb, (sheets = new Map()));
  const sheet = new PlannedSheet();
  sheets.set(ws, sheet);
  return sheet;
}

/** The planned sheet whose cells stand for `ws`'s, if it is one. */
export function plannedSheetOf(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): PlannedSheet | undefined {
  return planned.get(wb)?.get(ws);
}

/** Whether `wb` has sheets whose cells only `packWorkbook` writes (ExcelJS's own writer would leave them out). */
export function hasPlannedSheets(wb: ExcelJS.Workbook): boolean {
  return (planned.get(wb)?.size ?? 0) > 0;
}
