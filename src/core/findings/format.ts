import type { Indicator } from "../template/schema";

export type Lang = "zh" | "en";

// Intl formatters are costly to build: one per precision, reused.
const formatters = new Map<number, Intl.NumberFormat>();
function grouped(digits: number): Intl.NumberFormat {
  let f = formatters.get(digits);
  if (!f) formatters.set(digits, (f = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, useGrouping: true })));
  return f;
}

/** 10584 → "10,584"; 12.5 → "12.5". */
export function formatNumber(v: number, maxDigits = 4): string {
  // Whole numbers are most figures: grouped by hand, as Intl would, at a fraction of its cost.
  if (Number.isSafeInteger(v) && !Object.is(v, -0)) return groupDigits(v);
  return fractionDigits(v, maxDigits) ?? grouped(maxDigits).format(v);
}

function groupDigits(v: number): string {
  const digits = String(Math.abs(v));
  return v < 0 ? `-${groupWhole(digits)}` : groupWhole(digits);
}

/** "1234567" → "1,234,567". */
function groupWhole(digits: string): string {
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/**
 * A number with a fraction as Intl's en-US format writes it, without building one (the first costs
 * about 10 ms of a command's start): its shortest decimal text rounded half away from zero at `digits`
 * places, trailing zeros dropped, the whole part grouped. Undefined for what is written with an exponent
 * (below 10⁻⁶, from 10²¹) and for -0: Intl writes those.
 */
function fractionDigits(v: number, digits: number): string | undefined {
  const text = String(Math.abs(v));
  const dot = text.indexOf(".");
  if (dot < 0 || text.includes("e") || Object.is(v, -0)) return undefined;
  let number = text.slice(0, dot) + text.slice(dot + 1, dot + 1 + digits);
  const places = number.length - dot;
  if (text.charCodeAt(dot + 1 + digits) >= 53) number = addOne(number); // the next digit is 5 or more
  const whole = number.slice(0, number.length - places) || "0";
  const fraction = number.slice(number.length - places).replace(/0+$/, "");
  return `${v < 0 ? "-" : ""}${groupWhole(whole.replace(/^0+(?=\d)/, ""))}${fraction ? `.${fraction}` : ""}`;
}

/** A string of decimal digits plus one in its last place ("0999" → "1000"). */
function addOne(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === "9") i--;
  if (i < 0) return `1${"0".repeat(digits.length)}`;
  return `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}${"0".repeat(digits.length - 1 - i)}`;
}

/** 0.83976 → "83.98%"; digits grows for finer written precision (resolution 1e-6 → 4 decimals). */
export function formatPercent(v: number, resolution = 0.0001): string {
  const decimals = Math.max(2, Math.min(6, Math.round(-Math.log10(resolution)) - 2));
  return `${(v * 100).toFixed(decimals)}%`;
}

/** A stated rate with exactly the digits it was written with: 0.8529 at resolution 0.0001 → "85.29%". */
export function formatStatedPercent(v: number, resolution: number): string {
  const decimals = Math.max(0, Math.min(6, Math.round(-Math.log10(resolution)) - 2));
  return `${(v * 100).toFixed(decimals)}%`;
}

/** A figure in its indicator's unit: rates as percentages, amounts in 万元, counts grouped. */
export function formatFigure(ind: Indicator | undefined, v: number, lang: Lang): string {
  if (ind?.kind === "rate") return formatPercent(v);
  const unit = ind?.unit ?? "";
  if (!unit || unit === "%") return formatNumber(v);
  return lang === "zh" || ind?.kind === "amount" ? `${formatNumber(v)} ${unit}` : formatNumber(v);
}
