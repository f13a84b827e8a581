/**
 * Small exact statistics for consolidation: robust location and spread, ranks as Excel computes
 * them, and a seeded generator. Pure functions of their inputs; none of them mutates an argument.
 * Calling one with no data (where it needs some) is a programmer's error and throws.
 */

import { KeyRanker } from "./rank-keys";

/**
 * A copy to select order statistics from (selection rearranges it). A median of 10,000 districts by
 * sorting them took ~0.6 ms, and a consolidation takes about seven per indicator; selecting takes a tenth.
 * The copy is a view of one buffer kept for every call: selection keeps nothing once it has its number,
 * no caller holds a copy past its own call, and a fresh one per median was a buffer outside V8's heap
 * each time (80 KB at 10,000 districts, some 400 of them a consolidation).
 */
function workingCopy(xs: ArrayLike<number>, what: string): Float64Array {
  if (xs.length === 0) throw new RangeError(`${what} of no values`);
  if (xs.length > selectionBuffer.length) selectionBuffer = new Float64Array(Math.max(xs.length, 2 * selectionBuffer.length));
  const s = selectionBuffer.subarray(0, xs.length);
  // Indexed, not Float64Array.from: that walks the array through its iterator, a tenth of a median's time.
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (Number.isNaN(x)) throw new RangeError(`${what} of NaN`);
    s[i] = x;
  }
  return s;
}

let selectionBuffer = new Float64Array(1024);

/**
 * The k-th smallest value (0-based), by Hoare's selection: s is rearranged so that s[k] is the value
 * sorting would put there and nothing before it is greater. O(n) on average; the middle-of-three pivot
 * keeps already ordered figures from the quadratic case, and equal values are split between the sides.
 */
function select(s: Float64Array, k: number): number {
  // A few values (a city's districts) sort natively faster than this code runs before it is compiled.
  if (s.length <= NATIVE_SORT_UP_TO) return s.sort()[k];
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const pivot = middleOfThree(s[lo], s[(lo + hi) >> 1], s[hi]);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (s[i] < pivot) i++;
      while (s[j] > pivot) j--;
      if (i <= j) {
        const t = s[i];
        s[i++] = s[j];
        s[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return s[k];
}

const NATIVE_SORT_UP_TO = 256;

function middleOfThree(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}

/** The largest of s[0..end): after `select(s, k)`, the (k − 1)-th smallest when end = k. */
function maxBefore(s: Float64Array, end: number): number {
  let m = s[0];
  for (let i = 1; i < end; i++) if (s[i] > m) m = s[i];
  return m;
}

/** The smallest of s[from..]: after `select(s, k)`, the (k + 1)-th smallest when from = k + 1. */
function minFrom(s: Float64Array, from: number): number {
  let m = s[from];
  for (let i = from + 1; i < s.length; i++) if (s[i] < m) m = s[i];
  return m;
}

function medianOf(s: Float64Array): number {
  const mid = s.length >> 1;
  const upper = select(s, mid);
  return s.length % 2 === 1 ? upper : (maxBefore(s, mid) + upper) / 2;
}

/** The middle value; the mean of the two middle values for an even count. `median([17, 18, 20, 22, 200])` → 20. */
export function median(xs: ArrayLike<number>): number {
  return medianOf(workingCopy(xs, "median"));
}

/**
 * The p-quantile (0 ≤ p ≤ 1) by linear interpolation between order statistics: Hyndman & Fan's
 * type 7, as Excel's QUARTILE.INC / PERCENTILE.INC and R's default. With h = (n − 1)·p, the result is
 * x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) on the sorted values (0-based). Unlike the "exclusive"
 * definitions (type 6, QUARTILE.EXC) it is defined for every n ≥ 1, so Hidiroglou–Berthelot's
 * quartiles exist with as few districts as the rule accepts; p = 0.5 is exactly `median`.
 */
export function quantile(xs: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile p must be in [0, 1], got ${p}`);
  const s = workingCopy(xs, "quantile");
  if (p === 0.5) return medianOf(s);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  const at = select(s, lo);
  return frac === 0 ? at : at + frac * (minFrom(s, lo + 1) - at);
}

/** Median absolute deviation around the median, unscaled: median(|xᵢ − median(x)|). */
export function mad(xs: readonly number[]): number {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
}

/** Mean absolute deviation around the median: Σ|xᵢ − median(x)| / n; `m` is that median where the caller has it. */
export function meanAbsoluteDeviation(xs: ArrayLike<number>, m: number = median(xs)): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) total += Math.abs(xs[i] - m);
  return total / xs.length;
}

export interface ModifiedZScores {
  /** Signed, in the order of the input. */
  readonly scores: Float64Array;
  readonly median: number;
  /** Which spread the scores are scaled by ("mad" also when every value equals the median). */
  readonly scale: "mad" | "meanAbsolute";
}

/** Φ⁻¹(0.75): makes MAD a consistent estimator of σ for normal data. */
const MAD_CONSTANT = 0.6745;
/** √(π/2): the mean absolute deviation of normal data is σ·√(2/π). */
const MEAN_AD_CONSTANT = 1.253314;

/**
 * Modified z-scores (Iglewicz & Hoaglin, "How to Detect and Handle Outliers", 1993):
 * Mᵢ = 0.6745·(xᵢ − x̃)/MAD. When MAD is 0 (more than half the values equal — common with few
 * districts) the usual fallback is Mᵢ = (xᵢ − x̃)/(1.253314·MeanAD), MeanAD the mean absolute deviation
 * around the median (as in IBM SPSS Modeler's anomaly measures). When both are 0 every value equals
 * the median and every score is 0.
 *
 * @example modifiedZScores([17, 18, 20, 22, 200]).scores[4] // 0.6745 · 180 / 2 = 60.705
 * @param m the median of xs, where the caller has it
 */
export function modifiedZScores(xs: ArrayLike<number>, m: number = median(xs)): ModifiedZScores {
  const n = xs.length;
  // The deviations become the scores in place; consolidation asks for these per indicator.
  const scores = new Float64Array(n);
  const absolute = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    scores[i] = xs[i] - m;
    absolute[i] = Math.abs(scores[i]);
  }
  const madValue = median(absolute);
  if (madValue > 0) {
    for (let i = 0; i < n; i++) scores[i] = (MAD_CONSTANT * scores[i]) / madValue;
    return { scores, median: m, scale: "mad" };
  }
  const meanAd = meanAbsoluteDeviation(xs, m);
  if (meanAd > 0) {
    for (let i = 0; i < n; i++) scores[i] = scores[i] / (MEAN_AD_CONSTANT * meanAd);
    return { scores, median: m, scale: "meanAbsolute" };
  }
  return { scores: scores.fill(0), median: m, scale: "mad" };
}

/**
 * Ranks as Excel's RANK.EQ(x, range, order) over the defined values: 1 + the number of values
 * strictly greater (desc, order 0) or strictly less (asc, order 1). Ties share a rank and the next
 * rank is skipped; numbers are compared exactly (===), as Excel and LibreOffice do. `undefined`
 * (and NaN, as a column of figures marks a blank) stays unranked and is not counted.
 *
 * @example rankEq([0.9, 0.95, 0.95, 0.8, undefined], "desc") // [3, 1, 1, 4, undefined]
 */
export function rankEq(values: ArrayLike<number | undefined>, order: "desc" | "asc"): (number | undefined)[] {
  const n = values.length;
  // The defined values, as keys that rank highest first (lowest first: negated) and where each came from.
  const keys = new Float64Array(n);
  const from = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === undefined || Number.isNaN(v)) continue;
    keys[m] = order === "asc" ? -v : v;
    from[m++] = i;
  }
  const ranked = new Int32Array(m);
  rankerFor(m).rank(keys, m, ranked);
  const ranks = new Array<number | undefined>(n).fill(undefined);
  for (let k = 0; k < m; k++) ranks[from[k]] = ranked[k];
  return ranks;
}

/**
 * One ranker for every column a consolidation ranks (each indicator's, then the index's), grown to the
 * longest: a sort and a binary search per district took ~150–200 ns a figure, the bucket ranking of
 * the stability draws a fraction of that.
 */
let ranker = new KeyRanker(0);
let rankerCapacity = 0;

function rankerFor(count: number): KeyRanker {
  if (count > rankerCapacity) {
    ranker = new KeyRanker(count);
    rankerCapacity = count;
  }
  return ranker;
}

/**
 * A deterministic generator of numbers in [0, 1) (mulberry32, Tommy Ettinger's 32-bit mixer): the
 * same seed gives the same sequence on every platform, so stability intervals are reproducible.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `Math.round` but for the sign of a zero (−0.3 gives 0, not −0; keys compare them equal). V8 rounds by
 * a ceiling and a branch on the fraction: for a million keys of random fractions the branch is
 * mispredicted half the time, ~10 ns a key here, a tenth of the draws. A floor of x + 0.5 has no such
 * branch. Where it comes out one too high — 0.49999999999999994, whose x + 0.5 rounds up to 1, and the odd
 * whole numbers from 2^52 to 2^53, whose x + 0.5 rounds up to the next even one — a test that is almost
 * never true puts it right.
 */
export function roundHalfUp(x: number): number {
  const r = Math.floor(x + 0.5);
  // r − 0.5 is exact below 2^52 (r − x is not: 1 − 0.49999999999999994 rounds to 0.5).
  return r - 0.5 > x ? r - 1 : r;
}
