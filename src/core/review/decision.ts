import type { Finding } from "../findings/finding";
import type { Lang } from "../findings/format";
import { err, ok, type Result } from "../result";
import { findingFields, isIsoTime, type DecisionStatus, type ReviewEntry } from "./entry";

/** A person's decision on one finding. */
export interface Decision {
  readonly status: DecisionStatus;
  /** Required for `accepted` (why the figure is right) and `sentBack` (what to correct); optional for `fixed`. */
  readonly note?: string;
}

/** Why a decision cannot be recorded: bad input from a person, returned as a value. */
export type DecisionProblem =
  | { readonly code: "explanationRequired" }
  | { readonly code: "correctionRequired" }
  | { readonly code: "reviewerRequired" }
  | { readonly code: "unknownFinding"; readonly findingId: string };

const TEXT: Record<Lang, { [C in DecisionProblem["code"]]: (p: Extract<DecisionProblem, { code: C }>) => string }> = {
  zh: {
    explanationRequired: () => "确认无误需要填写说明：为什么这个数值是对的。",
    correctionRequired: () => "退回修改需要写明要更正什么。",
    reviewerRequired: () => "请填写审核人姓名。",
    unknownFinding: (p) => `找不到问题 ${p.findingId}：它可能已经不再出现，请重新校验。`,
  },
  en: {
    explanationRequired: () => "Accepting needs an explanation: why the figure is right.",
    correctionRequired: () => "Sending back needs a note saying what to correct.",
    reviewerRequired: () => "Enter the reviewer's name.",
    unknownFinding: (p) => `Finding ${p.findingId} was not found: it may no longer occur. Check again.`,
  },
};

/** A decision problem in the reader's language. */
export function decisionProblemText(p: DecisionProblem, lang: Lang = "zh"): string {
  return (TEXT[lang][p.code] as (p: DecisionProblem) => string)(p);
}

/**
 * The log row for a person's decision on `finding`, or why it cannot be recorded.
 * Throws only on programmer misuse: `at` must be an ISO 8601 time.
 */
export function decisionEntry(finding: Finding, decision: Decision, who: string, at: string, messageZh: string): Result<ReviewEntry, DecisionProblem> {
  if (!isIsoTime(at)) throw new Error(`decisionEntry: "${at}" is not an ISO 8601 time`);
  const note = (decision.note ?? "").trim();
  const reviewer = who.trim();
  if (decision.status === "accepted" && !note) return err({ code: "explanationRequired" });
  if (decision.status === "sentBack" && !note) return err({ code: "correctionRequired" });
  if (!reviewer) return err({ code: "reviewerRequired" });
  return ok({ at, status: decision.status, note, who: reviewer, ...findingFields(finding, messageZh) });
}
