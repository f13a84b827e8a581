import * as React from "react";
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReviewCounts, ReviewSummary as Summary } from "../core/review";
import { t, type Lang } from "./i18n";
import { aside } from "../core/text/wording";
import { REVIEW_STATUSES } from "./review-rows";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  counts: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  count: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  sep: { color: tokens.colorNeutralForeground3 },
  muted: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular, whiteSpace: "nowrap" },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, tableLayout: "auto" },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXXS },
  th: {
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "bottom",
  },
  td: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  rowHead: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  zero: { color: tokens.colorNeutralForeground4 },
  total: { fontWeight: tokens.fontWeightSemibold },
});

type StatusKey = Exclude<keyof ReviewCounts, "reopened" | "total">;

/** The review in numbers: a line of counts by status, then a compact table by district (as 审核汇总 has it). */
export function ReviewSummary(props: { summary: Summary; lang: Lang }): React.JSX.Element {
  const { summary, lang } = props;
  const styles = useStyles();
  const statuses = REVIEW_STATUSES as readonly StatusKey[];
  const cell = (n: number, bold = false) => <td className={mergeClasses(styles.td, styles.num, n === 0 && styles.zero, bold && styles.total)}>{n}</td>;

  return (
    <div className={styles.root}>
      <div className={styles.counts} role="status" aria-label={t(lang, "review.summary")}>
        {statuses.map((s, i) => (
          <React.Fragment key={s}>
            {i > 0 && (
              <span aria-hidden="true" className={styles.sep}>
                ·
              </span>
            )}
            <span className={styles.count} data-count={s}>
              {`${t(lang, `review.status.${s}`)} ${summary.total[s]}`}
              {s === "open" && summary.total.reopened > 0 && (
                <span className={styles.muted} data-count="reopened">
                  {aside(t(lang, "review.reopenedCount", { count: summary.total.reopened }), lang)}
                </span>
              )}
            </span>
          </React.Fragment>
        ))}
      </div>
      {summary.byDistrict.length > 0 && (
        <table className={styles.table}>
          <caption className={styles.caption}>
            <Caption1>{t(lang, "review.byDistrict")}</Caption1>
          </caption>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.th, styles.rowHead)}>
                {t(lang, "review.colDistrict")}
              </th>
              {statuses.map((s) => (
                <th key={s} scope="col" className={mergeClasses(styles.th, styles.num)}>
                  {t(lang, `review.status.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.byDistrict.map(({ district, counts }) => (
              <tr key={district} data-district={district}>
                <th scope="row" className={mergeClasses(styles.td, styles.rowHead)}>
                  {district}
                </th>
                {statuses.map((s) => (
                  <React.Fragment key={s}>{cell(counts[s])}</React.Fragment>
                ))}
              </tr>
            ))}
            {summary.byDistrict.length > 1 && (
              <tr>
                <th scope="row" className={mergeClasses(styles.td, styles.rowHead)}>
                  {t(lang, "review.total")}
                </th>
                {statuses.map((s) => (
                  <React.Fragment key={s}>{cell(summary.total[s], true)}</React.Fragment>
                ))}
              </tr>
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
