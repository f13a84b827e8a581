/** Figures of the five real reports mapped to indicators by the edition's phrasings: what is found, how sure, and where. */
import { readReport, type ReadCandidate } from "../../../src/core/report/read-report";
import { findTables } from "../../../src/core/report/text-tables";
import { loadTemplate } from "../../../src/core/template/from-data";
import { standardTemplate } from "../../../src/core/template/registry";
import { allReports, rongchang2024 } from "../../fixtures/reports";
import { parseCellValue } from "../../../src/core/values/parse";

const t = standardTemplate();

/** The value a fixture gives, in the template's scale. */
function valueOf(code: string, v: string | number): number | undefined {
  const parsed = parseCellValue(v, t.byCode.get(code)!.kind);
  return parsed.status === "value" ? parsed.value : undefined;
}

function matches(c: ReadCandidate, code: string, value: number): boolean {
  return Math.abs(c.value - value) < 1e-9 && (c.code === code || c.alternatives.includes(code));
}

describe("readReport", () => {
  it("reads 荣昌 2024's reconsideration sentence: each figure, its indicator, high confidence, its span", () => {
    const text = "全年接收行政复议申请337件，审结283件，直接纠错58件，审结率为85.29%、直接纠错率22.22%。";
    const read = readReport(text, t);
    expect(read.map((c) => [c.code, c.value, c.confidence, c.figure.raw])).toEqual([
      ["E01", 337, "high", "337件"],
      ["E02", 283, "high", "283件"],
      ["E04", 58, "high", "58件"],
      ["E03", 0.8529, "high", "85.29%"],
      ["E05", 0.2222, "high", "22.22%"],
    ]);
    expect(text.slice(read[3].figure.start, read[3].figure.end)).toBe("85.29%");
    expect(read[0].sentence.text).toBe(text.slice(0, -1));
  });

  it("keeps look-alikes apart by context: 审结 of 行政复议 is not of 行政诉讼; a figure that could be two indicators is low with both", () => {
    expect(readReport("行政诉讼案件审结40件。", t).map((c) => c.code)).not.toContain("E02");
    const both = readReport("审查政府规范性文件14件，备案11件，审查率、备案通过率100%。", t).find((c) => c.figure.raw === "100%")!;
    expect(both.confidence).toBe("low");
    expect([both.code, ...both.alternatives].sort()).toEqual(["C07", "C10"]);
  });

  it("is unsure where the unit disagrees or two values compete for one indicator", () => {
    expect(readReport("听取部门主要负责人述法107人次。", t)[0]).toMatchObject({ code: "A03", confidence: "low", doubt: "unit" });
    const twice = readReport("受理行政复议申请159件。全年受理行政复议申请160件。", t);
    expect(twice.map((c) => [c.code, c.confidence, c.doubt])).toEqual([
      ["E01", "low", "competing"],
      ["E01", "low", "competing"],
    ]);
  });

  it("converts to the template's scale: 23.14亿元 is 231,400 万元; approximate figures say so", () => {
    const [g09] = readReport("2023年查出问题金额23.14亿元。", t);
    expect([g09.code, g09.value]).toEqual(["G09", 231400]);
    expect(readReport("全年公开政府信息1.8万余条。", t)[0]).toMatchObject({ code: "G01", value: 18000, figure: { approximate: "余" } });
  });

  it("finds most figures the five reports state under the indicator the fixtures give, and takes few wrongly for sure", () => {
    let stated = 0;
    let found = 0;
    let wrongAndSure = 0;
    const missed: string[] = [];
    for (const report of allReports) {
      for (const f of report.figures) {
        const value = valueOf(f.code, f.thisYear);
        if (value === undefined) continue;
        const read = readReport(f.sentence, t);
        stated++;
        if (read.some((c) => matches(c, f.code, value))) found++;
        else missed.push(`${report.id} ${f.code} ${f.thisYear}`);
        const truth = report.figures.filter((g) => g.sentence === f.sentence);
        for (const c of read.filter((x) => x.confidence === "high")) {
          if (!truth.some((g) => g.code === c.code)) wrongAndSure++;
        }
      }
    }
    // Printed so the next edition of the phrasings can be judged against this one.
    console.info(`read ${found}/${stated}; missed: ${missed.join("; ")}; high-confidence mappings not in the fixtures: ${wrongAndSure}`);
    expect(found / stated).toBeGreaterThan(0.8);
    expect(wrongAndSure).toBeLessThanOrEqual(5);
  });

  it("needs every phrasing to name a known indicator (the edition schema and loader check it)", () => {
    const bad = { ...JSON.parse(JSON.stringify(t.template)), reading: { Z99: { phrases: ["x"] } } };
    const loaded = loadTemplate(bad);
    expect(loaded.ok ? [] : loaded.error).toEqual([{ path: "reading.Z99", message: "unknown indicator code Z99" }]);
    expect(rongchang2024.figures.length).toBeGreaterThan(0);
  });
});

describe("tables pasted as text", () => {
  it("finds tables separated by |, tabs or runs of spaces, by row and column", () => {
    const text = "附表：\n| 指标 | 2024年 | 2023年 |\n|---|---|---|\n| 受理行政复议申请 | 337件 | 301件 |\n| 行政复议审结率 | 85.29% | 90% |\n说明文字。";
    const tables = findTables(text);
    expect(tables).toHaveLength(1);
    expect(tables[0].rows.map((r) => r.map((c) => c.text))).toEqual([
      ["指标", "2024年", "2023年"],
      ["受理行政复议申请", "337件", "301件"],
      ["行政复议审结率", "85.29%", "90%"],
    ]);
    for (const row of tables[0].rows) for (const c of row) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(findTables("指标\t数量\n调解矛盾纠纷\t10659件\n调解成功\t10498件").map((t) => t.rows.length)).toEqual([3]);
    expect(findTables("指标    数量\n法律援助案件    991件").map((t) => t.rows.length)).toEqual([2]);
    expect(findTables("一句话。\n另一句话。")).toEqual([]);
  });

  it("reads each figure by its row's label and column's header; an earlier year's column is last year's, not read", () => {
    const text = "行政复议情况\n| 指标 | 2024年 | 2023年 |\n|---|---|---|\n| 受理行政复议申请 | 337件 | 301件 |\n| 行政复议审结 | 283件 | 280件 |\n";
    const read = readReport(text, t);
    expect(read.map((c) => [c.code, c.value, c.confidence, c.sentence.text])).toEqual([
      ["E01", 337, "high", "受理行政复议申请 | 337件 | 301件"],
      ["E02", 283, "high", "行政复议审结 | 283件 | 280件"],
    ]);
  });
});
