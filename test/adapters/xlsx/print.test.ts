/** Print set-up written by the file adapter and read back from the .xlsx: what Excel, WPS and LibreOffice print by. */
import ExcelJS from "exceljs";
import { applyPlan, newWorkbook, planProblems, toBuffer } from "../../../src/adapters/xlsx";
import { pagesAcross } from "../../../src/core/plan/print";
import type { SheetPlan } from "../../../src/core/plan/write-plan";

const sheet: SheetPlan = {
  name: "汇总表",
  mode: "create",
  cells: [{ address: "A1", value: "区县" }],
  print: { orientation: "landscape", titleRows: { first: 2, last: 3 }, titleColumns: { first: 0, last: 0 }, pagesWide: 3, area: "A1:CZ9", header: "汇总表 R&D" },
};

describe("print set-up in .xlsx", () => {
  it("writes A4, orientation, pages wide by as many tall, title rows and columns, area, header and page footer", async () => {
    const wb = newWorkbook();
    await applyPlan(wb, { sheets: [sheet] });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await toBuffer(wb)) as unknown as ArrayBuffer);
    const ws = back.getWorksheet("汇总表")!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 3, fitToHeight: 0, printTitlesRow: "3:4", printTitlesColumn: "A:A", printArea: "A1:CZ9" });
    // `&` doubled so the title prints as typed, not as a header code.
    expect(ws.headerFooter).toMatchObject({ oddHeader: "&C汇总表 R&&D", oddFooter: "&C第 &P 页 共 &N 页" });
  });

  it("refuses a print spec Excel could not take, before writing anything", () => {
    const bad: SheetPlan = { ...sheet, print: { orientation: "portrait", titleRows: { first: 4, last: 2 }, pagesWide: 0, area: "A1:?", header: "x".repeat(300) } };
    expect(planProblems(newWorkbook(), { sheets: [bad] })).toEqual([
      '汇总表: print area "A1:?" is not a range',
      "汇总表: print title rows 4–2 are not rows",
      "汇总表: pages wide 0 is not a whole number ≥ 1",
      "汇总表: page header longer than 255 characters",
    ]);
  });

  it("spreads a wide table over as few pages across as stay readable, the repeated columns counted on each", () => {
    expect(pagesAcross([14, 7, 18], 1, "landscape")).toBe(1);
    // 汇总表 of the standard edition: the district, year and source, then 92 indicators 12 wide.
    expect(pagesAcross([14, 7, 18, ...Array(92).fill(12)], 1, "landscape")).toBe(6);
  });
});
