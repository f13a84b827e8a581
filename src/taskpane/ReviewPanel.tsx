import * as React from "react";
import { Body1, Button, Caption1, Link, MessageBar, MessageBarBody, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookHost } from "../core/host";
import type { Decision, DecisionProblem } from "../core/review";
import { ActionStatus } from "./ActionStatus";
import { DecisionForm } from "./DecisionForm";
import { message, t, type Lang, type MessageKey } from "./i18n";
import { ReviewFilters } from "./ReviewFilters";
import { ReviewItem } from "./ReviewItem";
import { ReviewerName, useReviewerName } from "./ReviewerName";
import { DEFAULT_FILTER, filterChoices, visibleRows, type ReviewFilter, type ReviewRow } from "./review-rows";
import { LogProblems } from "./LogProblems";
import { ReviewSummary } from "./ReviewSummary";
import type { HostAction } from "./useHostAction";
import { useReview } from "./useReview";
import { SECTION_STYLES } from "./section-styles";

const useStyles = makeStyles({
  ...SECTION_STYLES,
  sheets: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  nav: { display: "flex", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  position: { flexGrow: 1, color: tokens.colorNeutralForeground3, fontVariantNumeric: "tabular-nums" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
});

type Notice = { readonly intent: "success" | "info"; readonly key: MessageKey; readonly params?: Readonly<Record<string, string | number>> };

/** Scroll an element into view where the browser can (jsdom cannot). */
function reveal(el: HTMLElement | undefined): void {
  if (el && typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "nearest" });
}

/**
 * 审核: every finding of the workbook under review — filter, walk with the keyboard (the cell follows),
 * decide (确认无误 / 退回修改 / 已更正, kept in the workbook's log), 重新校验 (closed, reopened), the
 * counts, and 生成审核意见 (审核汇总 and one 审核意见 sheet per district with findings sent back).
 * No review action writes a cell holding a person's input: the plans come from `core/review`.
 */
export function ReviewPanel(props: { host: WorkbookHost; lang: Lang; action: HostAction }): React.JSX.Element {
  const { host, lang, action } = props;
  const styles = useStyles();
  const headingId = React.useId();
  const review = useReview(host, lang, action);
  const [reviewer, setReviewer] = useReviewerName();
  const [filter, setFilter] = React.useState<ReviewFilter>(DEFAULT_FILTER);
  const [selectedId, setSelectedId] = React.useState<string>();
  const [notice, setNotice] = React.useState<Notice>();
  const [written, setWritten] = React.useState<readonly string[]>();
  const summaries = React.useRef(new Map<string, HTMLDivElement>());
  // After a decision took the current item off the list: focus the one that took its place.
  const focusNext = React.useRef<string | undefined>(undefined);

  const rows = review.rows;
  const visible = React.useMemo(() => (rows ? visibleRows(rows, filter) : []), [rows, filter]);
  const choices = React.useMemo(() => (rows && review.data ? filterChoices(rows, review.data.loaded.found.templates.values(), lang) : undefined), [rows, review.data, lang]);
  const index = visible.findIndex((r) => r.id === selectedId);
  const current = index >= 0 ? visible[index] : undefined;

  React.useEffect(() => {
    const id = focusNext.current;
    if (!id) return;
    focusNext.current = undefined;
    summaries.current.get(id)?.focus();
  });

  const selectCells = (row: ReviewRow) => {
    if (row.cells.length === 0) return;
    host.select(row.sheet, row.cells).catch((e: unknown) => action.report("review", e));
  };

  /** Make `row` the current finding and select its cells; `focus` moves keyboard focus to it. */
  const go = (row: ReviewRow, focus: boolean) => {
    setSelectedId(row.id);
    const el = summaries.current.get(row.id);
    if (focus) el?.focus();
    else reveal(el);
    selectCells(row);
  };

  const move = (to: "previous" | "next" | "first" | "last", focus: boolean) => {
    if (visible.length === 0) return;
    const last = visible.length - 1;
    const i = to === "first" ? 0 : to === "last" ? last : index < 0 ? (to === "next" ? 0 : last) : Math.min(last, Math.max(0, index + (to === "next" ? 1 : -1)));
    go(visible[i], focus);
  };

  const start = () => {
    setNotice(undefined);
    setWritten(undefined);
    void review.load();
  };

  const refresh = async () => {
    setNotice(undefined);
    setWritten(undefined);
    const r = await review.refresh();
    if (r) setNotice({ intent: "success", key: "review.refreshed", params: r });
  };

  const report = async () => {
    setNotice(undefined);
    setWritten(undefined);
    const r = await review.report();
    if (!r) return;
    setWritten(r.sheets);
    if (r.opinions === 0) setNotice({ intent: "info", key: "review.reportedNone" });
  };

  const decide = async (row: ReviewRow, decision: Decision): Promise<"done" | "failed" | DecisionProblem> => {
    setNotice(undefined);
    const before = visible;
    const outcome = await review.decide(row.id, decision, reviewer);
    if (!outcome) return "failed";
    if (!outcome.ok) return outcome.problem;
    // Still listed (sent back under 未处理完): stay on it. Otherwise go on to the next one still listed.
    const after = visibleRows(outcome.rows, filter);
    if (!after.some((r) => r.id === row.id)) {
      const at = before.findIndex((r) => r.id === row.id);
      const listed = new Set(after.map((r) => r.id));
      const next = [...before.slice(at + 1), ...before.slice(0, at).reverse()].find((r) => listed.has(r.id));
      if (next) {
        const nextRow = after.find((r) => r.id === next.id)!;
        setSelectedId(nextRow.id);
        focusNext.current = nextRow.id;
        selectCells(nextRow);
      }
    }
    return "done";
  };

  const open = (sheet: string) => {
    host.select(sheet, ["A1"]).catch((e: unknown) => action.report("review", e));
  };

  const loaded = review.data !== undefined && rows !== undefined;
  const tabbableId = current?.id ?? visible[0]?.id;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t(lang, "review.heading")}
      </Subtitle1>
      <Body1 className={styles.hint}>{t(lang, "review.intro")}</Body1>
      <ReviewerName lang={lang} name={reviewer} onChange={setReviewer} />
      <div className={styles.buttons}>
        {!loaded ? (
          <Button appearance="primary" disabled={action.busy} onClick={start}>
            {t(lang, "review.start")}
          </Button>
        ) : (
          <>
            <Button appearance="primary" disabled={action.busy} onClick={() => void refresh()}>
              {t(lang, "review.refresh")}
            </Button>
            <Button disabled={action.busy} onClick={() => void report()}>
              {t(lang, "review.report")}
            </Button>
          </>
        )}
      </div>
      <ActionStatus action={action} owner="review" lang={lang} />
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody className={styles.wrap}>{message(lang, notice.key, notice.params)}</MessageBarBody>
        </MessageBar>
      )}
      {written && written.length > 0 && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody className={styles.wrap}>
            {t(lang, "review.reported")}
            <ul className={styles.sheets} aria-label={t(lang, "review.reported")}>
              {written.map((name) => (
                <li key={name}>
                  <Link as="button" onClick={() => open(name)}>
                    {name}
                  </Link>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {loaded && review.data && rows && choices && (
        <>
          <LogProblems problems={review.data.loaded.logProblems} lang={lang} />
          <ReviewSummary summary={review.data.loaded.summary} lang={lang} />
          {rows.length === 0 ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody className={styles.wrap}>{t(lang, "review.noFindings")}</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <ReviewFilters lang={lang} value={filter} onChange={setFilter} districts={choices.districts} dimensions={choices.dimensions} />
              <div className={styles.nav}>
                <Caption1 className={styles.position} aria-live="polite">
                  {current ? t(lang, "review.position", { index: index + 1, count: visible.length }) : t(lang, "review.positionNone", { count: visible.length })}
                </Caption1>
                <Button size="small" disabled={visible.length === 0 || index === 0} onClick={() => move("previous", false)}>
                  {t(lang, "review.previous")}
                </Button>
                <Button size="small" disabled={visible.length === 0 || index === visible.length - 1} onClick={() => move("next", false)}>
                  {t(lang, "review.next")}
                </Button>
              </div>
              <Caption1 className={styles.hint}>{t(lang, "review.keysHint")}</Caption1>
              {visible.length === 0 ? (
                <Body1 className={styles.hint}>{t(lang, "review.empty")}</Body1>
              ) : (
                <ol className={styles.list} aria-label={t(lang, "review.listLabel", { count: visible.length })}>
                  {visible.map((row) => (
                    <ReviewItem
                      key={row.id}
                      row={row}
                      lang={lang}
                      selected={row.id === current?.id}
                      tabbable={row.id === tabbableId}
                      onActivate={() => go(row, true)}
                      onMove={(to) => move(to, true)}
                      summaryRef={(el) => {
                        if (el) summaries.current.set(row.id, el);
                        else summaries.current.delete(row.id);
                      }}
                    >
                      {row.id === current?.id &&
                        (row.decidable ? (
                          <DecisionForm key={row.id} lang={lang} disabled={action.busy} onDecide={(d) => decide(row, d)} />
                        ) : (
                          <Caption1 className={styles.hint}>{t(lang, "review.closedHint")}</Caption1>
                        ))}
                    </ReviewItem>
                  ))}
                </ol>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
