import { LAST_YEAR, THIS_YEAR } from "../sheet/entry-table";
import type { TemplateSheetRead } from "../sheet/read-template";
import { CodeSet, FiguresByCode, LabelsByCode, codeIndex } from "../template/by-code";
import type { LoadedTemplate } from "../template/load";
import type { DistrictData, DistrictSource } from "./model";

/**
 * A district's figures as the summary shows them. A rate is recomputed from its counts when both are
 * figures and the denominator is above 0 (the summary writes that division as a formula); otherwise the
 * reported rate stands. Blank (not reported) and unreadable stay apart: only blanks count as missing.
 */
export function districtData(read: TemplateSheetRead, source: DistrictSource): DistrictData {
  const { template } = read;
  const figures = new FiguresByCode(template);
  const lastYear = new FiguresByCode(template);
  const approximate = new CodeSet(template);
  const blank = new CodeSet(template);
  const rateSource = new LabelsByCode(template, RATE_SOURCES);
  const { isRate, rates } = rateCountsOf(template);
  const t = read.entries;
  // By the indicators' indices, not their codes: a run makes this for every district, ~100 indicators each.
  for (let i = 0; i < isRate.length; i++) {
    const now = t.slotAtIndex(i, THIS_YEAR);
    if (now < 0) continue;
    const status = t.statusAt(now);
    if (status === "value") {
      if (isRate[i] === 0) figures.setAt(i, t.valueAt(now));
      if (t.approximateAt(now)) approximate.addAt(i);
    } else if (status === "blank") blank.addAt(i);
    const before = t.slotAtIndex(i, LAST_YEAR);
    const last = t.figureAt(before);
    if (last !== undefined && !t.approximateAt(before)) lastYear.setAt(i, last);
  }
  for (const { rate, numerator, denominator } of rates) {
    const n = numerator < 0 ? undefined : figures.getAt(numerator);
    const d = denominator < 0 ? undefined : figures.getAt(denominator);
    const own = t.figureAt(t.slotAtIndex(rate, THIS_YEAR));
    if (n !== undefined && d !== undefined && d > 0) {
      figures.setAt(rate, n / d);
      rateSource.setAt(rate, "computed");
      blank.deleteAt(rate);
    } else if (own !== undefined) {
      figures.setAt(rate, own);
      rateSource.setAt(rate, "reported");
    }
  }
  return { name: read.district, year: read.year, read, file: source.file, inWorkbook: source.inWorkbook, figures, rateSource, lastYear, approximate, blank };
}

/** Per template: which indicators are rates, and each rate's index with its counts' (−1 where the template names none or a code it lacks). */
interface RateCounts {
  readonly isRate: Uint8Array;
  readonly rates: readonly { readonly rate: number; readonly numerator: number; readonly denominator: number }[];
}

const rateCounts = new WeakMap<LoadedTemplate, RateCounts>();

function rateCountsOf(template: LoadedTemplate): RateCounts {
  let r = rateCounts.get(template);
  if (!r) {
    const index = codeIndex(template);
    const indicators = template.template.indicators;
    const at = (code: string | undefined) => (code === undefined ? -1 : (index.get(code) ?? -1));
    r = {
      isRate: Uint8Array.from(indicators, (ind) => (ind.kind === "rate" ? 1 : 0)),
      rates: indicators.flatMap((ind, rate) => (ind.kind === "rate" ? [{ rate, numerator: at(ind.numerator), denominator: at(ind.denominator) }] : [])),
    };
    rateCounts.set(template, r);
  }
  return r;
}

const RATE_SOURCES = ["computed", "reported"] as const;

/** Whether the template gives the rate's counts: then the municipal figure is Σnumerator ÷ Σdenominator. */
export function hasCounts(t: LoadedTemplate, code: string): boolean {
  const ind = t.byCode.get(code);
  return ind?.kind === "rate" && ind.numerator !== undefined && ind.denominator !== undefined;
}

/**
 * Municipal figures: counts and amounts summed over the districts that report them; rates with counts
 * as Σnumerator ÷ Σdenominator over the districts that report both (never an average of rates);
 * reported-only rates have none. Absent where nothing adds up (no figure, Σdenominator 0).
 * @param figures every indicator's figures across the districts (`IndicatorColumns.now`), NaN where blank
 */
export function municipalTotals(t: LoadedTemplate, figures: ReadonlyMap<string, Float64Array>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const ind of t.template.indicators) {
    if (ind.kind !== "rate") {
      const column = figures.get(ind.code)!;
      let sum = 0;
      let any = false;
      for (let i = 0; i < column.length; i++) {
        const v = column[i];
        if (Number.isNaN(v)) continue;
        sum += v;
        any = true;
      }
      if (any) totals.set(ind.code, sum);
    } else if (hasCounts(t, ind.code)) {
      const nums = figures.get(ind.numerator!)!;
      const dens = figures.get(ind.denominator!)!;
      let num = 0;
      let den = 0;
      for (let i = 0; i < nums.length; i++) {
        if (Number.isNaN(nums[i]) || Number.isNaN(dens[i])) continue;
        num += nums[i];
        den += dens[i];
      }
      if (den !== 0) totals.set(ind.code, num / den);
    }
  }
  return totals;
}
