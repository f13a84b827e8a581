import { consolidationFindings } from "./consolidate/consolidate";
import { readConsolidationSettings } from "./consolidate/settings-marker";
import type { Finding } from "./findings/finding";
import type { SheetSnapshot } from "./grid";
import { isOwnSheetName } from "./own-sheet-names";
import type { ReviewEntry } from "./review/entry";
import { checkReviewLog, type LogProblem } from "./review/log";
import { reviewState, reviewStatuses } from "./review/reconcile";
import type { TemplateLookup } from "./review/text";
import type { FlagReviews } from "./sheet/plan-flags";
import type { SheetReadFailure, TemplateSheetRead } from "./sheet/read-template";
import { SheetReader, checkWorkbook } from "./check-workbook";

/**
 * One workbook, understood once: every door (the pane's check and review, `validate`, `review-report`)
 * starts here, so the same workbook gives the same findings everywhere. Each sheet is read once and
 * checked once; a consolidated workbook's findings include the consolidation's (with the options it
 * last ran with, its index left uncomputed: no finding depends on it); the review log is read and checked.
 */
export interface WorkbookAnalysis {
  /** The template sheets understood, in workbook order (Huishen's own sheets never take part). */
  readonly sheets: readonly TemplateSheetRead[];
  /** Sheets with a marker that cannot be read. */
  readonly failures: readonly Exclude<SheetReadFailure, { reason: "noMarker" }>[];
  /** Every finding, errors first. */
  readonly findings: readonly Finding[];
  /** Templates by `id@version`, to render the findings' messages. */
  readonly templates: TemplateLookup;
  /** Whether the workbook carries a consolidation (its settings marker on 汇总表). */
  readonly consolidated: boolean;
  /** The review log's rows that can be placed, in chain order. */
  readonly log: readonly ReviewEntry[];
  /** What is wrong with the log (审核记录异常). */
  readonly logProblems: readonly LogProblem[];
  /** The decisions in force by finding id, for flags (accepted findings get a muted mark). */
  readonly reviews: FlagReviews;
}

/** `reader` carries the editions known (the built-in ones by default) and keeps each sheet's read and checks. */
export function analyzeWorkbook(snapshots: readonly SheetSnapshot[], reader: SheetReader = new SheetReader()): WorkbookAnalysis {
  const work = snapshots.filter((s) => !isOwnSheetName(s.name));
  const run = checkWorkbook(work, reader);
  const settings = readConsolidationSettings(snapshots);
  const consolidated = settings && consolidationFindings([{ snapshots: work, inWorkbook: true }], settings, reader);
  const findings = consolidated ? consolidated.findings : run.findings;
  const templates = new Map(reader.registry.all().map((t) => [t.key, t]));

  // A row about a finding that is not in the workbook and whose district is not either cannot be
  // placed: it is reported, and left out of the counts (it would add a district that does not exist).
  const checked = checkReviewLog(snapshots);
  const current = new Set(findings.map((f) => f.id));
  const districts = new Set(run.sheets.map((s) => s.district));
  const unknown: LogProblem[] = [];
  const log = checked.entries.filter((e, i) => {
    const known = current.has(e.findingId) || (/^F[0-9a-f]{16}$/.test(e.findingId) && districts.has(e.district));
    if (!known) unknown.push({ kind: "unknownFinding", row: checked.rows[i], findingId: e.findingId });
    return known;
  });
  const logProblems = [...checked.problems, ...unknown].sort((a, b) => rowOf(a) - rowOf(b));
  // Only the decisions in force are wanted here, not events to log: the time stamps nothing.
  const reviews = reviewStatuses(reviewState(findings, log, { at: new Date(0).toISOString(), templates }));
  return { sheets: run.sheets, failures: run.failures, findings, templates, consolidated: !!consolidated, log, logProblems, reviews };
}

function rowOf(p: LogProblem): number {
  return p.kind === "legacy" ? 0 : p.row;
}
