import { analyzeWorkbook } from "../../src/core/analysis";
import { consolidate, planConsolidation } from "../../src/core/consolidate";
import { checkWorkbook } from "../../src/core/check-workbook";
import { allReports } from "../fixtures/reports";
import { reportSheets } from "../helpers/consolidate-reports";
import { snapshotFromPlan } from "../helpers/plan-grid";

describe("one analysis of a workbook: the findings every door shows", () => {
  const sheets = reportSheets(allReports);

  it("are each sheet's own checks in a workbook never consolidated", () => {
    expect(analyzeWorkbook(sheets).findings.map((f) => f.id)).toEqual(checkWorkbook(sheets).findings.map((f) => f.id));
  });

  it("include the consolidation's findings once the workbook was consolidated, with the options it ran with", () => {
    const c = consolidate([{ snapshots: sheets, inWorkbook: true }], { districtList: ["荣昌区", "大足区"] })!;
    const summary = planConsolidation(c, sheets).sheets.find((s) => s.name === "汇总表")!;
    const found = analyzeWorkbook([...sheets, snapshotFromPlan(summary)]).findings;
    expect(found.map((f) => f.id).sort()).toEqual(c.findings.map((f) => f.id).sort());
    // The three 2023 reports in a 2024 consolidation, and the listed district that sent nothing.
    expect(found.filter((f) => f.code === "gather.otherYear")).toHaveLength(3);
    expect(found.filter((f) => f.code === "gather.missingDistrict").map((f) => f.district)).toEqual(["大足区"]);
  });
});
