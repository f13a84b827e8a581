import { usedArea } from "../plan/print";
import type { CellRef } from "../brand";
import { addressOf, parseAddress, type SheetSnapshot } from "../grid";
import type { CellWrite, SheetPlan } from "../plan/write-plan";
import { displayTime } from "./entry";
import { TITLE_STYLE, ownMarker, ownReviewSheets, reportSheetName, tableCells } from "./own-sheets";
import type { FindingReview, ReviewState } from "./reconcile";
import type { ReportOptions } from "./summary-sheet";
import { sheetLabel } from "../text/sheet-label";
import { sheetText } from "./sheet-text";
import { findingMessage, indicatorName, subjectCode } from "./text";

/** `审核意见-荣昌区`: the prefix of a district's sheet of findings sent back. */
export const OPINION_PREFIX = "审核意见-";

export interface OpinionSheet {
  readonly district: string;
  readonly sheetName: string;
  readonly plan: SheetPlan;
  /** Findings sent back; 0 for a district whose earlier opinion sheet is regenerated empty. */
  readonly items: number;
}

const HEADER = [
  { zh: "序号", en: "No." },
  { zh: "指标编码", en: "Code" },
  { zh: "指标名称", en: "Indicator" },
  { zh: "工作表", en: "Sheet" },
  { zh: "单元格", en: "Cell" },
  { zh: "填报值", en: "Value" },
  { zh: "问题", en: "Problem" },
  { zh: "修改意见", en: "To correct" },
  { zh: "审核人", en: "Reviewer" },
  { zh: "审核时间", en: "Date" },
] as const;
const WIDTHS = [6, 9, 26, 14, 8, 12, 50, 36, 10, 17];
const MARKER_COL = HEADER.length;

/**
 * One 审核意见 sheet per district with findings sent back, ready to mail: title, district, year and a
 * numbered list (indicator, cell, value as typed, the problem, what to correct, who, when).
 * A district whose earlier opinion sheet is in the workbook but has nothing sent back now gets it
 * regenerated saying so, rather than keeping stale requests.
 */
export function opinionSheetPlans(state: ReviewState, snapshots: readonly SheetSnapshot[], opts: ReportOptions): OpinionSheet[] {
  const byDistrict = new Map<string, FindingReview[]>();
  for (const r of state.items) {
    if (r.status !== "sentBack") continue;
    const list = byDistrict.get(r.finding.district);
    if (list) list.push(r);
    else byDistrict.set(r.finding.district, [r]);
  }
  for (const own of ownReviewSheets(snapshots)) {
    if (own.kind === "opinion" && !byDistrict.has(own.district)) byDistrict.set(own.district, []);
  }
  const chosen: string[] = [];
  return [...byDistrict.keys()]
    .sort((a, b) => a.localeCompare(b, "zh-CN"))
    .map((district) => {
      const sheetName = reportSheetName(`${OPINION_PREFIX}${district}`, snapshots, chosen);
      chosen.push(sheetName);
      const items = byDistrict.get(district)!;
      return { district, sheetName, items: items.length, plan: opinionPlan(sheetName, district, items, snapshots, opts) };
    });
}

function opinionPlan(name: string, district: string, items: readonly FindingReview[], snapshots: readonly SheetSnapshot[], opts: ReportOptions): SheetPlan {
  const lang = opts.lang ?? "zh";
  const years = [...new Set(items.map((r) => r.finding.year).filter((y): y is number => y !== undefined))].sort();
  const yearText = years.join(sheetText(lang, "sep"));
  const sorted = [...items].sort((a, b) => a.finding.sheet.localeCompare(b.finding.sheet) || subjectCode(a.finding).localeCompare(subjectCode(b.finding)));
  const rows = sorted.map((r, i) => {
    const f = r.finding;
    const code = subjectCode(f);
    const cell = f.cells[0];
    return [
      i + 1,
      code,
      indicatorName(opts.templates, f.template, code, lang),
      f.sheet,
      cell?.address ?? "",
      cell ? shownValue(snapshots, cell) : (f.raw ?? ""),
      findingMessage(f, opts.templates, lang),
      r.decision?.note ?? "",
      r.decision?.who ?? "",
      r.decision ? displayTime(r.decision.at) : "",
    ];
  });
  const title = yearText ? sheetText(lang, "opinionTitleYears", { district, years: yearText }) : sheetText(lang, "opinionTitle", { district });
  const intro = rows.length === 0 ? sheetText(lang, "opinionNone") : sheetText(lang, "opinionIntro", { count: rows.length });
  const cells: CellWrite[] = [
    { address: "A1", value: title, style: TITLE_STYLE },
    { address: "A2", value: sheetText(lang, "district"), style: { bold: true } },
    { address: "B2", value: district, numberFormat: "@" },
    { address: "D2", value: sheetText(lang, "year"), style: { bold: true } },
    { address: "E2", value: yearText, numberFormat: "@" },
    { address: "G2", value: `${sheetText(lang, "generated")} ${displayTime(opts.at)}` },
    { address: "A3", value: intro, style: { italic: true, fontColor: "#595959", wrap: true } },
    { address: addressOf(0, MARKER_COL), value: ownMarker("opinion", district), style: { fontColor: "#FFFFFF" } },
    ...tableCells(3, HEADER.map((h) => sheetLabel(h, lang)), rows),
  ];
  return {
    name,
    mode: "replace",
    cells,
    merges: ["A1:J1", "B2:C2", "A3:J3"],
    columns: [...WIDTHS.map((width, index) => ({ index, width })), { index: MARKER_COL, hidden: true }],
    rows: [
      { index: 2, height: 30 },
      { index: 3, height: 32 },
    ],
    freeze: { rows: 4, columns: 0 },
    print: { orientation: "landscape", titleRows: { first: 3, last: 3 }, area: usedArea(cells), header: name },
  };
}

/** A cell's value as the person sees it: a fraction formatted as a percentage shows as one (0.8529 → 85.29%). */
export function shownValue(snapshots: readonly SheetSnapshot[], ref: CellRef): string {
  const s = snapshots.find((x) => x.name === ref.sheet);
  const p = parseAddress(ref.address);
  if (!s || !p) return "";
  const v = s.values[p.row]?.[p.col];
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== "number") return String(v);
  const format = s.numberFormats?.[p.row]?.[p.col] ?? "General";
  const pct = /0(?:\.(0+))?%/.exec(format);
  if (pct) return `${(v * 100).toFixed(pct[1]?.length ?? 0)}%`;
  return String(v);
}
