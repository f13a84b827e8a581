/**
 * ExcelJS worksheet → the core's plain `SheetSnapshot`.
 *
 * The contract is "what Excel's `Range.values` / `Range.formulas` / `Range.numberFormat`
 * would give for the used range", so the core sees the same grid from a file as from the
 * Office.js adapter. This file imports no Node built-ins (only ExcelJS), so a browser
 * build can reuse it on a workbook loaded from an ArrayBuffer.
 */
import type * as ExcelJS from "exceljs";
import { ValueType } from "./exceljs";
import type { CellValue, SheetSnapshot } from "../../core/grid";
import { displayFormula } from "../../core/plan/formula-text";
import { argbHex } from "./package-styles";
import { valuesUnderMerges } from "./values-under-merges";

export { displayFormula };


/** Text of a rich-text run list: what the cell shows, without the run formatting. */
function richTextPlain(v: unknown): string | undefined {
  if (v && typeof v === "object" && Array.isArray((v as { richText?: unknown }).richText)) {
    return ((v as { richText: { text?: unknown }[] }).richText)
      .map((run) => (typeof run.text === "string" ? run.text : ""))
      .join("");
  }
  return undefined;
}

/** An Excel error value as ExcelJS models it: `{ error: "#DIV/0!" }`. */
function errorText(v: unknown): string | undefined {
  if (v && typeof v === "object" && typeof (v as { error?: unknown }).error === "string") {
    return (v as { error: string }).error;
  }
  return undefined;
}

/**
 * One ExcelJS value (a cell value or a formula's cached result) → the core's `CellValue`.
 * Unknown shapes become "" rather than "[object Object]", so a reader never mistakes an
 * adapter artefact for a figure a person typed.
 */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) {
    // A text result on a date-formatted cell is turned into an invalid Date by ExcelJS.
    return Number.isNaN(v.getTime()) ? "" : v;
  }
  const rich = richTextPlain(v);
  if (rich !== undefined) return rich;
  const err = errorText(v);
  if (err !== undefined) return err;
  if (typeof v === "object" && "text" in (v as object)) {
    // Hyperlink: { text, hyperlink }; its text may itself be rich text.
    return plainValue((v as { text: unknown }).text);
  }
  return "";
}

/** Is this cell the non-master part of a merged area? Excel shows those as blank. */
function isMergeSlave(cell: ExcelJS.Cell): boolean {
  return cell.type === ValueType.Merge && cell.master !== cell;
}

/** The value a person sees in the cell, as `Range.values` gives it. */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  if (isMergeSlave(cell)) return "";
  if (cell.type === ValueType.Formula) {
    // `cell.result`, not `cell.value.result`: ExcelJS's value copy drops falsy results (0, false, "").
    return plainValue(cell.result);
  }
  return plainValue(cell.value);
}

/** The formula as typed ("=E6/E5"), or undefined when the cell holds no formula. */
export function cellFormulaOf(cell: ExcelJS.Cell): string | undefined {
  if (isMergeSlave(cell) || cell.type !== ValueType.Formula) return undefined;
  // `cell.formula` resolves shared-formula clones by translating the master's formula.
  const f = cell.formula;
  if (typeof f !== "string" || f === "") return undefined;
  return "=" + displayFormula(f);
}

/**
 * The used range spans from A1 to the last row and column holding a cell ExcelJS knows
 * with content (values, formulas, merged areas). Cells that only carry a format are left
 * out, like Excel's `getUsedRange(true)`: templates formatted far beyond their data would
 * otherwise turn into huge grids of blanks.
 */
function usedExtent(ws: ExcelJS.Worksheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    // eachCell without includeEmpty skips cells of type Null (format only).
    row.eachCell((_cell, c) => {
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    });
  }
  return { rows, cols };
}

/** Hidden rows (0-based), found without creating rows as `eachRow({ includeEmpty })` would. */
function hiddenRowsOf(ws: ExcelJS.Worksheet): number[] {
  const hidden: number[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    if (ws.findRow(r)?.hidden) hidden.push(r - 1);
  }
  return hidden;
}

/** Merged ranges as A1:B2 (ExcelJS keeps them in `_merges`, missing from its typings). */
function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges?: Record<string, { tl: string; br: string }> })._merges ?? {};
  return Object.values(merges).map((r) => `${r.tl}:${r.br}`);
}

/** One worksheet → a dense snapshot: every row has the same length; blank is "". */
export function snapshotSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const { rows, cols } = usedExtent(ws);
  const underMerges = valuesUnderMerges(ws);
  const uncached: string[] = [];
  const values: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const fills: (string | null)[][] = [];
  const notes: Record<string, string> = {};
  for (let r = 0; r < rows; r++) {
    const vRow: CellValue[] = new Array<CellValue>(cols).fill("");
    const fRow: CellValue[] = new Array<CellValue>(cols).fill("");
    const nRow: string[] = new Array<string>(cols).fill("General");
    const fillRow: (string | null)[] = new Array<string | null>(cols).fill(null);
    const row = ws.findRow(r + 1);
    if (row) {
      for (let c = 0; c < cols; c++) {
        const cell = row.findCell(c + 1);
        if (!cell) continue;
        const value = isMergeSlave(cell) ? (underMerges.get(cell.address) ?? "") : cellValueOf(cell);
        vRow[c] = value;
        // A formula saved without its result (written by a program that does not calculate): nothing to read.
        if (cell.type === ValueType.Formula && cell.result === undefined) uncached.push(cell.address);
        fRow[c] = cellFormulaOf(cell) ?? value;
        const fmt = cell.numFmt;
        if (typeof fmt === "string" && fmt !== "") nRow[c] = fmt;
        fillRow[c] = solidFillOf(cell);
        const note = noteTextOf(cell);
        if (note !== undefined) notes[cell.address] = note;
      }
    }
    values.push(vRow);
    formulas.push(fRow);
    numberFormats.push(nRow);
    fills.push(fillRow);
  }
  const merges = mergesOf(ws);
  return { name: ws.name, values, formulas, numberFormats, hiddenRows: hiddenRowsOf(ws), fills, notes, ...(merges.length ? { merges } : {}), ...(uncached.length ? { uncachedFormulas: uncached } : {}) };
}

/** A solid fill as #RRGGBB (what flags restore), null for none or a pattern/theme fill we cannot restore exactly. */
function solidFillOf(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  const argb = fill?.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
  return argb ? argbHex(argb) : null;
}

/** A note's plain text (rich-text runs joined), undefined when the cell has none. */
function noteTextOf(cell: ExcelJS.Cell): string | undefined {
  const note = cell.note as string | { texts?: { text: string }[] } | undefined;
  if (note === undefined || note === null) return undefined;
  const text = typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
  return text === "" ? undefined : text;
}

/**
 * Every worksheet (hidden and very hidden ones too), in tab order. With `sheets`, only
 * those names (matched as Excel does, ignoring case), still in tab order; names the
 * workbook lacks are skipped — the core reports a missing sheet itself.
 */
export function snapshotWorkbook(
  wb: ExcelJS.Workbook,
  opts?: { readonly sheets?: readonly string[] },
): SheetSnapshot[] {
  const wanted = opts?.sheets ? new Set(opts.sheets.map((s) => s.toLowerCase())) : undefined;
  return wb.worksheets
    .filter((ws) => !wanted || wanted.has(ws.name.toLowerCase()))
    .map(snapshotSheet);
}
