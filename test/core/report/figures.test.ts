/** Figures read from report text: every figure the five real reports state, and nothing that only looks like one. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseChineseNumeral } from "../../../src/core/report/chinese-numerals";
import { findFigures, type TextFigure } from "../../../src/core/report/figures";
import { allReports } from "../../fixtures/reports";

const only = (text: string): Partial<TextFigure>[] => findFigures(text).map(({ raw, value, kind, unit, approximate, change, upTo }) => ({ raw, value, kind, unit, approximate, change, upTo }));

describe("Chinese numerals", () => {
  it.each([
    ["十二", 12],
    ["十", 10],
    ["一百五十九", 159],
    ["一百零五", 105],
    ["两千零二十四", 2024],
    ["三万五千", 35000],
    ["一亿两千万", 120000000],
    ["二〇二四", undefined],
    ["三五", undefined],
    ["万", undefined],
  ])("%s → %p", (text, value) => expect(parseChineseNumeral(text)).toBe(value));
});

describe("findFigures", () => {
  it("reads the forms reports use, with spans into the text", () => {
    const text = "受理337件，审结283件，审结率85.29%；开展专题学习650余场次，培训1.2万余人，查出问题金额23.14亿元，满意率95%以上。";
    expect(only(text)).toEqual([
      { raw: "337件", value: 337, kind: "number", unit: "件" },
      { raw: "283件", value: 283, kind: "number", unit: "件" },
      { raw: "85.29%", value: 0.8529, kind: "percent", unit: "%" },
      { raw: "650余场次", value: 650, kind: "number", unit: "场次", approximate: "余" },
      { raw: "1.2万余人", value: 12000, kind: "number", unit: "万人", approximate: "余" },
      { raw: "23.14亿元", value: 2314000000, kind: "number", unit: "亿元" },
      { raw: "95%以上", value: 0.95, kind: "percent", unit: "%", approximate: "以上" },
    ]);
    for (const f of findFigures(text)) expect(text.slice(f.start, f.end)).toBe(f.raw);
  });

  it("reads separators, full-width digits, Chinese numerals, 百分之, 成, points, changes and ranges", () => {
    expect(only("归集1,046条、１５９件，组建十二个小组，百分之九十五的村，九成以上，提高2.3个百分点，同比上升44.44%，3至5天，近300人")).toEqual([
      { raw: "1,046条", value: 1046, kind: "number", unit: "条" },
      { raw: "１５９件", value: 159, kind: "number", unit: "件" },
      { raw: "十二个", value: 12, kind: "number", unit: "个" },
      { raw: "百分之九十五", value: 0.95, kind: "percent", unit: "" },
      { raw: "九成以上", value: 0.9, kind: "percent", unit: "成", approximate: "以上" },
      { raw: "2.3个百分点", value: 0.023, kind: "points", unit: "个百分点", change: "up" },
      { raw: "44.44%", value: 0.4444, kind: "percent", unit: "%", change: "up" },
      { raw: "3至5天", value: 3, kind: "number", unit: "天", upTo: 5 },
      { raw: "近300人", value: 300, kind: "number", unit: "人", approximate: "近" },
    ]);
  });

  it("leaves out years, dates, times, document numbers, ordinals, list markers and names", () => {
    const text = "发布日期:2024-02-27 09:28。2023年以来，按照渝府办〔2024〕9号文件，第一责任人职责，一是规范决策，(一)深入学习，1、加强领导，“八五”普法，“十四五”规划，12345热线，一件事一次办，五大程序，2月27日召开。";
    expect(only(text)).toEqual([]);
  });

  it("finds every figure the five real reports state, in its sentence, with its value", () => {
    let checked = 0;
    for (const report of allReports) {
      for (const f of report.figures) {
        const expected = expectedOf(f.thisYear);
        // A figure the fixture computed (a sum of parts) is not written in the sentence.
        if (!expected || !f.sentence.includes(expected.written)) continue;
        const found = findFigures(f.sentence).find((x) => Math.abs(x.value - expected.value) < 1e-9 && x.kind === expected.kind);
        expect([report.id, f.code, found?.raw]).toEqual([report.id, f.code, expect.stringContaining(expected.written)]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("reads the whole of each report without taking a year or a date for a figure", () => {
    for (const report of allReports) {
      const text = readFileSync(join(__dirname, "../../fixtures/reports/sources", report.source), "utf8");
      const figures = findFigures(text);
      expect(figures.length).toBeGreaterThan(20);
      const years = figures.filter((f) => /^(19|20)\d\d$/.test(f.raw) || /^(19|20)\d\d年/.test(f.raw));
      expect([report.id, years.map((f) => f.raw)]).toEqual([report.id, []]);
    }
  });
});

/** What a fixture's 本年值 says: the value the text gives, and the digits as written in the sentence. */
function expectedOf(v: string | number): { value: number; kind: TextFigure["kind"]; written: string } | undefined {
  if (typeof v === "number") return { value: v, kind: "number", written: String(v) };
  const s = v.replace(/以上$|余$/, "");
  const percent = /^([\d.]+)%$/.exec(s);
  if (percent) return { value: Number(percent[1]) / 100, kind: "percent", written: percent[1] };
  const scaled = /^([\d.]+)(万|亿)元?$/.exec(s);
  if (scaled) return { value: Number(scaled[1]) * (scaled[2] === "万" ? 1e4 : 1e8), kind: "number", written: scaled[1] };
  const plain = /^[\d,]+$/.exec(s);
  if (plain) return { value: Number(s.replace(/,/g, "")), kind: "number", written: s };
  return undefined;
}
