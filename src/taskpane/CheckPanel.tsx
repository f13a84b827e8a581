import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Subtitle1,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookHost } from "../core/host";
import { planCheck, planClear } from "../core/check-job";
import { compareFindings, countBySeverity, type Finding } from "../core/findings/finding";
import type { TemplateSheetRead } from "../core/sheet/read-template";
import type { CheckRun } from "../core/check-workbook";
import { ActionStatus } from "./ActionStatus";
import { FindingsList, cellsOf } from "./FindingsList";
import { message, t, type Lang, type MessageKey } from "./i18n";
import { Legend, SEVERITIES, Swatch } from "./Legend";
import type { HostAction } from "./useHostAction";
import { useLiveCheck } from "./useLiveCheck";
import { SECTION_STYLES } from "./section-styles";

type Scope = "active" | "all";

/** What the list shows: the findings of the sheets checked so far, and how to word them. */
interface Results {
  readonly findings: readonly Finding[];
  readonly reads: ReadonlyMap<string, TemplateSheetRead>;
  readonly failures: CheckRun["failures"];
}

interface Notice {
  readonly intent: "success" | "info";
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

const useStyles = makeStyles({
  ...SECTION_STYLES,
  counts: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  count: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  sep: { color: tokens.colorNeutralForeground3 },
  failures: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function resultsOf(run: CheckRun): Results {
  return { findings: run.findings, reads: new Map(run.sheets.map((s) => [s.sheet, s])), failures: run.failures };
}

/** Results with `sheet` re-checked: its old findings, read and failure replaced by the new run's. */
function mergeSheet(prev: Results | undefined, sheet: string, run: CheckRun): Results {
  const reads = new Map(prev?.reads ?? []);
  reads.delete(sheet);
  for (const s of run.sheets) reads.set(s.sheet, s);
  return {
    findings: [...(prev?.findings ?? []).filter((f) => f.sheet !== sheet), ...run.findings].sort(compareFindings),
    reads,
    failures: [...(prev?.failures ?? []).filter((f) => f.sheet !== sheet), ...run.failures],
  };
}

/** 校验: scope, the check and clear buttons, the legend, counts and the findings. */
export function CheckPanel(props: { host: WorkbookHost; lang: Lang; action: HostAction; sheetsVersion?: number }): React.JSX.Element {
  const { host, lang, action, sheetsVersion } = props;
  const styles = useStyles();
  const headingId = React.useId();
  const [scope, setScope] = React.useState<Scope>("active");
  const [live, setLive] = React.useState(true);
  const [results, setResults] = React.useState<Results>();
  const [notice, setNotice] = React.useState<Notice>();

  const check = () =>
    void action.run({ owner: "check", label: "check.running" }, async (progress) => {
      setNotice(undefined);
      const read = await host.read();
      const { run, plan } = planCheck(read, { scope, lang });
      if (plan.sheets.length > 0) await host.apply(plan, progress);
      setResults(resultsOf(run));
      if (run.sheets.length === 0 && run.failures.length === 0) {
        setNotice({ intent: "info", key: scope === "active" ? "check.noTemplateActive" : "check.noTemplateSheets" });
      } else if (run.findings.length === 0 && run.sheets.length > 0) {
        setNotice({ intent: "success", key: "check.noFindings", params: { sheets: run.sheets.length } });
      } else if (run.sheets.length > 0) {
        setNotice({ intent: "info", key: "check.checked", params: { sheets: run.sheets.length } });
      }
    });

  const clear = () =>
    void action.run({ owner: "check", label: "check.clearing" }, async (progress) => {
      setNotice(undefined);
      const read = await host.read();
      const plan = planClear(read, { scope, activeSheet: read.activeSheet });
      if (plan.sheets.length > 0) await host.apply(plan, progress);
      setResults((prev) => {
        const rest = scope === "all" || !prev ? undefined : mergeSheet(prev, read.activeSheet, { sheets: [], failures: [], findings: [] });
        return rest && rest.reads.size > 0 ? rest : undefined;
      });
      setNotice({ intent: "success", key: "check.cleared" });
    });

  const recheck = (sheets: string[]) =>
    void action.run({ owner: "check", label: "check.liveRunning", params: { sheet: sheets.join(t(lang, "findings.cellsSep")) } }, async (progress) => {
      // One sheet at a time, each from a fresh read: every plan also rewrites Huishen's record of its flags.
      for (const sheet of sheets) {
        const read = await host.read();
        if (!read.sheets.some((s) => s.name === sheet)) continue;
        const { run, plan } = planCheck({ sheets: read.sheets, activeSheet: sheet }, { scope: "active", lang });
        const known = run.sheets.length > 0 || run.failures.length > 0;
        if (!known) continue; // not a fill-in sheet: nothing to flag
        if (plan.sheets.length > 0) await host.apply(plan, progress);
        setResults((prev) => mergeSheet(prev, sheet, run));
      }
    });

  useLiveCheck(host, live, recheck, { busy: action.isBusy, sheetsVersion });

  const select = (f: Finding) => {
    host.select(f.sheet, cellsOf(f)).catch((e: unknown) => action.report("check", e));
  };

  const counts = results ? countBySeverity(results.findings) : undefined;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t(lang, "check.heading")}
      </Subtitle1>
      <Field label={t(lang, "check.scope")}>
        <RadioGroup value={scope} onChange={(_e, d) => setScope(d.value as Scope)}>
          <Radio value="active" label={t(lang, "check.scopeActive")} />
          <Radio value="all" label={t(lang, "check.scopeAll")} />
        </RadioGroup>
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={action.busy} onClick={check}>
          {t(lang, "check.button")}
        </Button>
        <Button disabled={action.busy} onClick={clear}>
          {t(lang, "check.clear")}
        </Button>
      </div>
      {host.capabilities.edits !== false && (
        <div>
          <Switch checked={live} onChange={(_e, d) => setLive(d.checked)} label={t(lang, "check.live")} />
          <Caption1 block className={styles.hint}>
            {t(lang, "check.liveHint")}
          </Caption1>
        </div>
      )}
      <ActionStatus action={action} owner="check" lang={lang} />
      <Legend lang={lang} />
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody className={styles.wrap}>{message(lang, notice.key, notice.params)}</MessageBarBody>
        </MessageBar>
      )}
      {results && results.failures.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.wrap}>
            <MessageBarTitle>{t(lang, "check.failuresTitle")}</MessageBarTitle>
            <ul className={styles.failures}>
              {results.failures.map((f) => (
                <li key={f.sheet}>
                  {f.reason === "unknownTemplate"
                    ? t(lang, "check.failureUnknownTemplate", { sheet: f.sheet, id: f.id, version: f.version, known: f.knownVersions.join(", ") || "—" })
                    : t(lang, "check.failureNoHeader", { sheet: f.sheet })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {counts && (
        <div className={styles.counts} role="status" aria-label={t(lang, "counts.label")}>
          {SEVERITIES.map((s, i) => (
            <React.Fragment key={s}>
              {i > 0 && (
                <span aria-hidden="true" className={styles.sep}>
                  ·
                </span>
              )}
              <span className={styles.count} data-count={s}>
                <Swatch severity={s} />
                {`${t(lang, `severity.${s}`)} ${counts[s]}`}
              </span>
            </React.Fragment>
          ))}
        </div>
      )}
      {results && <FindingsList findings={results.findings} templateOf={(f) => results.reads.get(f.sheet)?.template} lang={lang} onSelect={select} />}
    </section>
  );
}
