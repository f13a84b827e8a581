import type { Finding } from "../../src/core/findings/finding";
import { templateSheetPlan } from "../../src/core/sheet/plan-template";
import { standardTemplate } from "../../src/core/template/registry";
import { checkWorkbook } from "../../src/core/check-workbook";
import type { ReportFixture } from "../fixtures/reports";
import { fillSnapshot, snapshotFromPlan } from "./plan-grid";

/** A report typed into a fresh standard-template sheet, as a snapshot. */
export function reportSnapshot(report: ReportFixture, edit?: (values: unknown[][], rowOf: ReadonlyMap<string, number>) => void) {
  const { plan, rowOf } = templateSheetPlan(standardTemplate(), { sheetName: `${report.district} ${report.year}` });
  const filled = fillSnapshot(snapshotFromPlan(plan), report, rowOf);
  edit?.(filled.values as unknown[][], rowOf);
  return { snapshot: filled, rowOf };
}

/** Validate one report as its own workbook. */
export function validateReport(report: ReportFixture, edit?: Parameters<typeof reportSnapshot>[1]) {
  const { snapshot, rowOf } = reportSnapshot(report, edit);
  return { ...checkWorkbook([snapshot]), rowOf, snapshot };
}

/** `code:E03` keys of the findings of one kind, sorted, for exact comparisons. */
export function flagged(findings: readonly Finding[], code: Finding["code"], position = 0): string[] {
  return findings.filter((f) => f.code === code).map((f) => f.codes[position]).sort();
}
