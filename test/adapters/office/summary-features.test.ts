/**
 * The consolidation's summary sheets through Office.js: `replace` re-creates a sheet in place,
 * colour scales and bar charts are drawn — all in the same syncs as any small plan (inspect + one
 * write). Against the fake Excel, which refuses what Excel refuses (deleting a very hidden or the
 * last visible sheet, APIs newer than the host's ExcelApi version).
 * Figures: E01 of three real reports (荣昌区 2024 337, 渝中区 2023 159, 水磨沟区 2024 133).
 */
import { PlanError } from "../../../src/core/plan/plan-error";
import type { WritePlan } from "../../../src/core/plan/write-plan";
import type { FakeSheetInit } from "../../office-fake/excel-fake";
import { districtSheet, e01, E01_REPORTS, e01SummaryPlan, SUMMARY_CHART, SUMMARY_SCALE, SUMMARY_SHEET, templateRow } from "../xlsx/helpers";
import { setup, syncsOf, teardown } from "./helpers";

afterEach(teardown);

const APPLY_SYNCS = 2; // inspect + one write request, as for any small plan

const ROW = templateRow("E01");

/** The district sheets with their E01, last run's summary (protected, with a stale total and a note) and a notes sheet. */
function workbook(summary: Partial<FakeSheetInit> = {}, active = SUMMARY_SHEET): { sheets: FakeSheetInit[]; active: string } {
  return {
    sheets: [
      ...E01_REPORTS.map((r) => ({ name: districtSheet(r), cells: { [`A${ROW}`]: "E01", [`E${ROW}`]: e01(r) } })),
      {
        name: SUMMARY_SHEET,
        cells: { A1: "上次的汇总", A4: "江津区", B4: 999, D10: "旧合计" },
        notes: { B4: "汇审 Huishen\n旧的提示" },
        merges: ["A1:C1"],
        protected: true,
        ...summary,
      },
      { name: "说明", cells: { A1: "汇总表每次重新生成" } },
    ],
    active,
  };
}

const ORDER = [...E01_REPORTS.map(districtSheet), SUMMARY_SHEET, "说明"];

const EXPECTED_CRITERIA = {
  minimum: { type: "LowestValue", formula: null, color: "#F8696B" },
  midpoint: { type: "Percentile", formula: "50", color: "#FFEB84" },
  maximum: { type: "HighestValue", formula: null, color: "#63BE7B" },
};

const EXPECTED_CHART = {
  name: "E01排名",
  type: "BarClustered",
  seriesBy: "Columns",
  source: "汇总表!B4:B6",
  title: "行政复议申请（件）",
  legendVisible: false,
  series: [{ name: "行政复议申请", values: "汇总表!B4:B6", xAxisValues: "汇总表!A4:A6" }],
  position: { from: "E3", to: "L20" },
};

describe("a summary plan: replace, colour scale, chart", () => {
  it.each(["1.18", "1.9", "1.7"])("applies on ExcelApi %s in inspect + one write", async (version) => {
    const { fake, host } = setup(version, workbook());
    const oldId = fake.sheet(SUMMARY_SHEET).id;
    const untouched = ORDER.filter((n) => n !== SUMMARY_SHEET).map((n) => [n, fake.sheet(n).values()]);

    const { result, syncs } = await syncsOf(host, () => host.apply({ sheets: [e01SummaryPlan("replace")] }));
    expect(syncs).toBe(APPLY_SYNCS);
    expect(fake.syncs).toBe(APPLY_SYNCS);
    expect(fake.implicitSyncs).toBe(0);
    expect(result).toMatchObject({ syncs: APPLY_SYNCS, chunks: 1, sheetsCreated: 1, sheetsReplaced: 1, colorScales: 1, charts: 1, cellsWritten: 13 });

    // The sheet is new, at its old position; nothing of last run's is left; the others are as they were.
    expect(fake.sheetNames()).toEqual(ORDER);
    const s = fake.sheet(SUMMARY_SHEET);
    expect(s.id).not.toBe(oldId);
    expect(s.value("D10")).toBe("");
    expect(s.value("B4")).not.toBe(999);
    expect(s.notes).toEqual({});
    expect(s.merges).toEqual([]);
    expect(s.protection.protected).toBe(false);
    expect(ORDER.filter((n) => n !== SUMMARY_SHEET).map((n) => [n, fake.sheet(n).values()])).toEqual(untouched);
    // It was the active sheet: its successor is.
    expect(fake.activeSheet).toBe(SUMMARY_SHEET);

    // The formulas into the district sheets, and the links back.
    expect(E01_REPORTS.map((_, i) => s.cell(`B${4 + i}`).formula)).toEqual(["='荣昌区 2024'!E63", "='渝中区 2023'!E63", "='水磨沟区 2024'!E63"]);
    expect(s.cell("C4").formula).toBe(`=HYPERLINK("#'荣昌区 2024'!E63","E63")`);
    expect(E01_REPORTS.map((r) => fake.sheet(districtSheet(r)).value(`E${ROW}`))).toEqual([337, 159, 133]);

    expect(s.conditionalFormats).toEqual([{ type: "ColorScale", range: "B4:B6", colorScale: { criteria: EXPECTED_CRITERIA } }]);
    expect(s.charts).toEqual([EXPECTED_CHART]);

    // Everything after the inspect went in the one write request.
    const writes = fake.log.filter((e) => e.sync === 2).map((e) => e.op);
    expect(writes).toEqual(expect.arrayContaining(["Worksheet.delete", "WorksheetCollection.add", "Worksheet.position", "ConditionalFormatCollection.add", "ChartCollection.add", "ChartSeries.setXAxisValues"]));
    expect(fake.log.filter((e) => e.sync === 1).every((e) => e.op.endsWith(".load"))).toBe(true);
  });

  it("costs the same syncs as creating the sheet would", async () => {
    const created = setup("1.18", { sheets: workbook().sheets.filter((s) => s.name !== SUMMARY_SHEET) });
    const a = await syncsOf(created.host, () => created.host.apply({ sheets: [e01SummaryPlan("create")] }));
    teardown();
    const replaced = setup("1.18", workbook());
    const b = await syncsOf(replaced.host, () => replaced.host.apply({ sheets: [e01SummaryPlan("replace")] }));
    expect(a.syncs).toBe(APPLY_SYNCS);
    expect(b.syncs).toBe(a.syncs);
    expect(created.fake.sheet(SUMMARY_SHEET).charts).toEqual(replaced.fake.sheet(SUMMARY_SHEET).charts);
  });

  it("without a sheet of that name it creates one at the end; sheetsReplaced 0", async () => {
    const { fake, host } = setup("1.18", { sheets: workbook().sheets.filter((s) => s.name !== SUMMARY_SHEET), active: "说明" });
    const { result, syncs } = await syncsOf(host, () => host.apply({ sheets: [e01SummaryPlan("replace")] }));
    expect(syncs).toBe(APPLY_SYNCS);
    expect(result).toMatchObject({ sheetsCreated: 1, sheetsReplaced: 0 });
    expect(fake.sheetNames()).toEqual([...E01_REPORTS.map(districtSheet), "说明", SUMMARY_SHEET]);
    expect(fake.activeSheet).toBe("说明");
  });

  it("replaces a very hidden sheet (made hidden before deleting, as Excel requires) and keeps another active sheet active", async () => {
    const { fake, host } = setup("1.18", workbook({ visibility: "VeryHidden" }, "说明"));
    const { syncs } = await syncsOf(host, () => host.apply({ sheets: [e01SummaryPlan("replace", { visibility: "veryHidden" })] }));
    expect(syncs).toBe(APPLY_SYNCS);
    expect(fake.sheetNames()).toEqual(ORDER);
    expect(fake.sheet(SUMMARY_SHEET).visibility).toBe("VeryHidden");
    expect(fake.sheet(SUMMARY_SHEET).value("D10")).toBe("");
    expect(fake.sheet(SUMMARY_SHEET).charts).toHaveLength(1);
    expect(fake.activeSheet).toBe("说明");
  });

  it("replaces the only visible sheet (the old one is renamed away, the new one added, then the old one deleted)", async () => {
    const { fake, host } = setup("1.18", {
      sheets: [
        { name: SUMMARY_SHEET, cells: { A1: "旧" } },
        { name: "荣昌区 2024", visibility: "Hidden", cells: { [`E${ROW}`]: 337 } },
      ],
    });
    await host.apply({ sheets: [{ name: SUMMARY_SHEET, mode: "replace", cells: [{ address: "A2", value: "新" }] }] });
    expect(fake.sheetNames()).toEqual([SUMMARY_SHEET, "荣昌区 2024"]);
    expect(fake.sheet(SUMMARY_SHEET).value("A1")).toBe("");
    expect(fake.sheet(SUMMARY_SHEET).value("A2")).toBe("新");
    expect(fake.activeSheet).toBe(SUMMARY_SHEET);
  });

  it("a temporary name already in the workbook is not reused", async () => {
    const { fake, host } = setup("1.18", { sheets: [...workbook().sheets, { name: "汇审替换中 1" }] });
    await host.apply({ sheets: [e01SummaryPlan("replace")] });
    expect(fake.sheetNames()).toEqual([...ORDER, "汇审替换中 1"]);
    expect(fake.log.find((e) => e.op === "Worksheet.name")?.detail).toBe("汇审替换中 2");
  });

  it("split over several requests, the chart and colour scale still land on the new sheet", async () => {
    const { fake, host } = setup("1.18", workbook(), { maxRequestBytes: 3_000 });
    const filler = Array.from({ length: 60 }, (_, i) => ({ address: `N${i + 1}`, value: `区县说明 ${"汇".repeat(40)} ${i}` }));
    const plan: WritePlan = { sheets: [e01SummaryPlan("replace", { cells: [...e01SummaryPlan("replace").cells!, ...filler] })] };
    const { result, syncs } = await syncsOf(host, () => host.apply(plan));
    expect(result.chunks).toBeGreaterThan(2);
    expect(syncs).toBe(1 + result.chunks);
    const s = fake.sheet(SUMMARY_SHEET);
    expect(fake.sheetNames()).toEqual(ORDER);
    expect(s.charts).toEqual([EXPECTED_CHART]);
    expect(s.conditionalFormats).toHaveLength(1);
    expect(s.value("N60")).toMatch(/ 59$/);
  });
});

describe("refused before anything is written", () => {
  async function expectRefused(plan: WritePlan, problem: RegExp): Promise<void> {
    const { fake, host } = setup("1.18", workbook());
    const before = ORDER.map((n) => [n, fake.sheet(n).values(), fake.sheet(n).notes]);
    const err = await host.apply(plan).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PlanError);
    expect((err as PlanError).problems.join("\n")).toMatch(problem);
    expect(fake.syncs).toBe(0);
    expect(fake.log).toEqual([]);
    expect(ORDER.map((n) => [n, fake.sheet(n).values(), fake.sheet(n).notes])).toEqual(before);
  }

  it("a chart on an update sheet", async () => {
    await expectRefused(
      { sheets: [{ name: SUMMARY_SHEET, mode: "update", cells: [{ address: "A2", value: "x" }], charts: [SUMMARY_CHART] }] },
      /汇总表: colour scales and charts are only written on sheets the plan creates or replaces .*"update"/,
    );
  });

  it("a colour scale on an update sheet", async () => {
    await expectRefused({ sheets: [{ name: SUMMARY_SHEET, mode: "update", colorScales: [SUMMARY_SCALE] }] }, /汇总表: colour scales and charts are only written/);
  });

  it("a chart whose categories and values differ in length", async () => {
    await expectRefused({ sheets: [e01SummaryPlan("replace", { charts: [{ ...SUMMARY_CHART, values: "B4:B9" }] })] }, /differ in length/);
  });

  it("replacing a sheet the same plan creates", async () => {
    const { fake, host } = setup("1.18", workbook());
    await expect(host.apply({ sheets: [{ name: "新表", mode: "create" }, { name: "新表", mode: "replace" }] })).rejects.toThrow(/cannot replace sheet "新表"/);
    expect(fake.log.filter((e) => e.sync > 1)).toEqual([]);
    expect(fake.sheetNames()).toEqual(ORDER);
  });
});

describe("the fake Excel refuses what Excel refuses", () => {
  it("setXAxisValues and setValues need ExcelApi 1.7, conditional formats 1.6", async () => {
    setup("1.6", workbook());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("说明");
      const chart = ws.charts.add("BarClustered", ws.getRange("B4:B6"), "Columns");
      expect(() => chart.series.getItemAt(0).setXAxisValues(ws.getRange("A4:A6"))).toThrow(/ExcelApi 1.7/);
      expect(() => ws.getRange("B4:B6").conditionalFormats).not.toThrow();
      await ctx.sync();
    });
    teardown();
    setup("1.5", workbook());
    await Excel.run(async (ctx) => {
      expect(() => ctx.workbook.worksheets.getItem("说明").getRange("B4:B6").conditionalFormats).toThrow(/ApiNotFound|ExcelApi 1.6/);
    });
  });

  it("deleting a very hidden sheet, or the last visible one", async () => {
    const { fake } = setup("1.18", { sheets: [{ name: "A" }, { name: "B", visibility: "VeryHidden" }, { name: "C", visibility: "Hidden" }] });
    await expect(Excel.run(async (ctx) => ctx.workbook.worksheets.getItem("B").delete())).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(Excel.run(async (ctx) => ctx.workbook.worksheets.getItem("A").delete())).rejects.toMatchObject({ code: "InvalidOperation" });
    await Excel.run(async (ctx) => ctx.workbook.worksheets.getItem("C").delete());
    expect(fake.sheetNames()).toEqual(["A", "B"]);
  });

  it("a chart or a colour scale on a protected sheet; criteria without a minimum; a percentile without a formula", async () => {
    setup("1.18", workbook());
    const run = (f: (ws: Excel.Worksheet) => void) => Excel.run(async (ctx) => f(ctx.workbook.worksheets.getItem(SUMMARY_SHEET)));
    await expect(run((ws) => ws.charts.add("BarClustered", ws.getRange("B4:B6"), "Columns"))).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(run((ws) => ws.getRange("B4:B6").conditionalFormats.add("ColorScale"))).rejects.toMatchObject({ code: "AccessDenied" });
    const criteria = (c: unknown) => (ws: Excel.Worksheet) => {
      ws.protection.unprotect();
      ws.getRange("B4:B6").conditionalFormats.add("ColorScale").colorScale.criteria = c as Excel.ConditionalColorScaleCriteria;
    };
    await expect(run(criteria({ maximum: EXPECTED_CRITERIA.maximum }))).rejects.toThrow(/minimum and a maximum/);
    await expect(run(criteria({ ...EXPECTED_CRITERIA, midpoint: { type: "Percentile", color: "#FFEB84" } }))).rejects.toThrow(/needs a formula/);
  });
});
