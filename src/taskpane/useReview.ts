import * as React from "react";
import type { WorkbookHost } from "../core/host";
import type { SheetSnapshot } from "../core/grid";
import { loadReview, localIso, planDecision, planReviewRefresh, planReviewReport, type Decision, type DecisionProblem, type LoadedReview } from "../core/review";
import type { Lang } from "./i18n";
import { reviewRows, type ReviewRow } from "./review-rows";
import type { HostAction } from "./useHostAction";

/** The review as last read: what `loadReview` made of the workbook, and the sheets it was made from. */
export interface ReviewData {
  readonly loaded: LoadedReview;
  readonly sheets: readonly SheetSnapshot[];
}

export type DecideOutcome = { readonly ok: true; readonly rows: readonly ReviewRow[] } | { readonly ok: false; readonly problem: DecisionProblem };

export interface ReviewApi {
  readonly data?: ReviewData;
  /** Every row (current and closed), in the current language; undefined until loaded. */
  readonly rows?: readonly ReviewRow[];
  /** Read the workbook and show its review (writes nothing). */
  load(): Promise<void>;
  /** Record a decision, then read again; the problem when the core refuses it (no note, no name…). */
  decide(findingId: string, decision: Decision, who: string): Promise<DecideOutcome | undefined>;
  /** 重新校验: append closed/reopened events, repaint the flags, regenerate 审核汇总; read again. */
  refresh(): Promise<{ closed: number; reopened: number } | undefined>;
  /** 生成审核意见: write 审核汇总 and the districts' 审核意见 sheets; their names. */
  report(): Promise<{ sheets: string[]; opinions: number } | undefined>;
}

/** Now, as a local time with its offset: the core never reads the clock. */
export function reviewTime(date: Date = new Date()): string {
  return localIso(date, -date.getTimezoneOffset());
}

/** Let the browser paint the spinner before the engine takes the thread. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The 审核 section's data and actions, each run through the pane's `HostAction` (one at a time,
 * errors shown in the section). Every write is a plan from `core/review`; after one is applied the
 * workbook is read again, since the log is appended below the rows last read.
 */
export function useReview(host: WorkbookHost, lang: Lang, action: HostAction): ReviewApi {
  const [data, setData] = React.useState<ReviewData>();
  const rows = React.useMemo(() => (data ? reviewRows(data.loaded, data.sheets, lang) : undefined), [data, lang]);

  const reload = React.useCallback(async (): Promise<ReviewData> => {
    const read = await host.read();
    await nextFrame();
    const next = { loaded: loadReview(read, reviewTime()), sheets: read.sheets };
    setData(next);
    return next;
  }, [host, lang]);

  const load = React.useCallback(async () => {
    await action.run({ owner: "review", label: "review.loading" }, reload);
  }, [action, reload]);

  const decide = React.useCallback(
    (findingId: string, decision: Decision, who: string) =>
      action.run({ owner: "review", label: "review.deciding" }, async (progress): Promise<DecideOutcome> => {
        const read = await host.read();
        const planned = planDecision(read, findingId, decision, who, reviewTime(), { lang });
        if (!planned.ok) return { ok: false, problem: planned.error };
        await host.apply(planned.value.plan, progress);
        const next = await reload();
        return { ok: true, rows: reviewRows(next.loaded, next.sheets, lang) };
      }),
    [action, host, lang, reload],
  );

  const refresh = React.useCallback(
    () =>
      action.run({ owner: "review", label: "review.refreshing" }, async (progress) => {
        const read = await host.read();
        await nextFrame();
        const { plan, state } = planReviewRefresh(read, reviewTime(), { lang });
        await host.apply(plan, progress);
        await reload();
        return {
          closed: state.events.filter((e) => e.status === "closed").length,
          reopened: state.events.filter((e) => e.status === "reopened").length,
        };
      }),
    [action, host, lang, reload],
  );

  const report = React.useCallback(
    () =>
      action.run({ owner: "review", label: "review.reporting" }, async (progress) => {
        const read = await host.read();
        await nextFrame();
        const { plan, opinions } = planReviewReport(read, reviewTime(), { lang });
        await host.apply(plan, progress);
        return { sheets: plan.sheets.map((s) => s.name), opinions: opinions.filter((o) => o.items > 0).length };
      }),
    [action, host, lang],
  );

  return { data, rows, load, decide, refresh, report };
}
