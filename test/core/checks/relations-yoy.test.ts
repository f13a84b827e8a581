import { findingsFor, summarize } from "../../helpers/sheet-with";

describe("relations between indicators", () => {
  it("accepts 荣昌 2024's 9,737 + 847 = 10,584 records and flags a total that does not add up", () => {
    expect(findingsFor({ B08: 10584, B09: 9737, B10: 847 })).toEqual([]);
    const [f] = findingsFor({ B08: 10600, B09: 9737, B10: 847 });
    expect(f).toMatchObject({ code: "relation.failed", severity: "error", ruleId: "B08-eq-sum", actual: 10600, expected: 10584 });
  });

  it("checks the parts of 清理规范性文件 against their total (巴州 2023: 81 + 48 + 9 ≤ 362)", () => {
    expect(findingsFor({ C11: 362, C12: 81, C13: 48, C14: 9 })).toEqual([]);
    expect(summarize(findingsFor({ C11: 100, C12: 81, C13: 48 }))).toEqual(["relation.failed@C12+C13+C14+C11"]);
  });

  it("makes more cases concluded than accepted a warning, not an error", () => {
    const [f] = findingsFor({ E01: 150, E02: 155 });
    expect(f).toMatchObject({ code: "relation.failed", severity: "warning", ruleId: "E02-le-E01" });
  });

  it("skips a relation when a figure is blank (not reported is not 0)", () => {
    expect(findingsFor({ C12: 4 })).toEqual([]);
  });
});

describe("year-over-year jumps", () => {
  it("flags 渝中's 出庭应诉率 from 50 % to 94.44 % (+44.44 pp)", () => {
    const [f] = findingsFor({ E12: { thisYear: 0.9444, lastYear: 0.5 } });
    expect(f).toMatchObject({ code: "yoy.jump", severity: "warning", details: { measure: "points", lastYear: 0.5 } });
  });

  it("leaves a rate moving less than 20 pp alone", () => {
    expect(findingsFor({ E12: { thisYear: 0.9444, lastYear: 0.75 } })).toEqual([]);
  });

  it("flags a count that doubled or halved, and not one that grew by half", () => {
    expect(summarize(findingsFor({ E01: { thisYear: 337, lastYear: 160 }, F06: { thisYear: 400, lastYear: 991 }, G10: { thisYear: 15, lastYear: 10 } }))).toEqual([
      "yoy.jump@E01",
      "yoy.jump@F06",
    ]);
  });

  it("does nothing when last year is blank", () => {
    expect(findingsFor({ E01: 337 })).toEqual([]);
  });
});
