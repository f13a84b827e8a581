/**
 * How tall a row must be for its wrapped text, so nothing spills over the rows below in Excel, WPS
 * or LibreOffice (which size rows to content only when asked to, and never on load). Widths are in
 * Excel's column units (about one "0" of the default font); a CJK or full-width character takes two.
 */

/** Points per line of 11-point text: Excel's default row height. */
const LINE_POINTS = 15;
/** Room above and below the lines. */
const PADDING_POINTS = 3;

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

/** Width of `text` in column units: two for each CJK or full-width character, one for the rest. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

/** Lines `text` takes wrapped in a column `width` units wide (each "\n" starts a line). */
export function wrappedLines(text: string, width: number, fontSize = 11): number {
  // A cell's inner width is a little less than the column's; larger text takes more of it.
  const room = Math.max(1, (width - 1) * (11 / fontSize));
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
}

/** Points a row needs so each of its wrapped cells shows whole; at least one line. */
export function rowHeightFor(cells: readonly { readonly text: string; readonly width: number; readonly fontSize?: number }[]): number {
  let points = LINE_POINTS;
  for (const c of cells) {
    const lineHeight = LINE_POINTS * ((c.fontSize ?? 11) / 11);
    points = Math.max(points, wrappedLines(c.text, c.width, c.fontSize) * lineHeight);
  }
  return Math.ceil(points + PADDING_POINTS);
}
