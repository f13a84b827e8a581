import { flat } from "../text/flat";
import { addressOf, parseAddress, type SheetSnapshot } from "../grid";
import { SEVERITY_ORDER, type Finding } from "../findings/finding";
import type { Lang } from "../findings/format";
import { SEVERITY_LABEL, renderFinding } from "../findings/render";
import { FlagRows, flagStatePlan, readFlagState, type FlagRecord } from "../flags/state";
import type { CellColumn, ColumnEntry, FillSpec, NoteSpec, SheetPlan, WritePlan } from "../plan/write-plan";
import { MARK } from "./check-column";
import { COLORS } from "./layout";
import { THIS_YEAR } from "./entry-table";
import type { TemplateSheetRead } from "./read-template";
import { MARKS, aside } from "../text/wording";
import { CellGroups } from "./cell-groups";

/** Every note Huishen writes starts with this, so it never mistakes a person's note for its own. */
export const NOTE_PREFIX = "汇审 Huishen";
/** A cell whose findings were all accepted in review: a muted mark instead of the severity colour. */
export const ACCEPTED_FILL = "#EDEDED";

/** A finding's review status as flags need it (see `review/reconcile.ts`, `reviewStatuses`). */
export interface FlagReview {
  readonly status: "open" | "accepted" | "sentBack" | "fixed";
  /** The decision's note: the explanation of an accepted finding, what to correct for one sent back. */
  readonly note?: string;
}
export type FlagReviews = ReadonlyMap<string, FlagReview>;

const FLAG_WORDS = {
  zh: { accepted: "已确认", explanation: "说明", sentBack: "退回修改", fixed: "已更正", more: (n: number) => `另 ${n} 项` },
  en: { accepted: "Accepted", explanation: "Explanation", sentBack: "Sent back", fixed: "Marked fixed", more: (n: number) => `+${n} more` },
} as const;

/**
 * Flags as a write plan: a fill by the worst severity and a note with the reasons on each flagged cell,
 * a one-line verdict in the sheet's own check column, and the flag state kept up to date. Cells flagged
 * before and clean now get their earlier fill back. Values are never written to input cells, a person's
 * own note is never replaced, and sheets not in `sheets` keep their flags.
 *
 * With `reviews`, an accepted finding no longer colours its cell: a cell whose findings are all
 * accepted gets `ACCEPTED_FILL` and a note saying 已确认 with the explanation; the check column says
 * 已确认. A cell with an accepted and an open finding takes the open one's colour.
 *
 * @param snapshots every sheet as read (for current fills and notes, and the flag state sheet)
 * @param reviews each finding's review status by finding id; findings not in it are open
 */
export function flagPlan(sheets: readonly TemplateSheetRead[], findings: readonly Finding[], snapshots: readonly SheetSnapshot[], lang: Lang = "zh", reviews?: FlagReviews): WritePlan {
  const state = readFlagState(snapshots);
  const inScope = new Set(sheets.map((s) => s.sheet));
  const bySheet = groupBy(findings, (f) => f.sheet);
  // Looked up by name, not searched: a province's run has thousands of sheets.
  const snapshotOf = byName(snapshots);
  const stateOf = groupBy(state, (r) => r.sheet);
  const plans: SheetPlan[] = [];
  // Each flagged cell is one of a finding's cells: their count bounds the state sheet's rows.
  let cellCount = 0;
  for (let i = 0; i < findings.length; i++) cellCount += findings[i].cells.length;
  const rows = new FlagRows(state.filter((r) => !inScope.has(r.sheet)), cellCount);
  const cells = new CellGroups();
  for (const read of sheets) {
    plans.push(sheetFlags(read, bySheet.get(read.sheet) ?? [], lang, stateOf.get(read.sheet) ?? [], snapshotOf.get(read.sheet), reviews, cells, rows));
  }
  const statePlan = flagStatePlan(rows, snapshots);
  return { sheets: statePlan ? [...plans, statePlan] : plans };
}

function sheetFlags(
  read: TemplateSheetRead,
  findings: readonly Finding[],
  lang: Lang,
  previous: readonly FlagRecord[],
  snapshot: SheetSnapshot | undefined,
  reviews: FlagReviews | undefined,
  byCell: CellGroups,
  /** Where each flagged cell is recorded: the run's rows of the state sheet. */
  rows: FlagRows,
): SheetPlan {
  // Only findings on this sheet's own cells are painted here (a finding may also point at other sheets).
  byCell.reset();
  for (let i = 0; i < findings.length; i++) {
    const cells = findings[i].cells;
    for (let k = 0; k < cells.length; k++) if (cells[k].sheet === read.sheet) byCell.add(cells[k].address, i);
  }
  const before = previous.length > 0 ? new Map(previous.map((r) => [r.address, r])) : NO_RECORDS;
  const accepted = (f: Finding) => reviews?.get(f.id)?.status === "accepted";
  // Its note and its row's check cell both say a finding: renderFinding words it once.
  const message = (f: Finding) => renderFinding(f, read.template, lang);
  const line = (f: Finding) => noteLine(f, message(f), lang, reviews?.get(f.id));
  // A note of one open finding is its head and the message joined, not copied: the message is kept once
  // anyway (the findings sheet shows it; the row's verdict joins it too). At 10,000 districts, 45,000 notes.
  const onlyNote = (f: Finding) => {
    const review = reviews?.get(f.id);
    return review && review.status !== "open" ? flat(`${NOTE_PREFIX}\n${line(f)}`) : NOTE_HEADS[lang][f.severity] + message(f);
  };
  // A finding on several cells (a part and its total, a rate and its counts) is most cells' only one:
  // each of them gets the same note, written once (kept by the finding's position).
  const onlyNotes: (string | undefined)[] = [];
  const fills: FillSpec[] = [];
  const notes: NoteSpec[] = [];
  for (let i = 0; i < byCell.size; i++) {
    const address = byCell.addressAt(i);
    const only = byCell.findingsAt(i) === 1 ? byCell.findingAt(i, 0) : -1;
    // Most cells have one finding: nothing to order, and no list made (14,000 cells at 1,031 districts).
    let color: string;
    let ordered: Finding[] | undefined;
    if (only >= 0) color = accepted(findings[only]) ? ACCEPTED_FILL : COLORS[findings[only].severity];
    else {
      const sorted = findingsOf(byCell, i, findings).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
      // Accepted findings go last: they neither colour the cell nor lead its note.
      const active = reviews ? sorted.filter((f) => !accepted(f)) : sorted;
      ordered = active === sorted ? sorted : [...active, ...sorted.filter(accepted)];
      color = active.length > 0 ? COLORS[active[0].severity] : ACCEPTED_FILL;
    }
    fills.push({ address, color });
    const theirs = snapshot?.notes?.[address];
    const mayWriteNote = theirs === undefined || theirs.startsWith(NOTE_PREFIX) || before.get(address)?.note === true;
    if (mayWriteNote) {
      const text = ordered ? flat(`${NOTE_PREFIX}\n${ordered.map(line).join("\n")}`) : (onlyNotes[only] ??= onlyNote(findings[only]));
      notes.push({ address, text });
    }
    const fillBefore = before.has(address) ? before.get(address)!.fill : currentFill(snapshot, address);
    rows.add(read.sheet, address, fillBefore, mayWriteNote);
  }

  // Cells flagged before and clean now: their earlier fill back, Huishen's note gone.
  const staleFills: string[] = [];
  const staleNotes: string[] = [];
  for (const r of previous) {
    if (byCell.has(r.address)) continue;
    if (r.fill) fills.push({ address: r.address, color: r.fill });
    else staleFills.push(r.address);
    if (r.note) staleNotes.push(r.address);
  }

  // The check column from the first indicator row down; rows without an indicator (or with a person's text) are left alone.
  const t = read.entries;
  let first = Infinity;
  let last = -Infinity;
  for (let p = 0; p < t.size; p++) {
    first = Math.min(first, t.rowAt(p));
    last = Math.max(last, t.rowAt(p));
  }
  const verdicts: ColumnEntry[] = Array<ColumnEntry>(t.size > 0 ? last - first + 1 : 0).fill(undefined);
  // Most rows have no finding: ✓ where filled. Then the few rows with findings, by their subject.
  for (let p = 0; p < t.size; p++) {
    if (t.checkCellIsOwnAt(p)) verdicts[t.rowAt(p) - first] = t.statusAt(2 * p + THIS_YEAR) !== "blank" ? PASSED : "";
  }
  // A finding belongs to the row of its subject; a sheet has a handful, so each subject's are gathered by a walk.
  for (let i = 0; i < findings.length; i++) {
    const subject = findings[i].subject;
    if (subjectBefore(findings, i)) continue;
    const p = t.positionOf(subject);
    if (p < 0 || !t.checkCellIsOwnAt(p)) continue;
    const own = findings.filter((f, j) => j >= i && f.subject === subject);
    verdicts[t.rowAt(p) - first] = verdict(own, message, lang, reviews);
  }
  const cellColumns: CellColumn[] = t.size > 0 ? [{ top: addressOf(first, read.columns.check), values: verdicts }] : [];
  return { name: read.sheet, mode: "update", cellColumns, fills, notes, clearFlags: { fills: staleFills, notes: staleNotes } };
}

/** The i-th cell's findings, in the order they were added. */
function findingsOf(byCell: CellGroups, i: number, findings: readonly Finding[]): Finding[] {
  return Array.from({ length: byCell.findingsAt(i) }, (_, k) => findings[byCell.findingAt(i, k)]);
}

/** Whether a finding before the i-th has the same subject (its row's verdict is then made already). */
function subjectBefore(findings: readonly Finding[], i: number): boolean {
  for (let j = 0; j < i; j++) if (findings[j].subject === findings[i].subject) return true;
  return false;
}

/** Most sheets were not flagged before: they share one empty map. */
const NO_RECORDS: ReadonlyMap<string, FlagRecord> = new Map();

/** The fill a cell has now; where the host could not read fills, the template's own input fill (flags sit on inputs). */
function currentFill(snapshot: SheetSnapshot | undefined, address: string): string | null {
  if (!snapshot?.fills) return COLORS.input;
  const p = parseAddress(address);
  return (p && snapshot.fills[p.row]?.[p.col]) ?? null;
}

/** One line of a flag note: the finding (worded as `message`), and where a review decided it, the decision. */
function noteLine(f: Finding, message: string, lang: Lang, review: FlagReview | undefined): string {
  const words = FLAG_WORDS[lang];
  const colon = MARKS[lang].colon;
  const note = review?.note ?? "";
  switch (review?.status) {
    case "accepted":
      return `✓ ${words.accepted}${colon}${message}${note ? `\n  ${words.explanation}${colon}${note}` : ""}`;
    case "sentBack":
      return `${lineHead(f.severity, lang)}${message}${note ? `\n  ${words.sentBack}${colon}${note}` : `\n  ${words.sentBack}`}`;
    case "fixed":
      return `${lineHead(f.severity, lang)}${message}\n  ${words.fixed}${note ? `${colon}${note}` : ""}`;
    default:
      return `${lineHead(f.severity, lang)}${message}`;
  }
}

/** How a note's line for an open finding starts: its mark and severity (✗ 错误：). */
function lineHead(severity: Finding["severity"], lang: Lang): string {
  return `${MARK[severity]} ${SEVERITY_LABEL[lang][severity]}${MARKS[lang].colon}`;
}

/** A filled row without findings. */
const PASSED = "✓";

/** The check column of a row with findings: the worst open one in a few words, or ✓ 已确认 when all were accepted. */
function verdict(own: readonly Finding[], message: (f: Finding) => string, lang: Lang, reviews: FlagReviews | undefined): string {
  const bySeverity = own.length === 1 ? own : [...own].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const active = reviews ? bySeverity.filter((f) => reviews.get(f.id)?.status !== "accepted") : bySeverity;
  const more = own.length > 1 ? aside(FLAG_WORDS[lang].more(own.length - 1), lang) : "";
  if (active.length === 0) {
    const note = reviews?.get(bySeverity[0].id)?.note;
    return flat(`✓ ${FLAG_WORDS[lang].accepted}${note ? `${MARKS[lang].colon}${note}` : ""}${more}`);
  }
  // The usual verdict, one finding's, joins its mark to the message without copying it (as `onlyNote`).
  const head = VERDICT_HEADS[active[0].severity] + message(active[0]);
  return more ? flat(head + more) : head;
}

const VERDICT_HEADS: Record<Finding["severity"], string> = { error: `${MARK.error} `, warning: `${MARK.warning} `, info: `${MARK.info} ` };

/** How a note of one open finding starts, before its message: `noteLine`'s default case after `NOTE_PREFIX`. */
const NOTE_HEADS: Record<Lang, Record<Finding["severity"], string>> = {
  zh: noteHeads("zh"),
  en: noteHeads("en"),
};

function noteHeads(lang: Lang): Record<Finding["severity"], string> {
  const head = (s: Finding["severity"]) => flat(`${NOTE_PREFIX}\n${lineHead(s, lang)}`);
  return { error: head("error"), warning: head("warning"), info: head("info") };
}

/**
 * Remove every flag Huishen set on these sheets: fills back to what they were, its notes deleted,
 * the check column emptied, the state forgotten. A person's own fills and notes stay.
 */
export function clearFlagsPlan(sheets: readonly TemplateSheetRead[], snapshots: readonly SheetSnapshot[]): WritePlan {
  const state = readFlagState(snapshots);
  const stateOf = groupBy(state, (r) => r.sheet);
  const inScope = new Set(sheets.map((s) => s.sheet));
  const plans: SheetPlan[] = sheets.map((read) => {
    const own = stateOf.get(read.sheet) ?? [];
    return {
      name: read.sheet,
      mode: "update",
      cells: ownCheckCells(read).map((row) => ({ address: addressOf(row, read.columns.check), value: "" })),
      fills: own.filter((r) => r.fill).map((r) => ({ address: r.address, color: r.fill! })),
      clearFlags: { fills: own.filter((r) => !r.fill).map((r) => r.address), notes: own.filter((r) => r.note).map((r) => r.address) },
    };
  });
  const statePlan = flagStatePlan(new FlagRows(state.filter((r) => !inScope.has(r.sheet))), snapshots);
  return { sheets: statePlan ? [...plans, statePlan] : plans };
}

/** The rows whose check cell Huishen may write (see `isOwnCheckText`), as the sheet was read. */
function ownCheckCells(read: TemplateSheetRead): number[] {
  const t = read.entries;
  const rows: number[] = [];
  for (let p = 0; p < t.size; p++) if (t.checkCellIsOwnAt(p)) rows.push(t.rowAt(p));
  return rows;
}

/** Each sheet by its name (the first, as `find` would give, should a list ever hold a name twice). */
function byName(snapshots: readonly SheetSnapshot[]): Map<string, SheetSnapshot> {
  const m = new Map<string, SheetSnapshot>();
  for (const s of snapshots) if (!m.has(s.name)) m.set(s.name, s);
  return m;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) pushTo(m, key(it), it);
  return m;
}

function pushTo<T>(m: Map<string, T[]>, key: string, item: T): void {
  const list = m.get(key);
  if (list) list.push(item);
  else m.set(key, [item]);
}
