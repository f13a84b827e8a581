import { compositeIndex, defaultIndexSettings, rankedCountByDimension, stabilityDraws } from "../../../src/core/consolidate/composite";
import type { IndexSettings } from "../../../src/core/consolidate/model";
import { rankEq, seededRandom } from "../../../src/core/consolidate/stats";
import { loadTemplateOrThrow } from "../../../src/core/template/from-data";
import type { LoadedTemplate } from "../../../src/core/template/load";
import { standardTemplate } from "../../../src/core/template/registry";
import { district, districts, tiny } from "./index-fixtures";

const equal = defaultIndexSettings(tiny);
const withSettings = (over: Partial<IndexSettings>): IndexSettings => ({ ...equal, ...over });
const noDraws = (s: IndexSettings): IndexSettings => ({ ...s, stability: { ...s.stability, draws: 0 } });

describe("the composite index", () => {
  const index = compositeIndex(tiny, districts, equal);

  it("ranks the ↑ and ↓ indicators in template order and shares each dimension's weight among them", () => {
    expect(index.indicators).toEqual(["X01", "X04", "Y01", "Y02"]);
    // X: 1 / 2 ranked indicators; Y: 1 / 2.
    expect([...index.indicatorWeights]).toEqual([["X01", 0.5], ["X04", 0.5], ["Y01", 0.5], ["Y02", 0.5]]);
    expect(rankedCountByDimension(standardTemplate()).get("A")).toBe(6); // A01–A05, A08
  });

  it("normalises min–max over the districts that reported: ↑ (x − min)/(max − min), ↓ (max − x)/(max − min)", () => {
    // X01 ↑ min 10 max 30: (10−10)/20 = 0, (20−10)/20 = 0.5, (30−10)/20 = 1, 0.5.
    // X04 ↓ min 0.25 max 0.75: (0.75−0.25)/0.5 = 1, (0.75−0.75)/0.5 = 0, (0.75−0.5)/0.5 = 0.5, 1.
    // Y01 ↑ over 甲 乙 丁 only, min 5 max 15: 0, 1, —, 0.5.   Y02 ↑ min 0.5 max 1: 1, 0, 0, 0.5.
    expect(index.normalised.map((m) => Object.fromEntries(m))).toEqual([
      { X01: 0, X04: 1, Y01: 0, Y02: 1 },
      { X01: 0.5, X04: 0, Y01: 1, Y02: 0 },
      { X01: 1, X04: 0.5, Y02: 0 },
      { X01: 0.5, X04: 1, Y01: 0.5, Y02: 0.5 },
    ]);
  });

  it("scores 100 · Σ w·s / Σ w over what each district reported, and tied scores share a rank", () => {
    // 甲: 0.5·(0 + 1 + 0 + 1) = 1     / 2   → 50
    // 乙: 0.5·(0.5 + 0 + 1 + 0) = 0.75 / 2  → 37.5
    // 丙: 0.5·(1 + 0.5 + 0) = 0.75    / 1.5 → 50 (no Y01: its weight is left out, not counted as 0)
    // 丁: 0.5·(0.5 + 1 + 0.5 + 0.5) = 1.25 / 2 → 62.5
    expect(index.scores).toEqual([50, 37.5, 50, 62.5]);
    // RANK.EQ descending: 丁 1, 甲 and 丙 share 2, 乙 4 (3 is skipped).
    expect(index.ranks).toEqual([2, 4, 2, 1]);
  });

  it("with goalposts takes a rate as it is (↓: 1 − rate) while counts stay min–max", () => {
    const g = compositeIndex(tiny, districts, withSettings({ normalisation: "goalposts" }));
    // X04 ↓: 1 − 0.25 = 0.75, 0.25, 0.5, 0.75.  Y02 ↑: 1, 0.5, 0.5, 0.75.
    expect(g.normalised.map((m) => [m.get("X04"), m.get("Y02")])).toEqual([[0.75, 1], [0.25, 0.5], [0.5, 0.5], [0.75, 0.75]]);
    expect(g.normalised[1].get("X01")).toBe(0.5);
    // 甲: 0.5·(0 + 0.75 + 0 + 1) = 0.875 / 2 → 43.75     乙: 0.5·(0.5 + 0.25 + 1 + 0.5) = 1.125 / 2 → 56.25
    // 丙: 0.5·(1 + 0.5 + 0.5) = 1 / 1.5 → 66.6666666667 (rounded to 10 decimals, as the sheet's ROUND)
    // 丁: 0.5·(0.5 + 0.75 + 0.5 + 0.75) = 1.25 / 2 → 62.5
    expect(g.scores).toEqual([43.75, 56.25, 66.6666666667, 62.5]);
    expect(g.ranks).toEqual([4, 3, 1, 2]);
  });

  it("clamps goalposts to [0, 1] for a rate reported above 100 %", () => {
    const g = compositeIndex(tiny, [district([["Y02", 1.05], ["X04", 1.2]]), district([["Y02", 0.9]])], withSettings({ normalisation: "goalposts" }));
    expect(Object.fromEntries(g.normalised[0])).toEqual({ X04: 0, Y02: 1 });
  });

  it("weights dimensions as the settings say", () => {
    const w = compositeIndex(tiny, districts, withSettings({ dimensionWeights: new Map([["X", 3], ["Y", 1]]) }));
    // Indicator weights: X 3/2 = 1.5, Y 1/2 = 0.5.
    // 甲: 1.5·0 + 1.5·1 + 0.5·0 + 0.5·1 = 2 / 4 → 50      乙: 1.5·0.5 + 0 + 0.5·1 + 0 = 1.25 / 4 → 31.25
    // 丙: 1.5·1 + 1.5·0.5 + 0.5·0 = 2.25 / 3.5 → 64.2857142857   丁: 0.75 + 1.5 + 0.25 + 0.25 = 2.75 / 4 → 68.75
    expect(w.indicatorWeights.get("X04")).toBe(1.5);
    expect(w.scores).toEqual([50, 31.25, 64.2857142857, 68.75]);
    expect(w.ranks).toEqual([3, 4, 2, 1]);
  });

  it("gives every reporting district 1 when all of them have the same figure (max = min)", () => {
    const same = [district([["X01", 7]]), district([["X01", 7]]), district([["Y01", 3]])];
    const s = compositeIndex(tiny, same, equal);
    expect(s.normalised.map((m) => m.get("X01"))).toEqual([1, 1, undefined]);
    // Y01 is reported by one district only: max = min again.
    expect(s.normalised[2].get("Y01")).toBe(1);
    expect(s.scores).toEqual([100, 100, 100]);
  });

  it("leaves a district unscored when it reported no ranked indicator, or only ones of weight 0", () => {
    const s = compositeIndex(tiny, [...districts, district([["X02", 5]]), district([["Y01", 9]])], withSettings({ dimensionWeights: new Map([["X", 1], ["Y", 0]]) }));
    expect(s.scores.slice(4)).toEqual([undefined, undefined]);
    expect(s.ranks.slice(4)).toEqual([undefined, undefined]);
    expect(s.stability.slice(4)).toEqual([undefined, undefined]);
    // Still normalised, over 甲 乙 丁 and this one (min 5, max 15): (9 − 5)/10 = 0.4; only its weight is 0.
    expect(s.normalised[5].get("Y01")).toBe(0.4);
  });

  it("throws for a negative weight in the settings: the weights sheet reader never passes one", () => {
    expect(() => compositeIndex(tiny, districts, withSettings({ dimensionWeights: new Map([["X", -1]]) }))).toThrow(RangeError);
  });
});

describe("rank stability over random dimension weights", () => {
  const at = (spread: number, seed = 7, draws = 1000) => compositeIndex(tiny, districts, withSettings({ stability: { draws, spread, seed } }));

  it("gives the base rank alone with spread 0, and the possible ranks with ±20 %", () => {
    expect(at(0).stability).toEqual([{ best: 2, worst: 2 }, { best: 4, worst: 4 }, { best: 2, worst: 2 }, { best: 1, worst: 1 }]);
    // With factors fX, fY: 甲 = 100·(fX/2 + fY/2)/(fX + fY) = 50 always; 丙 = 100·0.75·fX/(fX + fY/2), above 50 iff fX > fY.
    // So 甲 and 丙 swap 2nd and 3rd; 丁 stays above both and 乙 below (the algebra holds for any positive factors).
    expect(at(0.2).stability).toEqual([{ best: 2, worst: 3 }, { best: 4, worst: 4 }, { best: 2, worst: 3 }, { best: 1, worst: 1 }]);
  });

  it("always contains the base rank", () => {
    const data = randomDistricts(standardTemplate(), 40, 3);
    for (const spread of [0.1, 0.3, 0.8]) {
      const s = compositeIndex(standardTemplate(), data, { ...defaultIndexSettings(standardTemplate()), stability: { draws: 300, spread, seed: 11 } });
      s.ranks.forEach((r, i) => {
        if (r === undefined) return expect(s.stability[i]).toBeUndefined();
        expect(s.stability[i]!.best).toBeLessThanOrEqual(r);
        expect(s.stability[i]!.worst).toBeGreaterThanOrEqual(r);
      });
    }
  });

  it("is deterministic for a seed", () => {
    const data = randomDistricts(standardTemplate(), 30, 5);
    const run = (seed: number) => compositeIndex(standardTemplate(), data, { ...defaultIndexSettings(standardTemplate()), stability: { draws: 200, spread: 0.3, seed } }).stability;
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
  });

  it("widens as the spread grows", () => {
    const data = randomDistricts(standardTemplate(), 30, 9);
    const width = (spread: number) =>
      compositeIndex(standardTemplate(), data, { ...defaultIndexSettings(standardTemplate()), stability: { draws: 300, spread, seed: 3 } }).stability.reduce((n, s) => n + (s ? s.worst - s.best : 0), 0);
    const widths = [0, 0.05, 0.2, 0.6].map(width);
    expect(widths[0]).toBe(0);
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThan(widths[i - 1]);
  });

  it("is a single rank for a district that is best on every indicator", () => {
    // 戊: the most X01 and Y01, the lowest loss rate, the highest satisfaction → every normalised score 1 → 100 under any weights.
    const dominant = district([["X01", 40], ["X04", 0.25], ["Y01", 20], ["Y02", 1]]);
    const s = compositeIndex(tiny, [...districts, dominant], withSettings({ stability: { draws: 500, spread: 0.9, seed: 1 } }));
    expect(s.scores[4]).toBe(100);
    expect(s.stability[4]).toEqual({ best: 1, worst: 1 });
  });

  it("agrees with recomputing the whole index for every draw", () => {
    const t = standardTemplate();
    const settings: IndexSettings = { ...defaultIndexSettings(t), dimensionWeights: new Map([["A", 2], ["C", 0.5], ["H", 0]]), stability: { draws: 60, spread: 0.4, seed: 99 } };
    expectDrawsAsRecomputed(t, randomDistricts(t, 25, 21), settings);
  });

  it("agrees with recomputing where the dimensions are not a multiple of four (the draws sum four at a time, then the rest)", () => {
    const t = dimensionsNamed(["P", "Q", "R", "S", "T", "U"]);
    const settings: IndexSettings = { ...defaultIndexSettings(t), dimensionWeights: new Map([["Q", 3], ["T", 0.5]]), stability: { draws: 80, spread: 0.5, seed: 5 } };
    expectDrawsAsRecomputed(t, randomDistricts(t, 30, 8), settings);
  });

  it("agrees with recomputing where there are more than eight dimensions (eight a pass, then the rest)", () => {
    const t = dimensionsNamed([..."ABCDEFGHIJKLMNOPQ"]);
    const settings: IndexSettings = { ...defaultIndexSettings(t), dimensionWeights: new Map([["B", 2], ["K", 0.5], ["Q", 3]]), stability: { draws: 80, spread: 0.5, seed: 23 } };
    expectDrawsAsRecomputed(t, randomDistricts(t, 60, 9), settings);
  });

  it("agrees with recomputing where there are fewer than four dimensions (no group of four at all)", () => {
    const t = dimensionsNamed(["P", "Q", "R"]);
    const settings: IndexSettings = { ...defaultIndexSettings(t), dimensionWeights: new Map([["P", 2]]), stability: { draws: 80, spread: 0.5, seed: 12 } };
    expectDrawsAsRecomputed(t, randomDistricts(t, 40, 3), settings);
  });

  it("agrees with recomputing over hundreds of districts, some alike (ranks told apart within a bucket, and bounded by it)", () => {
    const t = standardTemplate();
    const settings: IndexSettings = { ...defaultIndexSettings(t), stability: { draws: 150, spread: 0.3, seed: 17 } };
    const some = randomDistricts(t, 200, 4);
    // Forty districts twice: equal scores in every draw share a bucket and a rank.
    expectDrawsAsRecomputed(t, [...some, ...some.slice(0, 40)], settings);
  });

  it("makes the draws asked for at any number of districts, as a whole number ≥ 0", () => {
    expect(stabilityDraws(1000)).toBe(1000);
    expect(stabilityDraws(2.7)).toBe(2);
    expect(stabilityDraws(-5)).toBe(0);
  });
});

/**
 * The stability as brute force finds it: the same generator, one factor per dimension that has ranked
 * indicators, in template order, and the whole index recomputed without draws for each.
 */
function expectDrawsAsRecomputed(t: LoadedTemplate, data: ReturnType<typeof randomDistricts>, settings: IndexSettings): void {
  const fast = compositeIndex(t, data, settings);
  const { draws, spread, seed } = settings.stability;
  const dims = t.template.dimensions.filter((d) => t.template.indicators.some((i) => i.dimension === d.code && i.direction !== "none"));
  const random = seededRandom(seed);
  const best = [...fast.ranks];
  const worst = [...fast.ranks];
  for (let draw = 0; draw < draws; draw++) {
    const weights = new Map(dims.map((d) => [d.code, (settings.dimensionWeights.get(d.code) ?? 1) * (1 - spread + 2 * spread * random())]));
    const ranks = compositeIndex(t, data, noDraws({ ...settings, dimensionWeights: weights })).ranks;
    ranks.forEach((r, i) => {
      if (r === undefined) return;
      best[i] = Math.min(best[i]!, r);
      worst[i] = Math.max(worst[i]!, r);
    });
  }
  expect(fast.stability).toEqual(fast.ranks.map((r, i) => (r === undefined ? undefined : { best: best[i], worst: worst[i] })));
  expect(fast.ranks).toEqual(rankEq(fast.scores, "desc"));
  // The draws moved some district: the comparison above was not between single ranks only.
  expect(fast.stability.some((s) => s !== undefined && s.best !== s.worst)).toBe(true);
}

/** Dimensions of a count ↑ and a count ↓ each. */
function dimensionsNamed(codes: readonly string[]): LoadedTemplate {
  return loadTemplateOrThrow({
    id: `dims${codes.length}`,
    version: "1.0",
    title: { zh: `${codes.length}维模板`, en: `${codes.length} dimensions` },
    dimensions: codes.map((code) => ({ code, name: { zh: `维度${code}`, en: `Dimension ${code}` } })),
    indicators: codes.flatMap((d) => [
      { code: `${d}01`, dimension: d, name: { zh: `${d}次数`, en: `${d} count` }, unit: "次", kind: "count" as const, direction: "up" as const },
      { code: `${d}02`, dimension: d, name: { zh: `${d}件数`, en: `${d} cases` }, unit: "件", kind: "count" as const, direction: "down" as const },
    ]),
  });
}

/** Districts with random counts in few levels (ties likely) and rates; some indicators missing; one district reporting nothing. */
function randomDistricts(t: LoadedTemplate, n: number, seed: number) {
  const rnd = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const f = new Map<string, number>();
    if (i === n - 1) return { figures: f };
    for (const ind of t.template.indicators) {
      if (rnd() < 0.1) continue;
      f.set(ind.code, ind.kind === "rate" ? Math.round(rnd() * 100) / 100 : Math.floor(rnd() * 20) * 5);
    }
    return { figures: f };
  });
}
