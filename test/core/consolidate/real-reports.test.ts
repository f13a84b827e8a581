import { allReports, bazhou2023, justiceBureau2023, rongchang2024, shuimogou2024, yuzhong2023 } from "../../fixtures/reports";
import { at, consolidateReports } from "../../helpers/consolidate-reports";

/**
 * The five real reports consolidated as five districts of one city. Every expected number is worked
 * out by hand from the figures the reports state (see test/fixtures/reports), never by the engine.
 */
describe("consolidating the five real reports", () => {
  const { c } = consolidateReports(allReports);
  const district = (name: string) => c.districts[at(c, name)];

  it("takes all five, in workbook order, and consolidates the latest year (2024)", () => {
    expect(c.districts.map((d) => d.name)).toEqual(["荣昌区", "渝中区", "巴州区", "水磨沟区", "重庆市司法局"]);
    expect(c.year).toBe(2024);
    // The three 2023 reports take part, each with a warning that its year differs.
    const otherYear = c.findings.filter((f) => f.code === "gather.otherYear").map((f) => f.district).sort();
    expect(otherYear).toEqual(["巴州区", "渝中区", "重庆市司法局"].sort());
  });

  it("adds up counts over the districts that report them, and leaves blank what nobody reports", () => {
    expect(c.totals.get("E01")).toBe(337 + 159 + 133); // 行政复议申请受理数: 荣昌, 渝中, 水磨沟
    expect(c.totals.get("E02")).toBe(283 + 155); // 审结数: 荣昌, 渝中
    expect(c.totals.get("C08")).toBe(5 + 11 + 2 + 691); // 备案数, the justice bureau's 691 included
    expect(c.totals.get("B08")).toBe(10584 + 16184);
    // 1.8万余 counts as 18,000 and 5000余 as 5,000: approximate figures still add up.
    expect(c.totals.get("G01")).toBe(18000 + 5000 + 2561);
    expect(c.totals.has("E13")).toBe(false); // 行政诉讼审结案件数: no report states it
  });

  it("recomputes each district's rate from its counts, and keeps a rate reported without counts", () => {
    expect(district("荣昌区").figures.get("E03")).toBe(283 / 337); // 83.98 %, not the reported 85.29 %
    expect(district("荣昌区").rateSource.get("E03")).toBe("computed");
    expect(district("渝中区").figures.get("E12")).toBe(17 / 18); // 94.44 %
    expect(district("巴州区").figures.get("E12")).toBe(1); // 100 % reported, no counts
    expect(district("巴州区").rateSource.get("E12")).toBe("reported");
    expect(district("水磨沟区").figures.has("E03")).toBe(false); // neither counts nor a rate
  });

  it("computes municipal rates as Σnumerator ÷ Σdenominator over the districts reporting both, never an average", () => {
    // 审结率: 荣昌 283/337 and 渝中 155/159; 水磨沟 reports 133 received but no conclusions, so it is left out.
    expect(c.totals.get("E03")).toBe((283 + 155) / (337 + 159));
    expect(c.totals.get("E03")).not.toBeCloseTo((283 / 337 + 155 / 159) / 2, 4);
    // 调解成功率: only 荣昌 gives both counts; 渝中 and 巴州 report only rates (98.35 %, 98.38 %).
    expect(c.totals.get("F04")).toBe(10498 / 10659);
    // 出庭应诉率: only 渝中 has both counts (17 of 18); three others report 100 % without counts.
    expect(c.totals.get("E12")).toBe(17 / 18);
    // Reported-only rates have no municipal figure: 群众诉求满意率 B14.
    expect(c.totals.has("B14")).toBe(false);
  });

  it("ranks as RANK.EQ: ties share a rank, the next rank is skipped, blanks are not ranked", () => {
    const e12 = c.ranks.get("E12")!;
    // 荣昌 100 %, 渝中 94.44 %, 巴州 100 %, 水磨沟 100 %, 司法局 blank.
    expect(e12).toEqual([1, 4, 1, 1, undefined]);
    // 调解成功率 ↑: 荣昌 98.49 % (computed), 渝中 98.35 %, 巴州 98.38 %.
    expect(c.ranks.get("F04")).toEqual([1, 3, 2, undefined, undefined]);
    // Not ranked: direction ·.
    expect(c.ranks.has("E01")).toBe(false);
  });

  it("scores the composite index by hand on dimension E alone", () => {
    // Weight only on E: its ranked indicators E03 E07 E09 E12 E15 (each 1/5 of E's weight).
    // min–max per indicator over the districts with a figure:
    //   E03 荣昌 283/337 = .8398 → 0, 渝中 155/159 = .9748 → 1
    //   E07 荣昌 94.6 % (reported) → 1, 渝中 145/155 = .9355 → 0
    //   E09 荣昌 29.5 %, alone → 1
    //   E12 荣昌 1, 渝中 .9444, 巴州 1, 水磨沟 1 → 1, 0, 1, 1
    // Scores re-normalised over what each reported: 荣昌 (0+1+1+1)/4 = 75, 渝中 (1+0+0)/3 = 33.33,
    // 巴州 1/1 = 100, 水磨沟 100, 司法局: nothing weighted → no score.
    const weights = new Map(c.template.template.dimensions.map((d) => [d.code, d.code === "E" ? 1 : 0]));
    const { c: onlyE } = consolidateReports(allReports, { dimensionWeights: weights });
    const scores = onlyE.index.scores;
    expect(scores[0]).toBeCloseTo(75, 10);
    expect(scores[1]).toBeCloseTo(100 / 3, 10);
    expect(scores[2]).toBeCloseTo(100, 10);
    expect(scores[3]).toBeCloseTo(100, 10);
    expect(scores[4]).toBeUndefined();
    expect(onlyE.index.ranks).toEqual([3, 4, 1, 1, undefined]);
  });

  it("scores with goalposts (rates as they are) when asked", () => {
    const weights = new Map(c.template.template.dimensions.map((d) => [d.code, d.code === "E" ? 1 : 0]));
    const { c: goal } = consolidateReports(allReports, { dimensionWeights: weights, normalisation: "goalposts" });
    // 荣昌: (283/337 + .946 + .295 + 1) / 4; 渝中: (155/159 + 145/155 + 17/18) / 3.
    expect(goal.index.scores[0]).toBeCloseTo((100 * (283 / 337 + 0.946 + 0.295 + 1)) / 4, 9);
    expect(goal.index.scores[1]).toBeCloseTo((100 * (155 / 159 + 145 / 155 + 17 / 18)) / 3, 9);
  });

  it("keeps every district's own findings: 荣昌's four inconsistent rates are among them", () => {
    const rates = c.findings.filter((f) => f.code === "rate.inconsistent" && f.district === "荣昌区").map((f) => f.codes[2]).sort();
    expect(rates).toEqual(["D10", "E03", "E05", "F04"]);
  });

  it("treats a named city-level sheet as the city, not a district", () => {
    const { c: withCity } = consolidateReports([rongchang2024, yuzhong2023, bazhou2023, shuimogou2024, justiceBureau2023], { city: "重庆市司法局" });
    expect(withCity.districts.map((d) => d.name)).not.toContain("重庆市司法局");
    expect(withCity.city?.name).toBe("重庆市司法局");
    // 备案数 C08: the city says 691, its four districts 5 + 11 + 2 = 18 (巴州 and 水磨沟 in other cities, but
    // that is what this workbook claims): the districts do not all report it, and 691 ≥ 18, so no finding.
    expect(withCity.totals.get("C08")).toBe(18);
    expect(withCity.findings.filter((f) => f.code === "city.sumMismatch" && f.codes[0] === "C08")).toEqual([]);
  });
});
