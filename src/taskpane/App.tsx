import * as React from "react";
import { Body1, Caption1, Subtitle2, Title2, makeStyles, tokens } from "@fluentui/react-components";

/** One thing Huishen does, in Chinese with an English second line. */
interface Feature {
  readonly zhTitle: string;
  readonly zh: string;
  readonly enTitle: string;
  readonly en: string;
}

const FEATURES: readonly Feature[] = [
  {
    zhTitle: "填报校验",
    zh: "按指标编码定位各区县的填报数据，检查口径、勾稽关系和精度。",
    enTitle: "Validate",
    en: "Finds each district's figures by indicator code and checks definitions, cross-figure consistency and precision.",
  },
  {
    zhTitle: "汇总排名",
    zh: "以可读的 Excel 公式生成全市合计、比率和排名。",
    enTitle: "Consolidate and rank",
    en: "Builds city totals, rates and ranks as Excel formulas anyone can read.",
  },
  {
    zhTitle: "审核",
    zh: "逐条查看发现的问题并记录审核意见，重新校验后意见仍然保留。",
    enTitle: "Review",
    en: "Goes through each finding and records a decision that survives re-validation.",
  },
];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
  },
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
  },
  logo: { width: "48px", height: "48px", flexShrink: 0 },
  heading: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  flush: { margin: 0 },
  secondary: { color: tokens.colorNeutralForeground3 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteTealBorderActive}`,
  },
});

/** The task pane's welcome: what Huishen is for. */
export function App(): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/logo-filled.png" alt="" />
        <div className={styles.heading}>
          <Title2 as="h1" className={styles.flush}>汇审 Huishen</Title2>
          <Body1>法治政府建设指标校验与汇总</Body1>
          <Caption1 lang="en" className={styles.secondary}>
            Checking and consolidating law-based government indicators
          </Caption1>
        </div>
      </header>
      <ul className={styles.list}>
        {FEATURES.map((f) => (
          <li key={f.enTitle} className={styles.item}>
            <Subtitle2 as="h2" className={styles.flush}>{f.zhTitle}</Subtitle2>
            <Body1>{f.zh}</Body1>
            <Caption1 lang="en" className={styles.secondary}>
              <strong>{f.enTitle}.</strong> {f.en}
            </Caption1>
          </li>
        ))}
      </ul>
    </main>
  );
}
