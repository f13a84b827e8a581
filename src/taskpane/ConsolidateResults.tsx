import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Finding } from "../core/findings/finding";
import type { LoadedTemplate } from "../core/template/load";
import type { ConsolidateSummary } from "./consolidate-summary";
import { FindingsList } from "./FindingsList";
import { t, type Lang } from "./i18n";
import { SEVERITIES, Swatch } from "./Legend";
import { nameThenCode } from "../core/text/wording";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  wrap: { overflowWrap: "anywhere", whiteSpace: "normal" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  block: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0 },
  figures: { margin: 0, display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  term: { minWidth: 0, overflowWrap: "anywhere" },
  figure: { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  reporting: { gridColumn: "1 / -1", marginTop: `calc(-1 * ${tokens.spacingVerticalXS})`, color: tokens.colorNeutralForeground3 },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  td: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`, overflowWrap: "anywhere" },
  rowHead: { textAlign: "left", fontWeight: tokens.fontWeightSemibold },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  hint: { color: tokens.colorNeutralForeground3 },
  counts: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  count: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  sep: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export interface ConsolidateResultsProps {
  readonly summary: ConsolidateSummary;
  readonly template: LoadedTemplate;
  /** Sheets inserted from district files in this run. */
  readonly inserted: readonly string[];
  /** Files consolidated from outside the workbook. */
  readonly outside: readonly string[];
  readonly lang: Lang;
  readonly formatFigure: (code: string, value: number) => string;
  readonly canSelect: (f: Finding) => boolean;
  readonly onSelect: (f: Finding) => void;
  readonly onOpenSummary: () => void;
  readonly onOpenFindings: () => void;
}

/** After a consolidation: how many districts, a few municipal figures, the index's top, findings and where to look. */
export function ConsolidateResults(props: ConsolidateResultsProps): React.JSX.Element {
  const { summary: s, lang } = props;
  const styles = useStyles();
  const figuresId = React.useId();
  const indexId = React.useId();
  const sep = t(lang, "findings.cellsSep");
  const total = s.findings.length;

  return (
    <div className={styles.root}>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody className={styles.wrap}>
          {s.year !== undefined ? t(lang, "consolidate.done", { districts: s.districts, year: s.year }) : t(lang, "consolidate.doneNoYear", { districts: s.districts })}
          {s.city && ` ${t(lang, "consolidate.cityCompared", { city: s.city })}`}
        </MessageBarBody>
      </MessageBar>
      {props.inserted.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody className={styles.wrap}>{t(lang, "consolidate.inserted", { sheets: props.inserted.join(sep) })}</MessageBarBody>
        </MessageBar>
      )}
      {props.outside.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody className={styles.wrap}>{t(lang, "consolidate.outside", { files: props.outside.join(sep) })}</MessageBarBody>
        </MessageBar>
      )}
      {(s.leftOut.length > 0 || s.otherYear.length > 0 || s.missing.length > 0) && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.wrap}>
            {s.leftOut.length > 0 && (
              <>
                <MessageBarTitle>{t(lang, "consolidate.leftOutTitle")}</MessageBarTitle>
                <ul className={styles.list}>
                  {s.leftOut.map((line, i) => (
                    <li key={i}>{t(lang, line.key, line.params)}</li>
                  ))}
                </ul>
              </>
            )}
            {s.otherYear.length > 0 && <div>{t(lang, "consolidate.otherYear", { year: s.year ?? "", sheets: s.otherYear.join(sep) })}</div>}
            {s.missing.length > 0 && <div>{t(lang, "consolidate.missing", { districts: s.missing.join(sep) })}</div>}
          </MessageBarBody>
        </MessageBar>
      )}

      {s.headline.length > 0 && (
        <section className={styles.block} aria-labelledby={figuresId}>
          <Subtitle2 as="h3" id={figuresId} className={styles.heading}>
            {t(lang, "consolidate.headline")}
          </Subtitle2>
          <dl className={styles.figures}>
            {s.headline.map((h) => (
              <React.Fragment key={h.code}>
                <dt className={styles.term}>{nameThenCode(h.name, h.code, lang)}</dt>
                <dd className={styles.figure} data-code={h.code}>
                  {props.formatFigure(h.code, h.value)}
                </dd>
                <Caption1 as="span" className={styles.reporting}>
                  {t(lang, "consolidate.reporting", { count: h.reporting })}
                </Caption1>
              </React.Fragment>
            ))}
          </dl>
        </section>
      )}

      <section className={styles.block} aria-labelledby={indexId}>
        <Subtitle2 as="h3" id={indexId} className={styles.heading}>
          {t(lang, "consolidate.indexTop", { count: s.indexTop.length })}
        </Subtitle2>
        {s.indexTop.length === 0 ? (
          <Caption1 className={styles.hint}>{t(lang, "consolidate.noIndex")}</Caption1>
        ) : (
          <>
            <table className={styles.table} aria-labelledby={indexId}>
              <thead>
                <tr>
                  <th className={mergeClasses(styles.th, styles.num)} scope="col">
                    {t(lang, "consolidate.colRank")}
                  </th>
                  <th className={styles.th} scope="col">
                    {t(lang, "consolidate.colDistrict")}
                  </th>
                  <th className={mergeClasses(styles.th, styles.num)} scope="col">
                    {t(lang, "consolidate.colScore")}
                  </th>
                  <th className={mergeClasses(styles.th, styles.num)} scope="col">
                    {t(lang, "consolidate.colRange")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.indexTop.map((r) => (
                  <tr key={r.district}>
                    <td className={mergeClasses(styles.td, styles.num)}>{r.rank}</td>
                    <th scope="row" className={mergeClasses(styles.td, styles.rowHead)}>
                      {r.district}
                    </th>
                    <td className={mergeClasses(styles.td, styles.num)}>{r.score.toFixed(1)}</td>
                    <td className={mergeClasses(styles.td, styles.num)}>{r.range ? (r.range.best === r.range.worst ? String(r.range.best) : `${r.range.best}–${r.range.worst}`) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Caption1 className={styles.hint}>{t(lang, "consolidate.rangeHint", { draws: s.stability.draws, spread: s.stability.spread })}</Caption1>
          </>
        )}
      </section>

      <div className={styles.counts} role="status" aria-label={t(lang, "consolidate.counts")}>
        {SEVERITIES.map((sev, i) => (
          <React.Fragment key={sev}>
            {i > 0 && (
              <span aria-hidden="true" className={styles.sep}>
                ·
              </span>
            )}
            <span className={styles.count} data-count={sev}>
              <Swatch severity={sev} />
              {`${t(lang, `severity.${sev}`)} ${s.counts[sev]}`}
            </span>
          </React.Fragment>
        ))}
      </div>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={props.onOpenSummary}>
          {t(lang, "consolidate.openSummary")}
        </Button>
        <Button onClick={props.onOpenFindings}>{t(lang, "consolidate.openFindings")}</Button>
      </div>
      {total > 0 && (
        <Accordion collapsible>
          <AccordionItem value="findings">
            <AccordionHeader size="small">{t(lang, "consolidate.findingsList", { count: total })}</AccordionHeader>
            <AccordionPanel>
              <FindingsList
                findings={s.findings}
                templateOf={() => props.template}
                lang={lang}
                onSelect={props.onSelect}
                canSelect={props.canSelect}
                label={t(lang, "consolidate.findingsLabel")}
              />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </div>
  );
}
