/**
 * Formatting one cell with ExcelJS without touching its value or any other cell.
 *
 * ExcelJS shares style objects between cells: a loaded file gives every cell with the
 * same style id the *same* object, and merged cells share their master's object. Assigning
 * `cell.fill` on such a cell would repaint all of them. So a change never assigns into a
 * cell's style: the cell is given another style object (`restyle`), a copy with the change made.
 *
 * That copy is shared in turn: every cell that makes the same change from the same style gets
 * the same object. A plan gives thousands of cells one look, and ExcelJS writes a style object it
 * has seen once as the id it gave it, where a style of its own per cell was rendered to XML and
 * looked up again, per cell, when the workbook was saved. (ExcelJS gives a style without a number
 * format the id of the first cell it writes with it, General or, for a date, a date format; a date in
 * a cell always has its format here: see `restoreRawCells` in read.ts.)
 */
import type * as ExcelJS from "exceljs";
import type { CellStyle } from "../../core/plan/write-plan";

type Style = Partial<ExcelJS.Style>;

/** What a style change reads and replaces: an ExcelJS cell, or a planned sheet's cell (`planned-sheet.ts`). */
export interface Styled {
  style: Style;
}

/** Per style object, the styles made from it, by what was changed (`restyle`'s key). */
const DERIVED = new WeakMap<Style, Map<string, Style>>();
/** A new cell has an empty style object of its own; as the start of a change they are all this one. */
const NO_STYLE: Style = {};

/**
 * Give the cell the style it has with `change` made: the one made before from the same style with the
 * same `key`, or a deep copy of its style with `change` made to it. The key must say all the change does.
 */
function restyle(cell: Styled, key: string, change: (style: Style) => void): void {
  const base = cell.style && !isEmpty(cell.style) ? cell.style : NO_STYLE;
  let made = DERIVED.get(base);
  if (made === undefined) DERIVED.set(base, (made = new Map()));
  let style = made.get(key);
  if (style === undefined) {
    style = styleCopy(base) as Style;
    change(style);
    made.set(key, style);
  }
  cell.style = style;
}

/** A style object with nothing set. */
export function isEmpty(style: object): boolean {
  for (const _ in style) return false;
  return true;
}

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

/**
 * A deep copy of a style: plain objects, arrays and values (fonts, fills with their gradient stops,
 * borders, alignment). Several times faster than `structuredClone` on objects this small; anything
 * else (not found in a style) goes to `structuredClone`.
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
export function setFill(cell: Styled, hex: string): void {
  restyle(cell, `fill ${hex}`, (style) => (style.fill = solidFill(hex)));
}

/** Remove the cell's background (back to "no fill"), keeping the rest of its style. */
export function clearFill(cell: Styled): void {
  restyle(cell, "no fill", (style) => delete style.fill);
}

export function setNumberFormat(cell: Styled, numFmt: string): void {
  restyle(cell, `numFmt ${numFmt}`, (style) => (style.numFmt = numFmt));
}

const THIN: Partial<ExcelJS.Border> = { style: "thin" };

/** Apply the plan's style keys that are set; keys left undefined keep the cell's current look. */
export function applyCellStyle(cell: Styled, s: CellStyle): void {
  restyle(cell, styleKey(s), (style) => {
    if (s.bold !== undefined || s.italic !== undefined || s.fontSize !== undefined || s.fontColor !== undefined) {
      const font: Partial<ExcelJS.Font> = { ...(style.font ?? {}) };
      if (s.bold !== undefined) font.bold = s.bold;
      if (s.italic !== undefined) font.italic = s.italic;
      if (s.fontSize !== undefined) font.size = s.fontSize;
      if (s.fontColor !== undefined) font.color = { argb: argb(s.fontColor) };
      style.font = font;
    }
    if (s.fill !== undefined) style.fill = solidFill(s.fill);
    if (s.wrap !== undefined || s.hAlign !== undefined || s.vAlign !== undefined) {
      const alignment: Partial<ExcelJS.Alignment> = { ...(style.alignment ?? {}) };
      if (s.wrap !== undefined) alignment.wrapText = s.wrap;
      if (s.hAlign !== undefined) alignment.horizontal = s.hAlign;
      // ExcelJS calls Excel's vertical "center" "middle" and writes it as "center".
      if (s.vAlign !== undefined) alignment.vertical = s.vAlign;
      style.alignment = alignment;
    }
    if (s.border === true) {
      style.border = { top: { ...THIN }, left: { ...THIN }, bottom: { ...THIN }, right: { ...THIN } };
    } else if (s.border === false) {
      delete style.border;
    }
    if (s.locked !== undefined) {
      style.protection = { ...(style.protection ?? {}), locked: s.locked };
    }
  });
}

/** A plan style's keys in one text (computed once per style object: a plan shares one among many cells). */
const STYLE_KEYS = new WeakMap<CellStyle, string>();

function styleKey(s: CellStyle): string {
  let key = STYLE_KEYS.get(s);
  if (key === undefined) {
    key = `style ${JSON.stringify([s.bold, s.italic, s.fontSize, s.fontColor, s.fill, s.wrap, s.hAlign, s.vAlign, s.border, s.locked])}`;
    STYLE_KEYS.set(s, key);
  }
  return key;
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

/**
 * A text note as ExcelJS's `Note` models it (`lib/doc/note.js`: its defaults deep-merged with the
 * text), made directly: that deep merge per note was 20 ms of writing a summary's 600 notes. ExcelJS
 * reads a cell's note through `_comment` (`cell.note` its text, `cell.model` this model);
 * test/adapters/xlsx/planned-sheet.test.ts holds the two to the same bytes.
 */
class TextNote {
  constructor(readonly note: string) {}

  get model(): object {
    return {
      note: { margins: { insetmode: "auto", inset: [0.13, 0.13, 0.25, 0.25] }, protection: { locked: "True", lockText: "True" }, editAs: "absolute", texts: [{ text: this.note }] },
      type: "note",
    };
  }
}

export function setNote(cell: ExcelJS.Cell, text: string): void {
  (cell as unknown as { _comment?: unknown })._comment = new TextNote(text);
}
