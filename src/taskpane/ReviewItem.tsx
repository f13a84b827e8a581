import * as React from "react";
import { Badge, Body1, Body1Strong, Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { displayTime, type ReviewEntry, type ReviewStatus } from "../core/review";
import { ACCEPTED_FILL } from "../core/sheet/plan-flags";
import { t, type Lang } from "./i18n";
import { Swatch } from "./Legend";
import type { ReviewRow } from "./review-rows";
import { MARKS, aside } from "../core/text/wording";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    minWidth: 0,
    overflowWrap: "anywhere",
    whiteSpace: "normal",
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, boxShadow: tokens.shadow4 },
  summary: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
    cursor: "pointer",
    borderRadius: tokens.borderRadiusSmall,
    ":focus": { outlineStyle: "none" },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  details: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { display: "flex", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  name: { flexGrow: 1, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  facts: { margin: 0, display: "grid", gridTemplateColumns: "auto minmax(0, 1fr)", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  term: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap" },
  def: { margin: 0, minWidth: 0, fontVariantNumeric: "tabular-nums" },
  decision: { borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalS, minWidth: 0 },
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  /** The muted mark an accepted finding's cell gets instead of its severity's fill. */
  mutedSwatch: { display: "inline-block", flexShrink: 0, width: "12px", height: "12px", backgroundColor: ACCEPTED_FILL, border: `1px solid ${tokens.colorNeutralStroke1}` },
  toggle: { alignSelf: "flex-start", minWidth: 0, paddingLeft: 0 },
});

const STATUS_COLOR: Record<ReviewStatus, "brand" | "danger" | "informative" | "success" | "subtle"> = {
  open: "brand",
  sentBack: "danger",
  fixed: "informative",
  accepted: "success",
  closed: "subtle",
};

function stroke(row: ReviewRow): string {
  if (row.status === "accepted" || row.status === "closed" || !row.severity) return tokens.colorNeutralStroke1;
  return row.severity === "error" ? tokens.colorPaletteRedBorderActive : row.severity === "warning" ? tokens.colorPaletteMarigoldBorderActive : tokens.colorPaletteBlueBorderActive;
}

/** An indicator as the pane names it: 直接纠错率（E05）; the whole sheet for a finding without one. */
export function indicatorLabel(row: ReviewRow, lang: Lang): string {
  if (!row.code) return t(lang, "findings.sheetLevel");
  if (!row.indicator) return row.code;
  return `${row.indicator}${aside(row.code, lang)}`;
}

/** One log row: 确认无误 · 张三 · 2025-03-01 10:00：含上年结转案件. */
export function entryText(e: ReviewEntry, lang: Lang): string {
  const by = t(lang, "review.decisionBy", { who: e.who, at: displayTime(e.at) });
  return `${t(lang, `review.entry.${e.status}`)} · ${by}${e.note ? `${MARKS[lang].colon}${e.note}` : ""}`;
}

export interface ReviewItemProps {
  readonly row: ReviewRow;
  readonly lang: Lang;
  readonly selected: boolean;
  /** In the tab order: the selected item, or the first when none is. */
  readonly tabbable: boolean;
  /** Click, Enter or Space: make it the current finding and select its cells. */
  readonly onActivate: () => void;
  /** ↑/↓, J/K, Home/End on the item. */
  readonly onMove: (to: "previous" | "next" | "first" | "last") => void;
  readonly summaryRef: (el: HTMLDivElement | null) => void;
  /** The decision form, under the selected item. */
  readonly children?: React.ReactNode;
}

/**
 * One finding under review: indicator, district and where, its status (and 重新打开), the value as
 * typed, why it is flagged, the district's remark, the decision in force, and the audit trail behind
 * a toggle. The summary is the focusable part (a button: clicking selects the cells); the history
 * toggle and the decision form sit beside it, never inside it.
 */
export function ReviewItem(props: ReviewItemProps): React.JSX.Element {
  const { row, lang, selected, tabbable, onActivate, onMove, summaryRef, children } = props;
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const historyId = React.useId();
  const detailsId = React.useId();
  const statusText = t(lang, `review.status.${row.status}`);
  const where = row.cells.length > 0 ? t(lang, "findings.where", { district: row.district, sheet: row.sheet, cells: row.cells.join(t(lang, "findings.cellsSep")) }) : `${row.district} · ${row.sheet}`;

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const moves: Record<string, "previous" | "next" | "first" | "last"> = { ArrowUp: "previous", k: "previous", K: "previous", ArrowDown: "next", j: "next", J: "next", Home: "first", End: "last" };
    const to = moves[e.key];
    if (to) {
      e.preventDefault();
      onMove(to);
    } else if (e.key === "Enter" || e.key === " " || e.key === "Spacebar") {
      e.preventDefault();
      onActivate();
    }
  };

  return (
    <li className={mergeClasses(styles.item, selected && styles.selected)} style={{ borderLeftColor: stroke(row) }} data-finding={row.id} data-status={row.status}>
      <div
        ref={summaryRef}
        role="button"
        tabIndex={tabbable ? 0 : -1}
        aria-current={selected ? "true" : undefined}
        aria-label={t(lang, "review.itemLabel", {
          indicator: indicatorLabel(row, lang),
          district: row.district,
          status: row.reopened ? `${statusText}${aside(t(lang, "review.reopened"), lang)}` : statusText,
        })}
        aria-describedby={detailsId}
        aria-keyshortcuts="ArrowUp ArrowDown J K Enter"
        className={styles.summary}
        onClick={onActivate}
        onKeyDown={onKeyDown}
      >
        <div className={styles.title}>
          {row.status === "accepted" ? <span aria-hidden="true" className={styles.mutedSwatch} /> : row.severity && <Swatch severity={row.severity} />}
          <Body1Strong className={styles.name}>{indicatorLabel(row, lang)}</Body1Strong>
          <Badge appearance="tint" size="small" color={STATUS_COLOR[row.status]} data-badge="status">
            {statusText}
          </Badge>
          {row.reopened && (
            <Badge appearance="filled" size="small" color="warning" data-badge="reopened">
              {t(lang, "review.reopened")}
            </Badge>
          )}
        </div>
        <div id={detailsId} className={styles.details}>
          <Caption1 className={styles.muted}>{where}</Caption1>
          <dl className={styles.facts}>
            {row.code !== "" && (
              <>
                <dt className={styles.term}>{t(lang, "review.value")}</dt>
                <dd className={styles.def} data-fact="value">
                  {row.value || t(lang, "review.notReported")}
                </dd>
              </>
            )}
            {row.expected && (
              <>
                <dt className={styles.term}>{t(lang, "review.expected")}</dt>
                <dd className={styles.def}>{row.expected}</dd>
              </>
            )}
            {row.median && (
              <>
                <dt className={styles.term}>{t(lang, "review.median")}</dt>
                <dd className={styles.def}>{row.median}</dd>
              </>
            )}
            {row.remark && (
              <>
                <dt className={styles.term}>{t(lang, "review.remark")}</dt>
                <dd className={styles.def} data-fact="remark">
                  {row.remark}
                </dd>
              </>
            )}
          </dl>
          <Body1>{row.message}</Body1>
          {row.decision && (
            <Caption1 className={styles.decision} data-fact="decision">
              {entryText(row.decision, lang)}
            </Caption1>
          )}
          {row.previous && (
            <Caption1 className={mergeClasses(styles.decision, styles.muted)} data-fact="previous">
              {`${t(lang, "review.previousDecision")}${MARKS[lang].colon}${entryText(row.previous, lang)}`}
            </Caption1>
          )}
        </div>
      </div>
      <Button
        className={styles.toggle}
        size="small"
        appearance="transparent"
        icon={<span aria-hidden="true">{open ? "▾" : "▸"}</span>}
        aria-expanded={open}
        aria-controls={historyId}
        onClick={() => setOpen((o) => !o)}
      >
        {t(lang, "review.history", { count: row.history.length })}
      </Button>
      {open && (
        <div id={historyId}>
          {row.history.length === 0 ? (
            <Caption1 className={styles.muted}>{t(lang, "review.historyEmpty")}</Caption1>
          ) : (
            <ol className={styles.history} aria-label={t(lang, "review.history", { count: row.history.length })}>
              {[...row.history].reverse().map((e, i) => (
                <li key={`${e.at}-${i}`}>
                  <Caption1>{entryText(e, lang)}</Caption1>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
      {children}
    </li>
  );
}
