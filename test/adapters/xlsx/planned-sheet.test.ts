/**
 * `applyPlan(wb, plan, { forWriting: true })` keeps the cells of the sheets a plan creates as the model
 * ExcelJS writes (`planned-sheet.ts`) instead of as ExcelJS cells. Written by `packWorkbook`, a workbook
 * must come out part for part, byte for byte, as the same plan applied to ExcelJS cells: for the
 * consolidation of the five real reports, the template sheet, and a plan of every cell operation.
 */
import type * as ExcelJS from "exceljs";
import { applyPlan, newWorkbook, PlanError, snapshotWorkbook, toBuffer } from "../../../src/adapters/xlsx";
import { renderParts } from "../../../src/adapters/xlsx/render-parts";
import { prepareForWrite } from "../../../src/adapters/xlsx/write";
import { planConsolidate } from "../../../src/core/consolidate";
import type { WritePlan } from "../../../src/core/plan/write-plan";
import { templateSheetPlan } from "../../../src/core/sheet/plan-template";
import { standardTemplate } from "../../../src/core/template/registry";
import { buildReportsWorkbook } from "../../fixtures/build-workbook";
import { allReports } from "../../fixtures/reports";

const AT = new Date("2025-03-01T08:00:00Z");

/** Every part of the package `packWorkbook` would write, as text, by name. */
async function partsOf(wb: ExcelJS.Workbook): Promise<Record<string, string>> {
  prepareForWrite(wb, AT);
  return Object.fromEntries((await renderParts(wb)).map((p) => [p.name, Buffer.from(p.data).toString("utf8")]));
}

/** The plan applied to two workbooks made alike, to ExcelJS cells and for writing; both written. */
async function bothWays(make: () => Promise<ExcelJS.Workbook>, plan: WritePlan) {
  const cells = await make();
  const model = await make();
  const applied = await applyPlan(cells, plan);
  const planned = await applyPlan(model, plan, { forWriting: true });
  return { applied, planned, model, expected: await partsOf(cells), actual: await partsOf(model) };
}

async function reportsWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = await buildReportsWorkbook(allReports);
  wb.created = AT;
  return wb;
}

test("the consolidation of the five reports: the same package, and the summary's cells are not ExcelJS cells", async () => {
  const sheets = snapshotWorkbook(await reportsWorkbook());
  const outcome = planConsolidate({ sheets }, { workbookSheets: "all", files: [], options: {}, lang: "zh" });
  if (!outcome.ok) throw new Error("nothing consolidated");
  const { applied, planned, model, expected, actual } = await bothWays(reportsWorkbook, outcome.plan);
  expect(actual).toEqual(expected);
  expect(planned).toEqual(applied);
  // The summary's figures are in the package (荣昌区's sheet is flagged through ExcelJS as ever)…
  expect(expected["xl/sharedStrings.xml"]).toContain("荣昌区");
  // …and the path was taken: the created sheets hold no ExcelJS cells, the flagged district sheets do.
  const created = outcome.plan.sheets.filter((sp) => sp.mode !== "update").map((sp) => model.getWorksheet(sp.name)!);
  expect(created.length).toBeGreaterThanOrEqual(4);
  expect(created.map((ws) => ws.rowCount)).toEqual(created.map(() => 0));
  expect(model.getWorksheet(sheets[0].name)!.rowCount).toBeGreaterThan(50);
});

test("the template sheet (merges, input rules, unlocked cells, protection, row heights) writes the same", async () => {
  const { plan } = templateSheetPlan(standardTemplate(), { sheetName: "荣昌区 2024", district: "荣昌区", year: 2024 });
  const { expected, actual } = await bothWays(async () => newWorkbook(AT), { sheets: [plan] });
  expect(actual).toEqual(expected);
  expect(actual["xl/worksheets/sheet1.xml"]).toContain("<mergeCell ");
});

test("every cell operation a plan has, in the order apply.ts makes them", async () => {
  const style = { bold: true, fill: "#FFF2CC", border: true, hAlign: "center" as const };
  const plan: WritePlan = {
    sheets: [
      {
        name: "甲",
        mode: "create",
        cells: [
          { address: "A1", value: "标题", style },
          { address: "B2", value: 42, numberFormat: "0.0" },
          { address: "C2", value: true },
          { address: "D2", value: "" },
          { address: "E2", formula: "=B2*2", result: 84 },
          { address: "F2", formula: "B2/0", result: "#DIV/0!" },
          { address: "G2", formula: "B2&\"件\"", result: "42件" },
          { address: "H2", formula: "B2>1" },
          { address: "B3", value: 1 },
          { address: "B3", value: "改写" },
          { address: "C3", numberFormat: "0%" },
          { address: "AA40", value: 7, style: { italic: true, locked: false } },
        ],
        cellColumns: [
          { top: "B5", values: [1, 2, undefined, 4], filledFormula: "B5*2", style: { wrap: true } },
          { top: "C5", values: [10, 20, 30], filledFormula: "B5+1", fillRows: [2, 0, 1] },
          { top: "F5", values: [0.5, 0.75, undefined], filledFormula: 'IF(B5>0,C5/B5,"")', formulaRows: [true, false, false], numberFormat: "0.00%" },
          { top: "D5", values: ["甲", undefined, "#N/A", ""], formulas: [undefined, "C6", "NA()", undefined], styles: [undefined, { bold: true }], style: { fontColor: "#C00000" } },
          { top: "E5", values: [0.5, null, false], numberFormat: "0.00%" },
        ],
        merges: ["A1:D1", "A1:D1", "F10:G11", "H10:H10"],
        rows: [{ index: 0, height: 30 }, { index: 19, hidden: true }, { index: 24, height: 12 }, { index: 1, hidden: true }],
        fills: [{ address: "B2", color: "#FF0000" }, { address: "C1", color: "#00FF00" }, { address: "Z50", color: "#0000FF" }],
        notes: [{ address: "B2", text: "核对：42" }, { address: "G11", text: "合并区内的批注" }, { address: "Q7", text: "空单元格上的批注" }],
        columns: [{ index: 0, width: 20 }],
        freeze: { rows: 2, columns: 1 },
        protect: true,
        activate: true,
      },
      { name: "乙", mode: "create", tabColor: "#336699" },
    ],
  };
  const { applied, planned, expected, actual } = await bothWays(async () => newWorkbook(AT), plan);
  expect(actual).toEqual(expected);
  expect(planned).toEqual(applied);
  expect(actual["xl/comments1.xml"]).toContain("合并区内的批注");
});

test("a sheet applied for writing takes no further plan, and ExcelJS's own writer refuses the workbook", async () => {
  const wb = newWorkbook(AT);
  await applyPlan(wb, { sheets: [{ name: "汇总表", mode: "create", cells: [{ address: "A1", value: 1 }] }] }, { forWriting: true });
  await expect(applyPlan(wb, { sheets: [{ name: "汇总表", mode: "update", cells: [{ address: "A2", value: 2 }] }] })).rejects.toBeInstanceOf(PlanError);
  await expect(toBuffer(wb)).rejects.toThrow(/packWorkbook/);
});
