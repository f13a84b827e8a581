import { cellText, type CellValue, type SheetSnapshot } from "../grid";
import type { CellWrite, SheetPlan } from "../plan/write-plan";
import { ENTRY_STATUSES, STATUS_LABEL, isIsoTime, splitCells, type EntryStatus, type ReviewEntry } from "./entry";
import { sha256Hex } from "./sha256";

/**
 * The review log, kept in a very hidden sheet of the workbook like the flag state (`flags/state.ts`):
 * an append-only audit trail, one row per decision or system event. Nothing is ever rewritten or
 * deleted; the current state of a finding is its latest row (see `reconcile.ts`).
 *
 * Tamper-evident, not tamper-proof: each row carries the SHA-256 of its fields and of the row before
 * it, so an edited, deleted, inserted or reordered row breaks the chain from there on and is reported.
 * Someone who recomputes every digest after an edit is not detected (there is no secret key).
 */
export const REVIEW_SHEET = "汇审审核";

const COLUMNS = [
  ["at", "时间 Time"],
  ["findingId", "问题编号 Finding"],
  ["status", "状态 Status"],
  ["note", "说明 Note"],
  ["who", "审核人 Reviewer"],
  ["valueKey", "数值 Values"],
  ["district", "区县 District"],
  ["year", "年度 Year"],
  ["sheet", "工作表 Sheet"],
  ["codes", "指标 Indicators"],
  ["cells", "单元格 Cells"],
  ["message", "问题 Message"],
  ["findingCode", "类型 Kind"],
  ["digest", "校验码 Digest"],
] as const;
type Field = (typeof COLUMNS)[number][0];
const COL = Object.fromEntries(COLUMNS.map(([k], i) => [k, i])) as Record<Field, number>;
const LETTERS = "ABCDEFGHIJKLMN";
const WIDTHS: Record<Field, number> = { at: 26, findingId: 20, status: 10, note: 40, who: 12, valueKey: 30, district: 10, year: 7, sheet: 16, codes: 14, cells: 14, message: 60, findingCode: 20, digest: 66 };
/** The fields the digest covers, in order: every column but the digest itself. */
const CONTENT = COLUMNS.map(([k]) => k).filter((k): k is Exclude<Field, "digest"> => k !== "digest");

/** A row's digest: SHA-256 over the previous row's digest and this row's fields as written (trimmed, as read back). */
export function rowDigest(previous: string, fields: Readonly<Record<Exclude<Field, "digest">, string>>): string {
  return sha256Hex([previous, ...CONTENT.map((k) => fields[k].trim())].join("\u001f"));
}

/** What is wrong with a row of the log; each is shown as 审核记录异常 with the row number. */
export type LogProblem =
  | { readonly kind: "malformed"; readonly row: number; readonly missing: readonly ("time" | "findingId" | "status")[] }
  | { readonly kind: "brokenChain"; readonly row: number }
  | { readonly kind: "noDigest"; readonly row: number }
  | { readonly kind: "timeBackwards"; readonly row: number; readonly at: string; readonly before: string }
  | { readonly kind: "unknownFinding"; readonly row: number; readonly findingId: string }
  | { readonly kind: "legacy"; readonly rows: number };

export interface CheckedLog {
  /** The readable rows, in the order written (chain order). */
  readonly entries: readonly ReviewEntry[];
  /** 1-based sheet row of each entry. */
  readonly rows: readonly number[];
  readonly problems: readonly LogProblem[];
}

/** Status as written (`accepted`), or as a person might retype it (`确认无误`, `accepted 确认无误`). */
function parseStatus(text: string): EntryStatus | undefined {
  const t = text.trim();
  for (const s of ENTRY_STATUSES) {
    if (t === s || t === STATUS_LABEL.zh[s] || t.split(/\s+/)[0] === s) return s;
  }
  return undefined;
}

function timeText(v: CellValue | undefined): string {
  // A person's edit can turn the text into a date; the instant is still good.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString();
  return cellText(v ?? "");
}

/** Every readable row of the log, in the order written; see `checkReviewLog` for what is wrong with the rest. */
export function readReviewLog(snapshots: readonly SheetSnapshot[]): ReviewEntry[] {
  return [...checkReviewLog(snapshots).entries];
}

/**
 * Read the log and check it: each row's digest against the chain, times in order, every field a row
 * needs. Damaged rows are left out of the entries and reported, never thrown on or skipped silently.
 * Rows written before the log had digests (a leading run without them) are read and reported once.
 */
export function checkReviewLog(snapshots: readonly SheetSnapshot[]): CheckedLog {
  const s = snapshots.find((x) => x.name === REVIEW_SHEET);
  const entries: ReviewEntry[] = [];
  const rows: number[] = [];
  const problems: LogProblem[] = [];
  if (!s) return { entries, rows, problems };
  let previous = "";
  let chained = false;
  let legacy = 0;
  let lastTime: string | undefined;
  for (let r = 0; r < s.values.length; r++) {
    const row = s.values[r];
    const text = (f: Field) => cellText(row[COL[f]] ?? "");
    if (r === 0 && text("at").startsWith("时间")) continue;
    if (row.every((v) => cellText(v ?? "") === "")) continue;
    const fields = Object.fromEntries(CONTENT.map((k) => [k, k === "at" ? timeText(row[COL.at]) : text(k)])) as Record<Exclude<Field, "digest">, string>;
    const digest = text("digest");
    if (digest) {
      if (rowDigest(previous, fields) !== digest) problems.push({ kind: "brokenChain", row: r + 1 });
      previous = digest;
      chained = true;
    } else if (chained) problems.push({ kind: "noDigest", row: r + 1 });
    else legacy++;
    const entry = entryOf(fields);
    if (!entry.ok) {
      problems.push({ kind: "malformed", row: r + 1, missing: entry.missing });
      continue;
    }
    if (lastTime !== undefined && Date.parse(entry.value.at) < Date.parse(lastTime)) problems.push({ kind: "timeBackwards", row: r + 1, at: entry.value.at, before: lastTime });
    lastTime = entry.value.at;
    entries.push(entry.value);
    rows.push(r + 1);
  }
  if (legacy > 0) problems.push({ kind: "legacy", rows: legacy });
  return { entries, rows, problems };
}

function entryOf(fields: Readonly<Record<Exclude<Field, "digest">, string>>): { ok: true; value: ReviewEntry } | { ok: false; missing: ("time" | "findingId" | "status")[] } {
  const text = (f: Exclude<Field, "digest">) => fields[f].trim();
  const at = fields.at;
  const findingId = text("findingId");
  const status = parseStatus(text("status"));
  const missing = [...(isIsoTime(at) ? [] : ["time" as const]), ...(findingId ? [] : ["findingId" as const]), ...(status ? [] : ["status" as const])];
  if (missing.length > 0 || !status) return { ok: false, missing };
  const yearText = text("year");
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  return {
    ok: true,
    value: {
        at,
        findingId,
        status,
        note: text("note"),
        who: text("who"),
        valueKey: text("valueKey"),
        district: text("district"),
        ...(year !== undefined ? { year } : {}),
        sheet: text("sheet"),
        codes: text("codes").split(/[,，]\s*/).filter(Boolean),
        cells: splitCells(text("cells")),
        message: text("message"),
        findingCode: text("findingCode"),
      },
  };
}

/**
 * Append `entries` below the rows already in the log; the sheet is created, very hidden, when missing.
 * Undefined when there is nothing to append.
 */
export function reviewLogPlan(entries: readonly ReviewEntry[], snapshots: readonly SheetSnapshot[]): SheetPlan | undefined {
  if (entries.length === 0) return undefined;
  const existing = snapshots.find((x) => x.name === REVIEW_SHEET);
  const cells: CellWrite[] = [];
  let next = existing ? existing.values.length + 1 : 1;
  if (next === 1 || cellText(existing?.values[0]?.[COL.digest] ?? "") === "") {
    // A new log, or one written before rows had digests: the header names every column.
    COLUMNS.forEach(([, label], c) => cells.push({ address: `${LETTERS[c]}1`, value: label, style: { bold: true } }));
    next = Math.max(next, 2);
  }
  let previous = lastDigest(existing);
  for (const e of entries) {
    const row = next++;
    const put = (f: Field, value: string | number) =>
      // Text format: a host must not turn a note like "1/2" or "=…" into a date or a formula.
      cells.push({ address: `${LETTERS[COL[f]]}${row}`, value, numberFormat: f === "year" ? "0" : "@" });
    put("at", e.at);
    put("findingId", e.findingId);
    put("status", e.status);
    put("note", e.note);
    put("who", e.who);
    put("valueKey", e.valueKey);
    put("district", e.district);
    put("year", e.year ?? "");
    put("sheet", e.sheet);
    put("codes", e.codes.join(","));
    put("cells", e.cells.join(","));
    put("message", e.message);
    put("findingCode", e.findingCode);
    const fields = { at: e.at, findingId: e.findingId, status: e.status, note: e.note, who: e.who, valueKey: e.valueKey, district: e.district, year: e.year === undefined ? "" : String(e.year), sheet: e.sheet, codes: e.codes.join(","), cells: e.cells.join(","), message: e.message, findingCode: e.findingCode };
    previous = rowDigest(previous, fields);
    put("digest", previous);
  }
  if (existing) return { name: REVIEW_SHEET, mode: "update", cells };
  return {
    name: REVIEW_SHEET,
    mode: "create",
    visibility: "veryHidden",
    cells,
    columns: COLUMNS.map(([k], index) => ({ index, width: WIDTHS[k] })),
    freeze: { rows: 1, columns: 0 },
  };
}

/** The digest of the log's last chained row: the next row chains from it ("" for a new or legacy log). */
function lastDigest(s: SheetSnapshot | undefined): string {
  for (let r = (s?.values.length ?? 0) - 1; r >= 1; r--) {
    const d = cellText(s!.values[r][COL.digest] ?? "");
    if (d) return d;
  }
  return "";
}
