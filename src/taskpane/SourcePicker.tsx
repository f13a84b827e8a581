import * as React from "react";
import { Button, Caption1, Checkbox, Label, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { PickedFile } from "./district-file";
import { FilePicker } from "./FilePicker";
import { t, type Lang } from "./i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  text: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  name: { fontWeight: tokens.fontWeightSemibold },
  ok: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  detail: { display: "block", color: tokens.colorNeutralForeground3 },
  hint: { color: tokens.colorNeutralForeground3 },
  add: { alignSelf: "flex-start" },
});

export interface SourcePickerProps {
  readonly lang: Lang;
  readonly useWorkbook: boolean;
  readonly onUseWorkbook: (use: boolean) => void;
  /** Template sheets in the workbook; undefined until counted. */
  readonly workbookCount?: number;
  readonly files: readonly PickedFile[];
  readonly onAddFiles: (files: File[]) => void;
  readonly onRemoveFile: (id: string) => void;
  /** undefined where the host cannot insert sheets from a file (ExcelApi < 1.13). */
  readonly insertFiles?: boolean;
  readonly onInsertFiles: (insert: boolean) => void;
  readonly disabled: boolean;
}

/** What to consolidate: the workbook's fill-in sheets and/or district files read in the pane. */
export function SourcePicker(props: SourcePickerProps): React.JSX.Element {
  const { lang, files, insertFiles, disabled } = props;
  const styles = useStyles();
  const labelId = React.useId();
  const listLabel = t(lang, "consolidate.filesLabel");
  const anyReady = files.some((f) => f.status === "ok");

  return (
    <div role="group" aria-labelledby={labelId} className={styles.root}>
      <Label id={labelId}>{t(lang, "consolidate.sources")}</Label>
      <Checkbox
        checked={props.useWorkbook}
        disabled={disabled}
        onChange={(_e, d) => props.onUseWorkbook(d.checked === true)}
        label={props.workbookCount === undefined ? t(lang, "consolidate.useWorkbookUncounted") : t(lang, "consolidate.useWorkbook", { count: props.workbookCount })}
      />
      <FilePicker
        className={styles.add}
        label={t(lang, "consolidate.addFiles")}
        inputLabel={t(lang, "consolidate.fileInput")}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple
        disabled={disabled}
        onPick={props.onAddFiles}
      />
      {files.length > 0 && (
        <ul className={styles.list} aria-label={listLabel}>
          {files.map((f) => (
            <li key={f.id} className={styles.item} data-file={f.name}>
              <div className={styles.text}>
                <span className={styles.name}>{f.name}</span>
                <FileStatus file={f} lang={lang} />
              </div>
              <Button size="small" appearance="subtle" disabled={disabled} aria-label={t(lang, "consolidate.removeFileLabel", { name: f.name })} onClick={() => props.onRemoveFile(f.id)}>
                {t(lang, "consolidate.removeFile")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {anyReady && insertFiles !== undefined && (
        <>
          <Checkbox checked={insertFiles} disabled={disabled} onChange={(_e, d) => props.onInsertFiles(d.checked === true)} label={t(lang, "consolidate.insertFiles")} />
          {!insertFiles && <Caption1 className={styles.hint}>{t(lang, "consolidate.outsideHint")}</Caption1>}
        </>
      )}
      {anyReady && insertFiles === undefined && <Caption1 className={styles.hint}>{t(lang, "consolidate.insertUnsupported")}</Caption1>}
    </div>
  );
}

function FileStatus(props: { file: PickedFile; lang: Lang }): React.JSX.Element {
  const { file, lang } = props;
  const styles = useStyles();
  switch (file.status) {
    case "reading":
      return <Spinner size="extra-tiny" labelPosition="after" label={t(lang, "consolidate.fileReading")} />;
    case "ok":
      return <Caption1 className={styles.ok}>{t(lang, "consolidate.fileSheets", { count: file.templateSheets.length })}</Caption1>;
    case "error": {
      const key = file.problem === "notXlsx" ? "consolidate.fileNotXlsx" : file.problem === "noTemplate" ? "consolidate.fileNoTemplate" : "consolidate.fileUnreadable";
      const detail = file.detail ? file.detail[lang] : "";
      return (
        <Caption1 className={styles.error} role="alert">
          {t(lang, key)}
          {detail && <span className={styles.detail}>{detail}</span>}
        </Caption1>
      );
    }
  }
}
