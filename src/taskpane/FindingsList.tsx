import * as React from "react";
import { Body1, Body1Strong, Caption1, CounterBadge, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Finding } from "../core/findings/finding";
import { renderFinding } from "../core/findings/render";
import type { LoadedTemplate } from "../core/template/load";
import { t, type Lang } from "./i18n";
import { SEVERITIES, Swatch, type PaneSeverity } from "./Legend";
import { nameThenCode } from "../core/text/wording";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  sevHeading: { margin: 0, display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  indHeading: { margin: 0, overflowWrap: "anywhere" },
  count: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `${tokens.strokeWidthThickest} solid transparent`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    minWidth: 0,
    overflowWrap: "anywhere",
    whiteSpace: "normal",
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    // A visible ring for keyboard focus (Fluent's own controls draw theirs the same colour).
    ":focus": { outlineStyle: "none" },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  where: { color: tokens.colorNeutralForeground3 },
});

/** Cells of a finding on its own sheet, in the finding's order. */
export function cellsOf(f: Finding): string[] {
  return f.cells.filter((c) => c.sheet === f.sheet).map((c) => c.address);
}

interface Group {
  readonly indicator: string;
  readonly findings: Finding[];
}

function groupByIndicator(findings: readonly Finding[]): Group[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.subject;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return [...groups].sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))).map(([indicator, fs]) => ({ indicator, findings: fs }));
}

export interface FindingsListProps {
  readonly findings: readonly Finding[];
  /** The template a finding's sheet was filled in, to word its message. */
  readonly templateOf: (f: Finding) => LoadedTemplate | undefined;
  readonly lang: Lang;
  readonly onSelect: (f: Finding) => void;
  /** Whether a finding's cells can be selected (default: when it has cells on its sheet). */
  readonly canSelect?: (f: Finding) => boolean;
  /** The list's accessible name (default: the check's findings). */
  readonly label?: string;
}

/** Findings grouped by severity, then indicator; each one selects its cells when clicked (or on Enter / Space). */
export function FindingsList(props: FindingsListProps): React.JSX.Element | null {
  const { findings, templateOf, lang, onSelect, canSelect, label } = props;
  const styles = useStyles();
  const baseId = React.useId();
  if (findings.length === 0) return null;

  const indicatorLabel = (code: string, sample: Finding): string => {
    if (!code) return t(lang, "findings.sheetLevel");
    return nameThenCode(templateOf(sample)?.byCode.get(code)?.name, code, lang);
  };
  const message = (f: Finding): string => {
    const template = templateOf(f);
    return template ? renderFinding(f, template, lang) : f.code;
  };
  const where = (f: Finding): string => {
    const cells = cellsOf(f).join(t(lang, "findings.cellsSep"));
    return f.district ? t(lang, "findings.where", { district: f.district, sheet: f.sheet, cells }) : t(lang, "findings.whereNoDistrict", { sheet: f.sheet, cells });
  };

  return (
    <div className={styles.root} role="region" aria-label={label ?? t(lang, "findings.label")}>
      <Caption1>{t(lang, "findings.hint")}</Caption1>
      {SEVERITIES.map((severity: PaneSeverity) => {
        const ofSeverity = findings.filter((f) => f.severity === severity);
        if (ofSeverity.length === 0) return null;
        const headingId = `${baseId}-${severity}`;
        return (
          <section key={severity} className={styles.section} aria-labelledby={headingId}>
            <Subtitle2 as="h3" id={headingId} className={styles.sevHeading}>
              <Swatch severity={severity} />
              <span>{t(lang, `severity.${severity}`)}</span>
              <CounterBadge count={ofSeverity.length} color={severity === "error" ? "danger" : severity === "warning" ? "important" : "informative"} appearance="filled" size="small" />
            </Subtitle2>
            {groupByIndicator(ofSeverity).map((g) => (
              <div key={g.indicator} className={styles.group}>
                <Body1Strong as="h4" className={styles.indHeading}>
                  {indicatorLabel(g.indicator, g.findings[0])} <span className={styles.count}>{`(${g.findings.length})`}</span>
                </Body1Strong>
                <ul className={styles.list}>
                  {g.findings.map((f) => {
                    const selectable = cellsOf(f).length > 0 && (canSelect?.(f) ?? true);
                    const content = (
                      <>
                        <Body1>{message(f)}</Body1>
                        <Caption1 className={styles.where}>{where(f)}</Caption1>
                      </>
                    );
                    return (
                      <li key={f.id}>
                        {selectable ? (
                          <div
                            role="button"
                            tabIndex={0}
                            data-finding={f.id}
                            className={mergeClasses(styles.item, styles.clickable)}
                            style={{ borderLeftColor: severityStroke(severity) }}
                            onClick={() => onSelect(f)}
                            onKeyDown={(e) => {
                              if (e.key === "Enter" || e.key === " " || e.key === "Spacebar") {
                                e.preventDefault();
                                onSelect(f);
                              }
                            }}
                          >
                            {content}
                          </div>
                        ) : (
                          <div className={styles.item} style={{ borderLeftColor: severityStroke(severity) }}>
                            {content}
                          </div>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}

/** A darker stroke of each severity for the item's edge (the light cell fills are too pale for a line). */
function severityStroke(severity: PaneSeverity): string {
  switch (severity) {
    case "error":
      return tokens.colorPaletteRedBorderActive;
    case "warning":
      return tokens.colorPaletteMarigoldBorderActive;
    case "info":
      return tokens.colorPaletteBlueBorderActive;
  }
}
