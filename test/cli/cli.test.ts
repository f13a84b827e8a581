import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { snapshotWorkbook } from "../../src/adapters/xlsx";
import { openWorkbookFile, writeWorkbookFile } from "../../src/cli/workbook-files";
import { main } from "../../src/cli/main";
import { COL } from "../../src/core/sheet/layout";
import { rongchang2024, yuzhong2023 } from "../fixtures/reports";
import { buildReportsWorkbook, fillWorkbookFile } from "../fixtures/build-workbook";

const dir = mkdtempSync(join(tmpdir(), "huishen-cli-"));
const path = (name: string) => join(dir, name);

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** Chinese characters other than the program's name and the sheet names an English text still quotes. */
const chineseWords = (text: string) => text.replace(/汇审|待确认|审核汇总|审核意见/g, "").match(/[\u4e00-\u9fff]+/g) ?? [];

describe("the command line's own words, in one language at a time", () => {
  it("prints the usage in Chinese, or in English with --lang en", async () => {
    const zh = await run("--help");
    expect(zh.code).toBe(0);
    expect(zh.out).toContain("用法：");
    expect(zh.out).toContain("English: add --lang en");
    expect(zh.out).not.toContain("Usage");
    const en = await run("--help", "--lang", "en");
    expect(en.out).toContain("Usage:");
    expect(en.out).toContain("huishen consolidate FILES.xlsx... -o SUMMARY.xlsx");
    expect(chineseWords(en.out)).toEqual([]);
  });

  it.each<[string[], string, string]>([
    [["validate"], "请指定一个要校验的 .xlsx 文件。", "Name one .xlsx file to check."],
    [["frobnicate"], "未知命令“frobnicate”。", 'Unknown command "frobnicate".'],
    [["validate", "a.xlsx", "--colour"], "未知选项 --colour。", "Unknown option --colour."],
    [["template", "-o", "t.xlsx", "--year", "24"], "年度“24”不是四位年份。", 'The year "24" must have four digits.'],
    [["consolidate", "a.xlsx", "-o", "s.xlsx", "--weights", "A=-1"], "权重“A=-1”应写成 维度代码=非负数，如 A=2。", 'Write each weight as CODE=number ≥ 0, e.g. A=2, not "A=-1".'],
    [["validate", "a.xlsx", "--max-size", "0"], "--max-size 应为 1 到 4096 之间的 MB 数，而不是“0”。", '--max-size is a number of MB from 1 to 4096, not "0".'],
  ])("words a usage error in the reader's language: %j", async (argv, zh, en) => {
    const inZh = await run(...argv);
    expect(inZh.code).toBe(2);
    expect(inZh.err.split("\n")[0]).toBe(zh);
    expect(inZh.err).toContain("用法：");
    const inEn = await run(...argv, "--lang", "en");
    expect(inEn.code).toBe(2);
    expect(inEn.err.split("\n")[0]).toBe(en);
    expect(chineseWords(inEn.err)).toEqual([]);
  });

  it("names a missing output in English when asked, with the same exit code", async () => {
    const r = await run("template", "--lang", "en");
    expect([r.code, r.err.split("\n")[0]]).toEqual([2, "Name the output .xlsx file with -o."]);
  });
});

describe("huishen template", () => {
  it("writes a workbook with every indicator of the standard template, district and year filled", async () => {
    const r = await run("template", "-o", path("t.xlsx"), "--district", "荣昌区", "--year", "2024");
    expect(r.code).toBe(0);
    expect(r.out).toContain("92 项指标");
    const [sheet] = snapshotWorkbook(await openWorkbookFile(path("t.xlsx")));
    const codes = sheet.values.map((row) => row[COL.code]).filter((v) => typeof v === "string" && /^[A-H]\d\d$/.test(v));
    expect(codes).toHaveLength(92);
    expect(sheet.name).toBe("荣昌区 2024");
    expect(sheet.values[1][1]).toBe("荣昌区");
    expect(sheet.values[1][4]).toBe(2024);
  });

  it("refuses an output that is not .xlsx and a year that is not a year", async () => {
    expect((await run("template", "-o", path("t.csv"))).code).toBe(2);
    const r = await run("template", "-o", path("y.xlsx"), "--year", "二〇二四");
    expect(r.code).toBe(2);
    expect(r.err).toContain("四位年份");
  });
});

describe("huishen validate", () => {
  let rongchang: string;
  beforeAll(async () => {
    rongchang = path("rongchang.xlsx");
    expect((await run("template", "-o", rongchang)).code).toBe(0);
    await fillWorkbookFile(rongchang, rongchang2024);
  });

  it("flags exactly the four inconsistent 荣昌 2024 rates, in Chinese, and exits 0 for warnings only", async () => {
    const r = await run("validate", rongchang);
    expect(r.code).toBe(0);
    expect(r.out).toContain("行政复议审结率（E03）填报 85.29%，但 行政复议审结数（E02） 283 ÷ 行政复议申请受理数（E01） 337 = 83.98%");
    expect(r.out).toContain("合计：错误 0 项，警告 4 项，提示 1 项");
    expect(r.out.match(/^警告 /gm)).toHaveLength(4);
  });

  it("prints JSON whose findings carry id, severity, district, codes, cells, expected and actual", async () => {
    const r = await run("validate", rongchang, "--json");
    const doc = JSON.parse(r.out);
    const rates = doc.findings.filter((f: { code: string }) => f.code === "rate.inconsistent");
    expect(rates.map((f: { codes: string[] }) => f.codes[2]).sort()).toEqual(["D10", "E03", "E05", "F04"]);
    const e03 = rates.find((f: { codes: string[] }) => f.codes[2] === "E03");
    expect(e03).toMatchObject({ severity: "warning", district: "荣昌区", year: 2024, codes: ["E02", "E01", "E03"], actual: 0.8529 });
    expect(e03.expected).toBeCloseTo(283 / 337, 12);
    expect(e03.id).toMatch(/^F[0-9a-f]{16}$/);
    expect(e03.cells[0]).toMatch(/^.+!E\d+$/);
    expect(doc.counts).toEqual({ error: 0, warning: 4, info: 1 });
  });

  it("renders English on request", async () => {
    const r = await run("validate", rongchang, "--lang", "en");
    expect(r.out).toContain("Reconsideration conclusion rate (E03) is reported as 85.29%");
    expect(r.out).toContain("Total: 0 errors, 4 warnings, 1 info");
  });

  it("exits 1 when there is an error-level finding", async () => {
    const wb = await buildReportsWorkbook([yuzhong2023]);
    const ws = wb.worksheets[0];
    ws.getCell("E2").value = 2023;
    const e01 = ws.getColumn(1).values.findIndex((v) => v === "E01");
    ws.getCell(e01, COL.thisYear + 1).value = "约一百";
    await writeWorkbookFile(wb, path("bad.xlsx"));
    const r = await run("validate", path("bad.xlsx"));
    expect(r.code).toBe(1);
    expect(r.out).toContain("行政复议申请受理数（E01）填写的“约一百”不是数值");
  });

  it("exits 2 with a reason for a file that is not an .xlsx, a workbook without a template sheet, and an unknown template version", async () => {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(path("notes.xlsx"), "区县,受理数\n荣昌区,337\n");
    let r = await run("validate", path("notes.xlsx"));
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("不是 .xlsx 工作簿")]);

    const plain = await openWorkbookFile(rongchang);
    plain.removeWorksheet(plain.worksheets[0].id);
    plain.addWorksheet("封面").getCell("A1").value = "说明";
    await writeWorkbookFile(plain, path("plain.xlsx"));
    r = await run("validate", path("plain.xlsx"));
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("没有汇审模板工作表")]);

    const old = await openWorkbookFile(rongchang);
    old.worksheets[0].getCell("J1").value = "HUISHEN-TEMPLATE:standard@2019.1";
    await writeWorkbookFile(old, path("old.xlsx"));
    r = await run("validate", path("old.xlsx"));
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("版本 2019.1")]);
  });

  it("never changes a value a person typed: every input cell is the same after annotating", async () => {
    const before = snapshotWorkbook(await openWorkbookFile(rongchang));
    const r = await run("validate", rongchang, "--annotate", path("flagged.xlsx"));
    expect(r.code).toBe(0);
    const after = snapshotWorkbook(await openWorkbookFile(path("flagged.xlsx")));
    const inputs = (s: (typeof before)[number]) =>
      s.values.flatMap((row, r) => [COL.thisYear, COL.lastYear, COL.remarks].map((c) => `${r}:${c}=${String(row[c] ?? "")}`)).concat(`district=${s.values[1][1]}`, `year=${s.values[1][4]}`);
    expect(inputs(after[0])).toEqual(inputs(before[0]));
    // The input file itself is untouched.
    expect(snapshotWorkbook(await openWorkbookFile(rongchang))[0].values).toEqual(before[0].values);
  });

  it("writes the flags: a fill and a note on each flagged cell, and a verdict in the check column", async () => {
    const wb = await openWorkbookFile(path("flagged.xlsx"));
    const ws = wb.worksheets[0];
    const e03Row = ws.getColumn(1).values.findIndex((v) => v === "E03");
    const cell = ws.getCell(e03Row, COL.thisYear + 1);
    expect((cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe("FFFFE699");
    expect(String((cell.note as { texts?: { text: string }[] } | string | undefined) && JSON.stringify(cell.note))).toContain("83.98%");
    expect(String(ws.getCell(e03Row, COL.check + 1).value)).toMatch(/^⚠ 行政复议审结率/);
    const b08Row = ws.getColumn(1).values.findIndex((v) => v === "B08");
    expect(ws.getCell(b08Row, COL.check + 1).value).toBe("✓");
  });
});

describe("npx huishen", () => {
  it("runs the compiled CLI from the package's bin", async () => {
    const root = resolve(__dirname, "../..");
    const { stdout } = await promisify(execFile)("node", [join(root, "bin/huishen.js"), "--version"], { cwd: root });
    expect(stdout).toMatch(/^huishen \d+\.\d+\.\d+/);
  });
});
