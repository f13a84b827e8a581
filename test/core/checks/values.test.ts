import { findingsFor, summarize } from "../../helpers/sheet-with";

describe("checks of single cells", () => {
  it("flags a count that is not a number, naming what was typed", () => {
    const [f] = findingsFor({ E01: "约一百" });
    expect(f).toMatchObject({ code: "value.unparsable", severity: "error", raw: "约一百", details: { reason: "notANumber" } });
    expect(f.cells[0].address).toMatch(/^E\d+$/);
  });

  it("flags a negative count and a non-integer count as errors", () => {
    expect(summarize(findingsFor({ E01: -3, G10: "12.5件" }))).toEqual(["value.negative@E01", "value.nonInteger@G10"]);
  });

  it("flags a rate above 100 % and one below 0 %", () => {
    expect(summarize(findingsFor({ E12: "105%", B14: -0.1 }))).toEqual(["rate.outOfRange@B14", "rate.outOfRange@E12"]);
  });

  it("marks 200余 as approximate (info), not as an error", () => {
    const [f] = findingsFor({ H01: "200余" });
    expect(f).toMatchObject({ code: "value.approximate", severity: "info", actual: 200 });
  });

  it("says how it read a plain 94.44 in a rate cell formatted as a plain number", () => {
    const fs = findingsFor({ E12: { thisYear: 94.44, format: "General" } });
    expect(summarize(fs)).toEqual(["value.percentPoints@E12"]);
    expect(fs[0].actual).toBeCloseTo(0.9444, 10);
  });

  it("flags 94.44 stored in a percent-formatted cell: Excel shows it as 9444.00 %", () => {
    expect(summarize(findingsFor({ E12: 94.44 }))).toEqual(["rate.outOfRange@E12"]);
  });

  it("treats blanks, dashes and 无 as not reported, never 0: nothing is flagged", () => {
    expect(findingsFor({ E01: "", E02: "—", E03: "无", E04: "-" })).toEqual([]);
  });

  it("checks last year's cell too, as a separate finding with its own id", () => {
    const fs = findingsFor({ E01: { thisYear: "abc", lastYear: "abc" } });
    expect(fs).toHaveLength(2);
    expect(new Set(fs.map((f) => f.id)).size).toBe(2);
    expect(fs.map((f) => f.cells[0].address[0]).sort()).toEqual(["E", "F"]);
  });

  it("flags a percentage typed into a count", () => {
    expect(findingsFor({ E01: "94%" })[0]).toMatchObject({ code: "value.unparsable", details: { reason: "percentInCount" } });
  });
});

describe("checks of the sheet", () => {
  it("warns when the district name and year are missing", () => {
    expect(summarize(findingsFor({}, { district: "", year: "" }))).toEqual(["sheet.noDistrict@", "sheet.noYear@"]);
  });

  it("reads the year 2024年 typed as text", () => {
    expect(findingsFor({}, { district: "荣昌区", year: "2024年" })).toEqual([]);
  });
});
