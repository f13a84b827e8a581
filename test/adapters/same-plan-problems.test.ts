/**
 * What a plan means is written once (core/plan/plan-problems.ts): a plan neither adapter can take is
 * refused by both, before any change, with the same words.
 */
import * as ExcelJS from "exceljs";
import { applyPlan, openWorkbook, toBuffer, PlanError } from "../../src/adapters/xlsx";
import type { WritePlan } from "../../src/core/plan/write-plan";
import { setup, teardown } from "./office/helpers";

afterEach(teardown);

async function xlsxProblems(plan: WritePlan): Promise<readonly string[]> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1");
  const e = await applyPlan(await openWorkbook(await toBuffer(wb)), plan).then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(PlanError);
  return (e as PlanError).problems;
}

async function officeProblems(plan: WritePlan): Promise<readonly string[]> {
  const { host } = setup("1.18", { sheets: [{ name: "Sheet1" }] });
  const e = await host.apply(plan).then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(PlanError);
  return (e as PlanError).problems;
}

describe("both adapters refuse a plan with the same words", () => {
  it.each<[string, WritePlan]>([
    ["a bad colour, a value inside a merge, a cell beyond the grid", { sheets: [{ name: "新表", mode: "create", merges: ["A1:B1"], cells: [{ address: "B1", value: 1 }, { address: "A1", value: 2, style: { fill: "red" } }, { address: "A1048577", value: 3 }] }] }],
    ["an update of a missing sheet", { sheets: [{ name: "没有", mode: "update", cells: [{ address: "A1", value: 1 }] }] }],
    ["a second sheet of an existing name, a sheet name Excel refuses", { sheets: [{ name: "sheet1", mode: "create" }, { name: "a/b", mode: "create" }] }],
    ["hiding every sheet", { sheets: [{ name: "Sheet1", mode: "update", visibility: "hidden" }] }],
  ])("%s", async (_what, plan) => {
    const fromFile = await xlsxProblems(plan);
    expect(fromFile.length).toBeGreaterThan(0);
    expect([...(await officeProblems(plan))].sort()).toEqual([...fromFile].sort());
  });
});

describe("a refused plan in the reader's words", () => {
  it("says in Chinese (or English) that nothing was changed and that it is Huishen's defect, with the problems", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    const e = (await applyPlan(await openWorkbook(await toBuffer(wb)), { sheets: [{ name: "没有", mode: "update", cells: [{ address: "A1", value: 1 }] }] }).catch((x: unknown) => x)) as PlanError;
    expect(e.wordsIn("zh")).toMatch(/^写入计划无法执行，工作簿未被改动（这是汇审的缺陷，请告知维护者）：cannot update sheet "没有": no such sheet$/);
    expect(e.wordsIn("en")).toMatch(/^The write plan cannot be applied; the workbook was not changed \(a defect of Huishen's; please tell the maintainers\): cannot update sheet "没有": no such sheet$/);
  });
});
