/** The .xlsx adapter: ExcelJS workbooks ↔ the core's snapshots and write plans. */
export { openWorkbook, snapshotBytes, XlsxReadError } from "./read";
export type { XlsxReadFailure, Hint, OpenOptions } from "./read";
export { snapshotSheet, snapshotWorkbook, cellValueOf, cellFormulaOf, displayFormula } from "./snapshot";
export { applyPlan, planProblems } from "./apply";
export type { ApplyReport } from "./apply";
export { newWorkbook, toBuffer, CREATOR } from "./write";
export { copyWorksheet, type CopyOptions } from "./copy-sheet";
export { PlanError } from "../../core/plan/plan-error";
