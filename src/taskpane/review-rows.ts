import { asAddress } from "../core/brand";
import { SEVERITY_ORDER, type Finding } from "../core/findings/finding";
import { formatFigure, type Lang } from "../core/findings/format";
import type { SheetSnapshot } from "../core/grid";
import { findingMessage, shownValue, subjectCode, type LoadedReview, type ReviewEntry, type ReviewStatus } from "../core/review";
import type { TemplateSheetRead } from "../core/sheet/read-template";
import type { LoadedTemplate } from "../core/template/load";
import type { Severity } from "../core/template/schema";

/**
 * The 审核 list's rows: each current finding of the workbook and each closed one, in one shape the
 * pane can filter, sort and show. Pure: built from what `loadReview` gave and the sheets read.
 */
export interface ReviewRow {
  /** The finding's stable id: what a decision is keyed by. */
  readonly id: string;
  /** Undefined for a closed finding: the log does not keep severities. */
  readonly severity?: Severity;
  readonly district: string;
  readonly sheet: string;
  /** Its cells on its own sheet, the subject's cell first (what selecting it selects). */
  readonly cells: readonly string[];
  /** The indicator it is about ("" for a finding about the whole sheet). */
  readonly code: string;
  /** The indicator's name in the reader's language ("" when unknown). */
  readonly indicator: string;
  /** The indicator's dimension (`E`), "" when none. */
  readonly dimension: string;
  /** The subject cell's value as the person sees it ("" when blank). */
  readonly value: string;
  /** What the figure should be, formatted, where the finding says. */
  readonly expected?: string;
  /** The other districts' median, formatted, for findings against peers. */
  readonly median?: string;
  /** Why it is flagged. A closed finding's message is the log's (Chinese). */
  readonly message: string;
  /** The district's own remark in the sheet's 备注 column for the indicator. */
  readonly remark: string;
  readonly status: ReviewStatus;
  /** Open again: its figures changed since the decision, or it came back after closing. */
  readonly reopened: boolean;
  /** The decision in force; for a closed finding, the last one taken before it closed. */
  readonly decision?: ReviewEntry;
  /** A reopened finding's decision that no longer holds. */
  readonly previous?: ReviewEntry;
  /** Every log row of the finding, oldest first. */
  readonly history: readonly ReviewEntry[];
  /** A current finding can be decided on; a closed one cannot. */
  readonly decidable: boolean;
}

export type SeverityFilter = "all" | Severity;
/** `outstanding`: everything that still needs someone (open, sent back, fixed). */
export type StatusFilter = "outstanding" | "all" | ReviewStatus;

export interface ReviewFilter {
  readonly severity: SeverityFilter;
  /** "" for every district. */
  readonly district: string;
  /** A dimension code, "" for every dimension. */
  readonly dimension: string;
  readonly status: StatusFilter;
}

export const DEFAULT_FILTER: ReviewFilter = { severity: "all", district: "", dimension: "", status: "outstanding" };

/** The statuses, in the order the pane lists them. */
export const REVIEW_STATUSES: readonly ReviewStatus[] = ["open", "sentBack", "fixed", "accepted", "closed"];

export function isOutstandingStatus(s: ReviewStatus): boolean {
  return s === "open" || s === "sentBack" || s === "fixed";
}

export function matchesFilter(row: ReviewRow, f: ReviewFilter): boolean {
  if (f.severity !== "all" && row.severity !== f.severity) return false;
  if (f.district && row.district !== f.district) return false;
  if (f.dimension && row.dimension !== f.dimension) return false;
  if (f.status === "outstanding") return isOutstandingStatus(row.status);
  return f.status === "all" || row.status === f.status;
}

/** By severity (closed ones, whose severity is unknown, last), then district, sheet and indicator. */
export function compareRows(a: ReviewRow, b: ReviewRow): number {
  const sev = (r: ReviewRow) => (r.severity ? SEVERITY_ORDER[r.severity] : 9);
  return (
    sev(a) - sev(b) ||
    a.district.localeCompare(b.district, "zh-CN") ||
    a.sheet.localeCompare(b.sheet, "zh-CN") ||
    (a.code === "" ? -1 : 0) - (b.code === "" ? -1 : 0) ||
    a.code.localeCompare(b.code) ||
    a.id.localeCompare(b.id)
  );
}

/** The rows that pass `filter`, sorted. */
export function visibleRows(rows: readonly ReviewRow[], filter: ReviewFilter): ReviewRow[] {
  return rows.filter((r) => matchesFilter(r, filter)).sort(compareRows);
}

/** Addresses on the finding's own sheet (a cell of another sheet is written `'Sheet'!A1` in the log). */
function ownCells(cells: readonly string[]): string[] {
  return cells.filter((c) => !c.includes("!"));
}

function medianOf(f: Finding): number | undefined {
  const d = f.details as { median?: unknown };
  return typeof d.median === "number" ? d.median : undefined;
}

/** Every row of the review: the current findings, then the closed ones. */
export function reviewRows(loaded: LoadedReview, snapshots: readonly SheetSnapshot[], lang: Lang): ReviewRow[] {
  const reads = new Map<string, TemplateSheetRead>(loaded.found.sheets.map((s) => [s.sheet, s]));
  const templates = loaded.found.templates;
  const templateFor = (sheet: string, key?: string): LoadedTemplate | undefined => (key ? templates.get(key) : undefined) ?? reads.get(sheet)?.template;
  const indicatorOf = (t: LoadedTemplate | undefined, code: string) => (code ? t?.byCode.get(code) : undefined);
  const remarkOf = (sheet: string, code: string) => (code ? (reads.get(sheet)?.entries.get(code)?.remark ?? "") : "");
  const valueOf = (sheet: string, cells: readonly string[]) => (cells[0] ? shownValue(snapshots, { sheet, address: asAddress(cells[0]) }) : "");

  const current = loaded.state.items.map((r): ReviewRow => {
    const f = r.finding;
    const code = subjectCode(f);
    const template = templateFor(f.sheet, f.template);
    const ind = indicatorOf(template, code);
    const cells = f.cells.filter((c) => c.sheet === f.sheet).map((c) => c.address as string);
    const median = medianOf(f);
    return {
      id: f.id,
      severity: f.severity,
      district: f.district,
      sheet: f.sheet,
      cells,
      code,
      indicator: ind ? ind.name[lang] : "",
      dimension: ind?.dimension ?? "",
      value: valueOf(f.sheet, cells) || (f.raw ?? ""),
      ...(f.expected !== undefined && ind ? { expected: formatFigure(ind, f.expected, lang) } : {}),
      ...(median !== undefined && ind ? { median: formatFigure(ind, median, lang) } : {}),
      message: findingMessage(f, templates, lang),
      remark: remarkOf(f.sheet, code),
      status: r.status,
      reopened: r.reopened,
      ...(r.decision ? { decision: r.decision } : {}),
      ...(r.previous ? { previous: r.previous } : {}),
      history: r.history,
      decidable: true,
    };
  });

  const closed = loaded.state.closed.map((c): ReviewRow => {
    const e = c.last;
    const code = subjectCode({ code: e.findingCode, codes: e.codes });
    const ind = indicatorOf(templateFor(e.sheet), code);
    const cells = ownCells(e.cells);
    return {
      id: c.findingId,
      district: e.district,
      sheet: e.sheet,
      cells,
      code,
      indicator: ind ? ind.name[lang] : "",
      dimension: ind?.dimension ?? "",
      value: valueOf(e.sheet, cells),
      message: e.message,
      remark: remarkOf(e.sheet, code),
      status: "closed",
      reopened: false,
      ...(c.decision ? { decision: c.decision } : {}),
      history: c.history,
      decidable: false,
    };
  });
  return [...current, ...closed];
}

/** The districts and dimensions the rows have, for the filters' options. */
export function filterChoices(rows: readonly ReviewRow[], templates: Iterable<LoadedTemplate>, lang: Lang): { districts: string[]; dimensions: { code: string; name: string }[] } {
  const districts = [...new Set(rows.map((r) => r.district).filter(Boolean))].sort((a, b) => a.localeCompare(b, "zh-CN"));
  const used = new Set(rows.map((r) => r.dimension).filter(Boolean));
  const names = new Map<string, string>();
  for (const t of templates) for (const d of t.template.dimensions) if (used.has(d.code) && !names.has(d.code)) names.set(d.code, d.name[lang]);
  const dimensions = [...used].sort().map((code) => ({ code, name: names.get(code) ?? code }));
  return { districts, dimensions };
}
