import * as React from "react";
import { Body1, Button, Field, Input, MessageBar, MessageBarBody, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../core/findings/format";
import { defaultYear, parseYearInput } from "../taskpane/InsertTemplate";
import { SECTION_STYLES } from "../taskpane/section-styles";
import { download, XLSX_TYPE } from "./download";
import type { EngineApi } from "./engine/protocol";
import { w } from "./i18n";

const useStyles = makeStyles({
  ...SECTION_STYLES,
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  full: { width: "100%", minWidth: 0 },
});

/** 下载空白填报表: a district and year → a protected fill-in workbook, downloaded, to fill in WPS or LibreOffice. */
export function BlankTemplateForm(props: { engine: EngineApi; lang: Lang }): React.JSX.Element {
  const { engine, lang } = props;
  const styles = useStyles();
  const headingId = React.useId();
  const [district, setDistrict] = React.useState("");
  const [yearText, setYearText] = React.useState(() => String(defaultYear()));
  const [attempted, setAttempted] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [result, setResult] = React.useState<{ renamed?: string; error?: string }>();

  const year = parseYearInput(yearText);
  const yearError = attempted && year === undefined ? w(lang, "template.yearInvalid", { year: defaultYear() }) : undefined;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    setResult(undefined);
    if (year === undefined) return;
    const name = district.trim();
    setBusy(true);
    engine
      .blankTemplate(name, year, lang)
      .then((t) => {
        download(t.bytes, `${t.sheetName}.xlsx`, XLSX_TYPE);
        setResult(t.change ? { renamed: t.sheetName } : {});
      })
      .catch((err: unknown) => setResult({ error: err instanceof Error ? err.message : String(err) }))
      .finally(() => setBusy(false));
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {w(lang, "template.heading")}
      </Subtitle1>
      <Body1 className={styles.hint}>{w(lang, "template.intro")}</Body1>
      <form className={styles.form} onSubmit={submit} noValidate>
        <Field label={w(lang, "template.district")}>
          <Input className={styles.full} value={district} placeholder={w(lang, "template.districtPlaceholder")} onChange={(_e, d) => setDistrict(d.value)} />
        </Field>
        <Field label={w(lang, "template.year")} required validationMessage={yearError} validationState={yearError ? "error" : "none"}>
          <Input className={styles.full} type="number" inputMode="numeric" min={2000} max={2100} step={1} value={yearText} onChange={(_e, d) => setYearText(d.value)} />
        </Field>
        <div className={styles.buttons}>
          <Button type="submit" disabled={busy}>
            {w(lang, "template.button")}
          </Button>
        </div>
      </form>
      {result?.renamed && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody className={styles.wrap}>{w(lang, "template.renamed", { sheet: result.renamed })}</MessageBarBody>
        </MessageBar>
      )}
      {result?.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={styles.wrap}>{result.error}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
