/**
 * The report reader's work for the pane, in a chunk of its own (loaded when a report is chosen) so it
 * stays out of the pane's first scripts: figures read and mapped, the text's own problems and the
 * differences with the active sheet in both languages, and the plan that fills blank cells.
 */
import type { Lang } from "../core/findings/format";
import type { WorkbookRead } from "../core/host";
import { planFillFromReport, type FillFromReport } from "../core/report/fill-plan";
import type { ReadCandidate } from "../core/report/read-report";
import { readReportText } from "../core/report/read-text";
import { sheetTextMessage, textFindingMessage } from "../core/report/text-finding-text";
import { readTemplateSheet } from "../core/sheet/read-template";
import type { Severity } from "../core/template/schema";
import { builtinRegistry, standardTemplate } from "../core/template/registry";

export interface Worded {
  readonly severity: Severity;
  readonly zh: string;
  readonly en: string;
}

export interface ReportAnalysis {
  readonly candidates: readonly ReadCandidate[];
  readonly findings: readonly Worded[];
  /** Against the active fill-in sheet; undefined when the active sheet is not one. */
  readonly fill?: Omit<FillFromReport, "differing"> & { readonly differing: readonly Worded[] };
}

/** `lang`: the language of the notes written on filled cells (the pane's when the report was read). */
export function analyseReport(text: string, workbook: WorkbookRead, lang: Lang): ReportAnalysis {
  const template = standardTemplate();
  const reading = readReportText(text, template);
  const candidates = reading.candidates;
  const findings = reading.findings.map((f) => ({
    severity: f.severity,
    zh: textFindingMessage(f, template, "zh"),
    en: textFindingMessage(f, template, "en"),
  }));
  const active = workbook.sheets.find((s) => s.name === workbook.activeSheet);
  const sheet = active ? readTemplateSheet(active, builtinRegistry()) : undefined;
  if (!sheet?.ok) return { candidates, findings };
  const fill = planFillFromReport(sheet.value, candidates, lang);
  return {
    candidates,
    findings,
    fill: {
      ...fill,
      differing: fill.differing.map((f) => ({ severity: f.severity, zh: sheetTextMessage(f, template, "zh"), en: sheetTextMessage(f, template, "en") })),
    },
  };
}
