import { planCheck } from "../../src/core/check-job";
import { consolidate, planConsolidation } from "../../src/core/consolidate";
import { planDecision } from "../../src/core/review";
import { ACCEPTED_FILL } from "../../src/core/sheet/plan-flags";
import { COLORS } from "../../src/core/sheet/layout";
import { allReports } from "../fixtures/reports";
import { reportSheets } from "./../helpers/consolidate-reports";
import { applyToSnapshots } from "./review/memory-host";

/** The five reports, consolidated, as the workbook then holds them. */
function consolidatedWorkbook() {
  const sheets = reportSheets(allReports);
  const c = consolidate([{ snapshots: sheets, inWorkbook: true }])!;
  return applyToSnapshots(sheets, planConsolidation(c, sheets));
}

const fillOf = (plan: ReturnType<typeof planCheck>["plan"], sheet: string, address: string) => plan.sheets.find((s) => s.name === sheet)?.fills?.find((f) => f.address === address)?.color;

describe("checking a sheet of a consolidated workbook", () => {
  it("keeps the consolidation's findings on it: 渝中区's 2023 year in a 2024 consolidation", () => {
    const book = consolidatedWorkbook();
    const { run, plan } = planCheck({ sheets: book, activeSheet: "渝中区 2023" }, { scope: "active", lang: "zh" });
    expect(run.findings.filter((f) => f.code === "gather.otherYear").map((f) => f.sheet)).toEqual(["渝中区 2023"]);
    expect(fillOf(plan, "渝中区 2023", "E2")).toBe(COLORS.warning);
    // Only the active sheet is repainted.
    expect(plan.sheets.map((s) => s.name).filter((n) => n !== "汇审标记")).toEqual(["渝中区 2023"]);
  });

  it("keeps a finding a reviewer accepted muted", () => {
    const book = consolidatedWorkbook();
    const before = planCheck({ sheets: book, activeSheet: "荣昌区 2024" }, { scope: "active", lang: "zh" });
    const e05 = before.run.findings.find((f) => f.code === "rate.inconsistent" && f.codes[2] === "E05")!;
    const cell = e05.cells[0].address;
    expect(fillOf(before.plan, "荣昌区 2024", cell)).toBe(COLORS.warning);
    const decided = planDecision({ sheets: book }, e05.id, { status: "accepted", note: "报告原文如此，已电话核实" }, "张审核", "2026-11-21T10:00:00+08:00");
    if (!decided.ok) throw new Error("decision refused");
    const after = applyToSnapshots(book, decided.value.plan);
    expect(fillOf(planCheck({ sheets: after, activeSheet: "荣昌区 2024" }, { scope: "active", lang: "zh" }).plan, "荣昌区 2024", cell)).toBe(ACCEPTED_FILL);
  });
});
