import type { Indicator } from "../template/schema";

export type Lang = "zh" | "en";

const grouped = (digits: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, useGrouping: true });

/** 10584 → "10,584"; 12.5 → "12.5". */
export function formatNumber(v: number, maxDigits = 4): string {
  return grouped(maxDigits).format(v);
}

/** 0.83976 → "83.98%"; digits grows for finer written precision (resolution 1e-6 → 4 decimals). */
export function formatPercent(v: number, resolution = 0.0001): string {
  const decimals = Math.max(2, Math.min(6, Math.round(-Math.log10(resolution)) - 2));
  return `${(v * 100).toFixed(decimals)}%`;
}

/** A figure in its indicator's unit: rates as percentages, amounts in 万元, counts grouped. */
export function formatFigure(ind: Indicator | undefined, v: number, lang: Lang): string {
  if (ind?.kind === "rate") return formatPercent(v);
  const unit = ind?.unit ?? "";
  if (!unit || unit === "%") return formatNumber(v);
  return lang === "zh" || ind?.kind === "amount" ? `${formatNumber(v)} ${unit}` : formatNumber(v);
}
