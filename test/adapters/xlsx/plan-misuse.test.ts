import * as ExcelJS from "exceljs";
import type { WritePlan } from "../../../src/core/plan/write-plan";
import {
  applyPlan,
  newWorkbook,
  planProblems,
  openWorkbook,
  snapshotWorkbook,
  toBuffer,
  PlanError,
} from "../../../src/adapters/xlsx";

/** A person's workbook with one district sheet. */
async function report(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("荣昌区");
  ws.getCell("A1").value = "标题";
  ws.getCell("B1").value = "副标题";
  ws.getCell("C3").value = 18;
  return openWorkbook(await toBuffer(wb));
}

async function expectRejected(plan: WritePlan, ...problems: RegExp[]): Promise<void> {
  const wb = await report();
  const before = JSON.stringify(snapshotWorkbook(wb));
  const names = wb.worksheets.map((w) => w.name);
  const err = await applyPlan(wb, plan).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PlanError);
  for (const p of problems) expect((err as PlanError).problems.join("\n")).toMatch(p);
  // Checked before the first change: the workbook is exactly as it was.
  expect(wb.worksheets.map((w) => w.name)).toEqual(names);
  expect(JSON.stringify(snapshotWorkbook(wb))).toBe(before);
}

describe("plans the workbook cannot take are refused before any change", () => {
  test("creating a sheet whose name exists (Excel ignores case)", async () => {
    await expectRejected(
      { sheets: [{ name: "汇总", mode: "create", cells: [{ address: "A1", value: 1 }] }, { name: "荣昌区", mode: "create" }] },
      /cannot create sheet "荣昌区"/,
    );
    const wb = newWorkbook();
    wb.addWorksheet("Summary");
    expect(planProblems(wb, { sheets: [{ name: "SUMMARY", mode: "create" }] })).toHaveLength(1);
  });

  test("updating a sheet that does not exist", async () => {
    await expectRejected({ sheets: [{ name: "江津区", mode: "update" }] }, /cannot update sheet "江津区"/);
  });

  test("merging over a person's value", async () => {
    await expectRejected({ sheets: [{ name: "荣昌区", mode: "update", merges: ["A1:C1"] }] }, /would discard the value in B1/);
  });

  test("writing a value into the body of a merged area", async () => {
    await expectRejected(
      {
        sheets: [
          { name: "新表", mode: "create", merges: ["A1:C1"], cells: [{ address: "B1", value: "x" }] },
        ],
      },
      /B1 is inside a merged area/,
    );
  });

  test("bad colours, addresses, names, validations, and hiding every sheet", async () => {
    await expectRejected(
      {
        sheets: [
          {
            name: "荣昌区",
            mode: "update",
            visibility: "hidden",
            tabColor: "red",
            fills: [{ address: "C3", color: "#FFF" }],
            notes: [{ address: "3C", text: "x" }],
            inputRules: [{ range: "E5:E6", type: "list", list: ["a,b"], errorStyle: "stop" }],
          },
          { name: "a/b", mode: "create", visibility: "veryHidden" },
        ],
      },
      /tab colour: "red"/,
      /fill C3: "#FFF"/,
      /"3C" is not a cell address/,
      /list item contains a comma/,
      /sheet name "a\/b"/,
    );
    // What depends on the workbook is said once the plan itself is sound (as the Office.js adapter must).
    await expectRejected({ sheets: [{ name: "荣昌区", mode: "update", visibility: "hidden" }] }, /no visible sheet/);
  });

  test("a validation message longer than Excel allows", async () => {
    await expectRejected(
      {
        sheets: [
          {
            name: "荣昌区",
            mode: "update",
            inputRules: [{ range: "C3", type: "whole", min: 0, max: 9, errorStyle: "stop", errorTitle: "标".repeat(33) }],
          },
        ],
      },
      /errorTitle longer than 32/,
    );
  });

  test("re-merging the same area is allowed (re-applying a plan)", async () => {
    const wb = newWorkbook();
    const plan: WritePlan = { sheets: [{ name: "S", mode: "create", merges: ["A1:C1"], cells: [{ address: "A1", value: "t" }] }] };
    await applyPlan(wb, plan);
    await expect(applyPlan(wb, { sheets: [{ ...plan.sheets[0], mode: "update" }] })).resolves.toMatchObject({ cellsWritten: 1 });
  });
});
