/**
 * What the consolidation's summary sheets need from the file adapter: `replace` re-creates a sheet
 * in place (old content gone, other sheets untouched, tab order and active tab kept), colour scales
 * are written as conditional formatting that survives a save, charts are skipped and counted.
 * The summary is built over the real E01 figures of three reports (荣昌区 337, 渝中区 159, 水磨沟区 133).
 */
import type * as ExcelJS from "exceljs";
import type { SheetPlan, WritePlan } from "../../../src/core/plan/write-plan";
import {
  applyPlan,
  cellFormulaOf,
  planProblems,
  PlanError,
  openWorkbook,
  snapshotSheet,
  toBuffer,
} from "../../../src/adapters/xlsx";
import { buildReportsWorkbook } from "../../fixtures/build-workbook";
import {
  districtSheet,
  e01,
  E01_REPORTS,
  e01SummaryPlan,
  noteText,
  SUMMARY_CHART,
  SUMMARY_SCALE,
  SUMMARY_SHEET,
  templateRow,
  zipPart,
} from "./helpers";

/** `ws.conditionalFormattings` exists at run time but not in ExcelJS 4.4's type declarations. */
const conditionalFormattingsOf = (ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] =>
  (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;

const roundTrip = async (wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> => openWorkbook(await toBuffer(wb));

/** The XML part of the named sheet, found through workbook.xml and its relationships. */
function sheetXml(zip: Buffer, name: string): string {
  const workbook = zipPart(zip, "xl/workbook.xml") ?? "";
  const rels = zipPart(zip, "xl/_rels/workbook.xml.rels") ?? "";
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`name="${name}"`));
  const rid = sheet && /r:id="([^"]+)"/.exec(sheet)?.[1];
  const rel = rid && [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`Id="${rid}"`));
  const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
  const xml = target && zipPart(zip, `xl/${target.replace(/^\/?xl\//, "")}`);
  if (!xml) throw new Error(`no sheet part for ${name}`);
  return xml;
}

/**
 * The three district sheets (the template filled with the reports' figures), last run's summary —
 * active, with a stale total, a flag note and a merge — and a sheet of notes after it, saved and
 * read back as a person's file would be.
 */
async function workbookWithOldSummary(opts: { summaryState?: "visible" | "hidden" | "veryHidden" } = {}): Promise<ExcelJS.Workbook> {
  const wb = await buildReportsWorkbook(E01_REPORTS);
  await applyPlan(wb, {
    sheets: [
      {
        name: SUMMARY_SHEET,
        mode: "create",
        activate: true,
        cells: [
          { address: "A1", value: "上次的汇总" },
          { address: "A4", value: "江津区" },
          { address: "B4", value: 999 },
          { address: "D10", value: "旧合计" },
          { address: "F2", formula: "SUM(B4:B6)", result: 999 },
        ],
        merges: ["A1:C1"],
        notes: [{ address: "B4", text: "汇审 Huishen\n旧的提示" }],
      },
      { name: "说明", mode: "create", cells: [{ address: "A1", value: "汇总表每次重新生成" }] },
    ],
  });
  if (opts.summaryState) {
    await applyPlan(wb, { sheets: [{ name: "说明", mode: "update", activate: true }, { name: SUMMARY_SHEET, mode: "update", visibility: opts.summaryState }] });
  }
  return roundTrip(wb);
}

const others = (wb: ExcelJS.Workbook) =>
  wb.worksheets.filter((ws) => ws.name !== SUMMARY_SHEET).map((ws) => ({ name: ws.name, state: ws.state, snapshot: snapshotSheet(ws) }));

describe("replace", () => {
  it("re-creates the summary in place: old content gone, other sheets untouched, order and active tab kept", async () => {
    const wb = await workbookWithOldSummary();
    const order = wb.worksheets.map((ws) => ws.name);
    expect(order).toEqual([...E01_REPORTS.map(districtSheet), SUMMARY_SHEET, "说明"]);
    expect(wb.views[0].activeTab).toBe(3);
    const before = others(wb);

    const report = await applyPlan(wb, { sheets: [e01SummaryPlan("replace")] });
    expect(report).toEqual({
      sheetsCreated: 1,
      sheetsReplaced: 1,
      cellsWritten: 13,
      fills: 0,
      notes: 0,
      inputRules: 0,
      colorScales: 1,
      chartsSkipped: 1,
    });

    const saved = await toBuffer(wb);
    const back = await openWorkbook(saved);
    expect(back.worksheets.map((ws) => ws.name)).toEqual(order);
    expect(back.views[0].activeTab).toBe(3);
    expect(others(back)).toEqual(before);

    const ws = back.getWorksheet(SUMMARY_SHEET)!;
    // Last run's cells, merge and note are gone with the old sheet.
    expect(ws.getCell("D10").value).toBeNull();
    expect(ws.getCell("F2").value).toBeNull();
    expect(ws.getCell("B1").isMerged).toBe(false);
    expect(noteText(ws.getCell("B4"))).toBeUndefined();
    // This run's figures: formulas into the district sheets with the reports' numbers cached.
    const row = templateRow("E01");
    expect(row).toBe(63);
    expect(E01_REPORTS.map((_, i) => ws.getCell(`A${4 + i}`).value)).toEqual(["荣昌区", "渝中区", "水磨沟区"]);
    expect(E01_REPORTS.map((_, i) => ws.getCell(`B${4 + i}`).value)).toEqual([
      { formula: "'荣昌区 2024'!E63", result: 337 },
      { formula: "'渝中区 2023'!E63", result: 159 },
      { formula: "'水磨沟区 2024'!E63", result: 133 },
    ]);
    expect(E01_REPORTS.map(e01)).toEqual([337, 159, 133]);
    // The district cells those formulas point at hold the typed figures.
    E01_REPORTS.forEach((r) => expect(back.getWorksheet(districtSheet(r))!.getCell(`E${row}`).value).toBe(e01(r)));
    // A HYPERLINK back to the source cell keeps its formula and its cached text.
    expect(ws.getCell("C4").value).toEqual({ formula: `HYPERLINK("#'荣昌区 2024'!E63","E63")`, result: "E63" });
    expect(cellFormulaOf(ws.getCell("C4"))).toBe(`=HYPERLINK("#'荣昌区 2024'!E63","E63")`);
    // The new summary's tab is the selected one (ExcelJS drops `tabSelected` when reading: look at the XML).
    expect(sheetXml(saved, SUMMARY_SHEET)).toMatch(/<sheetView [^>]*tabSelected="1"/);
    for (const name of order.filter((n) => n !== SUMMARY_SHEET)) expect(sheetXml(saved, name)).not.toMatch(/tabSelected="1"/);
    // No colour scale on any other sheet.
    expect(sheetXml(saved, districtSheet(E01_REPORTS[0]))).not.toContain("<colorScale>");
  });

  it("applied twice gives the same sheet (re-running the consolidation)", async () => {
    const wb = await workbookWithOldSummary();
    await applyPlan(wb, { sheets: [e01SummaryPlan("replace")] });
    const first = snapshotSheet(wb.getWorksheet(SUMMARY_SHEET)!);
    const again = await roundTrip(wb);
    const report = await applyPlan(again, { sheets: [e01SummaryPlan("replace")] });
    expect(report.sheetsReplaced).toBe(1);
    const back = await roundTrip(again);
    expect(back.worksheets.map((ws) => ws.name)).toEqual([...E01_REPORTS.map(districtSheet), SUMMARY_SHEET, "说明"]);
    expect(snapshotSheet(back.getWorksheet(SUMMARY_SHEET)!)).toEqual(first);
    expect(conditionalFormattingsOf(back.getWorksheet(SUMMARY_SHEET)!)).toHaveLength(1);
  });

  it("without a sheet of that name it simply creates one (appended)", async () => {
    const wb = await roundTrip(await buildReportsWorkbook(E01_REPORTS));
    const active = wb.views[0].activeTab;
    const report = await applyPlan(wb, { sheets: [e01SummaryPlan("replace")] });
    expect(report).toMatchObject({ sheetsCreated: 1, sheetsReplaced: 0 });
    const back = await roundTrip(wb);
    expect(back.worksheets.map((ws) => ws.name)).toEqual([...E01_REPORTS.map(districtSheet), SUMMARY_SHEET]);
    // The active tab stays where it was: the plan activates nothing.
    expect(back.views[0].activeTab).toBe(active);
    expect(back.worksheets[active].name).toBe(districtSheet(E01_REPORTS[2]));
  });

  it.each(["hidden", "veryHidden"] as const)("replaces a %s sheet; the new one is visible unless the plan says otherwise", async (state) => {
    const wb = await workbookWithOldSummary({ summaryState: state });
    expect(wb.getWorksheet(SUMMARY_SHEET)!.state).toBe(state);
    await applyPlan(wb, { sheets: [e01SummaryPlan("replace")] });
    const back = await roundTrip(wb);
    expect(back.getWorksheet(SUMMARY_SHEET)!.state).toBe("visible");
    expect(back.getWorksheet(SUMMARY_SHEET)!.getCell("D10").value).toBeNull();
    // 说明 was active before and stays so.
    expect(back.worksheets[back.views[0].activeTab].name).toBe("说明");

    const hiddenAgain = await workbookWithOldSummary({ summaryState: state });
    await applyPlan(hiddenAgain, { sheets: [e01SummaryPlan("replace", { visibility: state })] });
    expect((await roundTrip(hiddenAgain)).getWorksheet(SUMMARY_SHEET)!.state).toBe(state);
  });

  it("matches the existing sheet's name without regard to case and takes the plan's spelling", async () => {
    const wb = await roundTrip(await buildReportsWorkbook(E01_REPORTS));
    await applyPlan(wb, { sheets: [{ name: "Summary", mode: "create", cells: [{ address: "A1", value: "old" }] }, { name: "Notes", mode: "create" }] });
    await applyPlan(wb, { sheets: [{ name: "SUMMARY", mode: "replace", cells: [{ address: "A2", value: "new" }] }] });
    const back = await roundTrip(wb);
    expect(back.worksheets.map((ws) => ws.name).slice(-2)).toEqual(["SUMMARY", "Notes"]);
    expect(back.getWorksheet("SUMMARY")!.getCell("A1").value).toBeNull();
    expect(back.getWorksheet("SUMMARY")!.getCell("A2").value).toBe("new");
  });
});

describe("colour scales", () => {
  it("are written as a 3-colour scale (min, 50th percentile, max) and read back from the saved file", async () => {
    const wb = await workbookWithOldSummary();
    await applyPlan(wb, { sheets: [e01SummaryPlan("replace")] });
    const saved = await toBuffer(wb);

    const xml = sheetXml(saved, SUMMARY_SHEET);
    const cf = /<conditionalFormatting sqref="([^"]+)">([\s\S]*?)<\/conditionalFormatting>/.exec(xml);
    expect(cf?.[1]).toBe("B4:B6");
    expect(cf?.[2]).toMatch(/<cfRule type="colorScale" priority="1">/);
    const scale = /<colorScale>([\s\S]*?)<\/colorScale>/.exec(cf?.[2] ?? "")?.[1] ?? "";
    expect([...scale.matchAll(/<cfvo ([^>]*?)\/>/g)].map((m) => m[1].trim())).toEqual(['type="min"', 'type="percentile" val="50"', 'type="max"']);
    expect([...scale.matchAll(/<color rgb="([0-9A-F]{8})"\/>/g)].map((m) => m[1])).toEqual(["FFF8696B", "FFFFEB84", "FF63BE7B"]);

    const back = await openWorkbook(saved);
    expect(conditionalFormattingsOf(back.getWorksheet(SUMMARY_SHEET)!)).toEqual([
      {
        ref: SUMMARY_SCALE.range,
        rules: [
          {
            type: "colorScale",
            priority: 1,
            cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
            color: [{ argb: "FFF8696B" }, { argb: "FFFFEB84" }, { argb: "FF63BE7B" }],
          },
        ],
      },
    ]);
  });

  it("several scales on one sheet get distinct priorities; lower-case colours are accepted", async () => {
    const wb = await roundTrip(await buildReportsWorkbook(E01_REPORTS));
    await applyPlan(wb, {
      sheets: [
        e01SummaryPlan("create", {
          colorScales: [SUMMARY_SCALE, { range: "D4:D6", low: "#ffffff", mid: "#9bc2e6", high: "#1f4e78" }],
          charts: [],
        }),
      ],
    });
    const back = await roundTrip(wb);
    const rules = conditionalFormattingsOf(back.getWorksheet(SUMMARY_SHEET)!).map((c) => ({ ref: c.ref, rule: c.rules[0] as ExcelJS.ColorScaleRuleType }));
    expect(rules.map((r) => [r.ref, r.rule.priority, r.rule.color?.map((c) => c.argb)])).toEqual([
      ["B4:B6", 1, ["FFF8696B", "FFFFEB84", "FF63BE7B"]],
      ["D4:D6", 2, ["FFFFFFFF", "FF9BC2E6", "FF1F4E78"]],
    ]);
  });
});

describe("charts", () => {
  it("are skipped and counted: ExcelJS cannot write them", async () => {
    const wb = await roundTrip(await buildReportsWorkbook(E01_REPORTS));
    const two = { ...SUMMARY_CHART, name: "E01排名（副本）", from: "E22", to: "L40" };
    const report = await applyPlan(wb, { sheets: [e01SummaryPlan("create", { charts: [SUMMARY_CHART, two] })] });
    expect(report.chartsSkipped).toBe(2);
    const saved = await toBuffer(wb);
    expect(zipPart(saved, "xl/charts/chart1.xml")).toBeUndefined();
    expect(sheetXml(saved, SUMMARY_SHEET)).not.toContain("<drawing");
  });
});

describe("plan problems", () => {
  async function expectRejected(plan: WritePlan, ...problems: RegExp[]): Promise<void> {
    const wb = await workbookWithOldSummary();
    const before = wb.worksheets.map((ws) => ({ name: ws.name, snapshot: snapshotSheet(ws) }));
    const err = await applyPlan(wb, plan).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PlanError);
    for (const p of problems) expect((err as PlanError).problems.join("\n")).toMatch(p);
    expect(wb.worksheets.map((ws) => ({ name: ws.name, snapshot: snapshotSheet(ws) }))).toEqual(before);
  }

  const update = (extra: Partial<SheetPlan>): WritePlan => ({ sheets: [{ name: SUMMARY_SHEET, mode: "update", ...extra }] });

  it("a chart on an update sheet", async () => {
    await expectRejected(update({ charts: [SUMMARY_CHART] }), /汇总表: colour scales and charts are only written on sheets the plan creates or replaces.*"update"/);
  });

  it("a colour scale on an update sheet", async () => {
    await expectRejected(update({ colorScales: [SUMMARY_SCALE] }), /汇总表: colour scales and charts are only written/);
  });

  it("bad colours and ranges, charts of mismatched or wide ranges, duplicate chart names", async () => {
    await expectRejected(
      {
        sheets: [
          e01SummaryPlan("replace", {
            colorScales: [{ range: "B4:", low: "red", mid: "#FFEB84", high: "#63BE7B" }],
            charts: [
              { ...SUMMARY_CHART, categories: "A4:A7" },
              { ...SUMMARY_CHART, values: "B4:C6", from: "M3", to: "E1" },
            ],
          }),
        ],
      },
      /colour scale "B4:" is not a range/,
      /low colour: "red" is not #RRGGBB/,
      /categories A4:A7 and values B4:B6 differ in length/,
      /values B4:C6 must be one column/,
      /chart "E01排名" appears twice/,
      /E1 is above or left of M3/,
    );
  });

  it("replacing a sheet the same plan creates", async () => {
    await expectRejected({ sheets: [{ name: "新表", mode: "create" }, { name: "新表", mode: "replace" }] }, /cannot replace sheet "新表": the plan already creates it/);
  });

  it("a replace over an existing sheet is not a problem; a create is", async () => {
    const wb = await workbookWithOldSummary();
    expect(planProblems(wb, { sheets: [e01SummaryPlan("replace")] })).toEqual([]);
    expect(planProblems(wb, { sheets: [e01SummaryPlan("create")] })).toEqual([`cannot create sheet "${SUMMARY_SHEET}": a sheet with that name exists`]);
  });
});
