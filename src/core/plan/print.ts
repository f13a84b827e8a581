/**
 * A sheet's print set-up as a plan asks for it (see `PrintSpec`), in the terms both adapters write:
 * Excel's title-row reference, the page header and footer with their codes, and the checks made
 * before anything is written.
 */
import { columnLetters, parseAddress } from "../grid";
import { parseRange } from "./range";
import { PAGE_FOOTER, type CellWrite, type PrintSpec } from "./write-plan";

/** Excel's limit on a page header or footer, codes included. */
export const HEADER_FOOTER_LIMIT = 255;

/** `{ first: 0, last: 4 }` → `$1:$5`, as Excel names repeated title rows. */
export function titleRowsRef(rows: NonNullable<PrintSpec["titleRows"]>): string {
  return `$${rows.first + 1}:$${rows.last + 1}`;
}

/** `{ first: 0, last: 2 }` → `$A:$C`, as Excel names repeated title columns. */
export function titleColumnsRef(cols: NonNullable<PrintSpec["titleColumns"]>): string {
  return `$${columnLetters(cols.first)}:$${columnLetters(cols.last)}`;
}

/** The header text with `&` doubled, so a title holding one prints it rather than starting a code. */
export function headerText(spec: PrintSpec): string {
  return spec.header.replace(/&/g, "&&");
}

/** The centre-section codes of an .xlsx header and footer (`&C…`). */
export function headerFooterCodes(spec: PrintSpec): { header: string; footer: string } {
  return { header: `&C${headerText(spec)}`, footer: `&C${PAGE_FOOTER}` };
}

/**
 * Column units one A4 page holds at a scale still comfortable to read (about 70 %): what decides how
 * many pages a wide table is spread across.
 */
const PAGE_UNITS = { portrait: 140, landscape: 210 } as const;

/** Pages across for columns of `widths`, the first `repeated` of them printed again on every page. */
export function pagesAcross(widths: readonly number[], repeated: number, orientation: PrintSpec["orientation"]): number {
  const title = widths.slice(0, repeated).reduce((a, b) => a + b, 0);
  const rest = widths.slice(repeated).reduce((a, b) => a + b, 0);
  return Math.max(1, Math.ceil(rest / Math.max(1, PAGE_UNITS[orientation] - title)));
}

/** `A1:` to the last row and column the cells reach: the print area of a sheet written whole by one plan. */
export function usedArea(cells: readonly CellWrite[]): string {
  let row = 0;
  let col = 0;
  for (const c of cells) {
    const p = parseAddress(c.address);
    if (!p) continue;
    row = Math.max(row, p.row);
    col = Math.max(col, p.col);
  }
  return `A1:${columnLetters(col)}${row + 1}`;
}

export function printProblems(spec: PrintSpec): string[] {
  const out: string[] = [];
  if (spec.area !== undefined && !parseRange(spec.area)) out.push(`print area "${spec.area}" is not a range`);
  const t = spec.titleRows;
  if (t && (!Number.isInteger(t.first) || !Number.isInteger(t.last) || t.first < 0 || t.last < t.first)) out.push(`print title rows ${t.first}–${t.last} are not rows`);
  const c = spec.titleColumns;
  if (c && (!Number.isInteger(c.first) || !Number.isInteger(c.last) || c.first < 0 || c.last < c.first)) out.push(`print title columns ${c.first}–${c.last} are not columns`);
  if (spec.pagesWide !== undefined && (!Number.isInteger(spec.pagesWide) || spec.pagesWide < 1)) out.push(`pages wide ${spec.pagesWide} is not a whole number ≥ 1`);
  if (headerFooterCodes(spec).header.length > HEADER_FOOTER_LIMIT) out.push(`page header longer than ${HEADER_FOOTER_LIMIT} characters`);
  return out;
}
