import { allReports, bazhou2023, rongchang2024, shuimogou2024, yuzhong2023 } from "../fixtures/reports";
import { flagged, validateReport } from "../helpers/report-sheets";

describe("the five real reports", () => {
  it("flags exactly the four inconsistent rates of 荣昌 2024: 审结率, 直接纠错率, 调解成功率, 行政执法事项综合率", () => {
    const { findings } = validateReport(rongchang2024);
    expect(flagged(findings, "rate.inconsistent", 2)).toEqual(["D10", "E03", "E05", "F04"]);
  });

  it("computes the true ratio of each inconsistent 荣昌 rate from its counts", () => {
    const { findings } = validateReport(rongchang2024);
    const expected = Object.fromEntries(findings.filter((f) => f.code === "rate.inconsistent").map((f) => [f.codes[2], Number(f.expected!.toFixed(4))]));
    expect(expected).toEqual({ E03: 0.8398, E05: 0.2049, F04: 0.9849, D10: 0.6693 });
  });

  it("has no error-level finding for 荣昌 2024: its problems are warnings and approximate figures", () => {
    const { findings } = validateReport(rongchang2024);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(flagged(findings, "value.approximate")).toEqual(["A07"]);
  });

  it("accepts 荣昌's consistent groups: 9,737 + 847 = 10,584 records and 57 of 57 bodies = 100 %", () => {
    const { findings } = validateReport(rongchang2024);
    const touched = new Set(findings.flatMap((f) => f.codes));
    for (const code of ["B08", "B09", "B10", "D01", "D11", "D12"]) expect(touched.has(code as never)).toBe(false);
  });

  it("accepts 渝中 2023's 17 of 18 hearings = 94.44 % but flags its jump from 50 % last year", () => {
    const { findings } = validateReport(yuzhong2023);
    expect(flagged(findings, "rate.inconsistent", 2)).toEqual([]);
    const jump = findings.filter((f) => f.code === "yoy.jump");
    expect(jump.map((f) => f.codes[0])).toEqual(["E12"]);
    expect(jump[0].actual).toBeCloseTo(0.9444, 6);
    expect(jump[0].expected).toBeCloseTo(0.5, 6);
  });

  it("accepts 巴州 2023's 10,467 of 10,903 requests = 96 % (written to whole percent)", () => {
    const { findings } = validateReport(bazhou2023);
    expect(flagged(findings, "rate.inconsistent", 2)).toEqual([]);
    expect(findings.filter((f) => f.codes.includes("B13" as never))).toEqual([]);
  });

  it("reads 渝中's 23.14亿元 as 231,400 万元 and 1.8万余 as an approximate 18,000", () => {
    const { sheets } = validateReport(yuzhong2023);
    const e = sheets[0].entries;
    expect(e.get("G09")!.thisYear).toMatchObject({ status: "value", value: 231400, approximate: false });
    expect(e.get("G01")!.thisYear).toMatchObject({ status: "value", value: 18000, approximate: true });
  });

  it.each(allReports.map((r) => [r.id, r] as const))("finds no rate inconsistency, unreadable value or broken relation in %s except 荣昌's four", (_id, report) => {
    const { findings } = validateReport(report);
    const inconsistent = flagged(findings, "rate.inconsistent", 2);
    expect(inconsistent).toEqual(report === rongchang2024 ? ["D10", "E03", "E05", "F04"] : []);
    expect(findings.filter((f) => f.code === "value.unparsable" || f.code === "relation.failed" || f.code === "rule.invalid")).toEqual([]);
    expect(findings.filter((f) => f.code.startsWith("sheet."))).toEqual([]);
  });

  it("reads 水磨沟 2024's 18 of 97 leaders reporting in person as a consistent part of its total", () => {
    const { findings } = validateReport(shuimogou2024);
    expect(findings.filter((f) => f.codes.includes("A04" as never))).toEqual([]);
  });
});
