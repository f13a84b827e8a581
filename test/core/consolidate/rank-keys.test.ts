import { KeyRanker } from "../../../src/core/consolidate/rank-keys";
import { seededRandom } from "../../../src/core/consolidate/stats";

/** The definition: 1 + how many keys are greater. */
const naive = (keys: readonly number[]) => keys.map((k) => 1 + keys.filter((x) => x > k).length);

function ranked(ranker: KeyRanker, keys: readonly number[]): number[] {
  const out = new Int32Array(keys.length);
  ranker.rank(Float64Array.from(keys), keys.length, out);
  return [...out];
}

describe("KeyRanker (RANK.EQ, descending, by bucket sort)", () => {
  it("agrees with the definition over any numbers but NaN: fractions, negatives, infinities, ranges too narrow or too wide to scale", () => {
    const random = seededRandom(11);
    const fractions = Array.from({ length: 700 }, () => (random() < 0.2 ? 0.95 : random()));
    const mixed = Array.from({ length: 300 }, () => (random() - 0.5) * 10 ** Math.floor(random() * 12));
    const infinite = [3, Infinity, -Infinity, 3, 0, -0, Infinity, 1e300];
    const narrow = [5e-324, 1e-323, 5e-324, 0, 1.5e-323];
    const wide = [-1.7e308, 1.7e308, 0, 1.7e308, -1];
    for (const keys of [fractions, mixed, infinite, narrow, wide]) expect(ranked(new KeyRanker(keys.length), keys)).toEqual(naive(keys));
  });

  it("ranks with ties sharing a rank and the next rank skipped", () => {
    expect(ranked(new KeyRanker(6), [50, 80, 80, 10, 95, 50])).toEqual([4, 2, 2, 6, 1, 4]);
  });

  it("gives rank 1 to one key and to keys all equal", () => {
    expect(ranked(new KeyRanker(1), [7])).toEqual([1]);
    expect(ranked(new KeyRanker(4), [3e11, 3e11, 3e11])).toEqual([1, 1, 1]);
  });

  it("agrees with the definition over scores × 10^10 (up to 10^12), with ties, at several sizes", () => {
    const random = seededRandom(5);
    for (const n of [2, 17, 300, 2100]) {
      const ranker = new KeyRanker(n);
      for (let round = 0; round < 3; round++) {
        // Few distinct levels in one round (many ties), the whole 0–100 range in the others.
        const keys = Array.from({ length: n }, () => (round === 0 ? Math.floor(random() * 9) * 1e11 : Math.round(random() * 100 * 1e10)));
        expect(ranked(ranker, keys)).toEqual(naive(keys));
      }
    }
  });

  it("agrees with the definition where keys crowd into few buckets: an outlier far away, keys up to 2^53, negative keys", () => {
    const random = seededRandom(9);
    const crowded = [1e12, ...Array.from({ length: 500 }, () => Math.round(random() * 1e6))];
    const huge = Array.from({ length: 300 }, (_, i) => 2 ** 53 - 1 - (i % 7) * 3);
    const negative = Array.from({ length: 64 }, () => Math.round((random() - 0.5) * 1e4));
    for (const keys of [crowded, huge, negative]) expect(ranked(new KeyRanker(keys.length), keys)).toEqual(naive(keys));
  });

  it("ranks only the first `count` keys and leaves the rest of the output alone", () => {
    const out = new Int32Array([0, 0, 0, -1]);
    new KeyRanker(4).rank(Float64Array.from([5, 9, 1, 100]), 3, out);
    expect([...out]).toEqual([2, 1, 3, -1]);
  });

  it("ranks a few keys right with buffers left full by many (one ranker serves every draw)", () => {
    const ranker = new KeyRanker(5000);
    const many = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 5003);
    expect(ranked(ranker, many)).toEqual(naive(many));
    expect(ranked(ranker, [3, 7, 7, 1])).toEqual([3, 1, 1, 4]);
  });
});
