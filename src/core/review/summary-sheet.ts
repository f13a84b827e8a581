import { usedArea } from "../plan/print";
import { sheetLabel } from "../text/sheet-label";
import { sheetText } from "./sheet-text";
import type { Lang } from "../findings/format";
import { addressOf, columnLetters, type SheetSnapshot } from "../grid";
import type { CellWrite, SheetPlan } from "../plan/write-plan";
import { STATUS_LABEL, displayTime, type ReviewEntry } from "./entry";
import { BODY_STYLE, TITLE_STYLE, ownMarker, reportSheetName, tableCells } from "./own-sheets";
import type { ReviewState, ReviewStatus } from "./reconcile";
import { reviewSummary, type ReviewCounts } from "./summary";
import { findingMessage, indicatorName, subjectCode, type TemplateLookup } from "./text";
import { MARKS, aside } from "../text/wording";

export const SUMMARY_SHEET = "审核汇总";

export interface ReportOptions {
  /** ISO 8601 time the report is generated. */
  readonly at: string;
  readonly lang?: Lang;
  readonly templates: TemplateLookup;
}

const COUNT_COLUMNS: readonly { key: keyof ReviewCounts; zh: string; en: string }[] = [
  { key: "open", zh: "待处理", en: "Open" },
  { key: "reopened", zh: "其中重新打开", en: "of which reopened" },
  { key: "sentBack", zh: "退回修改", en: "Sent back" },
  { key: "fixed", zh: "已更正", en: "Fixed" },
  { key: "accepted", zh: "确认无误", en: "Accepted" },
  { key: "closed", zh: "已关闭", en: "Closed" },
];
const DETAIL_HEADER = [
  { zh: "区县", en: "District" },
  { zh: "状态", en: "Status" },
  { zh: "指标", en: "Indicator" },
  { zh: "工作表", en: "Sheet" },
  { zh: "单元格", en: "Cells" },
  { zh: "审核人", en: "Reviewer" },
  { zh: "时间", en: "Time" },
  { zh: "说明", en: "Note" },
  { zh: "问题", en: "Finding" },
] as const;
const WIDTHS = [12, 14, 24, 14, 12, 12, 18, 36, 60];
const STATUS_ORDER: Record<ReviewStatus, number> = { sentBack: 0, open: 1, fixed: 2, accepted: 3, closed: 4 };
const MARKER_COL = DETAIL_HEADER.length;

/**
 * The 审核汇总 sheet: counts by district and status with totals (the totals as formulas a person can
 * read), when it was generated, and one line per finding under review. Regenerated each time.
 */
export function reviewSummarySheetPlan(state: ReviewState, snapshots: readonly SheetSnapshot[], opts: ReportOptions): SheetPlan {
  const lang = opts.lang ?? "zh";
  const summary = reviewSummary(state);
  const cells: CellWrite[] = [
    { address: "A1", value: sheetText(lang, "summaryTitle"), style: TITLE_STYLE },
    { address: "A2", value: sheetText(lang, "generated"), style: { bold: true } },
    { address: "B2", value: displayTime(opts.at), numberFormat: "@" },
    { address: "A3", value: sheetText(lang, "summaryNote"), style: { italic: true, fontColor: "#595959" } },
    { address: addressOf(0, MARKER_COL), value: ownMarker("summary"), style: { fontColor: "#FFFFFF" } },
  ];

  // Counts: district, six statuses, total (a formula: reopened is part of open, so not added again).
  const headerRow = 3;
  const header = [{ zh: "区县", en: "District" }, ...COUNT_COLUMNS, { zh: "合计", en: "Total" }].map((h) => sheetLabel(h, lang));
  const first = headerRow + 2; // 1-based row of the first district
  const totalCol = columnLetters(COUNT_COLUMNS.length + 1);
  const rowTotal = (r: number) => `B${r}+SUM(D${r}:G${r})`;
  const rows = summary.byDistrict.map(({ district, counts }, i) => [
    district,
    ...COUNT_COLUMNS.map((c) => counts[c.key]),
    { formula: rowTotal(first + i), result: counts.total },
  ]);
  cells.push(...tableCells(headerRow, header, rows));
  const totalRow = first + rows.length;
  const last = totalRow - 1;
  const bold = { ...BODY_STYLE, bold: true };
  cells.push({ address: `A${totalRow}`, value: sheetText(lang, "total"), style: bold });
  COUNT_COLUMNS.forEach((c, i) => {
    const col = columnLetters(i + 1);
    const value = summary.total[c.key];
    cells.push(rows.length > 0 ? { address: `${col}${totalRow}`, formula: `SUM(${col}${first}:${col}${last})`, result: value, style: bold } : { address: `${col}${totalRow}`, value, style: bold });
  });
  cells.push({ address: `${totalCol}${totalRow}`, formula: rowTotal(totalRow), result: summary.total.total, style: bold });

  // Details: one line per finding, the ones needing someone first.
  const detailRow = totalRow + 2; // 0-based: one blank row after the totals
  const lines = detailLines(state, lang, opts.templates);
  cells.push({ address: addressOf(detailRow - 1, 0), value: sheetText(lang, "details"), style: { bold: true } });
  cells.push(...tableCells(detailRow, DETAIL_HEADER.map((h) => sheetLabel(h, lang)), lines));

  return {
    name: reportSheetName(SUMMARY_SHEET, snapshots),
    mode: "replace",
    cells,
    merges: ["A1:I1", "A3:I3"],
    columns: [...WIDTHS.map((width, index) => ({ index, width })), { index: MARKER_COL, hidden: true }],
    rows: [{ index: headerRow, height: 32 }],
    // Below the districts' header, right of the district names.
    freeze: { rows: headerRow + 1, columns: 1 },
    print: { orientation: "landscape", titleRows: { first: headerRow, last: headerRow }, area: usedArea(cells), header: reportSheetName(SUMMARY_SHEET, snapshots) },
  };
}

function who(e: ReviewEntry | undefined): [string, string] {
  return e ? [e.who, displayTime(e.at)] : ["", ""];
}

function detailLines(state: ReviewState, lang: Lang, templates: TemplateLookup): (string | number)[][] {
  type Line = { district: string; status: ReviewStatus; code: string; cells: (string | number)[] };
  const label = STATUS_LABEL[lang];
  const colon = MARKS[lang].colon;
  const out: Line[] = [];
  for (const r of state.items) {
    const f = r.finding;
    const code = subjectCode(f);
    const status = r.reopened ? `${label.open}${aside(label.reopened, lang)}` : label[r.status];
    // A reopened finding shows the decision that no longer holds, so the reviewer sees what was said.
    const note = r.decision?.note ?? (r.previous ? `${label[r.previous.status]}${colon}${r.previous.note}` : "");
    const [by, when] = who(r.decision ?? r.previous);
    out.push({
      district: f.district,
      status: r.status,
      code,
      cells: [f.district, status, `${code} ${indicatorName(templates, f.template, code, lang)}`.trim(), f.sheet, f.cells.map((c) => c.address).join(","), by, when, note, findingMessage(f, templates, lang)],
    });
  }
  for (const c of state.closed) {
    const e = c.last;
    const code = subjectCode({ code: e.findingCode, codes: e.codes });
    const [by, when] = who(e);
    out.push({ district: e.district, status: "closed", code, cells: [e.district, label.closed, code, e.sheet, e.cells.join(","), by, when, c.decision ? `${label[c.decision.status]}${colon}${c.decision.note}` : "", e.message] });
  }
  out.sort((a, b) => a.district.localeCompare(b.district, "zh-CN") || STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.code.localeCompare(b.code));
  return out.map((l) => l.cells);
}
