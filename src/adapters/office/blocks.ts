/**
 * Pure helpers for writing through Office.js in few, large calls: cells grouped into rectangles
 * (one `range.values = [[...]]` per rectangle instead of one call per cell), payload estimates
 * for chunking, and the conversion of a plan's cell into what Excel should receive.
 */
import { parseAddress } from "../../core/grid";
import type { CellWrite } from "../../core/plan/write-plan";

/** A rectangle of cells sharing a key (0-based, inclusive), with its items row by row. */
export interface Block<T> {
  readonly top: number;
  readonly left: number;
  readonly right: number;
  bottom: number;
  readonly key: string;
  readonly items: T[][];
  bytes: number;
}

/** UTF-8 length of a string: what a JSON request body costs on the wire. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of `value` as JSON (`undefined` costs nothing). */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value);
  return s === undefined ? 0 : utf8Length(s);
}

/** Cells by row, then column. */
export type Grid<T> = Map<number, Map<number, T>>;

export function gridOf<T>(entries: Iterable<{ row: number; col: number; item: T }>, merge?: (a: T, b: T) => T): Grid<T> {
  const g: Grid<T> = new Map();
  for (const { row, col, item } of entries) {
    let r = g.get(row);
    if (!r) g.set(row, (r = new Map()));
    const prev = r.get(col);
    r.set(col, prev !== undefined && merge ? merge(prev, item) : item);
  }
  return g;
}

/**
 * Rectangles covering every cell of the grid: first runs of adjacent cells in a row with the same
 * key, then runs with the same columns and key on consecutive rows stacked into one rectangle.
 * A rectangle stops growing at `maxBytes` (by `size`), so a huge write still splits into requests.
 */
export function blocksOf<T>(grid: Grid<T>, key: (t: T) => string, size: (t: T) => number, maxBytes: number): Block<T>[] {
  const out: Block<T>[] = [];
  let open = new Map<string, Block<T>>();
  for (const row of [...grid.keys()].sort((a, b) => a - b)) {
    const cells = grid.get(row)!;
    const cols = [...cells.keys()].sort((a, b) => a - b);
    const runs: { left: number; right: number; key: string; items: T[]; bytes: number }[] = [];
    for (const col of cols) {
      const item = cells.get(col)!;
      const k = key(item);
      const b = size(item);
      const last = runs[runs.length - 1];
      if (last && last.right === col - 1 && last.key === k && last.bytes + b <= maxBytes) {
        last.right = col;
        last.items.push(item);
        last.bytes += b;
      } else {
        runs.push({ left: col, right: col, key: k, items: [item], bytes: b });
      }
    }
    const next = new Map<string, Block<T>>();
    for (const run of runs) {
      const span = `${run.left}:${run.right}:${run.key}`;
      const block = open.get(span);
      if (block && block.bottom === row - 1 && block.bytes + run.bytes <= maxBytes) {
        block.bottom = row;
        block.items.push(run.items);
        block.bytes += run.bytes;
        next.set(span, block);
      } else {
        const nb: Block<T> = { top: row, bottom: row, left: run.left, right: run.right, key: run.key, items: [run.items], bytes: run.bytes };
        out.push(nb);
        next.set(span, nb);
      }
    }
    open = next;
  }
  return out;
}

/** Cell addresses → a grid (invalid addresses are dropped: the plan check reports them first). */
export function addressGrid<T>(items: readonly T[], address: (t: T) => string, merge?: (a: T, b: T) => T): Grid<T> {
  const entries: { row: number; col: number; item: T }[] = [];
  for (const item of items) {
    const p = parseAddress(address(item));
    if (p) entries.push({ row: p.row, col: p.col, item });
  }
  return gridOf(entries, merge);
}

/** Two writes to the same cell: later keys win, styles merge key by key (as the file adapter applies them in turn). */
export function mergeCellWrites(a: CellWrite, b: CellWrite): CellWrite {
  const out: { -readonly [K in keyof CellWrite]: CellWrite[K] } = { ...a };
  if (b.value !== undefined || b.formula !== undefined) {
    delete out.value;
    delete out.formula;
    delete out.result;
    if (b.value !== undefined) out.value = b.value;
    if (b.formula !== undefined) out.formula = b.formula;
    if (b.result !== undefined) out.result = b.result;
  }
  if (b.numberFormat !== undefined) out.numberFormat = b.numberFormat;
  if (b.style) out.style = { ...(a.style ?? {}), ...b.style };
  return out;
}

/**
 * Excel's own formula text hides the `_xlfn.` / `_xlws.` / `_xlpm.` prefixes that a file needs;
 * Office.js takes formulas as a person types them, so strip them outside string literals.
 */
export function officeFormula(formula: string): string {
  const body = formula.replace(/^=/, "");
  const plain = body
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/_xl(?:fn|ws|pm)\./gi, "")))
    .join("");
  return `=${plain}`;
}

/**
 * Text Excel would turn into something else when written through `values`/`formulas` (which
 * behave like typing): formulas, numbers, percentages, booleans, dates, times, error literals.
 * Such text gets a leading apostrophe so the cell keeps it as text, as the file adapter does.
 */
export function needsTextPrefix(s: string): boolean {
  if (s === "") return false;
  if (/^[=+\-@']/.test(s)) return true;
  const t = s.trim();
  if (t === "") return false;
  if (/^\(?[$¥€£]?\s*[+-]?(\d[\d,]*\.?\d*|\.\d+)(e[+-]?\d+)?\s*%?\)?$/i.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  if (/^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i.test(t)) return true;
  if (/^\d{1,4}\s*[-/.]\s*\d{1,2}(\s*[-/.]\s*\d{1,4})?(\s+\d{1,2}:\d{2}(:\d{2})?)?$/.test(t)) return true;
  if (/^\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(\s*[ap]m?)?$/i.test(t)) return true;
  if (/^\d{1,4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?$|^\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(t)) return true;
  if (/^\d{1,2}[-\s](jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*([-\s]\d{2,4})?$/i.test(t)) return true;
  if (/^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-\s]\d{1,4}$/i.test(t)) return true;
  return false;
}

/**
 * What goes into the `formulas`/`values` matrix for this cell: a formula with "=", a value
 * ("" clears the cell, as does null), text protected by an apostrophe where Excel would parse it,
 * or null for "leave this cell's content alone" (Office.js skips null entries of a 2-D array).
 * A formula's `result` cannot be written through Office.js: Excel calculates it.
 */
export function cellInput(w: CellWrite): string | number | boolean | null {
  if (w.formula !== undefined) return officeFormula(w.formula);
  if (w.value === undefined) return null;
  if (w.value === null || w.value === "") return "";
  if (typeof w.value === "string") return needsTextPrefix(w.value) ? `'${w.value}` : w.value;
  return w.value;
}
