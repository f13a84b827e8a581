import * as React from "react";
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { formatFigure } from "../core/findings/format";
import { SEVERITY_LABEL } from "../core/findings/render";
import type { WorkbookHost } from "../core/host";
import { sentenceExcerpt } from "../core/report/read-text";
import { standardTemplate } from "../core/template/registry";
import { ActionStatus } from "./ActionStatus";
import { FilePicker } from "./FilePicker";
import { message, t, type Lang, type MessageKey } from "./i18n";
import type { ReportAnalysis } from "./report-analysis";
import { readReportFile } from "./report-file";
import { SECTION_STYLES } from "./section-styles";
import type { HostAction } from "./useHostAction";
import { aside, codeThenName } from "../core/text/wording";

const useStyles = makeStyles({
  ...SECTION_STYLES,
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  sub: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  low: { color: tokens.colorNeutralForeground3 },
});

interface ReadOutcome extends ReportAnalysis {
  readonly file: string;
}

const PROBLEM_KEY = { pdf: "report.pdf", legacyWord: "report.legacyWord", unsupported: "report.unsupported", unreadable: "report.unreadable" } as const satisfies Record<string, MessageKey>;

/**
 * 从报告读数: a district's report read in the pane — its figures with their sentences and confidence,
 * the problems in its own text, the differences with the active fill-in sheet — and, on request, the
 * certain figures filled into blank cells (never over a value a person typed).
 */
export function ReportPanel(props: { host: WorkbookHost; lang: Lang; action: HostAction }): React.JSX.Element {
  const { host, lang, action } = props;
  const styles = useStyles();
  const headingId = React.useId();
  const template = React.useMemo(() => standardTemplate(), []);
  const [outcome, setOutcome] = React.useState<ReadOutcome>();
  const [notice, setNotice] = React.useState<{ key: MessageKey; params?: Record<string, string | number> }>();

  const read = (file: File) =>
    void action.run({ owner: "report", label: "report.reading" }, async () => {
      setNotice(undefined);
      setOutcome(undefined);
      const text = await readReportFile(file);
      if (!text.ok) {
        setNotice({ key: PROBLEM_KEY[text.problem] });
        return;
      }
      const [{ analyseReport }, workbook] = await Promise.all([import(/* webpackChunkName: "report" */ "./report-analysis"), host.read()]);
      setOutcome({ file: file.name, ...analyseReport(text.text, workbook, lang) });
    });

  const fill = () => {
    const plan = outcome?.fill?.plan;
    if (!plan || plan.sheets.length === 0) {
      setNotice({ key: "report.nothingToFill" });
      return;
    }
    void action.run({ owner: "report", label: "report.filling" }, async (progress) => {
      await host.apply(plan, progress);
      setNotice({ key: "report.filled", params: { count: outcome?.fill?.filled.length ?? 0 } });
      setOutcome((o) => (o ? { ...o, fill: undefined } : o));
    });
  };

  const high = outcome?.candidates.filter((c) => c.confidence === "high").length ?? 0;
  const name = (code: string) => codeThenName(code, template.byCode.get(code)?.name, lang);

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t(lang, "report.heading")}
      </Subtitle1>
      <Body1 className={styles.hint}>{t(lang, "report.intro")}</Body1>
      <div className={styles.buttons}>
        <FilePicker label={t(lang, "report.pick")} inputLabel={t(lang, "report.input")} accept=".txt,.html,.htm,.docx,.pdf,.doc,.wps" disabled={action.busy} onPick={([file]) => read(file)} />
        {outcome?.fill && outcome.fill.filled.length > 0 && (
          <Button appearance="primary" disabled={action.busy} onClick={fill}>
            {t(lang, "report.fill", { count: outcome.fill.filled.length })}
          </Button>
        )}
      </div>
      <ActionStatus action={action} owner="report" lang={lang} />
      {notice && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody className={styles.wrap}>{message(lang, notice.key, notice.params)}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <>
          <Body1 role="status">{t(lang, "report.summary", { file: outcome.file, count: outcome.candidates.length, high, low: outcome.candidates.length - high })}</Body1>
          {!outcome.fill && <Caption1 className={styles.hint}>{t(lang, "report.noSheet")}</Caption1>}
          <h3 className={styles.sub}>{t(lang, "report.findings")}</h3>
          {outcome.findings.length === 0 ? (
            <Caption1 className={styles.hint}>{t(lang, "report.noFindings")}</Caption1>
          ) : (
            <ul className={styles.list} aria-label={t(lang, "report.findings")}>
              {outcome.findings.map((f, i) => (
                <li key={i}>
                  <Caption1 className={styles.wrap}>
                    {SEVERITY_LABEL[lang][f.severity]}：{f[lang]}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
          {outcome.fill && outcome.fill.differing.length > 0 && (
            <>
              <h3 className={styles.sub}>{t(lang, "report.differs")}</h3>
              <ul className={styles.list} aria-label={t(lang, "report.differs")}>
                {outcome.fill.differing.map((f, i) => (
                  <li key={i}>
                    <Caption1 className={styles.wrap}>{f[lang]}</Caption1>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3 className={styles.sub}>{t(lang, "report.candidates")}</h3>
          <ul className={styles.list} aria-label={t(lang, "report.candidates")}>
            {outcome.candidates.map((c, i) => (
              <li key={i} className={c.confidence === "low" ? styles.low : undefined}>
                <Caption1 className={styles.wrap}>
                  {name(c.code)}
                  {c.alternatives.length > 0 ? ` / ${c.alternatives.join("/")}` : ""} · {formatFigure(template.byCode.get(c.code), c.value, lang)}
                  {c.figure.approximate ? aside(c.figure.approximate, lang) : ""} · {t(lang, c.confidence === "high" ? "report.high" : "report.low")} · {sentenceExcerpt(c, 18)}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
