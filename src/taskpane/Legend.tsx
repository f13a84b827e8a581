import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { COLORS } from "../core/sheet/layout";
import { t, type Lang } from "./i18n";

export const SEVERITIES = ["error", "warning", "info"] as const;
export type PaneSeverity = (typeof SEVERITIES)[number];

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  item: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
});

/** A small square in a severity's flag fill, as the cells get it. */
export function Swatch(props: { severity: PaneSeverity }): React.JSX.Element {
  return (
    <span
      aria-hidden="true"
      data-severity={props.severity}
      style={{
        display: "inline-block",
        flexShrink: 0,
        width: "12px",
        height: "12px",
        backgroundColor: COLORS[props.severity],
        border: `1px solid ${tokens.colorNeutralStroke1}`,
      }}
    />
  );
}

/** What the cell fills mean, in the colours the flags use. */
export function Legend(props: { lang: Lang }): React.JSX.Element {
  const styles = useStyles();
  const { lang } = props;
  return (
    <ul className={styles.list} aria-label={t(lang, "legend.label")}>
      {SEVERITIES.map((s) => (
        <li key={s} className={styles.item}>
          <Swatch severity={s} />
          <Caption1>{t(lang, `legend.${s}`)}</Caption1>
        </li>
      ))}
    </ul>
  );
}
