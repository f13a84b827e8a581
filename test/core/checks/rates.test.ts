import { findingsFor, summarize } from "../../helpers/sheet-with";

describe("rates against their counts", () => {
  it("accepts a stated rate that is the ratio rounded: 渝中 2023, 17 of 18 hearings = 94.44 %", () => {
    expect(findingsFor({ E10: 18, E11: 17, E12: 0.9444 })).toEqual([]);
  });

  it("accepts a stated rate that is the ratio truncated or rounded up, and one written to whole percent", () => {
    // 2/3 = 66.666… %: 66.66 % is truncated, 66.67 % rounded (and up); 巴州 2023: 10,467 / 10,903 = 96.00 % ≈ 96 %.
    expect(findingsFor({ E10: 3, E11: 2, E12: "66.66%" })).toEqual([]);
    expect(findingsFor({ E10: 3, E11: 2, E12: "66.67%" })).toEqual([]);
    expect(findingsFor({ B11: 10903, B12: 10467, B13: "96%" })).toEqual([]);
  });

  it("flags a stated rate one unit of its last digit away: 66.65 % for 2 of 3", () => {
    expect(summarize(findingsFor({ E10: 3, E11: 2, E12: "66.65%" }))).toEqual(["rate.inconsistent@E11+E10+E12"]);
  });

  it("uses the precision the rate was written with: 93.55 % → 94 % passes, 92 % fails (渝中 145 of 155)", () => {
    expect(findingsFor({ E02: 155, E06: 145, E07: "94%" })).toEqual([]);
    const [f] = findingsFor({ E02: 155, E06: 145, E07: "92%" });
    expect(f).toMatchObject({ code: "rate.inconsistent", severity: "warning", actual: 0.92, details: { numerator: 145, denominator: 155, resolution: 0.01 } });
    expect(f.expected).toBeCloseTo(145 / 155, 12);
  });

  it("flags 荣昌 2024's 审结率: 283 of 337 is 83.98 %, the report says 85.29 %", () => {
    const [f] = findingsFor({ E01: 337, E02: 283, E03: "85.29%" });
    expect(f.code).toBe("rate.inconsistent");
    expect(f.cells.map((c) => c.address)).toHaveLength(3);
  });

  it("warns about a rate reported over a zero denominator", () => {
    expect(summarize(findingsFor({ E10: 0, E11: 0, E12: "100%" }))).toEqual(["rate.zeroDenominator@E11+E10+E12"]);
  });

  it("flags a numerator above its denominator once, through the template's relation (E11 = 19 with E10 = 18)", () => {
    const fs = findingsFor({ E10: 18, E11: 19 });
    expect(summarize(fs)).toEqual(["relation.failed@E11+E10"]);
    expect(fs[0]).toMatchObject({ severity: "error", actual: 19, expected: 18 });
  });

  it("does not check a rate against approximate counts", () => {
    expect(summarize(findingsFor({ F02: "1万余", F03: 9000, F04: "50%" }))).toEqual(["value.approximate@F02"]);
  });

  it("leaves a reported-only rate alone when its counts are blank (荣昌 E07 = 94.6 %)", () => {
    expect(findingsFor({ E07: "94.6%" })).toEqual([]);
  });
});
