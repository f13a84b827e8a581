import * as React from "react";
import { Body1, Button, Caption1, Divider, MessageBar, MessageBarBody, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import type { Consolidation } from "../core/consolidate";
import { renderReportHtml } from "../core/consolidate/report-html";
import type { ReadyFile } from "../taskpane/district-file";
import { htmlLang, langFromLocale, t, type Lang } from "../taskpane/i18n";
import { Masthead } from "../taskpane/Masthead";
import { PaneSections } from "../taskpane/PaneSections";
import { errorText } from "../taskpane/useHostAction";
import { BlankTemplateForm } from "./BlankTemplateForm";
import { districtDocs, downloadName, isOpen } from "./documents";
import { download, XLSX_TYPE } from "./download";
import type { EngineApi } from "./engine/protocol";
import { FileHost } from "./file-host";
import { FileList } from "./FileList";
import { w } from "./i18n";
import { SheetPreview, type PreviewTarget } from "./SheetPreview";
import { useDocuments } from "./useDocuments";
import { useUnloadWarning } from "./useUnloadWarning";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL, boxSizing: "border-box", minHeight: "100vh", overflowWrap: "anywhere" },
  dragging: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-8px" },
  columns: {
    display: "grid",
    gridTemplateColumns: "minmax(280px, 340px) minmax(360px, 500px) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalXXL,
    alignItems: "start",
    "@media (max-width: 1100px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  column: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL, minWidth: 0 },
  sticky: { position: "sticky", top: tokens.spacingVerticalL, "@media (max-width: 1100px)": { position: "static" } },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  drop: { textAlign: "center", color: tokens.colorBrandForeground1 },
});

export interface WorkbenchProps {
  /** The engine in its worker; undefined when it could not start (then `engineError` says why). */
  readonly engine?: EngineApi;
  readonly engineError?: string;
  /** The browser's language ("zh-CN", "en-US"); Chinese unless clearly not. */
  readonly initialLang?: string;
}

let summaries = 0;

/**
 * 汇审 工作台: the pane's sections on workbooks opened from files, for those without Excel (WPS,
 * LibreOffice, 信创 machines). Files on the left, the sections on the one being worked on in the
 * middle, a preview of the cells they point at on the right.
 */
export function WorkbenchApp(props: WorkbenchProps): React.JSX.Element {
  const { engine } = props;
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(() => langFromLocale(props.initialLang));
  const documents = useDocuments(engine);
  const { docs, changed, saved } = documents;
  const current = documents.current && isOpen(documents.current) ? documents.current : undefined;
  const [target, setTarget] = React.useState<PreviewTarget>();
  const [writes, setWrites] = React.useState(0);
  const [offers, setOffers] = React.useState<Readonly<Record<string, readonly ReadyFile[]>>>({});
  const [consolidations, setConsolidations] = React.useState<Readonly<Record<string, Consolidation>>>({});
  const [dragging, setDragging] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();

  const currentId = current?.id;
  const host = React.useMemo(() => {
    if (!engine || !currentId) return undefined;
    return new FileHost(engine, currentId, {
      onChanged: () => {
        changed(currentId);
        setWrites((n) => n + 1);
      },
      onSelect: (sheet, addresses) => setTarget({ sheet, addresses }),
    });
  }, [engine, currentId, changed]);
  React.useEffect(() => setTarget(undefined), [currentId]);

  useUnloadWarning(docs.some((d) => isOpen(d) && d.dirty), w(lang, "unload.warning"));

  const guard = (fn: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    fn()
      .catch((e: unknown) => setError(e ?? new Error()))
      .finally(() => setBusy(false));
  };

  const downloadDoc = (id: string) =>
    guard(async () => {
      const doc = docs.find((d) => d.id === id);
      if (!engine || !doc || !isOpen(doc)) return;
      download(await engine.save(id), downloadName(doc), XLSX_TYPE);
      saved(id);
    });

  const newWorkbook = () =>
    guard(async () => {
      const id = await documents.create(w("zh", "files.newName", { n: ++summaries }));
      documents.select(id);
    });

  const consolidateAll = () =>
    guard(async () => {
      if (!engine) return;
      const files: ReadyFile[] = [];
      for (const d of districtDocs(docs)) {
        const read = await engine.read(d.id, d.templateSheets);
        files.push({ id: `open-${d.id}`, name: d.name, status: "ok", sheets: read.sheets, templateSheets: d.templateSheets, bytes: d.bytes! });
      }
      const id = await documents.create(w("zh", "files.summaryName", { n: ++summaries }));
      setOffers((o) => ({ ...o, [id]: files }));
      documents.select(id);
    });

  const remove = (id: string) => {
    const doc = docs.find((d) => d.id === id);
    if (doc && isOpen(doc) && doc.dirty && !window.confirm(w(lang, "files.removeUnsaved", { name: doc.name }))) return;
    documents.remove(id);
  };

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) documents.open(files);
  };

  const consolidation = currentId ? consolidations[currentId] : undefined;
  const downloadReport = () => {
    if (consolidation) download(renderReportHtml(consolidation, { generatedAt: new Date(), lang }), `${(current?.name ?? "汇总").replace(/\.xlsx$/i, "")}-报告.html`, "text/html;charset=utf-8");
  };

  return (
    <main
      className={dragging ? `${styles.root} ${styles.dragging}` : styles.root}
      lang={htmlLang(lang)}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <Masthead title={w(lang, "app.title")} subtitle={w(lang, "app.subtitle")} lang={lang} onLang={setLang} />
      {dragging && <Body1 className={styles.drop}>{w(lang, "files.drop")}</Body1>}
      {props.engineError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{w(lang, "app.engineFailed", { detail: props.engineError })}</MessageBarBody>
        </MessageBar>
      )}
      {error !== undefined && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{errorText(error, lang) || t(lang, "error.unknown")}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.columns}>
        <div className={styles.column}>
          <FileList
            lang={lang}
            docs={docs}
            currentId={currentId}
            batch={documents.batch}
            disabled={!engine || busy}
            onOpen={documents.open}
            onNew={newWorkbook}
            onSelect={documents.select}
            onDownload={downloadDoc}
            onRemove={remove}
            districtCount={districtDocs(docs).length}
            onConsolidateAll={consolidateAll}
          />
          {engine && (
            <>
              <Divider />
              <BlankTemplateForm engine={engine} lang={lang} />
            </>
          )}
        </div>
        <div className={styles.column}>
          {current && host ? (
            <>
              <Subtitle1 as="h2" className={styles.heading}>
                {w(lang, "current.heading", { name: current.name })}
              </Subtitle1>
              <div className={styles.buttons}>
                <Button appearance="primary" disabled={busy} onClick={() => downloadDoc(current.id)}>
                  {w(lang, "current.download")}
                </Button>
                {consolidation && <Button onClick={downloadReport}>{w(lang, "current.report")}</Button>}
              </div>
              <Caption1 className={styles.hint}>{w(lang, "current.downloadHint")}</Caption1>
              <Divider />
              <PaneSections
                key={current.id}
                host={host}
                lang={lang}
                consolidate={{ initialFiles: offers[current.id], onConsolidated: (c) => setConsolidations((all) => ({ ...all, [current.id]: c })) }}
              />
            </>
          ) : (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{w(lang, "current.none")}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        <div className={`${styles.column} ${styles.sticky}`}>
          {host && <SheetPreview key={host.id} host={host} lang={lang} target={target} version={writes} onTarget={setTarget} />}
        </div>
      </div>
    </main>
  );
}
