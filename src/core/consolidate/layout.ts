import { addressOf, columnLetters } from "../grid";
import type { LoadedTemplate } from "../template/load";

/** Huishen's own sheets of a consolidation: regenerated on every run (the weights sheet excepted, see weights.ts). */
export const CONSOLIDATION_SHEETS = {
  summary: "汇总表",
  ranks: "排名",
  index: "综合指数",
  weights: "指数权重",
  findings: "问题清单",
} as const;

/** Where the summary (and the rank sheet, which mirrors it) puts things. Rows and columns 0-based. */
export interface SummaryLayout {
  readonly title: number;
  readonly subtitle: number;
  /** Row of the merged dimension headings. */
  readonly dimensionRow: number;
  /** Row of the indicator headings (code, name, unit). */
  readonly headerRow: number;
  readonly firstRow: number;
  /** The municipal total row, right after the last district. */
  readonly totalRow: number;
  readonly districtCount: number;
  /** Fixed columns before the indicators: 区县, 年度, 来源. */
  readonly districtCol: number;
  readonly yearCol: number;
  readonly sourceCol: number;
  /** Indicator codes in column order (template order, so dimensions stay together). */
  readonly codes: readonly string[];
  readonly columnOf: ReadonlyMap<string, number>;
}

export function summaryLayout(t: LoadedTemplate, districtCount: number, codes = t.template.indicators.map((i) => i.code)): SummaryLayout {
  const firstCol = 3;
  return {
    title: 0,
    subtitle: 1,
    dimensionRow: 2,
    headerRow: 3,
    firstRow: 4,
    totalRow: 4 + districtCount,
    districtCount,
    districtCol: 0,
    yearCol: 1,
    sourceCol: 2,
    codes,
    columnOf: new Map(codes.map((c, i) => [c, firstCol + i])),
  };
}

/** `'汇总表'!` — a sheet reference for formulas, quoted as Excel requires for non-ASCII names and spaces. */
export function sheetRef(name: string): string {
  return `'${name.includes("'") ? name.replace(/'/g, "''") : name}'!`;
}

/** The cell of district `i` (0-based, summary order) and indicator `code` on the layout's sheet. */
export function figureAddress(l: SummaryLayout, code: string, i: number): string {
  return addressOf(l.firstRow + i, column(l, code));
}

/** The indicator's district cells, absolute: `$D$5:$D$42`. */
export function figureRange(l: SummaryLayout, code: string): string {
  const letters = columnLetters(column(l, code));
  return `$${letters}$${l.firstRow + 1}:$${letters}$${l.firstRow + l.districtCount}`;
}

/** The municipal total cell of an indicator. */
export function totalAddress(l: SummaryLayout, code: string): string {
  return addressOf(l.totalRow, column(l, code));
}

function column(l: SummaryLayout, code: string): number {
  const c = l.columnOf.get(code);
  if (c === undefined) throw new Error(`indicator ${code} has no column in this layout`);
  return c;
}
