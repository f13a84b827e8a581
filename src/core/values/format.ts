/**
 * Reading Excel number formats ("0.00%", "yyyy/m/d", `0"件"`), only as far as value parsing needs:
 * does the cell show its number as a percentage, or as a date?
 */

/**
 * The parts of a number format that are format codes, with literal text removed:
 * quoted strings ("件"), bracketed sections ([Red], [$-804], [DBNum1], [h]),
 * escaped characters (\x), and padding/fill (_x, *x).
 */
function formatCodes(numberFormat: string): string {
  let codes = CODES.get(numberFormat);
  if (codes === undefined) {
    codes = numberFormat
      .replace(/"[^"]*"?/g, "")
      .replace(/\[[^\]]*\]?/g, "")
      .replace(/\\./g, "")
      .replace(/[_*]./g, "");
    // A workbook uses a handful of formats for thousands of cells: each is read once.
    if (CODES.size < 1000) CODES.set(numberFormat, codes);
  }
  return codes;
}

const CODES = new Map<string, string>();

/** True when a number format shows the number as a percentage ("0%", "0.00%"), so the stored number is a fraction. */
export function isPercentFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  return kindOf(numberFormat).percent;
}

/** What a number format shows: a percentage, a date. */
export interface FormatKind {
  readonly percent: boolean;
  readonly date: boolean;
}

/** What a format shows (neither, without one): one lookup where a cell asks both questions. */
export function formatKind(numberFormat: string | undefined): FormatKind {
  return numberFormat ? kindOf(numberFormat) : PLAIN;
}

const PLAIN: FormatKind = { percent: false, date: false };

/** What a format shows, read once per format (every input cell of a sheet asks, about a handful of formats). */
function kindOf(numberFormat: string): FormatKind {
  let kind = KINDS.get(numberFormat);
  if (!kind) {
    const codes = formatCodes(numberFormat);
    kind = { percent: codes.includes("%"), date: !/^(general|g\/通用格式)$/i.test(codes.trim()) && /[ymdhs]/i.test(codes) };
    if (KINDS.size < 1000) KINDS.set(numberFormat, kind);
  }
  return kind;
}

const KINDS = new Map<string, FormatKind>();

/**
 * True when a number format shows a date or time ("yyyy/m/d", `yyyy"年"m"月"d"日"`, "h:mm"):
 * The Office JavaScript API hands such cells over as serial numbers. "General" and "G/通用格式" are not dates.
 */
export function isDateFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  return kindOf(numberFormat).date;
}
