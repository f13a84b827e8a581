import * as React from "react";
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookHost } from "../core/host";
import { planInsertTemplate, templateChoices, type InsertPlan, type InsertRequest } from "../core/check-job";
import { ActionStatus } from "./ActionStatus";
import { t, type Lang } from "./i18n";
import type { HostAction } from "./useHostAction";
import { SECTION_STYLES } from "./section-styles";

const useStyles = makeStyles({
  ...SECTION_STYLES,
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  full: { width: "100%", minWidth: 0 },
  sheets: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalL },
});

/** Last year: reports are filled in for the year just ended. */
export function defaultYear(now: Date = new Date()): number {
  return now.getFullYear() - 1;
}

export function parseYearInput(text: string): number | undefined {
  const s = text.trim();
  if (!/^\d{4}$/.test(s)) return undefined;
  const y = Number(s);
  return y >= 2000 && y <= 2100 ? y : undefined;
}

interface Pending {
  readonly request: InsertRequest;
  readonly insert: InsertPlan;
}

/** 插入模板: edition, district and year → a protected fill-in sheet; asks before a second sheet for the same district and year. */
export function InsertTemplate(props: { host: WorkbookHost; lang: Lang; action: HostAction; onInserted?: () => void }): React.JSX.Element {
  const { host, lang, action, onInserted } = props;
  const styles = useStyles();
  const headingId = React.useId();
  const choices = React.useMemo(() => templateChoices(), []);
  const [templateKey, setTemplateKey] = React.useState(() => choices[0]?.key ?? "");
  const [district, setDistrict] = React.useState("");
  const [yearText, setYearText] = React.useState(() => String(defaultYear()));
  const [attempted, setAttempted] = React.useState(false);
  const [pending, setPending] = React.useState<Pending>();
  const [inserted, setInserted] = React.useState<{ sheet: string; change?: InsertPlan["nameChange"] }>();

  const year = parseYearInput(yearText);
  const districtError = attempted && !district.trim() ? t(lang, "insert.districtRequired") : undefined;
  const yearError = attempted && year === undefined ? t(lang, "insert.yearInvalid", { year: defaultYear() }) : undefined;

  const write = async (insert: InsertPlan, progress: (done: number, total: number) => void) => {
    await host.apply(insert.plan, progress);
    setInserted({ sheet: insert.sheetName, change: insert.nameChange });
    onInserted?.();
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    setInserted(undefined);
    const name = district.trim();
    if (!name || year === undefined || !templateKey) return;
    const request: InsertRequest = { templateKey, district: name, year, lang };
    void action.run({ owner: "insert", label: "insert.running" }, async (progress) => {
      const read = await host.read();
      const insert = planInsertTemplate(read, request);
      if (insert.duplicates.length > 0) {
        setPending({ request, insert });
        return;
      }
      await write(insert, progress);
    });
  };

  const confirm = () => {
    const p = pending;
    setPending(undefined);
    if (p) void action.run({ owner: "insert", label: "insert.running" }, (progress) => write(p.insert, progress));
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t(lang, "insert.heading")}
      </Subtitle1>
      <Body1 className={styles.hint}>{t(lang, "insert.intro")}</Body1>
      <form className={styles.form} onSubmit={submit} noValidate>
        <Field label={t(lang, "insert.template")}>
          <Select className={styles.full} value={templateKey} onChange={(_e, d) => setTemplateKey(d.value)}>
            {choices.map((c) => (
              <option key={c.key} value={c.key} title={c.key}>
                {c.label[lang]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t(lang, "insert.district")} required validationMessage={districtError} validationState={districtError ? "error" : "none"}>
          <Input className={styles.full} value={district} placeholder={t(lang, "insert.districtPlaceholder")} onChange={(_e, d) => setDistrict(d.value)} />
        </Field>
        <Field label={t(lang, "insert.year")} required validationMessage={yearError} validationState={yearError ? "error" : "none"}>
          <Input className={styles.full} type="number" inputMode="numeric" min={2000} max={2100} step={1} value={yearText} onChange={(_e, d) => setYearText(d.value)} />
        </Field>
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabled={action.busy}>
            {t(lang, "insert.button")}
          </Button>
        </div>
      </form>
      <ActionStatus action={action} owner="insert" lang={lang} />
      {inserted && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody className={styles.wrap}>{t(lang, "insert.done", { sheet: inserted.sheet })}</MessageBarBody>
        </MessageBar>
      )}
      {inserted?.change && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody className={styles.wrap}>{t(lang, inserted.change === "characters" ? "insert.renamedCharacters" : "insert.renamedLength", { sheet: inserted.sheet })}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={pending !== undefined} onOpenChange={(_e, d) => !d.open && setPending(undefined)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t(lang, "insert.duplicateTitle")}</DialogTitle>
            <DialogContent className={styles.wrap}>
              {pending && (
                <>
                  {t(lang, "insert.duplicateBody", { district: pending.request.district, year: pending.request.year })}
                  <ul className={styles.sheets}>
                    {pending.insert.duplicates.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ul>
                  {t(lang, "insert.duplicateQuestion", { sheet: pending.insert.sheetName })}
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={confirm}>
                {t(lang, "insert.confirm")}
              </Button>
              <Button onClick={() => setPending(undefined)}>{t(lang, "insert.cancel")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
