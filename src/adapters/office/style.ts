/**
 * A plan's `CellStyle` in Office.js terms: as one `SettableCellProperties` entry (ExcelApi 1.9,
 * a whole rectangle in one `setCellProperties` call), or as format calls on a range (1.7–1.8).
 * Keys the style leaves undefined are not sent, so the cell keeps its current look there.
 */
import type { CellStyle } from "../../core/plan/write-plan";

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const THIN: Excel.CellBorder = { style: "Continuous", weight: "Thin", color: "#000000" };
const NONE: Excel.CellBorder = { style: "None" };

/** One cell's style for `setCellProperties`; `{}` for a cell whose style is not touched. */
export function cellProperties(s: CellStyle | undefined): Excel.SettableCellProperties {
  if (!s) return {};
  const format: Excel.CellPropertiesFormat = {};
  const font: Excel.CellPropertiesFont = {};
  if (s.bold !== undefined) font.bold = s.bold;
  if (s.italic !== undefined) font.italic = s.italic;
  if (s.fontSize !== undefined) font.size = s.fontSize;
  if (s.fontColor !== undefined) font.color = s.fontColor.toUpperCase();
  if (Object.keys(font).length > 0) format.font = font;
  if (s.fill !== undefined) format.fill = { color: s.fill.toUpperCase() };
  if (s.wrap !== undefined) format.wrapText = s.wrap;
  if (s.hAlign !== undefined) format.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign !== undefined) format.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.border !== undefined) {
    const b = s.border ? THIN : NONE;
    format.borders = { top: { ...b }, bottom: { ...b }, left: { ...b }, right: { ...b } };
  }
  if (s.locked !== undefined) format.protection = { locked: s.locked };
  return Object.keys(format).length > 0 ? { format } : {};
}

/** A style as a stable key: cells with equal keys can share one range's format calls. */
export function styleKey(s: CellStyle | undefined): string {
  if (!s) return "";
  const keys = Object.keys(s).sort() as (keyof CellStyle)[];
  return JSON.stringify(keys.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
const INSIDE = ["InsideHorizontal", "InsideVertical"] as const;

/**
 * Apply a style to every cell of a range with format calls (no `setCellProperties`).
 * `multiCell`: the range holds more than one cell, so inner borders are set as well.
 */
export function applyStyleToRange(range: Excel.Range, s: CellStyle, multiCell: boolean): void {
  const f = range.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.fontSize !== undefined) f.font.size = s.fontSize;
  if (s.fontColor !== undefined) f.font.color = s.fontColor.toUpperCase();
  if (s.fill !== undefined) f.fill.color = s.fill.toUpperCase();
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.hAlign !== undefined) f.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign !== undefined) f.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.border !== undefined) {
    for (const edge of multiCell ? [...EDGES, ...INSIDE] : EDGES) {
      const border = f.borders.getItem(edge);
      if (s.border) {
        border.style = "Continuous";
        border.weight = "Thin";
        border.color = "#000000";
      } else {
        border.style = "None";
      }
    }
  }
  if (s.locked !== undefined) f.protection.locked = s.locked;
}

/** Format calls `applyStyleToRange` queues: for the payload estimate. */
export function styleCallCount(s: CellStyle, multiCell: boolean): number {
  let n = 0;
  for (const k of ["bold", "italic", "fontSize", "fontColor", "fill", "wrap", "hAlign", "vAlign", "locked"] as const) if (s[k] !== undefined) n++;
  if (s.border !== undefined) n += (multiCell ? 6 : 4) * (s.border ? 3 : 1);
  return n;
}

/**
 * Excel character widths (what the plan and ExcelJS use) → points (what `format.columnWidth`
 * takes). With the default Calibri 11 a character is 7 px plus 5 px of padding, and 1 px is 0.75 pt
 * at 96 dpi: 8.43 characters → 64 px → 48 pt, Excel's default column. Other default fonts
 * make this approximate.
 */
export function columnWidthPoints(chars: number): number {
  if (chars <= 0) return 0;
  const px = Math.round(chars * 7 + 5);
  return px * 0.75;
}
