/**
 * The review (审核): leaders decide on flagged findings and the decisions live in the workbook.
 *
 * - the findings a workbook's review is about come from `analyzeWorkbook` (core/analysis.ts), as every door's do
 * - `readReviewLog` / `reviewLogPlan` — the append-only log in the very hidden sheet 汇审审核
 * - `reviewState` — findings of now against the log: statuses, history, closed/reopened events
 * - `reviewSummary` — counts by district × status
 * - `reviewSummarySheetPlan` / `opinionSheetPlans` — the 审核汇总 and 审核意见-<区县> sheets
 * - `loadReview`, `planDecision`, `planReviewRefresh`, `planReviewReport` — what the pane and CLI call
 */
export {
  DECISION_STATUSES,
  ENTRY_STATUSES,
  STATUS_LABEL,
  SYSTEM_REVIEWER,
  displayTime,
  isIsoTime,
  localIso,
  type DecisionStatus,
  type EntryStatus,
  type ReviewEntry,
  type SystemStatus,
} from "./entry";
export { REVIEW_SHEET, readReviewLog, reviewLogPlan, checkReviewLog } from "./log";
export type { LogProblem } from "./log";
export { LOG_PROBLEM_LABEL, logProblemText } from "./log-problem-text";
export { decisionEntry, decisionProblemText, type Decision, type DecisionProblem } from "./decision";
export { isOutstanding, reviewState, reviewStatuses, type ClosedReview, type CurrentStatus, type FindingReview, type ReconcileContext, type ReviewState, type ReviewStatus } from "./reconcile";
export { reviewSummary, type ReviewCounts, type ReviewSummary } from "./summary";
export { SUMMARY_SHEET, reviewSummarySheetPlan, type ReportOptions } from "./summary-sheet";
export { OPINION_PREFIX, opinionSheetPlans, shownValue, type OpinionSheet } from "./opinion-sheet";
export { ownReviewSheets, REVIEW_MARKER_PREFIX, type OwnSheet } from "./own-sheets";
export { findingMessage, indicatorName, subjectCode, type TemplateLookup } from "./text";
export { loadReview, planDecision, planReviewRefresh, planReviewReport, type DecisionPlan, type LoadedReview, type RefreshPlan, type ReportPlan, type ReviewOptions, type ReviewRead } from "./review-job";
