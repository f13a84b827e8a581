import type { CellValue } from "../../src/core/grid";

/**
 * What Excel stores when a person types this text into a cell: plain numbers, `1,046` and
 * `85.29%` become numbers (the percent as a fraction, the cell already formatted `0.00%`);
 * anything with other characters (`200余`, `23.14亿元`, `１５９`) stays text.
 */
export function typeLikeExcel(typed: string | number): CellValue {
  if (typeof typed === "number") return typed;
  const t = typed.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ""));
  const pct = /^(-?\d+(\.\d+)?)%$/.exec(t);
  if (pct) return Number((Number(pct[1]) / 100).toPrecision(12));
  return typed;
}
