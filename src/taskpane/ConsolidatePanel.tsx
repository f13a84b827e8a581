import * as React from "react";
import { Body1, Button, MessageBar, MessageBarBody, Subtitle1, makeStyles } from "@fluentui/react-components";
import type { WorkbookHost, WorkbookRead } from "../core/host";
import { CONSOLIDATION_SHEETS, planConsolidate, type ConsolidateOptions as CoreOptions, type Consolidation, type DistrictFile } from "../core/consolidate";
import type { Finding } from "../core/findings/finding";
import { formatFigure } from "../core/findings/format";
import type { WritePlan } from "../core/plan/write-plan";
import { ActionStatus } from "./ActionStatus";
import { ConsolidateOptions, DEFAULT_OPTIONS, coreOptions, type OptionsInput } from "./ConsolidateOptions";
import { ConsolidateResults } from "./ConsolidateResults";
import { summarise, type ConsolidateSummary } from "./consolidate-summary";
import { readDistrictFile, toBase64, type PickedFile, type ReadyFile } from "./district-file";
import { cellsOf } from "./FindingsList";
import { message, t, type Lang, type MessageKey } from "./i18n";
import { SourcePicker } from "./SourcePicker";
import type { HostAction } from "./useHostAction";
import { useTemplateSheetCount } from "./useTemplateSheetCount";
import { SECTION_STYLES } from "./section-styles";

const useStyles = makeStyles(SECTION_STYLES);

/** What the last run gave: the summary shown, and what the findings list needs. */
interface Outcome {
  readonly summary: ConsolidateSummary;
  readonly consolidation: Consolidation;
  readonly inserted: readonly string[];
  readonly outside: readonly string[];
  /** District sheets in the workbook: findings on them can select their cells (not those of files left outside). */
  readonly workbookSheets: ReadonlySet<string>;
}

interface PlanRequest {
  readonly read: WorkbookRead;
  readonly useWorkbook: boolean;
  /** Sheets just inserted from files: consolidated even when the workbook's own sheets are not. */
  readonly inserted: readonly string[];
  readonly files: readonly DistrictFile[];
  readonly options: CoreOptions;
  readonly lang: Lang;
}

/** The consolidation and its plan, or undefined when there is no template sheet to consolidate. */
export function planRun(req: PlanRequest): { consolidation: Consolidation; plan: WritePlan } | undefined {
  // Without the workbook's own sheets, only the sheets just inserted from files take part.
  const workbookSheets = req.useWorkbook ? "all" : req.inserted.length > 0 ? req.inserted : "none";
  const outcome = planConsolidate(req.read, { workbookSheets, files: req.files, options: req.options, lang: req.lang });
  return outcome.ok ? { consolidation: outcome.consolidation, plan: outcome.plan } : undefined;
}

/** Let the browser paint the new status before the engine takes the thread. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let fileIds = 0;

/**
 * 汇总: pick the workbook's fill-in sheets and/or district files, set the options, consolidate.
 * Files are inserted into the workbook first where Excel can (ExcelApi 1.13), so findings link to
 * their cells and flags are painted; otherwise they are consolidated from outside the workbook.
 */
export interface ConsolidatePanelProps {
  readonly host: WorkbookHost;
  readonly lang: Lang;
  readonly action: HostAction;
  readonly sheetsVersion?: number;
  readonly onSheetsAdded?: () => void;
  /** District files already read elsewhere (the workbench's open files), listed as if picked here. */
  readonly initialFiles?: readonly ReadyFile[];
  /** Called with each consolidation written (the workbench offers its HTML report). */
  readonly onConsolidated?: (c: Consolidation) => void;
}

export function ConsolidatePanel(props: ConsolidatePanelProps): React.JSX.Element {
  const { host, lang, action, sheetsVersion, onSheetsAdded, onConsolidated } = props;
  const styles = useStyles();
  const headingId = React.useId();
  const sectionRef = React.useRef<HTMLElement>(null);
  const canInsert = host.capabilities.insertFromBase64 && typeof host.insertSheets === "function";

  const [useWorkbook, setUseWorkbook] = React.useState(true);
  const [files, setFiles] = React.useState<PickedFile[]>(() => [...(props.initialFiles ?? [])]);
  const [insertFiles, setInsertFiles] = React.useState(true);
  const [options, setOptions] = React.useState<OptionsInput>(DEFAULT_OPTIONS);
  const [outcome, setOutcome] = React.useState<Outcome>();
  const [notice, setNotice] = React.useState<MessageKey>();
  const [runs, setRuns] = React.useState(0);
  const workbookCount = useTemplateSheetCount(host, sectionRef, `${sheetsVersion ?? 0}/${runs}`, action.busy);

  const addFiles = (picked: File[]) => {
    const entries = picked.map((file) => ({ file, id: `file-${++fileIds}` }));
    setFiles((prev) => [...prev, ...entries.map(({ file, id }): PickedFile => ({ id, name: file.name, status: "reading" }))]);
    // One at a time: a district file is small, but ExcelJS holds the whole workbook while it reads.
    void (async () => {
      for (const { file, id } of entries) {
        const read = await readDistrictFile(id, file, host.snapshotFile?.bind(host)).catch(
          (e: unknown): PickedFile => ({ id, name: file.name, status: "error", problem: "unreadable", detail: e instanceof Error ? { zh: e.message, en: e.message } : undefined }),
        );
        setFiles((prev) => prev.map((f) => (f.id === id ? read : f)));
      }
    })();
  };
  const removeFile = (id: string) => setFiles((prev) => prev.filter((f) => f.id !== id));

  const ready = files.filter((f): f is ReadyFile => f.status === "ok");
  const reading = files.some((f) => f.status === "reading");
  const core = coreOptions(options);
  const nothing = !useWorkbook && ready.length === 0;

  const run = () => {
    if (!core || reading) return;
    if (nothing) {
      setNotice("consolidate.nothingPicked");
      return;
    }
    const toInsert = canInsert && insertFiles ? ready : [];
    const outside = canInsert && insertFiles ? [] : ready;
    void action.run({ owner: "consolidate", label: toInsert.length > 0 ? "consolidate.inserting" : "consolidate.reading", params: { done: 1, total: toInsert.length, name: toInsert[0]?.name ?? "" } }, async (progress, stage) => {
      setNotice(undefined);
      setOutcome(undefined);
      const inserted: string[] = [];
      try {
        for (const [i, f] of toInsert.entries()) {
          stage("consolidate.inserting", { done: i + 1, total: toInsert.length, name: f.name });
          progress(i, toInsert.length);
          inserted.push(...(await host.insertSheets!({ name: f.name, base64: toBase64(f.bytes) }, f.templateSheets)));
          // In the workbook now: consolidating again reads them there, never inserts them twice.
          setFiles((prev) => prev.filter((p) => p.id !== f.id));
        }
      } finally {
        if (inserted.length > 0) onSheetsAdded?.();
      }

      stage("consolidate.reading");
      const read = await host.read();
      stage("consolidate.computing");
      await nextFrame();
      const planned = planRun({ read, useWorkbook, inserted, files: outside.map((f) => ({ name: f.name, sheets: f.sheets })), options: core, lang });
      if (!planned) {
        setNotice("consolidate.noTemplateSheets");
        return;
      }
      stage("consolidate.writing");
      await host.apply(planned.plan, progress);
      const sheets = new Set(planned.consolidation.sheets.filter((s) => s.inWorkbook).map((s) => s.read.sheet));
      setOutcome({ summary: summarise(planned.consolidation), consolidation: planned.consolidation, inserted, outside: outside.map((f) => f.name), workbookSheets: sheets });
      onConsolidated?.(planned.consolidation);
      setRuns((n) => n + 1);
      // New sheets (汇总表 …): live checking subscribes again where events are per sheet.
      onSheetsAdded?.();
    });
  };

  const open = (sheet: string) => {
    host.select(sheet, ["A1"]).catch((e: unknown) => action.report("consolidate", e));
  };
  const select = (f: Finding) => {
    host.select(f.sheet, cellsOf(f)).catch((e: unknown) => action.report("consolidate", e));
  };
  const template = outcome?.consolidation.template;

  return (
    <section ref={sectionRef} className={styles.root} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t(lang, "consolidate.heading")}
      </Subtitle1>
      <Body1 className={styles.hint}>{t(lang, "consolidate.intro")}</Body1>
      <SourcePicker
        lang={lang}
        useWorkbook={useWorkbook}
        onUseWorkbook={setUseWorkbook}
        workbookCount={workbookCount}
        files={files}
        onAddFiles={addFiles}
        onRemoveFile={removeFile}
        insertFiles={canInsert ? insertFiles : undefined}
        onInsertFiles={setInsertFiles}
        disabled={action.busy}
      />
      <ConsolidateOptions lang={lang} value={options} onChange={setOptions} disabled={action.busy} />
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={action.busy || reading || !core} onClick={run}>
          {t(lang, "consolidate.button")}
        </Button>
      </div>
      <ActionStatus action={action} owner="consolidate" lang={lang} />
      {notice && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody className={styles.wrap}>{message(lang, notice)}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && template && (
        <ConsolidateResults
          summary={outcome.summary}
          template={template}
          inserted={outcome.inserted}
          outside={outcome.outside}
          lang={lang}
          formatFigure={(code, value) => formatFigure(template.byCode.get(code), value, lang)}
          canSelect={(f) => outcome.workbookSheets.has(f.sheet)}
          onSelect={select}
          onOpenSummary={() => open(CONSOLIDATION_SHEETS.summary)}
          onOpenFindings={() => open(CONSOLIDATION_SHEETS.findings)}
        />
      )}
    </section>
  );
}
