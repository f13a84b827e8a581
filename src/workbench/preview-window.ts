/**
 * The part of a sheet the preview shows: rows around the selected cells, the used columns, and each
 * cell's text as a person would read it in the sheet (a rate as a percentage, a date as a date).
 */
import { cellAt, columnLetters, numberFormatAt, parseAddress, type CellValue, type SheetSnapshot } from "../core/grid";

const ROWS_BEFORE = 4;
const ROWS_SHOWN = 24;
const MAX_COLUMNS = 14;

export interface PreviewCell {
  readonly text: string;
  readonly fill?: string;
  readonly note?: string;
  readonly selected: boolean;
  readonly numeric: boolean;
}

export interface PreviewWindow {
  readonly columns: readonly string[];
  readonly rows: readonly { readonly number: number; readonly cells: readonly PreviewCell[] }[];
  /** The first cell named (a finding names its own first), for the caption. */
  readonly anchor?: string;
}

/** Every single cell of A1 addresses and A1:B2 ranges. */
function selectedCells(addresses: readonly string[]): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (const a of addresses) {
    const [from, to = from] = a.split(":");
    const p = parseAddress(from);
    const q = parseAddress(to);
    if (!p || !q) continue;
    for (let row = Math.min(p.row, q.row); row <= Math.max(p.row, q.row); row++) {
      for (let col = Math.min(p.col, q.col); col <= Math.max(p.col, q.col); col++) out.push({ row, col });
    }
  }
  return out;
}

function decimalsOf(format: string): number {
  const m = /\.(0+)/.exec(format);
  return m ? m[1].length : 0;
}

/** A cell's value as the sheet shows it, near enough for reading: percentages, dates, plain numbers. */
export function cellDisplay(v: CellValue, format: string | undefined): string {
  if (v === null || v === "") return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  if (format && format.includes("%")) return `${(v * 100).toFixed(decimalsOf(format))}%`;
  if (format && /0\.0/.test(format)) return v.toFixed(decimalsOf(format));
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10)));
}

/**
 * The window onto `sheet` around `addresses`. `hidden`: columns a person does not see in the sheet
 * (a fill-in sheet's dimension and marker columns), left out as the sheet's own view leaves them out.
 */
export function previewWindow(sheet: SheetSnapshot, addresses: readonly string[], hidden: ReadonlySet<number> = new Set()): PreviewWindow {
  const selected = selectedCells(addresses);
  const chosen = new Set(selected.map((c) => `${c.row},${c.col}`));
  const anchorRow = selected.length > 0 ? Math.min(...selected.map((c) => c.row)) : 0;
  const first = Math.max(0, anchorRow - ROWS_BEFORE);
  const last = Math.max(Math.min(sheet.values.length, first + ROWS_SHOWN), anchorRow + 1);
  const used = sheet.values.reduce((n, r) => Math.max(n, r.length), 0);
  const width = Math.min(Math.max(used, ...selected.map((c) => c.col + 1)), MAX_COLUMNS);
  const shown = Array.from({ length: width }, (_, i) => i).filter((i) => !hidden.has(i));
  const columns = shown.map((i) => columnLetters(i));
  const rows = [];
  for (let row = first; row < last; row++) {
    const cells: PreviewCell[] = [];
    for (const col of shown) {
      const v = cellAt(sheet, row, col);
      const address = `${columnLetters(col)}${row + 1}`;
      cells.push({
        text: cellDisplay(v, numberFormatAt(sheet, row, col)),
        fill: sheet.fills?.[row]?.[col] ?? undefined,
        note: sheet.notes?.[address],
        selected: chosen.has(`${row},${col}`),
        numeric: typeof v === "number",
      });
    }
    rows.push({ number: row + 1, cells });
  }
  const anchor = selected[0] ? `${columnLetters(selected[0].col)}${selected[0].row + 1}` : undefined;
  return { columns, rows, anchor };
}
