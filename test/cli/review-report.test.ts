import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { snapshotWorkbook } from "../../src/adapters/xlsx";
import { openWorkbookFile, writeWorkbookFile } from "../../src/cli/workbook-files";
import { main } from "../../src/cli/main";
import { REVIEW_SHEET, SUMMARY_SHEET, isIsoTime, readReviewLog } from "../../src/core/review";
import { buildReportsWorkbook } from "../fixtures/build-workbook";
import { AT, decide, rate } from "../helpers/review-decisions";
import { justiceBureau2023, rongchang2024, shuimogou2024, yuzhong2023 } from "../fixtures/reports";

const dir = mkdtempSync(join(tmpdir(), "huishen-review-"));
const path = (name: string) => join(dir, name);

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}


describe("huishen review-report", () => {
  let reviewed: string;
  beforeAll(async () => {
    // 荣昌: E03 and F04 sent back, E05 accepted; 渝中: G01's approximate figure sent back, the yoy jump accepted.
    const wb = await buildReportsWorkbook([rongchang2024, yuzhong2023]);
    await decide(wb, rate("E03"), { status: "sentBack", note: "审结率应为 83.98%，请更正" });
    await decide(wb, rate("F04"), { status: "sentBack", note: "请核对调解成功数" }, "王五");
    await decide(wb, rate("E05"), { status: "accepted", note: "含上年结转" });
    await decide(wb, (f) => f.code === "value.approximate" && f.district === "渝中区", { status: "sentBack", note: "请填写确切条数" });
    await decide(wb, (f) => f.code === "yoy.jump", { status: "accepted", note: "上年基数小" });
    reviewed = path("reviewed.xlsx");
    await writeWorkbookFile(wb, reviewed);
  });

  it("prints the counts by district and status in Chinese and exits 1 while findings are open or sent back", async () => {
    const r = await run("review-report", reviewed);
    expect([r.code, r.err]).toEqual([1, ""]);
    expect(r.out).toMatch(/^审核汇总（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）/);
    const line = (name: string) => r.out.split("\n").find((l) => l.startsWith(name))!.split(/\s+/);
    // district, open, reopened, sent back, fixed, accepted, closed, total
    expect(line("荣昌区")).toEqual(["荣昌区", "2", "0", "2", "0", "1", "0", "5"]);
    expect(line("渝中区")).toEqual(["渝中区", "0", "0", "1", "0", "1", "0", "2"]);
    expect(line("合计")).toEqual(["合计", "2", "0", "3", "0", "2", "0", "7"]);
    expect(r.out).toContain("尚需处理 5 项（待处理 2，退回修改 3，已更正待复核 0）。");
    expect(r.out).toContain("行政复议审结率（E03）填报 85.29%");
  });

  it("speaks English on request", async () => {
    const r = await run("review-report", reviewed, "--lang", "en");
    expect(r.out).toMatch(/^Review summary \(/);
    expect(r.out).toContain("5 findings still need attention (2 open, 3 sent back, 0 fixed awaiting a re-check).");
    expect(r.out).toContain("Reconsideration conclusion rate (E03) is reported as 85.29%");
  });

  it("writes OUT.xlsx with 审核汇总 and one 审核意见 sheet per district, changing no other cell, the input untouched", async () => {
    const input = snapshotWorkbook(await openWorkbookFile(reviewed));
    const r = await run("review-report", reviewed, "-o", path("report.xlsx"));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`已另存审核报告 ${path("report.xlsx")}（审核汇总、审核意见-荣昌区、审核意见-渝中区）`);
    const out = await openWorkbookFile(path("report.xlsx"));
    const after = snapshotWorkbook(out);
    expect(after.map((s) => s.name)).toEqual([...input.map((s) => s.name), SUMMARY_SHEET, "审核意见-荣昌区", "审核意见-渝中区"]);
    for (const s of input) {
      const a = after.find((x) => x.name === s.name)!;
      expect([a.name, a.values, a.formulas, a.notes]).toEqual([s.name, s.values, s.formulas, s.notes]);
    }
    expect(out.getWorksheet(REVIEW_SHEET)!.state).toBe("veryHidden");
    expect(readReviewLog(after)).toHaveLength(5);
    const opinion = after.find((s) => s.name === "审核意见-荣昌区")!;
    expect(opinion.values[4].slice(0, 6)).toEqual([1, "E03", "行政复议审结率", "荣昌区 2024", expect.stringMatching(/^E\d+$/), "85.29%"]);
    expect(opinion.values[5][7]).toBe("请核对调解成功数");
    expect(after.find((s) => s.name === SUMMARY_SHEET)!.values.slice(4, 7).map((r) => r.slice(0, 8))).toEqual([["荣昌区", 2, 0, 2, 0, 1, 0, 5], ["渝中区", 0, 0, 1, 0, 1, 0, 2], ["合计", 2, 0, 3, 0, 2, 0, 7]]);
    expect(snapshotWorkbook(await openWorkbookFile(reviewed))).toEqual(input);

    // Running again on its own output replaces the report sheets rather than adding more.
    const again = await run("review-report", path("report.xlsx"), "-o", path("report2.xlsx"));
    expect(again.code).toBe(1);
    expect((await openWorkbookFile(path("report2.xlsx"))).worksheets.map((w) => w.name)).toEqual(after.map((s) => s.name));
  });

  it("--split writes one 审核意见 file per district with something sent back", async () => {
    const split = path("split");
    const r = await run("review-report", reviewed, "--split", split);
    expect(r.code).toBe(1);
    expect(readdirSync(split).sort()).toEqual(["审核意见-渝中区.xlsx", "审核意见-荣昌区.xlsx"]);
    const rc = snapshotWorkbook(await openWorkbookFile(join(split, "审核意见-荣昌区.xlsx")));
    expect(rc.map((s) => s.name)).toEqual(["审核意见-荣昌区"]);
    expect(rc[0].values[0][0]).toBe("荣昌区 2024 年度指标审核意见（退回修改）");
    expect(rc[0].values.slice(4).filter((row) => typeof row[0] === "number").map((row) => row[1])).toEqual(["E03", "F04"]);
    const yz = snapshotWorkbook(await openWorkbookFile(join(split, "审核意见-渝中区.xlsx")));
    expect(yz[0].values[4].slice(1, 3)).toEqual(["G01", "主动公开政府信息条数"]);
    expect(r.out).toContain("已写出 2 个区县的审核意见：");
  });

  it("--json gives the summary, every finding with its status and decision, and what was written", async () => {
    const r = await run("review-report", reviewed, "--json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(["file", "generatedAt", "summary", "findings", "closed", "opinions", "logProblems", "outputs"]);
    expect(doc.logProblems).toEqual([]);
    expect(isIsoTime(doc.generatedAt)).toBe(true);
    expect(doc.summary.byDistrict).toEqual([
      { district: "荣昌区", open: 2, reopened: 0, sentBack: 2, fixed: 0, accepted: 1, closed: 0, total: 5 },
      { district: "渝中区", open: 0, reopened: 0, sentBack: 1, fixed: 0, accepted: 1, closed: 0, total: 2 },
    ]);
    expect(doc.summary.outstanding).toBe(5);
    const e03 = doc.findings.find((f: { codes: string[] }) => f.codes[2] === "E03");
    expect(e03).toMatchObject({ code: "rate.inconsistent", district: "荣昌区", year: 2024, status: "sentBack", reopened: false, history: 1, valueKey: "E02=283|E01=337|E03=0.8529" });
    expect(e03.decision).toEqual({ status: "sentBack", note: "审结率应为 83.98%，请更正", who: "李四", at: AT, valueKey: "E02=283|E01=337|E03=0.8529" });
    expect(e03.message).toContain("85.29%");
    expect(doc.findings.filter((f: { status: string }) => f.status === "open").map((f: { codes: string[] }) => f.codes.at(-1)).sort()).toEqual(["A07", "D10"]);
    expect(doc.closed).toEqual([]);
    // Districts in Chinese (pinyin) order, as in the summary.
    expect(doc.opinions).toEqual([
      { district: "荣昌区", sheet: "审核意见-荣昌区", items: 2 },
      { district: "渝中区", sheet: "审核意见-渝中区", items: 1 },
    ]);
    expect(doc.outputs).toEqual({ workbook: null, split: [] });
  });

  it("exits 0 when every finding is accepted, or there is none", async () => {
    const wb = await buildReportsWorkbook([shuimogou2024, justiceBureau2023]);
    await decide(wb, (f) => f.code === "value.approximate", { status: "accepted", note: "报告原文为130余次" });
    await writeWorkbookFile(wb, path("done.xlsx"));
    const r = await run("review-report", path("done.xlsx"), "--split", path("none"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("所有问题均已确认无误或已关闭。");
    expect(r.out).toContain("没有退回修改的问题");
    expect(readdirSync(path("none"))).toEqual([]);
    const clean = await buildReportsWorkbook([justiceBureau2023]);
    await writeWorkbookFile(clean, path("clean.xlsx"));
    expect((await run("review-report", path("clean.xlsx"))).code).toBe(0);
  });

  it("exits 2 for usage and input errors, writing nothing", async () => {
    writeFileSync(path("notes.xlsx"), "区县,受理数\n荣昌区,337\n");
    const cases: [string[], string][] = [
      [["review-report"], "请指定一个已审核的 .xlsx 文件"],
      [["review-report", reviewed, "extra.xlsx"], "请指定一个已审核的 .xlsx 文件"],
      [["review-report", reviewed, "--bogus"], "未知选项 --bogus。"],
      [["review-report", reviewed, "--bogus", "--lang", "en"], "Unknown option --bogus."],
      [["review-report", reviewed, "-o"], "选项 -o, --output 需要一个值。"],
      [["review-report", reviewed, "--lang", "fr"], "--lang 只能是 zh 或 en"],
      [["review-report", reviewed, "-o", path("x.csv")], "-o 的输出文件应为 .xlsx"],
      [["review-report", reviewed, "-o", reviewed], "汇审从不改写输入文件"],
      [["review-report", path("notes.xlsx"), "-o", path("never.xlsx")], "不是 .xlsx 工作簿"],
      [["review-report", path("missing.xlsx")], ""],
    ];
    for (const [argv, message] of cases) {
      const r = await run(...argv);
      expect([argv, r.code]).toEqual([argv, 2]);
      expect(r.err).toContain(message);
    }
    const plain = await openWorkbookFile(reviewed);
    for (const ws of [...plain.worksheets]) if (ws.name !== REVIEW_SHEET) plain.removeWorksheet(ws.id);
    plain.addWorksheet("封面").getCell("A1").value = "说明";
    await writeWorkbookFile(plain, path("plain.xlsx"));
    const r = await run("review-report", path("plain.xlsx"));
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("没有汇审模板工作表")]);
    expect(existsSync(path("never.xlsx"))).toBe(false);
    // A folder that cannot be made (a file is in the way): a reason, not a crash.
    const blocked = await run("review-report", reviewed, "--split", path("notes.xlsx"));
    expect([blocked.code, blocked.err]).toEqual([2, expect.stringContaining(`无法创建文件夹 ${path("notes.xlsx")}`)]);
  });

  it("is in the usage text", async () => {
    const r = await run("--help");
    expect(r.out).toContain("huishen review-report 文件.xlsx [-o 输出.xlsx] [--split 目录] [--json] [--lang zh|en]");
    expect((await run("review-report", "--help")).code).toBe(0);
  });
});
