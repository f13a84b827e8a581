import type * as ExcelJS from "exceljs";
import { applyPlan, snapshotWorkbook } from "../../src/adapters/xlsx";
import { decisionProblemText, loadReview, planDecision, type Decision } from "../../src/core/review";

export const AT = "2025-03-01T09:00:00+08:00";

export type Pick = (f: { code: string; codes: readonly string[]; district: string }) => boolean;

/** Record a reviewer's decision on the first finding `pick` chooses, as the pane would. */
export async function decide(wb: ExcelJS.Workbook, pick: Pick, decision: Decision, who = "李四", at = AT): Promise<void> {
  const sheets = snapshotWorkbook(wb);
  const item = loadReview({ sheets }, at).state.items.find((r) => pick(r.finding));
  if (!item) throw new Error("no such finding");
  const r = planDecision({ sheets }, item.finding.id, decision, who, at);
  if (!r.ok) throw new Error(decisionProblemText(r.error));
  await applyPlan(wb, r.value.plan);
}

/** A rate finding about `code` (the rate's own row). */
export const rate = (code: string): Pick => (f) => f.code === "rate.inconsistent" && f.codes[2] === code;
