import type { CellValue } from "../grid";
import type { IndicatorKind } from "../template/schema";
import { isDateFormat, isPercentFormat, type FormatKind } from "./format";
import type { ParseFailure, ParsedCell } from "./types";

/**
 * Reading one indicator cell the way district staff really fill it in
 * (full-width digits, 万/亿, 余/以上, percentages, dashes for "not reported"; see the cases below).
 *
 * Values are computed from the written digits as a decimal string (`Number("2314e2")`), never by
 * multiplying floats, so `23.14亿元` is exactly 231400 万元 and `94.44%` exactly 0.9444.
 */

/** Prefixes meaning "about" or a bound: 约200, 近200, 超过200, 不足200. */
const APPROX_PREFIXES = ["将近", "接近", "大约", "超过", "不足", "不到", "约", "近", "逾", "≈"];

/** Suffixes meaning "about" or a bound: 200余, 100多, 95%以上, 12件左右, 200+. */
const APPROX_SUFFIXES = ["及以上", "以上", "以下", "以内", "左右", "上下", "余", "多", "许", "+"];

/** Multipliers written after the number, as powers of ten. */
const SCALES: readonly (readonly [string, number])[] = [
  ["千万", 7],
  ["百万", 6],
  ["亿", 8],
  ["万", 4],
  ["千", 3],
];

/** Units staff add although the template shows them; stripped. Longest first where one is a prefix of another. */
const UNITS = [
  "人次", "场次", "件次", "户次", "家次", "个次", "份次", "批次", "课时", "学时", "小时",
  "件", "人", "项", "个", "条", "次", "场", "卷", "所", "名", "户", "家", "份", "篇", "部", "期", "批",
  "起", "宗", "册", "本", "套", "处", "台", "位", "例", "笔", "组", "支", "张", "天", "日", "轮", "单",
  "门", "类", "种", "款", "座", "间", "栋", "元",
];

/** Text that means "not reported": dashes and slashes in any run, and words for "none". */
const NOT_REPORTED_MARKS = /^[-‐‑‒–—―─━~_/\\\s]+$/;
const NOT_REPORTED_WORDS = new Set(["无", "暂无", "没有", "无数据", "不适用", "未统计", "n/a", "na"]);

const EXCEL_ERROR = /^#(?:DIV\/0!|VALUE!|N\/A|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

/** Dates typed as text: 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日, 2023年5月, 5月1日. */
const DATE_TEXT = [
  /^\d{4}\s*[-/]\s*\d{1,2}(?:\s*[-/]\s*\d{1,2})?$/,
  /^\d{4}\.\d{1,2}\.\d{1,2}$/,
  /^\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?$/,
  /^\d{1,2}\s*月\s*\d{1,2}\s*日$/,
];

/** The number itself: 159, 1,046 (groups of three only), 12.5, .5, 5. */
const NUMBER = /^(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?|\.(\d+))/;

/**
 * Parse one input cell of an indicator of the given kind.
 *
 * - Counts come back as units, amounts in 万元, rates as a fraction (94.44 % → 0.9444).
 * - Blank, a dash (—, -, --, –, －), `/` and `无` are `blank`: not reported, never 0.
 * - `余`, `多`, `以上`, `左右`, `约`, `+` … keep the number and set `approximate`.
 * - `万`, `亿` scale the number; for an amount `元` means yuan (`5000元` → 0.5 万元), while a plain
 *   number or one with `万`/`万元` is already 万元. A trailing unit (件, 人次, 场次 …) is stripped.
 * - Rates: `94.44%` → 0.9444; a number from a cell whose number format shows `%` is already a
 *   fraction; otherwise a number ≤ 1 is a fraction and a number > 1 is read as percentage points
 *   (94.44 → 0.9444, `percentPoints: true`). A rate with a unit or `万` is `notANumber`.
 * - A percentage where a count or amount belongs is `percentInCount` — also a number from a
 *   count/amount cell whose number format shows `%` (the cell shows "94%").
 * - A number from a cell with a date format (the Office JavaScript API hands dates over as serial numbers), a JS
 *   Date, or a date typed as text is `date`.
 *
 * `decimals` counts the digits after the point as written (for a number in a `%` cell: as shown
 * in percent, 0.9444 → 2); `resolution` is one unit of the last written digit in the stored scale.
 * Never throws.
 */
export function parseCellValue(raw: CellValue, kind: IndicatorKind, numberFormat?: string): ParsedCell {
  try {
    if (raw === null || raw === undefined) return { status: "blank", raw: "" };
    if (typeof raw === "number") return parseNumber(raw, kind, numberFormat);
    if (typeof raw === "string") return parseText(raw, kind);
    if (typeof raw === "boolean") return invalid(raw ? "TRUE" : "FALSE", "boolean");
    if (raw instanceof Date) {
      const time = raw.getTime();
      return invalid(Number.isNaN(time) ? "Invalid Date" : raw.toISOString().slice(0, 10), "date");
    }
    return invalid(safeString(raw), "notANumber");
  } catch {
    return invalid(safeString(raw), "notANumber");
  }
}

function safeString(raw: unknown): string {
  try {
    return String(raw);
  } catch {
    return "";
  }
}

function invalid(raw: string, reason: ParseFailure): ParsedCell {
  return { status: "invalid", raw, reason };
}

function figure(
  raw: string,
  value: number,
  approximate: boolean,
  decimals: number,
  resolution: number,
  percentPoints = false,
): ParsedCell {
  const v = value === 0 ? 0 : value; // no -0
  return percentPoints
    ? { status: "value", value: v, raw, approximate, decimals, resolution, percentPoints: true }
    : { status: "value", value: v, raw, approximate, decimals, resolution };
}

/** 10^k without float noise: Number("1e-4") is the double nearest 0.0001. Kept once read: a rate cell asks for one. */
function pow10(k: number): number {
  let p = POWERS.get(k);
  if (p === undefined) POWERS.set(k, (p = Number(`1e${k}`)));
  return p;
}

const POWERS = new Map<number, number>();

/** sign × digits × 10^exponent, read as a decimal string so the result is the nearest double. */
function decimalValue(negative: boolean, digits: string, exponent: number): number {
  return Number(`${negative ? "-" : ""}${digits || "0"}e${exponent}`);
}

/** A JS number's shortest round-trip digits (`shown` is `String(n)`): value = sign × digits × 10^exponent. */
function digitsOf(n: number, shown: string): { negative: boolean; digits: string; exponent: number } | undefined {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(n < 0 ? shown.slice(1) : shown);
  if (!m) return undefined;
  const frac = m[2] ?? "";
  const exp = m[3] === undefined ? 0 : Number(m[3]);
  return { negative: n < 0, digits: m[1] + frac, exponent: exp - frac.length };
}

/**
 * Most cells: a whole count or amount stored as a number, under a format that shows neither a date nor
 * a percentage. Such a cell reads as itself (raw text `String(n)`, no decimals, resolution 1), without
 * taking its digits apart (a sheet's reading goes further: `plainNumberDecimals`).
 */
function isPlainWholeFigure(raw: CellValue, kind: IndicatorKind, numberFormat?: string): raw is number {
  return typeof raw === "number" && kind !== "rate" && Number.isSafeInteger(raw) && !isDateFormat(numberFormat) && !isPercentFormat(numberFormat);
}

/**
 * The decimals of a number that reads as itself — value `n`, raw text `String(n)`, exact — as
 * `parseCellValue` counts them, or −1 where it reads the number otherwise. Besides whole figures:
 * counts and amounts with decimals, and rates stored as a fraction (≤ 1), shown in percent or not,
 * which every district sheet holds by the dozen; a sheet's reading stores them without building the
 * parsed cell. Its resolution: `plainNumberResolution`. `shows` is the cell's `formatKind`.
 */
export function plainNumberDecimals(raw: CellValue, kind: IndicatorKind, shows: FormatKind): number {
  const decimals = quickDecimals(raw, kind, shows);
  return decimals === WRITTEN_OUT ? asShown(writtenDecimals(String(raw)), kind, shows) : decimals;
}

/** What `quickDecimals` gives where the number must be written out to count its decimals. */
export const WRITTEN_OUT = -2;

/**
 * `plainNumberDecimals` where it needs no text: `WRITTEN_OUT` where it would write the number out
 * (`String(n)`, ~0.4 µs) — a fraction of more than 15 decimals, as a formula's result like 17/18 is,
 * or a number above 1 with a fraction. A sheet's reading keeps such a number and counts its decimals
 * only if a check asks (`plainNumberDecimals` then gives the same count).
 */
export function quickDecimals(raw: CellValue, kind: IndicatorKind, shows: FormatKind): number {
  if (typeof raw !== "number" || !Number.isFinite(raw) || shows.date) return -1;
  if (kind !== "rate") {
    if (shows.percent) return -1;
    if (Number.isSafeInteger(raw)) return 0;
    return Math.abs(raw) >= 1e15 ? -1 : fewDecimals(raw);
  }
  if (raw > 1 || Math.abs(raw) >= 1e15) return -1;
  const decimals = fewDecimals(raw);
  return decimals === WRITTEN_OUT ? decimals : asShown(decimals, kind, shows);
}

/** A rate's decimals are counted as shown: in percent, two of them are the percent's integer digits. */
function asShown(decimals: number, kind: IndicatorKind, shows: FormatKind): number {
  return kind === "rate" && shows.percent ? Math.max(0, decimals - 2) : decimals;
}

/** One unit of the last written digit of a number `plainNumberDecimals` read with these decimals. */
export function plainNumberResolution(decimals: number, kind: IndicatorKind, shows: FormatKind): number {
  const shown = kind === "rate" && shows.percent ? decimals + 2 : decimals;
  return shown === 0 ? 1 : pow10(-shown);
}

/**
 * The decimals `String(x)` writes for a fraction (|x| ≤ 1) of at most 15 decimals, found without
 * writing it (a text per rate cell of every district): the fewest d with round(x·10^d) / 10^d === x.
 * The shortest round-trip text has exactly that many — a text with fewer decimals that reads back as x
 * would be shorter still — and for |x| ≤ 1 and d ≤ 15 the product lies within 0.2 of the whole number
 * that text writes, below 2^53, while 10^d and the division are exact and correctly rounded; so a
 * text of d ≤ 15 decimals also reads back at 15. Beyond 15 decimals (a formula's result such as 17/18)
 * and above 1, `WRITTEN_OUT`.
 */
function fewDecimals(x: number): number {
  if (!(Math.abs(x) <= 1 && readsBackAt(x, 15))) return WRITTEN_OUT;
  let d = 0;
  while (!readsBackAt(x, d)) d++;
  return d;
}

function parseNumber(n: number, kind: IndicatorKind, numberFormat: string | undefined): ParsedCell {
  if (isPlainWholeFigure(n, kind, numberFormat)) return figure(String(n), n, false, 0, 1);
  const raw = String(n);
  if (!Number.isFinite(n)) return invalid(raw, "notANumber");
  if (isDateFormat(numberFormat)) return invalid(raw, "date");
  // A whole number with more significant digits than Excel keeps: the file held a figure already
  // rounded away (a 30-digit number). Fractions like =17/18 carry 16 digits of float noise and are fine.
  if (Math.abs(n) >= 1e15) {
    const w = digitsOf(n, raw);
    if (!w) return invalid(raw, "notANumber");
    if (w.digits.replace(/^0+|0+$/g, "").length > MAX_DIGITS) return invalid(raw, "tooManyDigits");
  }
  const decimals = writtenDecimals(raw);
  const shownAsPercent = isPercentFormat(numberFormat);
  if (kind !== "rate") {
    if (shownAsPercent) return invalid(raw, "percentInCount");
    return figure(raw, n, false, decimals, pow10(-decimals));
  }
  if (shownAsPercent) {
    // Already a fraction; written (shown) in percent, so two of its decimals are the percent's integer digits.
    const inPercent = Math.max(0, decimals - 2);
    return figure(raw, n, false, inPercent, pow10(-(inPercent + 2)));
  }
  if (n > 1) {
    const w = digitsOf(n, raw);
    if (!w) return invalid(raw, "notANumber");
    return figure(raw, decimalValue(w.negative, w.digits, w.exponent - 2), false, decimals, pow10(-(decimals + 2)), true);
  }
  return figure(raw, n, false, decimals, pow10(-decimals));
}

/** Whether x rounded to d decimals is x itself. */
function readsBackAt(x: number, d: number): boolean {
  const p = EXACT_POWERS[d];
  return Math.round(x * p) / p === x;
}

/** 10^0 … 10^15, each exact. */
const EXACT_POWERS = Array.from({ length: 16 }, (_, d) => 10 ** d);

/**
 * The decimals a JS number's shortest round-trip text (`String(n)`) writes, its exponent counted:
 * 0.9051 → 4, 1.5e-7 → 8, 1e+21 → 0; read without taking the digits apart (`digitsOf`).
 */
export function writtenDecimals(shown: string): number {
  const e = shown.indexOf("e");
  const end = e < 0 ? shown.length : e;
  const dot = shown.indexOf(".");
  const fraction = dot < 0 || dot > end ? 0 : end - dot - 1;
  return Math.max(0, fraction - (e < 0 ? 0 : Number(shown.slice(e + 1))));
}

/** Characters that show as nothing (zero-width spaces and joiners, BOM, soft hyphen, direction marks): pasted from web pages and PDFs. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Full-width → half-width (１５９ → 159, ９４．４４％ → 94.44%, U+3000 → space), trimmed. */
function normalizeText(text: string): string {
  return text.normalize("NFKC").replace(/\u2212/g, "-").trim();
}

/** Excel keeps 15 significant digits; more are rounded away without a word. */
const MAX_DIGITS = 15;

interface WrittenFigure {
  approximate: boolean;
  negative: boolean;
  intDigits: string;
  fracDigits: string;
  scaleExponent: number;
  percent: boolean;
  unit: string | undefined;
}

function startsWithAny(s: string, at: number, words: readonly string[]): string | undefined {
  return words.find((w) => s.startsWith(w, at));
}

function skipSpaces(s: string, at: number): number {
  let i = at;
  while (i < s.length && /\s/.test(s[i])) i++;
  return i;
}

/** Read `[约] [-] 1,046.5 [余] [万] [%] [件] [以上]`; undefined when the text is anything else. */
function readFigure(s: string): WrittenFigure | undefined {
  let i = 0;
  let approximate = false;
  for (;;) {
    i = skipSpaces(s, i);
    const p = startsWithAny(s, i, APPROX_PREFIXES);
    if (p === undefined) break;
    approximate = true;
    i += p.length;
  }
  let negative = false;
  if (s[i] === "-" || s[i] === "+") {
    negative = s[i] === "-";
    i++;
  }
  const m = NUMBER.exec(s.slice(i));
  if (!m) return undefined;
  i += m[0].length;
  const intDigits = (m[1] ?? "").replace(/,/g, "");
  const fracDigits = m[2] ?? m[3] ?? "";

  // After the number: approximate marks anywhere; a scale, then %, then a unit, each at most once.
  let stage = 0;
  let scaleExponent = 0;
  let percent = false;
  let unit: string | undefined;
  for (;;) {
    i = skipSpaces(s, i);
    if (i >= s.length) break;
    const a = startsWithAny(s, i, APPROX_SUFFIXES);
    if (a !== undefined) {
      approximate = true;
      i += a.length;
      continue;
    }
    if (stage < 1) {
      const sc = SCALES.find(([w]) => s.startsWith(w, i));
      if (sc) {
        scaleExponent = sc[1];
        i += sc[0].length;
        stage = 1;
        continue;
      }
    }
    if (stage < 2 && s[i] === "%") {
      percent = true;
      i++;
      stage = 2;
      continue;
    }
    if (stage < 3) {
      const u = startsWithAny(s, i, UNITS);
      if (u !== undefined) {
        unit = u;
        i += u.length;
        stage = 3;
        continue;
      }
    }
    return undefined;
  }
  return { approximate, negative, intDigits, fracDigits, scaleExponent, percent, unit };
}

function parseText(text: string, kind: IndicatorKind): ParsedCell {
  const raw = text;
  const visible = text.replace(INVISIBLE, "");
  const parsed = parseVisibleText(raw, normalizeText(visible), kind);
  // Invisible characters are removed, and said so: the figure is read, the person learns why it looked odd.
  return visible !== text && parsed.status === "value" ? { ...parsed, invisible: true } : parsed;
}

function parseVisibleText(raw: string, s: string, kind: IndicatorKind): ParsedCell {
  if (s === "") return { status: "blank", raw };
  if (EXCEL_ERROR.test(s)) return invalid(raw, "excelError");
  if (NOT_REPORTED_MARKS.test(s) || NOT_REPORTED_WORDS.has(s.toLowerCase())) return { status: "blank", raw };
  if (DATE_TEXT.some((re) => re.test(s))) return invalid(raw, "date");

  const f = readFigure(s);
  if (!f) return invalid(raw, "notANumber");
  const digits = f.intDigits + f.fracDigits;
  if (digits.replace(/^0+/, "").length > MAX_DIGITS) return invalid(raw, "tooManyDigits");
  const decimals = f.fracDigits.length;
  const written = -decimals; // exponent of the last written digit, before scaling

  let shift: number;
  let percentPoints = false;
  if (kind === "rate") {
    if (f.scaleExponent !== 0 || f.unit !== undefined) return invalid(raw, "notANumber");
    if (f.percent) shift = -2;
    else if (decimalValue(f.negative, digits, written) > 1) {
      shift = -2;
      percentPoints = true;
    } else shift = 0;
  } else {
    if (f.percent) return invalid(raw, "percentInCount");
    shift = f.scaleExponent;
    // Amounts are stored in 万元: 元 or a scale means the figure was written in yuan.
    if (kind === "amount" && (f.unit === "元" || f.scaleExponent !== 0)) shift -= 4;
  }

  const value = decimalValue(f.negative, digits, written + shift);
  if (!Number.isFinite(value)) return invalid(raw, "notANumber");
  return figure(raw, value, f.approximate, decimals, pow10(written + shift), percentPoints);
}
