import type { Finding } from "../findings/finding";
import { SYSTEM_REVIEWER, findingFields, isIsoTime, type DecisionStatus, type ReviewEntry } from "./entry";
import { findingMessage, type TemplateLookup } from "./text";

/** Where a current finding stands. `accepted` findings do not count as open but stay visible. */
export type CurrentStatus = "open" | DecisionStatus;
export type ReviewStatus = CurrentStatus | "closed";

export interface FindingReview {
  readonly finding: Finding;
  readonly status: CurrentStatus;
  /** Open again because its values changed since the decision (or it came back after being closed). */
  readonly reopened: boolean;
  /** The decision in force; undefined while open. */
  readonly decision?: ReviewEntry;
  /** When reopened: the decision that no longer holds. */
  readonly previous?: ReviewEntry;
  /** Every log row of this finding, oldest first (events of this reconciliation included). */
  readonly history: readonly ReviewEntry[];
}

/** A finding decided before that no longer occurs. Its fields come from the log. */
export interface ClosedReview {
  readonly findingId: string;
  readonly status: "closed";
  /** The last row of the finding (the closing event): district, sheet, codes, cells and message as last seen. */
  readonly last: ReviewEntry;
  /** The last decision a person took before it closed. */
  readonly decision?: ReviewEntry;
  readonly history: readonly ReviewEntry[];
}

export interface ReviewState {
  /** Every current finding, in the order given. */
  readonly items: readonly FindingReview[];
  readonly closed: readonly ClosedReview[];
  /** System events (closed, reopened) to append to the log: empty when nothing changed since the last reconciliation. */
  readonly events: readonly ReviewEntry[];
}

export interface ReconcileContext {
  /** ISO 8601 time stamped on the events. */
  readonly at: string;
  /** To write a reopened finding's current message into its event. */
  readonly templates: TemplateLookup;
}

const isDecision = (e: ReviewEntry): boolean => e.status === "accepted" || e.status === "sentBack" || e.status === "fixed";

/**
 * Findings of now against the log: a finding keeps its decision while its values (`valueKey`) stay
 * the same, is reopened when they changed, and is closed when it no longer occurs. The latest row of
 * a finding decides; a `reopened` or `closed` row ends the decision before it. Events are only
 * produced where the state changes, so reconciling again after appending them adds nothing.
 *
 * `findings` must be every finding of the workbook (see `analyzeWorkbook`): a logged finding
 * missing from them is closed.
 *
 * @example
 * const { state } = reviewState(findings, readReviewLog(sheets), { at, templates });
 * state.items.filter((r) => r.status === "sentBack");
 */
export function reviewState(findings: readonly Finding[], log: readonly ReviewEntry[], ctx: ReconcileContext): ReviewState {
  if (!isIsoTime(ctx.at)) throw new Error(`reviewState: "${ctx.at}" is not an ISO 8601 time`);
  const byId = new Map<string, ReviewEntry[]>();
  for (const e of log) {
    const list = byId.get(e.findingId);
    if (list) list.push(e);
    else byId.set(e.findingId, [e]);
  }
  const events: ReviewEntry[] = [];
  const items: FindingReview[] = [];
  const current = new Set<string>();

  for (const f of findings) {
    if (current.has(f.id)) continue; // the same finding twice: the first one counts
    current.add(f.id);
    const history = byId.get(f.id) ?? [];
    const last = history[history.length - 1];
    const lastDecision = [...history].reverse().find(isDecision);
    if (!last) {
      items.push({ finding: f, status: "open", reopened: false, history });
    } else if (isDecision(last) && last.valueKey === f.valueKey) {
      items.push({ finding: f, status: last.status as DecisionStatus, reopened: false, decision: last, history });
    } else if (last.status === "reopened") {
      items.push({ finding: f, status: "open", reopened: true, previous: lastDecision, history });
    } else {
      // Values changed since the decision, or the finding came back after it closed.
      const why = last.status === "closed" ? `问题再次出现（${f.valueKey}）` : `数值已改变：${last.valueKey} → ${f.valueKey}`;
      const event: ReviewEntry = { at: ctx.at, status: "reopened", note: why, who: SYSTEM_REVIEWER, ...findingFields(f, findingMessage(f, ctx.templates, "zh")) };
      events.push(event);
      items.push({ finding: f, status: "open", reopened: true, previous: lastDecision, history: [...history, event] });
    }
  }

  const closed: ClosedReview[] = [];
  for (const [findingId, history] of byId) {
    if (current.has(findingId)) continue;
    const last = history[history.length - 1];
    const decision = [...history].reverse().find(isDecision);
    if (last.status === "closed") {
      closed.push({ findingId, status: "closed", last, decision, history });
      continue;
    }
    const event: ReviewEntry = { ...last, at: ctx.at, status: "closed", note: "问题不再出现", who: SYSTEM_REVIEWER };
    events.push(event);
    closed.push({ findingId, status: "closed", last: event, decision, history: [...history, event] });
  }
  return { items, closed, events };
}

/** Each current finding's status and decision note, as `flagPlan` takes them. */
export function reviewStatuses(state: ReviewState): Map<string, { readonly status: CurrentStatus; readonly note?: string }> {
  return new Map(state.items.map((r) => [r.finding.id, { status: r.status, note: r.decision?.note }]));
}

/** Still needs someone: open, sent back, or marked fixed while the finding still occurs unchanged. */
export function isOutstanding(r: FindingReview): boolean {
  return r.status !== "accepted";
}
