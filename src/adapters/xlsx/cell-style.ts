/**
 * Formatting one cell with ExcelJS without touching its value or any other cell.
 *
 * ExcelJS shares style objects between cells: a loaded file gives every cell with the
 * same style id the *same* object, and merged cells share their master's object. Assigning
 * `cell.fill` on such a cell would repaint all of them. So every change first gives the
 * cell its own deep copy of its style (`ownStyle`), then replaces whole sub-objects.
 */
import type * as ExcelJS from "exceljs";
import type { CellStyle } from "../../core/plan/write-plan";

/** A plan uses a handful of colours on thousands of cells: each is converted once. */
const ARGB = new Map<string, string>();

/** "#RRGGBB" → ExcelJS ARGB "FFRRGGBB"; throws on anything else (a plan bug, not user data). */
export function argb(hex: string): string {
  let out = ARGB.get(hex);
  if (out === undefined) {
    const m = /^#?([0-9a-fA-F]{6})$/.exec(hex.trim());
    if (!m) throw new Error(`Not a #RRGGBB colour: "${hex}"`);
    ARGB.set(hex, (out = "FF" + m[1].toUpperCase()));
  }
  return out;
}

/** Give the cell a private copy of its style so later assignments touch this cell only. */
export function ownStyle(cell: ExcelJS.Cell): void {
  cell.style = styleCopy(cell.style ?? {}) as Partial<ExcelJS.Style>;
}

/**
 * A deep copy of a style: plain objects, arrays and values (fonts, fills with their gradient stops,
 * borders, alignment). Several times faster than `structuredClone` on objects this small, and a plan
 * styles thousands of cells; anything else (not found in a style) goes to `structuredClone`.
 */
export function styleCopy(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) return v.map(styleCopy);
  if (Object.getPrototypeOf(v) !== Object.prototype) return structuredClone(v);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = styleCopy(x);
  return out;
}

export function solidFill(hex: string): ExcelJS.FillPattern {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } };
}

/** Paint a solid background; value, font and number format stay as they were. */
export function setFill(cell: ExcelJS.Cell, hex: string): void {
  ownStyle(cell);
  cell.fill = solidFill(hex);
}

/** Remove the cell's background (back to "no fill"), keeping the rest of its style. */
export function clearFill(cell: ExcelJS.Cell): void {
  ownStyle(cell);
  delete (cell.style as Partial<ExcelJS.Style>).fill;
}

export function setNumberFormat(cell: ExcelJS.Cell, numFmt: string): void {
  ownStyle(cell);
  cell.numFmt = numFmt;
}

const THIN: Partial<ExcelJS.Border> = { style: "thin" };

/** Apply the plan's style keys that are set; keys left undefined keep the cell's current look. */
export function applyCellStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  ownStyle(cell);
  if (s.bold !== undefined || s.italic !== undefined || s.fontSize !== undefined || s.fontColor !== undefined) {
    const font: Partial<ExcelJS.Font> = { ...(cell.font ?? {}) };
    if (s.bold !== undefined) font.bold = s.bold;
    if (s.italic !== undefined) font.italic = s.italic;
    if (s.fontSize !== undefined) font.size = s.fontSize;
    if (s.fontColor !== undefined) font.color = { argb: argb(s.fontColor) };
    cell.font = font;
  }
  if (s.fill !== undefined) cell.fill = solidFill(s.fill);
  if (s.wrap !== undefined || s.hAlign !== undefined || s.vAlign !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = { ...(cell.alignment ?? {}) };
    if (s.wrap !== undefined) alignment.wrapText = s.wrap;
    if (s.hAlign !== undefined) alignment.horizontal = s.hAlign;
    // ExcelJS calls Excel's vertical "center" "middle" and writes it as "center".
    if (s.vAlign !== undefined) alignment.vertical = s.vAlign;
    cell.alignment = alignment;
  }
  if (s.border === true) {
    cell.border = { top: { ...THIN }, left: { ...THIN }, bottom: { ...THIN }, right: { ...THIN } };
  } else if (s.border === false) {
    delete (cell.style as Partial<ExcelJS.Style>).border;
  }
  if (s.locked !== undefined) {
    cell.protection = { ...(cell.protection ?? {}), locked: s.locked };
  }
}

/**
 * ExcelJS has no API to remove a note: `cell.note = undefined` creates an empty one, and a
 * loaded cell keeps its note in the value model too (`cell.model` returns that live object).
 * Clear both, through the one private field there is (`_comment`).
 */
export function removeNote(cell: ExcelJS.Cell): void {
  (cell as unknown as { _comment?: unknown })._comment = undefined;
  delete (cell.model as { comment?: unknown }).comment;
}

export function setNote(cell: ExcelJS.Cell, text: string): void {
  cell.note = text;
}
