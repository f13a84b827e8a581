import * as React from "react";
import { Badge, Body1, Button, Caption1, ProgressBar, Spinner, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../core/findings/format";
import { FilePicker } from "../taskpane/FilePicker";
import { SECTION_STYLES } from "../taskpane/section-styles";
import type { Doc } from "./documents";
import type { BatchProgress } from "./useDocuments";
import { w } from "./i18n";

const useStyles = makeStyles({
  ...SECTION_STYLES,
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid transparent`,
    minWidth: 0,
  },
  current: { border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  text: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  name: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: "flex", flexWrap: "wrap", justifyContent: "flex-end", columnGap: tokens.spacingHorizontalXS },
});

export interface FileListProps {
  readonly lang: Lang;
  readonly docs: readonly Doc[];
  readonly currentId?: string;
  readonly batch?: BatchProgress;
  readonly disabled: boolean;
  readonly onOpen: (files: File[]) => void;
  readonly onNew: () => void;
  readonly onSelect: (id: string) => void;
  readonly onDownload: (id: string) => void;
  readonly onRemove: (id: string) => void;
  /** District files a consolidation can take; 0 hides the button. */
  readonly districtCount: number;
  readonly onConsolidateAll: () => void;
}

/** 文件: open .xlsx files (picker; the page takes drops too), start a blank workbook, and the list of open workbooks. */
export function FileList(props: FileListProps): React.JSX.Element {
  const { lang, docs, batch, disabled } = props;
  const styles = useStyles();
  const headingId = React.useId();

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {w(lang, "files.heading")}
      </Subtitle1>
      <Body1 className={styles.hint}>{w(lang, "files.intro")}</Body1>
      <div className={styles.buttons}>
        <FilePicker
          appearance="primary"
          label={w(lang, "files.open")}
          inputLabel={w(lang, "files.input")}
          // .et/.xls are taken too, so a person is told how to save them as .xlsx rather than not seeing them.
          accept=".xlsx,.xls,.et,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple
          disabled={disabled}
          onPick={props.onOpen}
        />
        <Button disabled={disabled} onClick={props.onNew}>
          {w(lang, "files.newWorkbook")}
        </Button>
      </div>
      {batch && (
        <div role="status">
          <Caption1>{w(lang, "files.progress", { done: batch.done + 1, total: batch.total, name: batch.name })}</Caption1>
          <ProgressBar value={batch.done / batch.total} />
        </div>
      )}
      {docs.length > 0 && (
        <ul className={styles.list} aria-label={w(lang, "files.list")}>
          {docs.map((d) => (
            <DocItem key={d.id} doc={d} current={d.id === props.currentId} {...props} />
          ))}
        </ul>
      )}
      {props.districtCount > 0 && (
        <div className={styles.buttons}>
          <Button disabled={disabled || batch !== undefined} onClick={props.onConsolidateAll}>
            {w(lang, "files.consolidateAll", { count: props.districtCount })}
          </Button>
        </div>
      )}
    </section>
  );
}

function DocItem(props: FileListProps & { doc: Doc; current: boolean }): React.JSX.Element {
  const { doc, lang, disabled, current } = props;
  const styles = useStyles();
  return (
    <li className={current ? `${styles.item} ${styles.current}` : styles.item} data-file={doc.name} aria-current={current ? "true" : undefined}>
      <div className={styles.text}>
        <span className={styles.name}>{doc.name}</span>
        <DocStatus doc={doc} lang={lang} />
      </div>
      <div className={styles.actions}>
        {doc.status === "open" && !current && (
          <Button size="small" disabled={disabled} aria-label={w(lang, "files.selectLabel", { name: doc.name })} onClick={() => props.onSelect(doc.id)}>
            {w(lang, "files.select")}
          </Button>
        )}
        {doc.status === "open" && current && <Badge appearance="tint">{w(lang, "files.current")}</Badge>}
        {doc.status === "open" && (
          <Button size="small" appearance="subtle" disabled={disabled} aria-label={w(lang, "files.downloadLabel", { name: doc.name })} onClick={() => props.onDownload(doc.id)}>
            {w(lang, "files.download")}
          </Button>
        )}
        {doc.status !== "reading" && (
          <Button size="small" appearance="subtle" disabled={disabled} aria-label={w(lang, "files.removeLabel", { name: doc.name })} onClick={() => props.onRemove(doc.id)}>
            {w(lang, "files.remove")}
          </Button>
        )}
      </div>
    </li>
  );
}

function DocStatus(props: { doc: Doc; lang: Lang }): React.JSX.Element {
  const { doc, lang } = props;
  const styles = useStyles();
  switch (doc.status) {
    case "reading":
      return <Spinner size="extra-tiny" labelPosition="after" label={w(lang, "files.reading")} />;
    case "error": {
      const key = doc.problem === "legacy" ? "files.legacy" : doc.problem === "notXlsx" ? "files.notXlsx" : "files.unreadable";
      return (
        <Caption1 className={styles.error} role="alert">
          {w(lang, key)}
          {doc.hint && <span className={styles.muted}> {doc.hint[lang]}</span>}
        </Caption1>
      );
    }
    case "open": {
      const parts =
        doc.templateSheets.length > 0
          ? [w(lang, "files.sheets", { count: doc.templateSheets.length }), w(lang, "files.counts", doc.counts)]
          : [w(lang, doc.origin === "new" ? "files.empty" : "files.noTemplate")];
      if (doc.dirty) parts.push(w(lang, "files.unsaved"));
      return <Caption1 className={styles.muted}>{parts.join(" · ")}</Caption1>;
    }
  }
}
