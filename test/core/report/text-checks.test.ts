/** Checks inside a report's text: rates against the counts beside them, parts against totals, one figure stated twice. */
import { readReport } from "../../../src/core/report/read-report";
import { checkTextArithmetic } from "../../../src/core/report/text-arithmetic";
import { checkReportText } from "../../../src/core/report/text-checks";
import { textFindingMessage } from "../../../src/core/report/text-finding-text";
import { standardTemplate } from "../../../src/core/template/registry";

const t = standardTemplate();
const check = (text: string) => checkReportText(readReport(text, t), t);
const brief = (text: string) => check(text).map((f) => [f.code, f.severity, f.codes[0], f.figures.map((s) => s.raw)]);

describe("checkReportText", () => {
  it("finds 荣昌 2024's two wrong reconsideration rates, with the spans of the rate and both counts", () => {
    const text = "全年接收行政复议申请337件，审结283件，直接纠错58件，审结率为85.29%、直接纠错率22.22%。";
    expect(brief(text)).toEqual([
      ["text.rateInconsistent", "warning", "E03", ["85.29%", "283件", "337件"]],
      ["text.rateInconsistent", "warning", "E05", ["22.22%", "58件", "283件"]],
    ]);
    const [e03] = check(text);
    expect(e03.expected).toBeCloseTo(283 / 337, 12);
    expect(text.slice(e03.figures[0].start, e03.figures[0].end)).toBe("85.29%");
  });

  it("holds a rate to the digits it was written with: rounded is fine, truncated or one off in the last digit is info", () => {
    expect(brief("受理行政复议申请151件，审结140件，审结率92.72%。")).toEqual([]);
    expect(brief("受理行政复议申请151件，审结140件，审结率92.71%。")).toEqual([["text.rateRounding", "info", "E03", ["92.71%", "140件", "151件"]]]);
    expect(brief("受理行政复议申请151件，审结140件，审结率93%。")).toEqual([]);
    expect(brief("受理行政复议申请151件，审结140件，审结率95%。")).toEqual([["text.rateInconsistent", "warning", "E03", ["95%", "140件", "151件"]]]);
  });

  it("says a rate cannot be determined when the text gives only one of its counts, or approximate ones", () => {
    expect(check("行政复议审结140件，审结率92.71%。").map((f) => [f.code, f.severity, f.reason])).toEqual([["text.rateUndetermined", "info", "countMissing"]]);
    expect(check("受理行政复议申请150余件，审结140件，审结率92.71%。").map((f) => [f.code, f.reason])).toEqual([["text.rateUndetermined", "approximate"]]);
    expect(check("行政机关负责人出庭应诉率100%。")).toEqual([]);
  });

  it("holds parts stated under a total to the template's relations", () => {
    expect(brief("全年双公示信息总归集量10584条，包括行政许可归集量9737条，行政处罚归集量847条。")).toEqual([]);
    expect(brief("全年双公示信息总归集量10000条，包括行政许可归集量9737条，行政处罚归集量847条。")).toEqual([
      ["text.relationFailed", "warning", "B08", ["10000条", "9737条", "847条"]],
    ]);
  });

  it("flags one indicator stated twice with different values, with both places", () => {
    const found = check("全年受理行政复议申请159件。另据统计，受理行政复议申请162件。");
    expect(found.map((f) => [f.code, f.codes, f.figures.map((s) => s.raw)])).toEqual([["text.statedTwice", ["E01"], ["159件", "162件"]]]);
  });
});

describe("text findings in words", () => {
  it("says what the report states and what its own figures give, in Chinese and English", () => {
    const [e03] = check("全年接收行政复议申请337件，审结283件，审结率为85.29%。");
    expect(textFindingMessage(e03, t, "zh")).toBe("行政复议审结率（E03）写为 85.29%，但同一句中 行政复议审结数（E02） 283件 ÷ 行政复议申请受理数（E01） 337件 = 83.98%。");
    expect(textFindingMessage(e03, t, "en")).toMatch(/^Reconsideration conclusion rate \(E03\) is stated as 85\.29%, but the same sentence gives .* = 83\.98%\.$/);
    const [b08] = check("全年双公示信息总归集量10000条，包括行政许可归集量9737条，行政处罚归集量847条。");
    expect(textFindingMessage(b08, t, "zh")).toMatch(/^同一句中的双公示信息归集总量（B08）、.*不符合“B08 = B09 \+ B10”：B08 10000条、B09 9737条、B10 847条。$/);
  });
});

describe("checkTextArithmetic", () => {
  const arith = (text: string) => checkTextArithmetic(text).map((f) => [f.code, f.severity, f.figures.map((s) => s.raw)]);

  it("holds a share of a stated total to the part and the total", () => {
    expect(arith("全年受理1,200件，其中网上受理960件，占比80%。")).toEqual([]);
    expect(arith("全年受理1,200件，其中网上受理960件，占比85%。")).toEqual([["text.shareInconsistent", "warning", ["85%", "960件", "1,200件"]]]);
    expect(arith("全年受理151件，其中网上受理140件，占92.71%。")).toEqual([["text.shareRounding", "info", ["92.71%", "140件", "151件"]]]);
  });

  it("holds a change to this year's and last year's figures, its direction too", () => {
    expect(arith("全年受理337件，上年301件，同比增长11.96%。")).toEqual([]);
    expect(arith("全年受理337件，上年301件，同比增长15%。")).toEqual([["text.changeInconsistent", "warning", ["15%", "337件", "301件"]]]);
    expect(arith("全年受理280件，上年301件，同比增长6.98%。")).toEqual([["text.changeInconsistent", "warning", ["6.98%", "280件", "301件"]]]);
    // Without last year's figure there is nothing to hold it to (渝中 2023: 出庭应诉率94.44%，同比上升44.44%).
    expect(arith("负责人出庭应诉17件，出庭应诉率为94.44%，同比上升44.44%。")).toEqual([]);
  });

  it("says it in words", () => {
    const [f] = checkTextArithmetic("全年受理337件，上年301件，同比增长15%。");
    expect(textFindingMessage(f, t, "zh")).toBe("变化写为 15%，但从 301件 到 337件 是 +11.96%。");
  });
});

describe("what the text itself qualifies", () => {
  it("cannot determine a rate whose sentence gives it a definition of its own", () => {
    const [f] = check("受理行政复议申请337件，审结283件，审结率（含上年结转案件）为85.29%。");
    expect([f.code, f.severity, f.reason]).toEqual(["text.rateUndetermined", "info", "definition"]);
    expect(textFindingMessage(f, t, "zh")).toContain("口径说明");
  });

  it("does not take a city's figure for the district's without a person", () => {
    const [c] = readReport("全市受理行政复议申请3370件。", t);
    expect([c.code, c.confidence, c.doubt]).toEqual(["E01", "low", "scope"]);
  });
});
