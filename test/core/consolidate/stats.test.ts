import { roundHalfUp, mad, meanAbsoluteDeviation, median, modifiedZScores, quantile, rankEq, seededRandom } from "../../../src/core/consolidate/stats";

describe("median, MAD and mean absolute deviation", () => {
  it("takes the middle value, or the mean of the two middle ones, whatever the input order", () => {
    expect(median([200, 17, 22, 18, 20])).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2.5); // (2 + 3) / 2
    expect(median([7])).toBe(7);
  });

  it("measures spread around the median: [17, 18, 20, 22, 200]", () => {
    // |x − 20| = 3, 2, 0, 2, 180 → sorted 0, 2, 2, 3, 180: MAD = 2; mean = 187 / 5 = 37.4
    expect(mad([17, 18, 20, 22, 200])).toBe(2);
    expect(meanAbsoluteDeviation([17, 18, 20, 22, 200])).toBeCloseTo(37.4, 12);
  });

  it("does not reorder its argument", () => {
    const xs = [3, 1, 2];
    median(xs);
    quantile(xs, 0.25);
    expect(xs).toEqual([3, 1, 2]);
  });

  it("throws when given no values (a programmer's error, not bad data)", () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => mad([])).toThrow(RangeError);
    expect(() => quantile([], 0.5)).toThrow(RangeError);
  });
});

describe("quantile (type 7, as QUARTILE.INC)", () => {
  it("interpolates between order statistics at h = (n − 1)·p", () => {
    // [1, 2, 3, 4]: p = 0.25 → h = 0.75 → 1 + 0.75·(2 − 1) = 1.75; p = 0.75 → h = 2.25 → 3 + 0.25·1 = 3.25
    expect(quantile([4, 1, 3, 2], 0.25)).toBe(1.75);
    expect(quantile([4, 1, 3, 2], 0.75)).toBe(3.25);
    expect(quantile([4, 1, 3, 2], 0)).toBe(1);
    expect(quantile([4, 1, 3, 2], 1)).toBe(4);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
  });

  it("is defined with very few values (QUARTILE.EXC would not be)", () => {
    expect(quantile([7], 0.25)).toBe(7);
    expect(quantile([2, 10], 0.25)).toBe(4); // h = 0.25 → 2 + 0.25·8
  });

  it("selects the same order statistics as sorting would, with ties, ordered and reversed input, short (sorted natively) and long (selected)", () => {
    const random = seededRandom(17);
    const bySorting = (xs: number[], p: number) => {
      const s = [...xs].sort((a, b) => a - b);
      const n = s.length;
      // p = 0.5 is the median exactly: the mean of the middle two, not an interpolation between them.
      if (p === 0.5) return n % 2 === 1 ? s[n >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
      const h = (n - 1) * p;
      const lo = Math.floor(h);
      return h === lo ? s[lo] : s[lo] + (h - lo) * (s[lo + 1] - s[lo]);
    };
    for (const n of [...Array.from({ length: 40 }, (_, i) => i + 1), 256, 257, 300, 1001, 4096]) {
      const samples = [
        Array.from({ length: n }, () => Math.round(random() * 1e6) / 100),
        Array.from({ length: n }, () => Math.floor(random() * 3)), // mostly ties
        Array.from({ length: n }, (_, i) => i), // already ordered
        Array.from({ length: n }, (_, i) => n - i),
      ];
      for (const xs of samples) {
        for (const p of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]) expect(quantile(xs, p)).toBe(bySorting(xs, p));
        expect(median(xs)).toBe(bySorting(xs, 0.5));
      }
    }
  });

  it("rejects p outside [0, 1], and NaN among the values", () => {
    expect(() => median([1, Number.NaN])).toThrow(RangeError);
    expect(() => quantile([1, 2], 1.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], Number.NaN)).toThrow(RangeError);
  });
});

describe("modified z-scores (Iglewicz–Hoaglin)", () => {
  it("scales by MAD: 200 among [17, 18, 20, 22] scores 0.6745·180/2 = 60.705", () => {
    const z = modifiedZScores([17, 18, 20, 22, 200]);
    expect(z.median).toBe(20);
    expect(z.scale).toBe("mad");
    // 0.6745·(−3)/2, 0.6745·(−2)/2, 0, 0.6745·2/2, 0.6745·180/2
    const expected = [-1.01175, -0.6745, 0, 0.6745, 60.705];
    z.scores.forEach((s, i) => expect(s).toBeCloseTo(expected[i], 10));
  });

  it("falls back to 1.253314·MeanAD when MAD is 0: [5, 5, 5, 5, 40]", () => {
    // median 5, |x − 5| = 0, 0, 0, 0, 35: MAD 0; MeanAD = 35/5 = 7; 35 / (1.253314·7 = 8.773198) = 3.98942
    const z = modifiedZScores([5, 5, 5, 5, 40]);
    expect(z.scale).toBe("meanAbsolute");
    expect(z.median).toBe(5);
    expect([...z.scores.slice(0, 4)]).toEqual([0, 0, 0, 0]);
    expect(z.scores[4]).toBeCloseTo(3.98942, 5);
  });

  it("gives every value 0 when all are equal", () => {
    expect(modifiedZScores([3, 3, 3])).toEqual({ scores: new Float64Array([0, 0, 0]), median: 3, scale: "mad" });
  });
});

describe("rankEq (as Excel's RANK.EQ)", () => {
  const rates = [0.9, 0.95, 0.95, 0.8, undefined];

  it("shares a rank between ties and skips the next one, highest first", () => {
    expect(rankEq(rates, "desc")).toEqual([3, 1, 1, 4, undefined]);
  });

  it("ranks lowest first with asc", () => {
    // 0.8 → 1, 0.9 → 2, 0.95 and 0.95 → 3 (no 4)
    expect(rankEq(rates, "asc")).toEqual([2, 3, 3, 1, undefined]);
  });

  it("compares exactly: 0.1 + 0.2 is not a tie with 0.3", () => {
    expect(rankEq([0.1 + 0.2, 0.3], "desc")).toEqual([1, 2]);
    expect(rankEq([0.3, 0.3], "desc")).toEqual([1, 1]);
  });

  it("leaves everything unranked when nothing is defined", () => {
    expect(rankEq([undefined, undefined], "asc")).toEqual([undefined, undefined]);
    expect(rankEq([], "desc")).toEqual([]);
  });

  it("ranks infinities and a column of thousands like a sort would (highest or lowest first)", () => {
    expect(rankEq([1, Infinity, -Infinity, 1], "desc")).toEqual([2, 1, 4, 2]);
    expect(rankEq([1, Infinity, -Infinity, 1], "asc")).toEqual([2, 4, 1, 2]);
    const random = seededRandom(3);
    const values = Array.from({ length: 5000 }, () => Math.round(random() * 2000) / 100);
    const sorted = [...values].sort((a, b) => a - b);
    const below = (v: number) => sorted.findIndex((x) => x >= v);
    expect(rankEq(values, "asc")).toEqual(values.map((v) => 1 + below(v)));
  });

  it("reads a column of figures with NaN for blanks", () => {
    expect(rankEq(new Float64Array([0.9, NaN, 0.95, 0.9]), "desc")).toEqual([2, undefined, 1, 2]);
  });

  it("gives 1 + how many are greater (desc) or less (asc), for every length and any ties", () => {
    const random = seededRandom(7);
    for (let n = 0; n <= 40; n++) {
      // Few distinct values, so ties are common; some blanks.
      const values = Array.from({ length: n }, () => (random() < 0.1 ? undefined : Math.floor(random() * 6) / 4));
      const defined = values.filter((v): v is number => v !== undefined);
      const count = (v: number | undefined, beats: (x: number) => boolean) => (v === undefined ? undefined : 1 + defined.filter(beats).length);
      expect([n, rankEq(values, "desc")]).toEqual([n, values.map((v) => count(v, (x) => x > v!))]);
      expect([n, rankEq(values, "asc")]).toEqual([n, values.map((v) => count(v, (x) => x < v!))]);
    }
  });
});

describe("seededRandom (mulberry32)", () => {
  it("repeats the reference sequence of its seed", () => {
    const g = seededRandom(42);
    expect([g(), g(), g()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it("stays in [0, 1) and differs between seeds", () => {
    const g = seededRandom(1);
    const xs = Array.from({ length: 1000 }, g);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(2)()).not.toBe(seededRandom(1)());
  });
});

describe("roundHalfUp", () => {
  it("rounds as Math.round where x + 0.5 is not exact, at halves, and beyond 2^52", () => {
    const edges = [0.49999999999999994, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2 ** 52 + 1, 2 ** 52 + 3, 2 ** 53 - 1, 2 ** 53, 1e12 + 0.5, -0.49999999999999994, Infinity, -Infinity];
    // + 0 makes −0 plain 0: a key's zero has no sign.
    expect(edges.map((x) => roundHalfUp(x) + 0)).toEqual(edges.map((x) => Math.round(x) + 0));
    expect(roundHalfUp(NaN)).toBeNaN();
  });

  it("rounds as Math.round a million keys of random fractions and magnitudes, zeros equal whatever their sign", () => {
    const random = seededRandom(17);
    let differ = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const x = (random() - 0.2) * 10 ** Math.floor(random() * 17);
      if (roundHalfUp(x) !== Math.round(x)) differ++;
    }
    expect(differ).toBe(0);
  });
});
