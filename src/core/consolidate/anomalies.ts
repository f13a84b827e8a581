import type { Finding } from "../findings/finding";
import { makeFinding } from "../findings/make";
import type { Indicator } from "../template/schema";
import type { DistrictData } from "./model";
import { indicatorColumns, type IndicatorColumns } from "./figure-columns";
import { median, modifiedZScores, quantile } from "./stats";

/** Hidiroglou–Berthelot settings (see `yoyOutliers`). */
export interface HbOptions {
  /** Districts with both years above 0 needed before the rule runs. */
  readonly minDistricts: number;
  /** Size exponent U in [0, 1]: 0 judges ratios alone, 1 weights them fully by size. */
  readonly U: number;
  /** A: floor of the quartile distances as a share of the median effect, against tight clusters. */
  readonly A: number;
  /** C: width of the acceptance interval in quartile distances. */
  readonly C: number;
}

export interface AnomalyOptions {
  /** Districts with a figure needed before outliers are looked for. */
  readonly minPeers: number;
  /** A modified z-score above this (in absolute value) is an outlier (Iglewicz & Hoaglin suggest 3.5). */
  readonly outlierThreshold: number;
  readonly hb: HbOptions;
  /** A blank is a finding when more than this share of the districts reported the indicator … */
  readonly missingShare: number;
  /** … and at least this many did. */
  readonly missingMinReported: number;
  /**
   * When MAD is 0 (most districts share one figure: 100 % rates, 0 lost cases) the fallback scale is so
   * small that any difference scores high; then a figure is an outlier only if it is also this far from
   * the median: rates by `rate` (a fraction: 0.05 = 5 percentage points), counts and amounts by
   * `relative` × the median (and at least one unit).
   */
  readonly fallbackMinDeviation: { readonly rate: number; readonly relative: number };
}

export const DEFAULT_ANOMALY_OPTIONS: AnomalyOptions = {
  minPeers: 5,
  outlierThreshold: 3.5,
  hb: { minDistricts: 5, U: 0.5, A: 0.05, C: 4 },
  missingShare: 0.5,
  missingMinReported: 3,
  fallbackMinDeviation: { rate: 0.05, relative: 0.5 },
};

/** Overrides of the defaults; `hb` may be given in part. */
export type AnomalyOptionsInput = Partial<Omit<AnomalyOptions, "hb">> & { readonly hb?: Partial<HbOptions> };

const RULE_ORDER: Record<string, number> = { "peer.outlier": 0, "peer.yoyOutlier": 1, "peer.missing": 2, "city.sumMismatch": 3 };

/**
 * Anomalies across districts: figures far from their peers, year-over-year changes out of line
 * with the other districts', blanks where most districts reported, and a city figure that does not
 * match the sum of its districts. Sorted by indicator (template order), then district order (the
 * city last), then rule.
 * @param byIndicator the districts' figures by indicator, where the caller has them (a consolidation builds them once)
 */
export function peerAnomalies(districts: readonly DistrictData[], city: DistrictData | undefined, opts: AnomalyOptionsInput = {}, byIndicator?: IndicatorColumns): Finding[] {
  const o: AnomalyOptions = { ...DEFAULT_ANOMALY_OPTIONS, ...opts, hb: { ...DEFAULT_ANOMALY_OPTIONS.hb, ...opts.hb } };
  const template = (districts[0] ?? city)?.read.template;
  if (!template) return [];
  const keyed: { code: number; district: number; rule: number; finding: Finding }[] = [];
  const { now, before } = byIndicator ?? indicatorColumns(template, districts);
  const work = new WorkingColumns(districts.length);
  template.template.indicators.forEach((ind, codeIndex) => {
    const add = (district: number, finding: Finding) => keyed.push({ code: codeIndex, district, rule: RULE_ORDER[finding.code], finding });
    const column: FigureColumn = { now: now.get(ind.code)!, before: before.get(ind.code)! };
    // Who reported the indicator, and their median, serve three of the rules: found once.
    const reported = withFigure(column, work);
    outliers(districts, column, reported, ind, o, add);
    if (ind.kind !== "rate") yoyOutliers(districts, column, ind, o.hb, add);
    missing(districts, column, reported, ind, o, add);
    if (city && ind.kind !== "rate") citySum(districts, column, reported, city, ind, (f) => add(districts.length, f));
  });
  keyed.sort((a, b) => a.code - b.code || a.district - b.district || a.rule - b.rule);
  return keyed.map((k) => k.finding);
}

type Add = (district: number, f: Finding) => void;

/** One indicator's figures across the districts (their order), NaN where a district has none. */
interface FigureColumn {
  /** This year's figure. */
  readonly now: Float64Array;
  /** Last year's, where exact. */
  readonly before: Float64Array;
}

/**
 * Who reported an indicator and their figures, in arrays as long as the districts made once a pass
 * and reused by every indicator: made anew per indicator and rule they were six buffers outside V8's
 * heap each time (80 KB apiece at 10,000 districts). No finding keeps one. (The year-on-year rule
 * keeps its own arrays: sharing these there measured slower at 1,031 districts.)
 */
class WorkingColumns {
  readonly peers: Int32Array;
  readonly values: Float64Array;
  constructor(n: number) {
    this.peers = new Int32Array(n);
    this.values = new Float64Array(n);
  }
}

/** The districts (by index) that have a figure of this indicator, those figures, and their median when first asked for. */
interface Reported {
  readonly peers: Int32Array;
  readonly values: Float64Array;
  median(): number;
}

/** Who has a figure of this indicator, in `work`'s arrays (valid until the next indicator's). */
function withFigure(column: FigureColumn, work: WorkingColumns): Reported {
  const n = column.now.length;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = column.now[i];
    if (Number.isNaN(v)) continue;
    work.peers[m] = i;
    work.values[m++] = v;
  }
  const values = work.values.subarray(0, m);
  let centre: number | undefined;
  return { peers: work.peers.subarray(0, m), values, median: () => (centre ??= median(values)) };
}

/**
 * A computed rate is judged on its counts: they join the codes, so the review reopens when a count
 * changes (the flag stays on the rate's cell).
 */
function figureCodes(d: DistrictData, ind: Indicator): { codes: string[]; raw?: string } {
  const entry = d.read.entries.get(ind.code);
  if (ind.kind === "rate" && d.rateSource.get(ind.code) === "computed" && ind.numerator && ind.denominator) {
    return { codes: [ind.code, ind.numerator, ind.denominator] };
  }
  return { codes: [ind.code], raw: entry?.thisYear.raw };
}

/** Figures far from the other districts' by the modified z-score; approximate ones count but are never flagged. */
function outliers(districts: readonly DistrictData[], column: FigureColumn, reported: Reported, ind: Indicator, o: AnomalyOptions, add: Add): void {
  const code = ind.code;
  const { peers, values } = reported;
  if (peers.length < o.minPeers) return;
  const z = modifiedZScores(values, reported.median());
  peers.forEach((i, k) => {
    const d = districts[i];
    const score = Math.abs(z.scores[k]);
    if (!(score > o.outlierThreshold) || d.approximate.has(code)) return;
    if (z.scale === "meanAbsolute" && !materialDeviation(values[k], z.median, ind, o)) return;
    const { codes, raw } = figureCodes(d, ind);
    add(
      i,
      makeFinding(d.read, {
        code: "peer.outlier",
        codes,
        cells: [d.read.entries.get(code)?.thisYear.cell],
        actual: values[k],
        raw,
        details: { median: z.median, score, scale: z.scale, threshold: o.outlierThreshold, peers: peers.length },
      }),
    );
  });
}

function materialDeviation(x: number, med: number, ind: Indicator, o: AnomalyOptions): boolean {
  const gap = Math.abs(x - med);
  if (ind.kind === "rate") return gap >= o.fallbackMinDeviation.rate - 1e-12;
  return gap >= Math.max(1, o.fallbackMinDeviation.relative * Math.abs(med));
}

/**
 * Year-over-year ratios against the other districts' (Hidiroglou & Berthelot, "Statistical editing
 * and imputation for periodic business surveys", Survey Methodology 12(1), 1986). With rᵢ = xₜ/xₜ₋₁ and
 * r̃ their median, the centred ratio sᵢ = 1 − r̃/rᵢ (rᵢ < r̃) or rᵢ/r̃ − 1 (otherwise) is symmetric for
 * growth and decline; the effect Eᵢ = sᵢ·max(xₜ, xₜ₋₁)^U lets a large change of a small district weigh
 * less than the same change of a large one. Bounds: E_M − C·d_Q1 and E_M + C·d_Q3 with
 * d_Q1 = max(E_M − E_Q1, |A·E_M|), d_Q3 = max(E_Q3 − E_M, |A·E_M|); quartiles by `quantile` (type 7).
 * Approximate figures this year take part but are never flagged.
 */
function yoyOutliers(districts: readonly DistrictData[], column: FigureColumn, ind: Indicator, hb: HbOptions, add: Add): void {
  const code = ind.code;
  // The districts with both years above 0 (NaN, no figure, fails both comparisons), as columns.
  const n = districts.length;
  const peers = new Int32Array(n);
  const ratios = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const now = column.now[i];
    const before = column.before[i];
    if (now > 0 && before > 0) {
      peers[m] = i;
      ratios[m++] = now / before;
    }
  }
  if (m < hb.minDistricts) return;
  const medianRatio = median(ratios.subarray(0, m));
  const effects = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = peers[k];
    const ratio = ratios[k];
    const s = ratio < medianRatio ? 1 - medianRatio / ratio : ratio / medianRatio - 1;
    effects[k] = s * Math.max(column.now[i], column.before[i]) ** hb.U;
  }
  const q1 = quantile(effects, 0.25);
  const em = quantile(effects, 0.5);
  const q3 = quantile(effects, 0.75);
  const floor = Math.abs(hb.A * em);
  const low = em - hb.C * Math.max(em - q1, floor);
  const high = em + hb.C * Math.max(q3 - em, floor);
  for (let k = 0; k < m; k++) {
    const e = effects[k];
    const i = peers[k];
    const d = districts[i];
    if (!(e < low || e > high) || d.approximate.has(code)) continue;
    const entry = d.read.entries.get(code);
    const before = column.before[i];
    add(
      i,
      makeFinding(d.read, {
        code: "peer.yoyOutlier",
        codes: [code],
        cells: [entry?.thisYear.cell, entry?.lastYear.cell],
        actual: column.now[i],
        // What this year would be at the districts' median change.
        expected: before * medianRatio,
        scope: "yoy",
        details: { ratio: ratios[k], medianRatio, lastYear: before, peers: m },
      }),
    );
  }
}

/** Blanks (not unreadable figures) where most districts reported the indicator. */
function missing(districts: readonly DistrictData[], column: FigureColumn, reported: Reported, ind: Indicator, o: AnomalyOptions, add: Add): void {
  const code = ind.code;
  const count = reported.values.length;
  if (count < o.missingMinReported || !(count > o.missingShare * districts.length)) return;
  const med = reported.median();
  districts.forEach((d, i) => {
    if (!Number.isNaN(column.now[i]) || !d.blank.has(code)) return;
    const entry = d.read.entries.get(code);
    add(
      i,
      makeFinding(d.read, {
        code: "peer.missing",
        codes: [code],
        cells: [entry?.thisYear.cell],
        raw: entry?.thisYear.raw,
        details: { reported: count, districts: districts.length, median: med },
      }),
    );
  });
}

/**
 * The city's figure against the sum of its districts. With every district reporting an exact figure
 * they must agree (to 1e-9 relative, and half a unit of the city's last written digit: 23.14亿元 is
 * ±50 万元); otherwise the reported parts only bound the whole from below, so only a city figure
 * below the sum of the exact district figures is flagged (approximate ones, 200余 or 约200, may be
 * either side of the truth and are left out of that sum).
 */
function citySum(districts: readonly DistrictData[], column: FigureColumn, reported: Reported, city: DistrictData, ind: Indicator, add: (f: Finding) => void): void {
  const code = ind.code;
  const cityValue = city.figures.get(code);
  const entry = city.read.entries.get(code);
  if (cityValue === undefined || city.approximate.has(code)) return;
  const reporting = reported.peers;
  if (reporting.length === 0) return;
  const exact = reporting.filter((i) => !districts[i].approximate.has(code));
  if (exact.length === 0) return;
  let sum = 0;
  for (const i of exact) sum += column.now[i];
  const written = entry?.thisYear.status === "value" ? entry.thisYear.resolution / 2 : 0;
  const tolerance = 1e-9 * Math.max(1, Math.abs(sum)) + written;
  const complete = exact.length === districts.length;
  const mismatch = complete ? Math.abs(cityValue - sum) > tolerance : cityValue < sum - tolerance;
  if (!mismatch) return;
  add(
    makeFinding(city.read, {
      code: "city.sumMismatch",
      codes: [code],
      cells: [entry?.thisYear.cell],
      actual: cityValue,
      expected: sum,
      raw: entry?.thisYear.raw,
      details: { sum, reporting: exact.length, districts: districts.length },
    }),
  );
}
