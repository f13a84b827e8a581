import type { Lang } from "../findings/format";
import type { SheetSnapshot } from "../grid";
import type { SheetPlan, WritePlan } from "../plan/write-plan";
import { err, ok, type Result } from "../result";
import { flagPlan } from "../sheet/plan-flags";
import { decisionEntry, type Decision, type DecisionProblem } from "./decision";
import type { ReviewEntry } from "./entry";
import { reviewLogPlan, type LogProblem } from "./log";
import { opinionSheetPlans, type OpinionSheet } from "./opinion-sheet";
import { reviewState, reviewStatuses, type ReviewState } from "./reconcile";
import { reviewSummary, type ReviewSummary } from "./summary";
import { reviewSummarySheetPlan } from "./summary-sheet";
import { findingMessage } from "./text";
import { analyzeWorkbook, type WorkbookAnalysis } from "../analysis";

/**
 * What the review does, as pure functions from what was read to what to write, like `core/check-job.ts`.
 * The pane reads every sheet (the hidden ones too) in one round trip, calls one of these, applies the
 * plan, and reads again before the next action (the log is appended below the rows it last saw).
 * None of these plans writes a value into a cell holding a person's input: they write the very hidden
 * log, flags (fills, notes, the check column) and Huishen's own report sheets.
 */

export interface ReviewRead {
  readonly sheets: readonly SheetSnapshot[];
}

export interface ReviewOptions {
  /** Language of flags and report sheets; the log is always Chinese. */
  readonly lang?: Lang;
}

export interface LoadedReview {
  readonly found: WorkbookAnalysis;
  readonly log: readonly ReviewEntry[];
  readonly state: ReviewState;
  readonly summary: ReviewSummary;
  /** What is wrong with the log (审核记录异常): shown in the pane and by review-report, never skipped silently. */
  readonly logProblems: readonly LogProblem[];
}

/**
 * The review as it stands: findings of the workbook against its log, reconciled at `at`.
 * Nothing is written; `state.events` are what a refresh would append.
 *
 * @example
 * const { state, summary } = loadReview(read, new Date().toISOString());
 * state.items.map((r) => [r.finding.id, r.status]);
 */
export function loadReview(read: ReviewRead, at: string): LoadedReview {
  const found = analyzeWorkbook(read.sheets);
  const state = reviewState(found.findings, found.log, { at, templates: found.templates });
  return { found, log: found.log, state, summary: reviewSummary(state), logProblems: found.logProblems };
}

export interface DecisionPlan {
  /** The log rows (pending system events, then the decision) and the flags with the new statuses. */
  readonly plan: WritePlan;
  /** The review after the decision. */
  readonly state: ReviewState;
  readonly entry: ReviewEntry;
}

/**
 * Record a person's decision on one finding: accept it (explanation required), send it back (what to
 * correct required) or mark it fixed. Deciding again later adds another row; nothing is rewritten.
 *
 * @example
 * const r = planDecision(read, id, { status: "accepted", note: "含上年结转案件" }, "张三", "2025-03-01T10:00:00+08:00");
 * if (r.ok) await host.apply(r.value.plan); else show(decisionProblemText(r.error, lang));
 */
export function planDecision(read: ReviewRead, findingId: string, decision: Decision, who: string, at: string, opts: ReviewOptions = {}): Result<DecisionPlan, DecisionProblem> {
  const { found, log, state: before } = loadReview(read, at);
  const item = before.items.find((r) => r.finding.id === findingId);
  if (!item) return err({ code: "unknownFinding", findingId });
  const entry = decisionEntry(item.finding, decision, who, at, findingMessage(item.finding, found.templates, "zh"));
  if (!entry.ok) return entry;
  const appended = [...before.events, entry.value];
  const state = reviewState(found.findings, [...log, ...appended], { at, templates: found.templates });
  const flags = flagPlan(found.sheets, found.findings, read.sheets, opts.lang ?? "zh", reviewStatuses(state));
  return ok({ plan: { sheets: [...flags.sheets, reviewLogPlan(appended, read.sheets)!] }, state, entry: entry.value });
}

export interface RefreshPlan {
  /** System events appended to the log, flags with review statuses, and the 审核汇总 sheet (replaced). */
  readonly plan: WritePlan;
  readonly state: ReviewState;
  readonly summary: ReviewSummary;
}

/**
 * Re-check the workbook against the log: close findings that no longer occur, reopen those whose
 * figures changed, repaint the flags (accepted findings muted) and regenerate 审核汇总.
 * Refreshing twice appends nothing the second time.
 */
export function planReviewRefresh(read: ReviewRead, at: string, opts: ReviewOptions = {}): RefreshPlan {
  const { found, state, summary } = loadReview(read, at);
  const lang = opts.lang ?? "zh";
  const flags = flagPlan(found.sheets, found.findings, read.sheets, lang, reviewStatuses(state));
  const log = reviewLogPlan(state.events, read.sheets);
  const sheets: SheetPlan[] = [...flags.sheets, ...(log ? [log] : []), reviewSummarySheetPlan(state, read.sheets, { at, lang, templates: found.templates })];
  return { plan: { sheets }, state, summary };
}

export interface ReportPlan {
  /** 审核汇总 and every district's 审核意见 sheet (replaced); nothing else in the workbook changes. */
  readonly plan: WritePlan;
  readonly opinions: readonly OpinionSheet[];
  readonly review: LoadedReview;
}

/**
 * The review's reports: 审核汇总, and 审核意见-<区县> for each district with findings sent back.
 * The log is not written: the state is reconciled at `at` for the report only.
 */
export function planReviewReport(read: ReviewRead, at: string, opts: ReviewOptions = {}): ReportPlan {
  const review = loadReview(read, at);
  const ctx = { at, lang: opts.lang ?? "zh", templates: review.found.templates };
  const summarySheet = reviewSummarySheetPlan(review.state, read.sheets, ctx);
  const opinions = opinionSheetPlans(review.state, read.sheets, ctx);
  return { plan: { sheets: [summarySheet, ...opinions.map((o) => o.plan)] }, opinions, review };
}

