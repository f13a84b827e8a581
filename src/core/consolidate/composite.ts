import { codeIndex, MatrixRowByCode } from "../template/by-code";
import type { LoadedTemplate } from "../template/load";
import type { Indicator } from "../template/schema";
import type { CompositeIndex, DistrictData, IndexSettings, StabilityOptions } from "./model";
import { KeyRanker } from "./rank-keys";
import { figureColumns } from "./figure-columns";
import { rankEq, roundHalfUp, seededRandom } from "./stats";

/**
 * The composite index (法治政府建设指数): every ranked indicator normalised to [0, 1] in its direction,
 * weighted by its dimension's weight shared among the dimension's ranked indicators, and averaged over
 * what each district reported. The index sheet (plan-index.ts) writes the same arithmetic as formulas.
 */

export const DEFAULT_STABILITY: StabilityOptions = { draws: 1000, spread: 0.2, seed: 20240101 };

/**
 * Scores are rounded to this many decimals, here and in the sheet's formula (`ROUND(…, 10)`): spreadsheet
 * engines may add in another order (LibreOffice uses compensated sums), and a last-bit difference
 * must not break a tie that RANK.EQ would otherwise see differently. Invisible at the shown 0.0.
 */
export const SCORE_DECIMALS = 10;
/** A draw ranks up to 1 key in 2^WAITING_SHARE by comparing it with its bucket's keys; with more, it sorts them all. */
const WAITING_SHARE = 5;

/** Equal dimension weights (1 each), min–max normalisation, the default stability draws. */
export function defaultIndexSettings(template: LoadedTemplate): IndexSettings {
  return {
    normalisation: "minmax",
    dimensionWeights: new Map(template.template.dimensions.map((d) => [d.code, 1])),
    stability: DEFAULT_STABILITY,
  };
}

/** A dimension's weight under the settings: as given, 1 where the settings name none (equal by default). */
export function dimensionWeight(settings: IndexSettings, dimension: string): number {
  return settings.dimensionWeights.get(dimension) ?? 1;
}

/** The indicators the index ranks (direction ↑ or ↓), in template order. */
export function rankedIndicators(template: LoadedTemplate): Indicator[] {
  return template.template.indicators.filter((i) => i.direction !== "none");
}

/** Dimension code → how many ranked indicators share its weight (0 for a dimension with none). */
export function rankedCountByDimension(template: LoadedTemplate): Map<string, number> {
  const counts = new Map(template.template.dimensions.map((d) => [d.code, 0]));
  for (const ind of rankedIndicators(template)) counts.set(ind.dimension, (counts.get(ind.dimension) ?? 0) + 1);
  return counts;
}

/** As the sheet's `ROUND(x, 10)` for the 0–100 scores. */
export function roundScore(x: number): number {
  const f = 10 ** SCORE_DECIMALS;
  return Math.round(x * f) / f;
}

/** The draws a run makes: the setting as a whole number ≥ 0 (the same at every number of districts). */
export function stabilityDraws(draws: number): number {
  return Math.max(0, Math.floor(draws));
}

/**
 * The composite index of the districts, in their order.
 *
 * Normalisation over the districts that have a figure: min–max (↑ (x − min)/(max − min), ↓ (max − x)/(max − min);
 * 1 for everyone when max = min), or goalposts for rates (↑ x, ↓ 1 − x, clamped to [0, 1]; counts and amounts
 * stay min–max). Score = 100 · Σ w·s / Σ w over the indicators the district reported, rounded to 10 decimals.
 *
 * @example compositeIndex(standardTemplate(), districts, defaultIndexSettings(standardTemplate())).ranks
 * @param figures the districts' figures by indicator (`figureColumns`), where the caller has them
 */
export function compositeIndex(
  template: LoadedTemplate,
  districts: readonly Pick<DistrictData, "figures">[],
  settings: IndexSettings,
  figures?: ReadonlyMap<string, Float64Array>,
): CompositeIndex {
  const ranked = rankedIndicators(template);
  const counts = rankedCountByDimension(template);
  for (const d of template.template.dimensions) {
    const w = dimensionWeight(settings, d.code);
    if (!(Number.isFinite(w) && w >= 0)) throw new RangeError(`dimension ${d.code} has weight ${w}: weights are numbers ≥ 0`);
  }
  const weights = ranked.map((ind) => dimensionWeight(settings, ind.dimension) / counts.get(ind.dimension)!);
  const columns = figures ?? figureColumns(template, districts.map((d) => d.figures));
  const { matrix, bounds } = normaliseAll(ranked, districts.length, columns, settings);
  const k = ranked.length;
  const scores = districts.map((_, i) => score(matrix, i * k, weights));
  const ranks = rankEq(scores, "desc");
  // Each template code's column in the matrix, for reading its rows by code.
  const index = codeIndex(template);
  const columnOf = new Int32Array(index.size).fill(-1);
  ranked.forEach((ind, j) => (columnOf[index.get(ind.code)!] = j));
  return {
    indicators: ranked.map((i) => i.code),
    indicatorWeights: new Map(ranked.map((ind, j) => [ind.code, weights[j]])),
    bounds,
    normalised: districts.map((_, i) => new MatrixRowByCode(template, matrix, i * k, columnOf)),
    scores,
    ranks,
    stability: stability(template, ranked, matrix, ranks, settings),
  };
}

/** Districts × ranked indicators, row-major, NaN where the district has no figure; and each indicator's lowest and highest figure. */
function normaliseAll(
  ranked: readonly Indicator[],
  n: number,
  figures: ReadonlyMap<string, Float64Array>,
  settings: IndexSettings,
): { matrix: Float64Array; bounds: Map<string, { min: number; max: number }> } {
  const k = ranked.length;
  const matrix = new Float64Array(n * k).fill(NaN);
  const bounds = new Map<string, { min: number; max: number }>();
  ranked.forEach((ind, j) => {
    // NaN where a district has no figure; a figure that is not finite takes no part either.
    const xs = figures.get(ind.code)!;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      if (!Number.isFinite(x)) continue;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    if (min <= max) bounds.set(ind.code, { min, max });
    const down = ind.direction === "down";
    const goalposts = settings.normalisation === "goalposts" && ind.kind === "rate";
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      if (Number.isFinite(x)) matrix[i * k + j] = normalise(x, min, max, down, goalposts);
    }
  });
  return { matrix, bounds };
}

/** One figure, with the same operations in the same order as the sheet's formula. */
function normalise(x: number, min: number, max: number, down: boolean, goalposts: boolean): number {
  if (goalposts) return Math.min(1, Math.max(0, down ? 1 - x : x));
  if (max === min) return 1;
  return down ? (max - x) / (max - min) : (x - min) / (max - min);
}

/** 100 · Σ w·s / Σ w over the reported indicators, summed in column order like SUMPRODUCT. */
function score(matrix: Float64Array, offset: number, weights: readonly number[]): number | undefined {
  let num = 0;
  let den = 0;
  for (let j = 0; j < weights.length; j++) {
    const s = matrix[offset + j];
    if (Number.isNaN(s)) continue;
    num += weights[j] * s;
    den += weights[j];
  }
  return den === 0 ? undefined : roundScore((100 * num) / den);
}

/**
 * Best and worst rank over random dimension weights. Per district and dimension the normalised scores
 * and the reported count are summed once; a draw is then O(districts × dimensions) for the scores plus a
 * bucket ranking of them (KeyRanker) — or, once few districts can still widen their best or worst, only
 * their buckets' bounds (`widenByBuckets`) — so the full draws stay affordable at 10,000 districts.
 * The base weights' rank is always included.
 */
function stability(
  template: LoadedTemplate,
  ranked: readonly Indicator[],
  matrix: Float64Array,
  baseRanks: readonly (number | undefined)[],
  settings: IndexSettings,
): CompositeIndex["stability"] {
  const k = ranked.length;
  const best = Int32Array.from(baseRanks, (r) => r ?? 0);
  const worst = best.slice();
  const dims = template.template.dimensions.filter((d) => ranked.some((i) => i.dimension === d.code));
  const D = dims.length;
  const draws = stabilityDraws(settings.stability.draws);
  // Factors stay ≥ 0: a spread above 1 would turn weights negative.
  const spread = Math.min(1, Math.max(0, settings.stability.spread));
  // Only districts with a base rank take part in the draws, best first: under every draw's weights they
  // stay in about that order, so the ranking's passes walk their arrays nearly in sequence, not at random.
  const who = Int32Array.from(baseRanks.flatMap((r, i) => (r === undefined ? [] : [i]))).sort((a, b) => baseRanks[a]! - baseRanks[b]! || a - b);
  const m = who.length;
  if (D > 0 && draws > 0 && m > 0) {
    const dimOf = ranked.map((ind) => dims.findIndex((d) => d.code === ind.dimension));
    // Dimension-major (dimension × ranked district): a draw sums each dimension down one run of memory.
    const sums = new Float64Array(D * m);
    const reported = new Float64Array(D * m);
    for (let p = 0; p < m; p++) {
      const at = who[p] * k;
      for (let j = 0; j < k; j++) {
        const s = matrix[at + j];
        if (Number.isNaN(s)) continue;
        sums[dimOf[j] * m + p] += s;
        reported[dimOf[j] * m + p] += 1;
      }
    }
    // Per dimension, its ranked indicators: what a district that reports all of them has reported.
    const allReported = new Float64Array(D);
    for (const j of dimOf) allReported[j] += 1;
    const reportsAll = new Uint8Array(m);
    for (let p = 0; p < m; p++) {
      let all = 1;
      for (let j = 0; j < D; j++) if (reported[j * m + p] !== allReported[j]) all = 0;
      reportsAll[p] = all;
    }
    // Every draw's weights, drawn in the order the draws use them.
    const random = seededRandom(settings.stability.seed);
    const baseWeights = dims.map((d) => dimensionWeight(settings, d.code) / ranked.filter((i) => i.dimension === d.code).length);
    const weights = new Float64Array(draws * D);
    for (let draw = 0; draw < draws; draw++) {
      for (let j = 0; j < D; j++) weights[draw * D + j] = baseWeights[j] * (1 - spread + 2 * spread * random());
    }
    // Best and worst by position in `who` while drawing (beside each other in memory), then by district.
    const bestAt = Int32Array.from(who, (i) => best[i]);
    const worstAt = bestAt.slice();
    rankDraws({ sums, reported, allReported, reportsAll, weights }, D, bestAt, worstAt);
    who.forEach((i, p) => {
      best[i] = bestAt[p];
      worst[i] = worstAt[p];
    });
  }
  return baseRanks.map((r, i) => (r === undefined ? undefined : { best: best[i], worst: worst[i] }));
}

/** What the draws read: per dimension × ranked district, per ranked district, per dimension, and per draw × dimension. */
interface DrawInput {
  readonly sums: Float64Array;
  readonly reported: Float64Array;
  readonly allReported: Float64Array;
  readonly reportsAll: Uint8Array;
  readonly weights: Float64Array;
}

/**
 * Rank the districts under each draw's weights, widening each one's best and worst rank. Typed arrays
 * only, so its optimised code serves every call: when this loop sat in `stability`, each call's
 * differently shaped settings and ranks sent it back to the interpreter for thousands of draws.
 */
function rankDraws(input: DrawInput, D: number, best: Int32Array, worst: Int32Array): void {
  const { sums, reported, allReported, reportsAll, weights } = input;
  const m = reportsAll.length;
  const draws = weights.length / D;
  // Per draw: each ranked district's Σ w·sums, then the districts with a score — who they are and their
  // scores × 10^SCORE_DECIMALS (whole numbers, so equal rounded scores tie exactly as RANK.EQ sees them in the sheet).
  const num = new Float64Array(m);
  const ids = new Int32Array(m);
  const keys = new Float64Array(m);
  const ranker = new KeyRanker(m);
  // Keys whose exact rank a draw needs beyond their bucket's bounds, then the lower bound of each.
  const waiting = new Int32Array(2 * Math.max(1, m >> WAITING_SHARE));
  const f = 10 ** SCORE_DECIMALS;
  for (let draw = 0; draw < draws; draw++) {
    const w = draw * D;
    // Σ w·sums a dimension's column at a time, in groups of four added as ((a + b) + c) + d and group
    // after group, so every draw's sums come out to the same last bit whatever the layout. Two groups a
    // pass where there are eight (the standard template's dimensions): the sums are written once, not twice.
    let j = 0;
    for (; j + 8 <= D; j += 8) {
      const w0 = weights[w + j];
      const w1 = weights[w + j + 1];
      const w2 = weights[w + j + 2];
      const w3 = weights[w + j + 3];
      const w4 = weights[w + j + 4];
      const w5 = weights[w + j + 5];
      const w6 = weights[w + j + 6];
      const w7 = weights[w + j + 7];
      const o0 = j * m;
      const o1 = o0 + m;
      const o2 = o1 + m;
      const o3 = o2 + m;
      const o4 = o3 + m;
      const o5 = o4 + m;
      const o6 = o5 + m;
      const o7 = o6 + m;
      for (let p = 0; p < m; p++) {
        const first = w0 * sums[o0 + p] + w1 * sums[o1 + p] + w2 * sums[o2 + p] + w3 * sums[o3 + p];
        const second = w4 * sums[o4 + p] + w5 * sums[o5 + p] + w6 * sums[o6 + p] + w7 * sums[o7 + p];
        num[p] = j === 0 ? first + second : num[p] + first + second;
      }
    }
    for (; j + 4 <= D; j += 4) {
      const w0 = weights[w + j];
      const w1 = weights[w + j + 1];
      const w2 = weights[w + j + 2];
      const w3 = weights[w + j + 3];
      const a = j * m;
      const b = a + m;
      const c = b + m;
      const d = c + m;
      if (j === 0) for (let p = 0; p < m; p++) num[p] = w0 * sums[a + p] + w1 * sums[b + p] + w2 * sums[c + p] + w3 * sums[d + p];
      else for (let p = 0; p < m; p++) num[p] += w0 * sums[a + p] + w1 * sums[b + p] + w2 * sums[c + p] + w3 * sums[d + p];
    }
    if (j === 0) num.fill(0);
    for (; j < D; j++) {
      const wj = weights[w + j];
      const a = j * m;
      for (let p = 0; p < m; p++) num[p] += wj * sums[a + p];
    }
    // Most districts report every ranked indicator: their denominator Σ w·reported is the same sum, made
    // once a draw (in the same order, so to the same last bit) instead of once per district.
    let denAll = 0;
    for (let j = 0; j < D; j++) denAll += weights[w + j] * allReported[j];
    let count = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let p = 0; p < m; p++) {
      let den = denAll;
      if (reportsAll[p] === 0) {
        den = 0;
        for (let j = 0; j < D; j++) den += weights[w + j] * reported[j * m + p];
      }
      if (den > 0) {
        const key = roundHalfUp(((100 * num[p]) / den) * f);
        if (key < min) min = key;
        if (key > max) max = key;
        ids[count] = p;
        keys[count++] = key;
      }
    }
    const spread = ranker.spread(keys, count, min, max);
    if (spread && widenByBuckets(ranker, keys, ids, count, best, worst, waiting)) continue;
    // From the highest key down: a key's rank is 1 + how many came before its run of equal keys.
    const order = spread ? ranker.orderSpread(keys, count) : ranker.sort(keys, count, min, max);
    let rank = 1;
    for (let q = count - 1; q >= 0; q--) {
      const x = order[q];
      if (q < count - 1 && keys[x] !== keys[order[q + 1]]) rank = count - q;
      const i = ids[x];
      if (rank < best[i]) best[i] = rank;
      if (rank > worst[i]) worst[i] = rank;
    }
  }
}

/**
 * A draw's best and worst ranks widened from the keys' buckets alone, where that is enough; false
 * (some ranks widened, none wrongly) where too many keys need their exact rank, which a full sort then gives.
 *
 * Why: a district's rank in a draw matters only where it falls outside the best and worst it has had,
 * and after the first draws few do (a new extreme in draw k is about 2 chances in k). A key's bucket
 * bounds its rank (the keys in higher buckets are all greater, those in its own may be): where the
 * bounds sit inside the district's best and worst, nothing changes; where the bucket holds only that key,
 * they are its rank. Only the rest need the keys that share their bucket compared.
 */
function widenByBuckets(ranker: KeyRanker, keys: Float64Array, ids: Int32Array, count: number, best: Int32Array, worst: Int32Array, waiting: Int32Array): boolean {
  const { bucketOf, starts } = ranker;
  const limit = Math.min(waiting.length >> 1, count >> WAITING_SHARE);
  let n = 0;
  for (let q = 0; q < count; q++) {
    const b = bucketOf[q];
    const above = count - starts[b + 1];
    const i = ids[q];
    // Its rank lies in [above + 1, above + the bucket's size].
    if (above + 1 >= best[i] && count - starts[b] <= worst[i]) continue;
    if (starts[b + 1] - starts[b] === 1) {
      if (above + 1 < best[i]) best[i] = above + 1;
      if (above + 1 > worst[i]) worst[i] = above + 1;
    } else if (n < limit) waiting[n++] = q;
    else return false;
  }
  if (n === 0) return true;
  // Each waiting key's rank: 1 + the keys above its bucket + those in it that are greater, its bucket's
  // keys found by placing every key in its bucket (a sort's first step, without its comparisons).
  for (let w = 0; w < n; w++) waiting[w + n] = 1 + count - starts[bucketOf[waiting[w]] + 1];
  const byBucket = ranker.scatter(count);
  for (let w = 0; w < n; w++) {
    const q = waiting[w];
    const b = bucketOf[q];
    const key = keys[q];
    let rank = waiting[w + n];
    for (let r = b === 0 ? 0 : starts[b - 1]; r < starts[b]; r++) if (keys[byBucket[r]] > key) rank++;
    const i = ids[q];
    if (rank < best[i]) best[i] = rank;
    if (rank > worst[i]) worst[i] = rank;
  }
  return true;
}
