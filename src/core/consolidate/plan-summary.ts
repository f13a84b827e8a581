import type { Lang } from "../findings/format";
import { addressOf, columnLetters } from "../grid";
import { pagesAcross } from "../plan/print";
import { rowHeightFor } from "../plan/row-height";
import type { CellColumn, CellStyle, CellWrite, ColumnEntry, PrintSpec, RowSpec, SheetPlan } from "../plan/write-plan";
import { COLORS } from "../sheet/layout";
import { sheetLabel } from "../text/sheet-label";
import type { LoadedTemplate } from "../template/load";
import type { Indicator } from "../template/schema";
import { hasCounts } from "./figures";
import { CONSOLIDATION_SHEETS, figureAddress, figureRange, sheetRef, summaryLayout, totalAddress, type SummaryLayout } from "./layout";
import { PLAIN, PLAIN_BOLD, PLAIN_CENTER } from "./cell-styles";
import { sourceLink } from "./links";
import type { Consolidation, DistrictData } from "./model";
import { settingsMarker } from "./settings-marker";

/**
 * The summary (汇总表): one row per district, one column per indicator grouped by dimension, and the
 * municipal total row. Figures a district typed are values; every rate with counts, every total and
 * every municipal rate is a formula a person can follow, carrying the engine's number as its result.
 */

const HEADER: CellStyle = { bold: true, fill: COLORS.header, fontColor: COLORS.headerText, wrap: true, hAlign: "center", vAlign: "middle", border: true };
const DIMENSION: CellStyle = { bold: true, fill: COLORS.dimension, hAlign: "center", border: true };
/** The municipal total: what a leader looks for first, so it stands out. */
const TOTAL: CellStyle = { bold: true, fill: "#C6E0B4", border: true, vAlign: "middle" };
/** Figures that are not exact (余, 以上) or rates reported without their counts: a person should know. */
const SOFT: CellStyle = { italic: true, fontColor: "#806000", border: true };

export function numberFormatOf(ind: Indicator): string {
  return ind.kind === "rate" ? "0.00%" : ind.kind === "amount" ? "#,##0.00" : "#,##0";
}

export function summarySheetPlan(c: Consolidation, lang: Lang = "zh"): { plan: SheetPlan; layout: SummaryLayout } {
  const t = c.template;
  const l = summaryLayout(t, c.districts.length);
  const cells: CellWrite[] = [];
  const merges: string[] = [];
  const lastCol = columnLetters(l.sourceCol + l.codes.length);

  cells.push({ address: addressOf(l.title, 0), value: sheetLabel({ zh: `${t.template.title.zh}汇总表${c.year ? `（${c.year} 年度）` : ""}`, en: "Consolidated indicators" }, lang, "  "), style: { bold: true, fontSize: 14, fontColor: COLORS.title } });
  cells.push({ address: addressOf(l.subtitle, 0), value: subtitle(c, lang), style: { italic: true, fontColor: "#595959" } });
  merges.push(`A${l.title + 1}:${lastCol}${l.title + 1}`, `A${l.subtitle + 1}:${lastCol}${l.subtitle + 1}`);

  cells.push(...headerCells(t, l, merges, lang));
  cells.push(...totalRow(c, l, lang));
  if (c.city) cells.push(...cityRow(t, l, c.city));
  const settingsCol = l.sourceCol + l.codes.length + 1;
  cells.push({ address: addressOf(0, settingsCol), value: settingsMarker(c.options, c.year), style: { fontColor: "#FFFFFF" } });

  const widths = [14, 7, 18, ...l.codes.map(() => 12)];
  const lastRow = c.city ? l.totalRow + 1 : l.totalRow;
  return {
    layout: l,
    plan: {
      name: CONSOLIDATION_SHEETS.summary,
      mode: "replace",
      activate: true,
      tabColor: COLORS.header,
      cells,
      cellColumns: districtColumns(t, l, c.districts, c.columns.now),
      merges,
      freeze: { rows: l.headerRow + 1, columns: l.sourceCol + 1 },
      columns: [...widths.map((width, index) => ({ index, width })), { index: settingsCol, hidden: true }],
      rows: tableRows(t, l, lastRow, 12),
      print: widePrint(`${t.template.title.zh}汇总表`, l, widths, lastCol, lastRow),
    },
  };
}

/** Heights: the header tall enough for code, name and unit; the total (and city) rows for their two-line labels. */
function tableRows(t: LoadedTemplate, l: SummaryLayout, lastRow: number, columnWidth: number): RowSpec[] {
  const header = rowHeightFor(l.codes.map((code) => ({ text: `${code} ↑\n${t.byCode.get(code)!.name.zh}\n（万元）`, width: columnWidth })));
  const rows: RowSpec[] = [{ index: l.headerRow, height: header }];
  // Two lines for the wrapped source (file › sheet) of each district.
  for (let r = l.firstRow; r < l.totalRow; r++) rows.push({ index: r, height: 30 });
  for (let r = l.totalRow; r <= lastRow; r++) rows.push({ index: r, height: 32 });
  return rows;
}

/** Landscape, spread over as few pages across as stay readable, the district column and both header rows on every page. */
function widePrint(title: string, l: SummaryLayout, widths: readonly number[], lastCol: string, lastRow: number): PrintSpec {
  return {
    orientation: "landscape",
    titleRows: { first: l.dimensionRow, last: l.headerRow },
    titleColumns: { first: l.districtCol, last: l.districtCol },
    pagesWide: pagesAcross(widths, 1, "landscape"),
    area: `A1:${lastCol}${lastRow + 1}`,
    header: title,
  };
}

function subtitle(c: Consolidation, lang: Lang): string {
  const n = c.districts.length;
  return lang === "zh"
    ? `${n} 个区县 · 模板 ${c.template.key} · 全市比率 = Σ分子 ÷ Σ分母（不取各区县比率的平均）· 空白 = 未填报 · 斜体 = 近似值或无分子分母的填报比率`
    : `${n} districts · template ${c.template.key} · municipal rates are Σnumerator ÷ Σdenominator (never an average of rates) · blank = not reported · italics = approximate, or a rate reported without its counts`;
}

/** Dimension headings merged over their indicators, then code, name and unit of each indicator. */
export function headerCells(t: LoadedTemplate, l: SummaryLayout, merges: string[], lang: Lang, suffix?: (ind: Indicator) => string): CellWrite[] {
  const cells: CellWrite[] = [
    { address: addressOf(l.headerRow, l.districtCol), value: sheetLabel({ zh: "区县", en: "District" }, lang), style: HEADER },
    { address: addressOf(l.headerRow, l.yearCol), value: sheetLabel({ zh: "年度", en: "Year" }, lang), style: HEADER },
    { address: addressOf(l.headerRow, l.sourceCol), value: sheetLabel({ zh: "来源", en: "Source" }, lang), style: HEADER },
  ];
  for (const dim of t.template.dimensions) {
    const cols = l.codes.filter((code) => t.byCode.get(code)!.dimension === dim.code).map((code) => l.columnOf.get(code)!);
    if (cols.length === 0) continue;
    const first = Math.min(...cols);
    const last = Math.max(...cols);
    cells.push({ address: addressOf(l.dimensionRow, first), value: `${dim.code} ${sheetLabel(dim.name, lang, " ")}`, style: DIMENSION });
    if (last > first) merges.push(`${addressOf(l.dimensionRow, first)}:${addressOf(l.dimensionRow, last)}`);
  }
  for (const code of l.codes) {
    const ind = t.byCode.get(code)!;
    const unit = ind.kind === "rate" ? "%" : ind.unit;
    cells.push({ address: addressOf(l.headerRow, l.columnOf.get(code)!), value: `${code}${suffix?.(ind) ?? ""}\n${ind.name.zh}\n（${unit}）`, style: HEADER });
  }
  return cells;
}

/** Wrapped: a long file and sheet name must not run on over the figures beside it. Blue where it links. */
const SOURCE_LINKED: CellStyle = Object.freeze({ ...PLAIN, wrap: true, fontColor: "#0563C1" });
const SOURCE_NAMED: CellStyle = Object.freeze({ ...PLAIN, wrap: true, fontColor: "#595959" });

/** Each district's name, year and source (a link where its sheet is in the workbook): the first columns of the summary and the rank sheet. */
function labelColumns(l: SummaryLayout, districts: readonly DistrictData[], sourceStyle: (d: DistrictData) => CellStyle): CellColumn[] {
  const top = (col: number) => addressOf(l.firstRow, col);
  const sources = districts.map(sourceLink);
  return [
    { top: top(l.districtCol), values: districts.map((d) => d.name), style: PLAIN_BOLD },
    { top: top(l.yearCol), values: districts.map((d) => d.year ?? ""), style: PLAIN },
    { top: top(l.sourceCol), values: sources.map((s) => (s.formula !== undefined ? s.result : s.value)), formulas: sources.map((s) => s.formula), styles: districts.map(sourceStyle) },
  ];
}

/** The district rows, column by column: name, year, source, then each indicator's figures. */
function districtColumns(t: LoadedTemplate, l: SummaryLayout, districts: readonly DistrictData[], figures: ReadonlyMap<string, Float64Array>): CellColumn[] {
  const n = districts.length;
  const columns = l.codes.map((code) => ({
    code,
    ind: t.byCode.get(code)!,
    figures: figures.get(code)!,
    values: new Array<ColumnEntry>(n),
    formulaRows: undefined as boolean[] | undefined,
    styles: undefined as (CellStyle | undefined)[] | undefined,
  }));
  // District by district: each district's maps are read while they are at hand, not once per indicator.
  districts.forEach((d, i) => {
    for (const c of columns) {
      const v = c.figures[i];
      const has = !Number.isNaN(v);
      c.values[i] = has ? v : null;
      if (!has) continue;
      const source = c.ind.kind === "rate" ? d.rateSource.get(c.code) : undefined;
      if (source === "computed") {
        (c.formulaRows ??= new Array<boolean>(n).fill(false))[i] = true;
      } else if (source === "reported" || d.approximate.has(c.code)) {
        (c.styles ??= new Array<CellStyle | undefined>(n))[i] = SOFT;
      }
    }
  });
  return [
    ...labelColumns(l, districts, (d) => (d.inWorkbook ? SOURCE_LINKED : SOURCE_NAMED)),
    ...columns.map(({ code, ind, values, formulaRows, styles }) => ({
      top: addressOf(l.firstRow, l.columnOf.get(code)!),
      values,
      // A rate computed from its counts, in the district's own row: one formula filled down where the rows hold it.
      ...(formulaRows ? { filledFormula: computedRate(l, ind), formulaRows } : {}),
      numberFormat: numberFormatOf(ind),
      style: PLAIN,
      ...(styles ? { styles } : {}),
    })),
  ];
}

/** The first district's rate from its counts (blank unless both are numbers and the denominator is positive), to fill down. */
function computedRate(l: SummaryLayout, ind: Indicator): string {
  const num = figureAddress(l, ind.numerator!, 0);
  const den = figureAddress(l, ind.denominator!, 0);
  return `IF(AND(ISNUMBER(${num}),ISNUMBER(${den}),${den}>0),${num}/${den},"")`;
}

function totalRow(c: Consolidation, l: SummaryLayout, lang: Lang): CellWrite[] {
  const t = c.template;
  const districtCount = { zh: `${c.districts.length} 个区县`, en: `${c.districts.length} districts` };
  const cells: CellWrite[] = [
    { address: addressOf(l.totalRow, l.districtCol), value: sheetLabel({ zh: "全市合计", en: "Municipal" }, lang), style: { ...TOTAL, wrap: true } },
    { address: addressOf(l.totalRow, l.yearCol), value: c.year ?? "", style: TOTAL },
    { address: addressOf(l.totalRow, l.sourceCol), value: districtCount[lang], style: TOTAL },
  ];
  for (const code of l.codes) {
    const ind = t.byCode.get(code)!;
    const address = totalAddress(l, code);
    const result = c.totals.get(code) ?? "";
    if (ind.kind !== "rate") {
      const r = figureRange(l, code);
      cells.push({ address, formula: `IF(COUNT(${r})=0,"",SUM(${r}))`, result, numberFormat: numberFormatOf(ind), style: TOTAL });
    } else if (hasCounts(t, code)) {
      const n = figureRange(l, ind.numerator!);
      const d = figureRange(l, ind.denominator!);
      const pairs = `(${n}<>"")*(${d}<>"")`;
      cells.push({ address, formula: `IFERROR(SUMPRODUCT(${pairs},${n})/SUMPRODUCT(${pairs},${d}),"")`, result, numberFormat: numberFormatOf(ind), style: TOTAL });
    } else {
      // Reported-only: no counts to add up, and an average of rates would mislead.
      cells.push({ address, value: "—", style: { ...TOTAL, hAlign: "center", fontColor: "#7F7F7F" } });
    }
  }
  return cells;
}

/** The city's own report under the total, to compare by eye; the check itself is a finding. */
function cityRow(t: LoadedTemplate, l: SummaryLayout, city: DistrictData): CellWrite[] {
  const row = l.totalRow + 1;
  const cells: CellWrite[] = [
    { address: addressOf(row, l.districtCol), value: `市级填报\n${city.name}`, style: { ...PLAIN, italic: true, wrap: true } },
    { address: addressOf(row, l.yearCol), value: city.year ?? "", style: PLAIN },
    { address: addressOf(row, l.sourceCol), ...sourceLink(city), style: PLAIN },
  ];
  for (const code of l.codes) {
    const v = city.figures.get(code);
    cells.push({ address: addressOf(row, l.columnOf.get(code)!), value: v ?? null, numberFormat: numberFormatOf(t.byCode.get(code)!), style: { ...PLAIN, italic: true } });
  }
  return cells;
}

/**
 * The rank sheet (排名): for every ranked indicator, each district's rank as `RANK.EQ` over the summary
 * column, descending for ↑ and ascending for ↓, blanks unranked. Mirrors the summary's rows.
 */
export function rankSheetPlan(c: Consolidation, summary: SummaryLayout, lang: Lang = "zh"): SheetPlan {
  const t = c.template;
  const ranked = t.template.indicators.filter((i) => i.direction !== "none").map((i) => i.code);
  const l = summaryLayout(t, c.districts.length, ranked);
  const src = sheetRef(CONSOLIDATION_SHEETS.summary);
  const merges: string[] = [];
  const lastCol = columnLetters(l.sourceCol + ranked.length);
  const cells: CellWrite[] = [
    { address: addressOf(l.title, 0), value: sheetLabel({ zh: `各指标排名${c.year ? `（${c.year} 年度）` : ""}`, en: "Rank by indicator" }, lang, "  "), style: { bold: true, fontSize: 14, fontColor: COLORS.title } },
    {
      address: addressOf(l.subtitle, 0),
      value:
        lang === "zh"
          ? "↑ 数值越大越好，↓ 数值越小越好；并列同名次，其后名次顺延（同 RANK.EQ）；未填报不排名。"
          : "↑ higher is better, ↓ lower is better; ties share a rank and the next is skipped (as RANK.EQ); blanks are not ranked.",
      style: { italic: true, fontColor: "#595959" },
    },
    ...headerCells(t, l, merges, lang, (ind) => (ind.direction === "up" ? " ↑" : " ↓")),
  ];
  merges.push(`A1:${lastCol}1`, `A2:${lastCol}2`);
  const cellColumns = labelColumns(l, c.districts, () => PLAIN);
  for (const code of ranked) {
    // The rank sheet mirrors the summary's rows: one formula for the column, filled down.
    const at = src + figureAddress(summary, code, 0);
    const ranks = c.ranks.get(code);
    cellColumns.push({
      top: addressOf(l.firstRow, l.columnOf.get(code)!),
      values: c.districts.map((_, i) => ranks?.[i] ?? ""),
      filledFormula: `IF(${at}="","",_xlfn.RANK.EQ(${at},${src}${figureRange(summary, code)},${t.byCode.get(code)!.direction === "up" ? 0 : 1}))`,
      numberFormat: "0",
      style: PLAIN_CENTER,
    });
  }
  cells.push({ address: addressOf(l.totalRow, l.districtCol), value: sheetLabel({ zh: "参与排名", en: "Ranked" }, lang), style: { ...TOTAL, wrap: true } });
  const widths = [14, 7, 18, ...ranked.map(() => 10)];
  for (const code of ranked) {
    const r = `${src}${figureRange(summary, code)}`;
    const count = c.districts.filter((d) => d.figures.has(code)).length;
    cells.push({ address: totalAddress(l, code), formula: `COUNT(${r})`, result: count, numberFormat: "0", style: { ...TOTAL, hAlign: "center" } });
  }
  return {
    name: CONSOLIDATION_SHEETS.ranks,
    mode: "replace",
    cells,
    cellColumns,
    merges,
    freeze: { rows: l.headerRow + 1, columns: l.sourceCol + 1 },
    columns: widths.map((width, index) => ({ index, width })),
    rows: tableRows(t, l, l.totalRow, 10),
    print: widePrint("各指标排名", l, widths, lastCol, l.totalRow),
  };
}
