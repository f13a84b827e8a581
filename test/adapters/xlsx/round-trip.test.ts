import { join } from "path";
import { readFileSync } from "fs";
import type * as ExcelJS from "exceljs";
import type { SheetPlan, WritePlan } from "../../../src/core/plan/write-plan";
import type { SheetSnapshot } from "../../../src/core/grid";
import { cellAt, numberFormatAt, parseAddress } from "../../../src/core/grid";
import { applyPlan, newWorkbook, snapshotWorkbook } from "../../../src/adapters/xlsx";
import { openWorkbookFile, writeWorkbookFile } from "../../../src/cli/workbook-files";
import { fillColour, noteText, protectionOf, tempDir, validationsOf, zipPart } from "./helpers";

const MARKER = "HUISHEN:summary:v1";
const TITLE = "2024年度法治政府建设指标汇总";

const summary: SheetPlan = {
  name: "汇总",
  mode: "create",
  activate: true,
  tabColor: "#1F4E78",
  cells: [
    { address: "A1", value: TITLE, style: { bold: true, fontSize: 14, hAlign: "center", vAlign: "middle" } },
    ...["序号", "指标", "单位", "区县", "上年", "本年"].map((h, i) => ({
      address: `${"ABCDEF"[i]}4`,
      value: h,
      style: { bold: true, fill: "#DDEBF7", border: true, wrap: true },
    })),
    { address: "A5", value: 1 },
    { address: "B5", value: "行政复议案件数" },
    { address: "E5", value: 18, style: { locked: false } },
    { address: "E6", value: 17, style: { locked: false } },
    { address: "F5", value: "200余", style: { locked: false } },
    { address: "E7", formula: "E6/E5", result: 0.9444444444, numberFormat: "0.00%" },
    { address: "E8", value: 0.9444, numberFormat: "0.00%" },
    { address: "E9", formula: "SUM(E5:E6)-35", result: 0, numberFormat: "0" },
    { address: "A10", value: "隐藏行" },
    { address: "J1", value: MARKER },
    { address: "G5", value: "是", style: { locked: false } },
  ],
  merges: ["A1:I1"],
  columns: [
    { index: 1, width: 28 },
    { index: 9, hidden: true },
  ],
  rows: [
    { index: 0, height: 30 },
    { index: 9, hidden: true },
  ],
  inputRules: [
    {
      range: "E5:E6",
      type: "decimal",
      operator: "greaterThanOrEqual",
      min: 0,
      errorStyle: "warning",
      promptTitle: "填写提示",
      prompt: "请填写数字；“200余”等可保留",
      errorTitle: "数值有误",
      error: "应为不小于 0 的数字",
    },
    { range: "G5:G6", type: "list", list: ["是", "否"], errorStyle: "stop" },
    { range: "A5", type: "whole", operator: "between", min: 1, max: 99, errorStyle: "information" },
  ],
  protect: true,
  freeze: { rows: 4, columns: 2 },
  fills: [{ address: "F5", color: "#FFC7CE" }],
  notes: [{ address: "F5", text: "近似值：200余，按 200 计" }],
};

const plan: WritePlan = {
  sheets: [{ name: "说明", mode: "create", cells: [{ address: "A1", value: "首页" }] }, summary],
};

const at = (s: SheetSnapshot, a: string) => {
  const p = parseAddress(a)!;
  return cellAt(s, p.row, p.col);
};
const formulaAt = (s: SheetSnapshot, a: string) => {
  const p = parseAddress(a)!;
  return s.formulas?.[p.row]?.[p.col];
};
const fmtAt = (s: SheetSnapshot, a: string) => {
  const p = parseAddress(a)!;
  return numberFormatAt(s, p.row, p.col);
};

describe("xlsx round trip: plan → file → snapshot", () => {
  const tmp = tempDir();
  const file = join(tmp.dir, "summary.xlsx");
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  let snap: SheetSnapshot;

  beforeAll(async () => {
    const out = newWorkbook();
    const report = await applyPlan(out, plan);
    expect(report).toEqual({ sheetsCreated: 2, sheetsReplaced: 0, cellsWritten: 19, fills: 1, notes: 1, inputRules: 3, colorScales: 0, chartsSkipped: 0 });
    await writeWorkbookFile(out, file);
    wb = await openWorkbookFile(file);
    ws = wb.getWorksheet("汇总")!;
    snap = snapshotWorkbook(wb).find((s) => s.name === "汇总")!;
  });
  afterAll(() => tmp.cleanup());

  test("sheets come back in plan order, creator is Huishen", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["说明", "汇总"]);
    expect(wb.creator).toBe("汇审 Huishen");
  });

  test("values read back as a person sees them", () => {
    expect(at(snap, "A1")).toBe(TITLE);
    expect(at(snap, "E5")).toBe(18);
    expect(at(snap, "E6")).toBe(17);
    expect(at(snap, "F5")).toBe("200余");
    expect(at(snap, "E8")).toBe(0.9444);
    expect(at(snap, "J1")).toBe(MARKER);
    expect(at(snap, "C5")).toBe(""); // blank inside the used range
  });

  test("formulas read back with '=' and their cached results (0 included)", () => {
    expect(formulaAt(snap, "E7")).toBe("=E6/E5");
    expect(at(snap, "E7")).toBeCloseTo(0.9444444444, 10);
    expect(formulaAt(snap, "E9")).toBe("=SUM(E5:E6)-35");
    expect(at(snap, "E9")).toBe(0);
    expect(formulaAt(snap, "E5")).toBe(18); // a constant's "formula" is its value, as in Range.formulas
  });

  test("number formats", () => {
    expect(fmtAt(snap, "E7")).toBe("0.00%");
    expect(fmtAt(snap, "E8")).toBe("0.00%");
    expect(fmtAt(snap, "E5")).toBe("General");
  });

  test("grid is dense: every row as wide as the used range (A..J)", () => {
    expect(snap.values.length).toBe(10);
    for (const row of snap.values) expect(row.length).toBe(10);
    expect(snap.formulas!.every((r) => r.length === 10)).toBe(true);
    expect(snap.numberFormats!.every((r) => r.length === 10)).toBe(true);
  });

  test("hidden column J and hidden row 10; widths and heights", () => {
    expect(ws.getColumn(10).hidden).toBe(true);
    expect(ws.getColumn(2).width).toBe(28);
    expect(ws.getRow(1).height).toBe(30);
    expect(snap.hiddenRows).toEqual([9]);
    expect(at(snap, "A10")).toBe("隐藏行");
  });

  test("merged title: value only in the master", () => {
    expect((ws.model as unknown as { merges: string[] }).merges).toContain("A1:I1");
    expect(snap.values[0].slice(1, 9)).toEqual(["", "", "", "", "", "", "", ""]);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").alignment?.horizontal).toBe("center");
  });

  test("data validations are present with their settings", () => {
    const dvs = validationsOf(ws);
    for (const a of ["E5", "E6"]) {
      expect(dvs[a]).toMatchObject({
        type: "decimal",
        operator: "greaterThanOrEqual",
        formulae: [0],
        allowBlank: true,
        showErrorMessage: true,
        showInputMessage: true,
        errorStyle: "warning",
        promptTitle: "填写提示",
        prompt: "请填写数字；“200余”等可保留",
        errorTitle: "数值有误",
        error: "应为不小于 0 的数字",
      });
    }
    expect(dvs.G5).toMatchObject({ type: "list", formulae: ['"是,否"'], errorStyle: "stop" });
    expect(dvs.G6).toBe(dvs.G5);
    expect(dvs.A5).toMatchObject({ type: "whole", operator: "between", formulae: [1, 99], errorStyle: "information" });
    expect(dvs.E7).toBeUndefined();
  });

  test("one sqref per validation range in the file", () => {
    const xml = zipPart(readFileSync(file), "xl/worksheets/sheet2.xml")!;
    const sqrefs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(sqrefs).toEqual(["A5", "E5:E6", "G5:G6"]);
  });

  test("sheet protected without a password; input cells unlocked, others locked", () => {
    const p = protectionOf(ws)!;
    expect(p.sheet).toBe(true);
    expect(p.hashValue).toBeUndefined();
    expect(p.selectLockedCells).not.toBe(false);
    expect(p.selectUnlockedCells).not.toBe(false);
    expect(p.formatCells).not.toBe(true);
    expect(ws.getCell("E5").protection?.locked).toBe(false);
    expect(ws.getCell("F5").protection?.locked).toBe(false);
    expect(ws.getCell("E7").protection?.locked).not.toBe(false);
    expect(ws.getCell("A1").protection?.locked).not.toBe(false);
  });

  test("fills, header style and the note", () => {
    expect(fillColour(ws.getCell("F5"))).toBe("FFFFC7CE");
    expect(fillColour(ws.getCell("A4"))).toBe("FFDDEBF7");
    expect(ws.getCell("A4").border?.top?.style).toBe("thin");
    expect(ws.getCell("A4").alignment?.wrapText).toBe(true);
    expect(fillColour(ws.getCell("E5"))).toBeUndefined();
    expect(noteText(ws.getCell("F5"))).toBe("近似值：200余，按 200 计");
    expect(at(snap, "F5")).toBe("200余"); // the note did not touch the value
  });

  test("frozen panes, tab colour, active sheet", () => {
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 4 });
    expect(ws.properties.tabColor?.argb).toBe("FF1F4E78");
    expect(wb.views[0].activeTab).toBe(1);
    // ExcelJS drops tabSelected when it reads a file: look at the XML it wrote.
    const zip = readFileSync(file);
    expect(zipPart(zip, "xl/worksheets/sheet2.xml")).toMatch(/<sheetView [^>]*tabSelected="1"/);
    expect(zipPart(zip, "xl/worksheets/sheet1.xml")).not.toMatch(/tabSelected="1"/);
  });

  test("re-applying the same plan as an update changes nothing it should not", async () => {
    const again: WritePlan = { sheets: plan.sheets.map((s) => ({ ...s, mode: "update" as const })) };
    await applyPlan(wb, again);
    const file2 = join(tmp.dir, "summary-again.xlsx");
    await writeWorkbookFile(wb, file2);
    const wb2 = await openWorkbookFile(file2);
    const snap2 = snapshotWorkbook(wb2, { sheets: ["汇总"] });
    expect(snap2).toHaveLength(1);
    expect(snap2[0].values).toEqual(snap.values);
    expect(snap2[0].formulas).toEqual(snap.formulas);
    const xml = zipPart(readFileSync(file2), "xl/worksheets/sheet2.xml")!;
    const sqrefs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(sqrefs).toEqual(["A5", "E5:E6", "G5:G6"]);
    expect((xml.match(/<mergeCell /g) ?? []).length).toBe(1);
  });
});
