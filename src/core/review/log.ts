import { cellText, type CellValue, type SheetSnapshot } from "../grid";
import type { CellWrite, SheetPlan } from "../plan/write-plan";
import { ENTRY_STATUSES, STATUS_LABEL, isIsoTime, splitCells, type EntryStatus, type ReviewEntry } from "./entry";

/**
 * The review log, kept in a very hidden sheet of the workbook like the flag state (`flags/state.ts`):
 * an append-only audit trail, one row per decision or system event. Nothing is ever rewritten or
 * deleted; the current state of a finding is its latest row (see `reconcile.ts`).
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
] as const;
type Field = (typeof COLUMNS)[number][0];
const COL = Object.fromEntries(COLUMNS.map(([k], i) => [k, i])) as Record<Field, number>;
const LETTERS = "ABCDEFGHIJKLM";
const WIDTHS: Record<Field, number> = { at: 26, findingId: 20, status: 10, note: 40, who: 12, valueKey: 30, district: 10, year: 7, sheet: 16, codes: 14, cells: 14, message: 60, findingCode: 20 };

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

/**
 * Every readable row of the log, in the order written. Rows a person damaged (no time, no finding id,
 * an unknown status) are skipped, never thrown on; so is the header.
 */
export function readReviewLog(snapshots: readonly SheetSnapshot[]): ReviewEntry[] {
  const s = snapshots.find((x) => x.name === REVIEW_SHEET);
  if (!s) return [];
  return s.values.flatMap((row): ReviewEntry[] => {
    const text = (f: Field) => cellText(row[COL[f]] ?? "");
    const at = timeText(row[COL.at]);
    const findingId = text("findingId");
    const status = parseStatus(text("status"));
    if (!isIsoTime(at) || !findingId || !status) return [];
    const yearText = text("year");
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
    return [
      {
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
    ];
  });
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
  if (next === 1) {
    COLUMNS.forEach(([, label], c) => cells.push({ address: `${LETTERS[c]}1`, value: label, style: { bold: true } }));
    next = 2;
  }
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
