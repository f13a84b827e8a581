/**
 * What a cell's style id means to a snapshot, read from styles.xml as ExcelJS 4.4 reads it: the
 * number format (a custom code, or a built-in one by its id) and a solid fill's colour. The snapshot
 * reader (`snapshot-package.ts`) looks every cell's `s` up here.
 */
import { attr, elementText, elements } from "./xml-read";

export interface CellStyles {
  /** The number format of style `id`; undefined for General or no style. */
  numFmt(id: number): string | undefined;
  /** The ARGB colour of style `id`'s solid fill; undefined for none, another pattern or a theme colour. */
  fillArgb(id: number): string | undefined;
}

/** The built-in formats ExcelJS names by id (ids 27–36 and 50–58 depend on the locale; it names none of them). */
const BUILT_IN: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** No styles part: every cell reads as General, without a fill. */
export const NO_STYLES: CellStyles = { numFmt: () => undefined, fillArgb: () => undefined };

export function readCellStyles(xml: string): CellStyles {
  // Custom formats by id; ExcelJS drops a backslash before any character ("0\%" reads as "0%").
  const custom = new Map<number, string>();
  for (const { tag } of elements(elementText(xml, "numFmts") ?? "", "numFmt")) {
    const code = attr(tag, "formatCode");
    if (code !== undefined) custom.set(parseInt(attr(tag, "numFmtId") ?? "", 10), code.replace(/[\\](.)/g, "$1"));
  }
  const fills = [...elements(elementText(xml, "fills") ?? "", "fill")].map(({ body }) => solidArgb(body));
  const xfs = [...elements(elementText(xml, "cellXfs") ?? "", "xf")].map(({ tag }) => ({
    numFmtId: parseInt(attr(tag, "numFmtId") ?? "", 10),
    fillId: parseInt(attr(tag, "fillId") ?? "", 10),
  }));
  return {
    // ExcelJS gives style 0 to no cell (a cell's `s="0"` reads as no style), and a format only for an id other than 0.
    numFmt: (id) => {
      const xf = id ? xfs[id] : undefined;
      return xf?.numFmtId ? (custom.get(xf.numFmtId) ?? BUILT_IN[xf.numFmtId]) : undefined;
    },
    fillArgb: (id) => {
      const xf = id ? xfs[id] : undefined;
      return xf && !Number.isNaN(xf.fillId) ? fills[xf.fillId] : undefined;
    },
  };
}

/** `<patternFill patternType="solid"><fgColor rgb="FFRRGGBB"/>`'s colour as written; undefined for anything else. */
function solidArgb(fill: string): string | undefined {
  const pattern = /<patternFill\b([^>]*?)(?:\/>|>([\s\S]*?)<\/patternFill>)/.exec(fill);
  if (!pattern || attr(pattern[1], "patternType") !== "solid") return undefined;
  const color = /<fgColor\b([^>]*?)\/?>/.exec(pattern[2] ?? "");
  return color ? attr(color[1], "rgb") : undefined;
}

/** An ARGB colour as written in a file ("FFFFF2CC") → #RRGGBB; null for anything else. */
export function argbHex(argb: string): string | null {
  let hex = HEX.get(argb);
  if (hex === undefined) {
    hex = /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
    // A sheet uses a handful of colours on most of its cells: each is read once.
    if (HEX.size < 1000) HEX.set(argb, hex);
  }
  return hex;
}

const HEX = new Map<string, string | null>();
