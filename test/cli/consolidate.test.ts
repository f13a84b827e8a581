import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as ExcelJS from "exceljs";
import { snapshotSheet } from "../../src/adapters/xlsx";
import { openWorkbookFile, writeWorkbookFile } from "../../src/cli/workbook-files";
import { main } from "../../src/cli/main";
import { COL } from "../../src/core/sheet/layout";
import { allReports, bazhou2023, justiceBureau2023, rongchang2024, shuimogou2024, yuzhong2023 } from "../fixtures/reports";
import type { ReportFixture } from "../fixtures/reports";
import { buildReportsWorkbook } from "../fixtures/build-workbook";

const dir = mkdtempSync(join(tmpdir(), "huishen-consolidate-"));
const path = (name: string) => join(dir, name);
const fileOf = (r: ReportFixture) => path(`${r.id}.xlsx`);
const SHEETS = ["汇总表", "排名", "综合指数", "指数权重", "问题清单"];
const DISTRICT_SHEETS = ["荣昌区 2024", "渝中区 2023", "巴州区 2023", "水磨沟区 2024", "重庆市司法局 2023"];

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** The five real reports, each typed into its own template workbook, as district staff would send them. */
beforeAll(async () => {
  for (const r of allReports) await writeWorkbookFile(await buildReportsWorkbook([r]), fileOf(r));
});

const files = () => allReports.map(fileOf);

describe("huishen consolidate, five district files", () => {
  let first: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    first = await run("consolidate", ...files(), "-o", path("summary.xlsx"));
  });

  it("exits 1, since the real reports carry warnings (荣昌's inconsistent rates, 2023 reports in a 2024 consolidation)", () => {
    expect(first.err).toBe("");
    expect(first.code).toBe(1);
  });

  it("prints the districts, municipal totals, the top of the composite index and the finding counts, in Chinese", () => {
    expect(first.out).toContain("汇总 5 个区县（2024 年度");
    for (const name of ["荣昌区", "渝中区", "巴州区", "水磨沟区", "重庆市司法局"]) expect(first.out).toContain(name);
    expect(first.out).toMatch(/E01\s+行政复议申请受理数\s+629 件\s+3\/5/);
    expect(first.out).toContain("综合指数 前 5 名");
    expect(first.out).toMatch(/^1\s+\S+\s+\d+\.\d\s+1–\d/m);
    expect(first.out).toMatch(/问题：错误 \d+ 项，警告 [1-9]\d* 项，提示 \d+ 项/);
  });

  it("writes the five district sheets and the summary, rank, index, weights and findings sheets", async () => {
    const wb = await openWorkbookFile(path("summary.xlsx"));
    expect(wb.worksheets.filter((ws) => ws.state === "visible").map((ws) => ws.name)).toEqual([...SHEETS, ...DISTRICT_SHEETS]);
    // The record of the flags Huishen painted on the district sheets, so they can be cleared later.
    expect(wb.worksheets.filter((ws) => ws.state !== "visible").map((ws) => [ws.name, ws.state])).toEqual([["汇审标记", "veryHidden"]]);
    expect(wb.views[0].activeTab).toBe(0);
  });

  it("keeps every value of every district sheet: only the check column, fills and notes may change", async () => {
    const out = await openWorkbookFile(path("summary.xlsx"));
    for (const r of allReports) {
      const input = (await openWorkbookFile(fileOf(r))).worksheets[0];
      const copy = out.getWorksheet(`${r.district} ${r.year}`)!;
      const a = snapshotSheet(input);
      const b = snapshotSheet(copy);
      const withoutCheck = (grid: readonly (readonly unknown[])[] | undefined) => grid!.map((row) => row.filter((_, c) => c !== COL.check));
      expect(withoutCheck(b.values)).toEqual(withoutCheck(a.values));
      expect(withoutCheck(b.formulas)).toEqual(withoutCheck(a.formulas));
      expect(b.numberFormats).toEqual(a.numberFormats);
      // The cells a person typed, as ExcelJS stores them (numbers stay numbers, 200余 stays text).
      const typed = (ws: ExcelJS.Worksheet) =>
        ws.getSheetValues().flatMap((row, n) => (Array.isArray(row) ? [COL.thisYear, COL.lastYear, COL.remarks].map((c) => [n, c, row[c + 1] ?? null]) : []));
      expect(typed(copy)).toEqual(typed(input));
      expect([copy.getCell("B2").value, copy.getCell("E2").value]).toEqual([r.district, r.year]);
    }
  });

  it("gives JSON totals equal to the sums of the reports' own figures", async () => {
    const r = await run("consolidate", ...files(), "-o", path("json.xlsx"), "--json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.districts.map((d: { name: string }) => d.name).sort()).toEqual(["巴州区", "水磨沟区", "渝中区", "荣昌区", "重庆市司法局"].sort());
    // E01 行政复议申请受理数: 荣昌 337, 渝中 159, 水磨沟 133 (巴州 and 司法局 do not give it).
    expect(doc.totals.E01).toBe(337 + 159 + 133);
    // A03 党政主要负责人述法人数: 荣昌 9, 巴州 107, 水磨沟 97.
    expect(doc.totals.A03).toBe(9 + 107 + 97);
    // C08 规范性文件报送备案数: 荣昌 5, 渝中 11, 巴州 2, 司法局 691.
    expect(doc.totals.C08).toBe(5 + 11 + 2 + 691);
    // E03 审结率, municipal: Σ审结 ÷ Σ受理 over the districts giving both (荣昌 283/337, 渝中 155/159).
    expect(doc.totals.E03).toBeCloseTo((283 + 155) / (337 + 159), 12);
    const figures = (code: string) => [rongchang2024, yuzhong2023, bazhou2023, shuimogou2024, justiceBureau2023].map((x) => x.figures.find((f) => f.code === code)?.thisYear);
    expect(figures("E01")).toEqual([337, 159, undefined, 133, undefined]);

    expect(doc.index.districts).toHaveLength(5);
    for (const d of doc.index.districts) {
      expect(d.score).toBeGreaterThanOrEqual(0);
      expect(d.score).toBeLessThanOrEqual(100);
      expect(d.best).toBeLessThanOrEqual(d.rank);
      expect(d.worst).toBeGreaterThanOrEqual(d.rank);
    }
    const rates = doc.findings.filter((f: { code: string; district: string }) => f.code === "rate.inconsistent" && f.district === "荣昌区");
    expect(rates.map((f: { codes: string[] }) => f.codes[2]).sort()).toEqual(["D10", "E03", "E05", "F04"]);
    const e03 = rates.find((f: { codes: string[] }) => f.codes[2] === "E03");
    expect(e03.message).toContain("行政复议审结率（E03）填报 85.29%");
    expect(e03.cells[0]).toMatch(/^荣昌区 2024!E\d+$/);
    expect(doc.counts.warning).toBeGreaterThan(0);
  });

  it("writes an HTML report beside the workbook: one bar per district in an inline SVG, no script, nothing fetched", () => {
    const html = readFileSync(path("summary.html"), "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("<svg");
    expect(html.match(/<rect class="bar"/g)).toHaveLength(5);
    for (const name of ["荣昌区", "渝中区", "巴州区", "水磨沟区", "重庆市司法局"]) expect(html).toContain(name);
    expect(html).toContain("综合指数");
    expect(html).not.toMatch(/<script|https?:|<link|@import|url\(/i);
  });
});

describe("huishen consolidate, options and bad input", () => {
  it("takes the city, the expected districts from a file, the normalisation and weights", async () => {
    writeFileSync(path("list.txt"), "\uFEFF# 应报区县\n荣昌区\n渝中区\n巴州区\n水磨沟区\n江北区\n");
    const r = await run(
      "consolidate", ...files(), "-o", path("city.xlsx"), "--json", "--city", "重庆市司法局", "--districts", "@" + path("list.txt"),
      "--normalise", "goalposts", "--weights", "E=3,A=0.5", "--html", path("city-report.html"),
    );
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.city.name).toBe("重庆市司法局");
    expect(doc.districts).toHaveLength(4);
    expect(doc.totals.C08).toBe(5 + 11 + 2);
    expect(doc.index.normalisation).toBe("goalposts");
    expect(doc.index.weights).toMatchObject({ A: 0.5, B: 1, E: 3, H: 1 });
    expect(doc.findings.some((f: { code: string; district: string }) => f.code === "gather.missingDistrict" && f.district === "江北区")).toBe(true);
    expect(existsSync(path("city-report.html"))).toBe(true);
    expect(existsSync(path("city.html"))).toBe(false);
  });

  it("renders English on request", async () => {
    const r = await run("consolidate", fileOf(rongchang2024), fileOf(shuimogou2024), "-o", path("en.xlsx"), "--lang", "en");
    expect(r.out).toContain("Consolidated 2 districts (year 2024");
    expect(r.out).toMatch(/E01\s+Reconsideration applications accepted\s+470\s+2\/2/);
  });

  it("exits 2 naming a damaged file and a file that is not an .xlsx, and writes nothing", async () => {
    const good = readFileSync(fileOf(rongchang2024));
    writeFileSync(path("damaged.xlsx"), good.subarray(0, Math.floor(good.length / 2)));
    writeFileSync(path("notes.xlsx"), "区县,受理数\n荣昌区,337\n");
    const r = await run("consolidate", fileOf(rongchang2024), path("damaged.xlsx"), path("notes.xlsx"), "-o", path("never.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`文件已损坏或不完整`);
    expect(r.err).toContain(path("damaged.xlsx"));
    expect(r.err).toContain(`不是 .xlsx 工作簿`);
    expect(r.err).toContain(path("notes.xlsx"));
    expect(existsSync(path("never.xlsx"))).toBe(false);
  });

  it("exits 2 with the reason when no sheet is of an edition it knows", async () => {
    const old = await openWorkbookFile(fileOf(rongchang2024));
    old.worksheets[0].getCell("J1").value = "HUISHEN-TEMPLATE:standard@2019.1";
    await writeWorkbookFile(old, path("old-edition.xlsx"));
    const r = await run("consolidate", path("old-edition.xlsx"), "-o", path("old-summary.xlsx"));
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("版本 2019.1")]);
    expect(existsSync(path("old-summary.xlsx"))).toBe(false);
  });

  it("reports a workbook without a template sheet and consolidates the others", async () => {
    const plain = await buildReportsWorkbook([]);
    plain.addWorksheet("封面").getCell("A1").value = "说明";
    await writeWorkbookFile(plain, path("cover.xlsx"));
    const r = await run("consolidate", fileOf(rongchang2024), path("cover.xlsx"), fileOf(yuzhong2023), "-o", path("partial.xlsx"), "--json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.districts).toHaveLength(2);
    expect(doc.problems).toEqual([expect.stringContaining("没有汇审模板工作表")]);
    expect(doc.problems[0]).toContain("cover.xlsx");
  });

  it("gives a second sheet of the same district a name of its own and keeps the first", async () => {
    const r = await run("consolidate", fileOf(rongchang2024), fileOf(rongchang2024), "-o", path("twice.xlsx"), "--json");
    const doc = JSON.parse(r.out);
    expect(doc.sheets.map((s: { sheet: string }) => s.sheet)).toEqual(["荣昌区 2024", "荣昌区 2024 (2)"]);
    expect(doc.districts).toEqual([expect.objectContaining({ name: "荣昌区", sheet: "荣昌区 2024" })]);
    expect(doc.findings.find((f: { code: string }) => f.code === "gather.duplicate")).toMatchObject({ sheet: "荣昌区 2024 (2)", details: { keptSheet: "荣昌区 2024" } });
  });

  it("escapes every text it puts in the HTML report", async () => {
    const odd = { ...shuimogou2024, id: "odd", district: `<script>alert("x")</script>&区` };
    await writeWorkbookFile(await buildReportsWorkbook([odd]), fileOf(odd));
    const r = await run("consolidate", fileOf(odd), fileOf(rongchang2024), "-o", path("odd-summary.xlsx"));
    expect([r.code, r.err]).toEqual([1, ""]);
    const html = readFileSync(path("odd-summary.html"), "utf8");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;区");
  });

  it("prints the usage for --help", async () => {
    const r = await run("consolidate", "--help");
    expect([r.code, r.out]).toEqual([0, expect.stringContaining("huishen consolidate 文件.xlsx...")]);
  });

  it("refuses usage mistakes with exit 2: no -o, an input as output, an unknown dimension, a bad normalisation", async () => {
    expect((await run("consolidate", fileOf(rongchang2024))).code).toBe(2);
    expect((await run("consolidate", "-o", path("x.xlsx"))).code).toBe(2);
    const same = await run("consolidate", fileOf(rongchang2024), "-o", fileOf(rongchang2024));
    expect([same.code, same.err]).toEqual([2, expect.stringContaining("汇审从不改写输入文件")]);
    const dim = await run("consolidate", fileOf(rongchang2024), "-o", path("w.xlsx"), "--weights", "Z=2");
    expect([dim.code, dim.err]).toEqual([2, expect.stringContaining("没有维度 Z")]);
    expect((await run("consolidate", fileOf(rongchang2024), "-o", path("w.xlsx"), "--weights", "A=-1")).code).toBe(2);
    expect((await run("consolidate", fileOf(rongchang2024), "-o", path("w.xlsx"), "--normalise", "zscore")).code).toBe(2);
    expect((await run("consolidate", fileOf(rongchang2024), "-o", path("w.xlsx"), "--districts", "@" + path("missing.txt"))).code).toBe(2);
    const bogus = await run("consolidate", fileOf(rongchang2024), "-o", path("w.xlsx"), "--bogus");
    expect([bogus.code, bogus.err]).toEqual([2, expect.stringContaining("--bogus")]);
  });
});
