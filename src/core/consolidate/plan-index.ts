import type { Lang } from "../findings/format";
import { addressOf, columnLetters, parseAddress } from "../grid";
import type { CellColumn, CellStyle, CellWrite, SheetPlan } from "../plan/write-plan";
import { COLORS } from "../sheet/layout";
import { sheetLabel } from "../text/sheet-label";
import type { LoadedTemplate } from "../template/load";
import type { Indicator } from "../template/schema";
import { pagesAcross } from "../plan/print";
import { rowHeightFor } from "../plan/row-height";
import { dimensionWeight, rankedCountByDimension, SCORE_DECIMALS, stabilityDraws } from "./composite";
import { CONSOLIDATION_SHEETS, figureAddress, figureRange, sheetRef, type SummaryLayout } from "./layout";
import { PLAIN, PLAIN_BOLD, PLAIN_CENTER } from "./cell-styles";
import { numberFormatOf } from "./plan-summary";
import type { CompositeIndex, IndexSettings } from "./model";
import { NORMALISATION_LABELS, type WeightsCells } from "./weights";

/**
 * The index sheet (综合指数): per district, each ranked indicator normalised by a formula over the
 * summary's cells, the score and its rank as formulas, and the rank range of the stability draws as a
 * value; under the districts, each indicator's lowest and highest figure, what min–max scales between.
 * Weights and the normalisation are formulas over the weights sheet, so a person's edit there shows at
 * once; rows are in the engine's rank order (a re-run re-sorts them).
 */

export interface IndexSheetInput {
  readonly template: LoadedTemplate;
  /** The summary's layout (its rows are in `districts` order) and its sheet name (default 汇总表). */
  readonly summary: SummaryLayout;
  readonly summarySheet?: string;
  /** District names in the summary's order: the order of `index`'s arrays. */
  readonly districts: readonly string[];
  readonly index: CompositeIndex;
  /** The settings `index` was computed with (weights and normalisation as read from the weights sheet). */
  readonly settings: IndexSettings;
  /** Where the weights sheet holds its inputs: `readWeightsSheet(…).cells`, or `freshWeightsCells(t)` when it is planned anew. */
  readonly weightsCells: WeightsCells;
  readonly weightsSheet?: string;
  readonly year?: number;
  /** The reader's language: Chinese words only, or Chinese then English (default Chinese). */
  readonly lang?: Lang;
}

/** Fixed rows of the sheet (0-based). */
export const INDEX_LAYOUT = { title: 0, explain: 1, method: 2, weights: 3, header: 4, firstRow: 5 } as const;

/** Columns (0-based): district, score, rank, rank range — what a leader reads first — then the normalised indicators. */
export interface IndexColumns {
  readonly district: number;
  readonly columnOf: ReadonlyMap<string, number>;
  readonly score: number;
  readonly rank: number;
  readonly range: number;
  /** The last column written. */
  readonly last: number;
}

const FIRST_INDICATOR = 4;

export function indexColumns(index: CompositeIndex): IndexColumns {
  const k = index.indicators.length;
  return { district: 0, score: 1, rank: 2, range: 3, columnOf: new Map(index.indicators.map((c, j) => [c, FIRST_INDICATOR + j])), last: Math.max(3, FIRST_INDICATOR + k - 1) };
}

/** District indices (summary order) in the sheet's row order: by the engine's rank, ties and the unranked in summary order, unranked last. */
export function indexRowOrder(index: CompositeIndex): number[] {
  return index.ranks.map((_, i) => i).sort((a, b) => (index.ranks[a] ?? Infinity) - (index.ranks[b] ?? Infinity) || a - b);
}

/** `2–4`, or `2` when every draw gave the same rank. */
export function rankRangeText(s: { readonly best: number; readonly worst: number } | undefined): string {
  if (!s) return "";
  return s.best === s.worst ? String(s.best) : `${s.best}–${s.worst}`;
}

const HEADER: CellStyle = { bold: true, fill: COLORS.header, fontColor: COLORS.headerText, wrap: true, hAlign: "center", vAlign: "middle", border: true };
const LABEL: CellStyle = { bold: true, hAlign: "right" };
const SCORE: CellStyle = Object.freeze({ ...PLAIN, bold: true, hAlign: "center" });
const BOUND: CellStyle = Object.freeze({ ...PLAIN, hAlign: "center", fontColor: "#595959" });
const NOTE: CellStyle = { italic: true, wrap: true, fontColor: "#595959", vAlign: "top" };
const SCALE = { low: "#F8696B", mid: "#FFEB84", high: "#63BE7B" } as const;

const EXPLAIN = {
  zh: "各指标按方向（↑ 越大越好，↓ 越小越好）归一化到 0–1；得分 = 100 × Σ(权重 × 归一化值) ÷ Σ(已填报指标的权重)，未填报的指标不计入，权重在已填报指标间重新分配；权重和归一化方法来自“指数权重”表。",
  en: "Each indicator is normalised to 0–1 in its direction; score = 100 · Σ w·s / Σ w over the indicators a district reported; weights and normalisation come from the 指数权重 sheet.",
} as const;

/** Paragraphs wrap within the first printed page's width (about 120 units once the repeated columns are printed again), not across the whole wide sheet. */
const PARAGRAPH_UNITS = 120;

/** The last column of a paragraph that fits the first page, and its width. */
function paragraphSpan(widths: readonly number[]): { last: number; width: number } {
  let width = 0;
  let last = 0;
  widths.forEach((w, i) => {
    if (width + w <= PARAGRAPH_UNITS || i === 0) {
      width += w;
      last = i;
    }
  });
  return { last, width };
}

export function indexSheetPlan(input: IndexSheetInput): SheetPlan {
  const { template: t, summary: l, index } = input;
  const src = sheetRef(input.summarySheet ?? CONSOLIDATION_SHEETS.summary);
  const wsRef = sheetRef(input.weightsSheet ?? CONSOLIDATION_SHEETS.weights);
  const cols = indexColumns(index);
  const n = input.districts.length;
  const k = index.indicators.length;
  const order = indexRowOrder(index);
  const firstRow = INDEX_LAYOUT.firstRow;
  const lastRow = firstRow + n - 1;
  const lastLetters = columnLetters(cols.last);
  const cells: CellWrite[] = [];
  const put = (row: number, col: number, w: Omit<CellWrite, "address">) => cells.push({ address: addressOf(row, col), ...w });
  const lang = input.lang ?? "zh";
  const legend = legendText(input, lang);
  const explain = EXPLAIN[lang];

  put(INDEX_LAYOUT.title, 0, {
    value: sheetLabel({ zh: `${t.template.title.zh}指数${input.year ? `（${input.year} 年度）` : ""}`, en: "Composite index" }, lang, "  "),
    style: { bold: true, fontSize: 14, fontColor: COLORS.title },
  });
  put(INDEX_LAYOUT.explain, 0, {
    value: explain,
    style: { wrap: true, vAlign: "top", fontColor: "#595959" },
  });

  // The normalisation in force, read from the weights sheet: rate formulas below test this cell.
  const methodAddress = addressOf(INDEX_LAYOUT.method, 1);
  const methodAbs = absolute(methodAddress);
  put(INDEX_LAYOUT.method, 0, { value: sheetLabel({ zh: "归一化方法", en: "Normalisation" }, lang), style: { ...LABEL, wrap: true } });
  const methodResult = NORMALISATION_LABELS[input.settings.normalisation];
  const nCell = input.weightsCells.normalisation;
  if (nCell !== undefined) {
    const at = `${wsRef}${absolute(nCell)}`;
    put(INDEX_LAYOUT.method, 1, {
      formula: `IF(OR(ISNUMBER(SEARCH("目标",${at})),ISNUMBER(SEARCH("goal",${at}))),"${NORMALISATION_LABELS.goalposts}","${NORMALISATION_LABELS.minmax}")`,
      result: methodResult,
      style: { bold: true },
    });
  } else {
    put(INDEX_LAYOUT.method, 1, { value: methodResult, style: { bold: true } });
  }

  // Indicator weights: the dimension's weight (as the weights sheet holds it) shared among its ranked indicators.
  put(INDEX_LAYOUT.weights, 0, { value: sheetLabel({ zh: "权重", en: "Weight" }, lang, " "), style: LABEL });
  const counts = rankedCountByDimension(t);
  for (const code of index.indicators) {
    const ind = t.byCode.get(code)!;
    put(INDEX_LAYOUT.weights, cols.columnOf.get(code)!, {
      formula: weightFormula(ind, input, wsRef, counts.get(ind.dimension)!),
      result: index.indicatorWeights.get(code)!,
      numberFormat: "0.000",
      style: { ...PLAIN, hAlign: "center", fontColor: "#595959" },
    });
  }

  put(INDEX_LAYOUT.header, cols.district, { value: sheetLabel({ zh: "区县", en: "District" }, lang), style: HEADER });
  for (const code of index.indicators) {
    const ind = t.byCode.get(code)!;
    put(INDEX_LAYOUT.header, cols.columnOf.get(code)!, { value: `${code} ${ind.direction === "down" ? "↓" : "↑"}\n${ind.name.zh}`, style: HEADER });
  }
  put(INDEX_LAYOUT.header, cols.score, { value: sheetLabel({ zh: "得分", en: "Score" }, lang), style: HEADER });
  put(INDEX_LAYOUT.header, cols.rank, { value: sheetLabel({ zh: "排名", en: "Rank" }, lang), style: HEADER });
  put(INDEX_LAYOUT.header, cols.range, { value: sheetLabel({ zh: "排名区间", en: "Rank range" }, lang), style: HEADER });

  const firstInd = columnLetters(FIRST_INDICATOR);
  const lastInd = columnLetters(FIRST_INDICATOR + k - 1);
  const weightsRow = `$${firstInd}$${INDEX_LAYOUT.weights + 1}:$${lastInd}$${INDEX_LAYOUT.weights + 1}`;
  const scoreLetters = columnLetters(cols.score);
  const scores = `$${scoreLetters}$${firstRow + 1}:$${scoreLetters}$${lastRow + 1}`;

  // Under the districts, each indicator's lowest and highest figure on the summary. The normalised
  // formulas refer to these two cells rather than each taking MIN and MAX of the whole column: the
  // sheet recalculates in time growing with the districts, not with their square, and its formulas are
  // half as long.
  const bounds = { min: firstRow + n, max: firstRow + n + 1 };
  if (n > 0) {
    put(bounds.min, cols.district, { value: sheetLabel({ zh: "汇总表最小值", en: "Lowest figure" }, lang), style: { ...LABEL, wrap: true } });
    put(bounds.max, cols.district, { value: sheetLabel({ zh: "汇总表最大值", en: "Highest figure" }, lang), style: { ...LABEL, wrap: true } });
    for (const code of index.indicators) {
      const range = `${src}${figureRange(l, code)}`;
      const col = cols.columnOf.get(code)!;
      const numberFormat = numberFormatOf(t.byCode.get(code)!);
      const b = index.bounds.get(code);
      put(bounds.min, col, { formula: `IF(COUNT(${range})=0,"",MIN(${range}))`, result: b?.min ?? "", numberFormat, style: BOUND });
      put(bounds.max, col, { formula: `IF(COUNT(${range})=0,"",MAX(${range}))`, result: b?.max ?? "", numberFormat, style: BOUND });
    }
  }
  const normalised = index.indicators.map((code) => {
    const letters = columnLetters(cols.columnOf.get(code)!);
    return normalisedFormula(t.byCode.get(code)!, `$${letters}$${bounds.min + 1}`, `$${letters}$${bounds.max + 1}`, methodAbs);
  });
  // The district rows, column by column (rows in `order`, the engine's rank order); the score and the
  // rank are the first row's formulas filled down, the normalised figures district 0's moved to each district's summary row.
  const firstCells = `${firstInd}${firstRow + 1}:${lastInd}${firstRow + 1}`;
  const scoreDen = `SUMPRODUCT(--(${firstCells}<>""),${weightsRow})`;
  const firstScore = addressOf(firstRow, cols.score);
  const top = (col: number) => addressOf(firstRow, col);
  const cellColumns: CellColumn[] = [
    { top: top(cols.district), values: order.map((i) => input.districts[i]), style: PLAIN_BOLD },
    ...index.indicators.map(
      (code, j): CellColumn => ({
        top: top(cols.columnOf.get(code)!),
        values: order.map((i) => index.normalised[i].get(code) ?? ""),
        // District i's formula is district 0's moved down i rows on the summary: one formula, one list of offsets.
        filledFormula: normalised[j](src + figureAddress(l, code, 0)),
        fillRows: order,
        numberFormat: "0.000",
        style: PLAIN_CENTER,
      }),
    ),
    k > 0
      ? {
          top: top(cols.score),
          values: order.map((i) => index.scores[i] ?? ""),
          filledFormula: `IF(${scoreDen}=0,"",ROUND(100*SUMPRODUCT(${firstCells},${weightsRow})/${scoreDen},${SCORE_DECIMALS}))`,
          numberFormat: "0.0",
          style: SCORE,
        }
      : { top: top(cols.score), values: order.map(() => ""), style: PLAIN },
    k > 0
      ? {
          top: top(cols.rank),
          values: order.map((i) => index.ranks[i] ?? ""),
          filledFormula: `IF(${firstScore}="","",_xlfn.RANK.EQ(${firstScore},${scores},0))`,
          numberFormat: "0",
          style: PLAIN_CENTER,
        }
      : { top: top(cols.rank), values: order.map(() => ""), style: PLAIN },
    // A value, not a formula: it comes from the draws, refreshed by consolidating again.
    { top: top(cols.range), values: order.map((i) => rankRangeText(index.stability[i])), style: PLAIN_CENTER },
  ];

  const legendRow = n > 0 ? bounds.max + 2 : firstRow + 1;
  // Column order as `indexColumns` gives it: district, score, rank, rank range, the normalised indicators.
  const widths = [14, 9, 7, 11, ...index.indicators.map(() => 11)];
  const paragraph = paragraphSpan(widths);
  const paragraphLetters = columnLetters(Math.min(paragraph.last, cols.last));
  put(legendRow, 0, { value: legend, style: NOTE });

  const hasRows = n > 0;
  return {
    name: CONSOLIDATION_SHEETS.index,
    mode: "replace",
    tabColor: "#63BE7B",
    cells,
    cellColumns,
    merges: [
      `A${INDEX_LAYOUT.title + 1}:${lastLetters}${INDEX_LAYOUT.title + 1}`,
      `A${INDEX_LAYOUT.explain + 1}:${paragraphLetters}${INDEX_LAYOUT.explain + 1}`,
      `A${legendRow + 1}:${paragraphLetters}${legendRow + 1}`,
    ],
    notes: [{ address: addressOf(INDEX_LAYOUT.header, cols.range), text: legend }],
    freeze: { rows: INDEX_LAYOUT.header + 1, columns: cols.district + 1 },
    columns: widths.map((width, index) => ({ index, width })),
    print: {
      orientation: "landscape",
      titleRows: { first: INDEX_LAYOUT.header, last: INDEX_LAYOUT.header },
      titleColumns: { first: cols.district, last: cols.range },
      pagesWide: pagesAcross(widths, cols.range + 1, "landscape"),
      area: `A1:${lastLetters}${legendRow + 1}`,
      header: CONSOLIDATION_SHEETS.index,
    },
    rows: [
      { index: INDEX_LAYOUT.explain, height: rowHeightFor([{ text: explain, width: paragraph.width }]) },
      { index: INDEX_LAYOUT.method, height: 33 },
      { index: INDEX_LAYOUT.header, height: 64 },
      { index: legendRow, height: rowHeightFor([{ text: legend, width: paragraph.width }]) },
    ],
    colorScales: hasRows
      ? [
          ...(k > 0 ? [{ range: `${firstInd}${firstRow + 1}:${lastInd}${lastRow + 1}`, ...SCALE }] : []),
          { range: `${scoreLetters}${firstRow + 1}:${scoreLetters}${lastRow + 1}`, ...SCALE },
        ]
      : [],
    charts:
      hasRows && k > 0
        ? [
            {
              name: "综合指数得分",
              title: sheetLabel({ zh: "法治政府建设指数得分", en: "Composite index score" }, lang, " "),
              categories: `A${firstRow + 1}:A${lastRow + 1}`,
              values: `${scoreLetters}${firstRow + 1}:${scoreLetters}${lastRow + 1}`,
              seriesName: sheetLabel({ zh: "得分", en: "Score" }, lang, " "),
              from: addressOf(INDEX_LAYOUT.header, cols.last + 2),
              to: addressOf(INDEX_LAYOUT.header + Math.max(18, n + 2), cols.last + 10),
            },
          ]
        : [],
  };
}

/**
 * `IF(AND(ISNUMBER(w),w>=0),w,fallback)/count`: the weights sheet's cell when it holds a number ≥ 0,
 * else the weight the engine used (`readWeightsSheet` ignores the same cells), shared by the count.
 */
function weightFormula(ind: Indicator, input: IndexSheetInput, wsRef: string, count: number): string {
  const fallback = numberText(dimensionWeight(input.settings, ind.dimension));
  const cell = input.weightsCells.weights.get(ind.dimension);
  if (cell === undefined) return `${fallback}/${count}`;
  const w = `${wsRef}${absolute(cell)}`;
  return `IF(AND(ISNUMBER(${w}),${w}>=0),${w},${fallback})/${count}`;
}

/**
 * Blank stays blank. Min–max over the column's lowest and highest figure (`min`, `max`: the cells under
 * the districts): 1 when every reporting district has the same figure. Rates test the normalisation
 * cell, so switching to goalposts on the weights sheet applies at once.
 * Returns the column's formula for a district's cell `at`: what does not depend on the cell is built
 * once, and each formula is joined into one flat string (concatenated, a string stays a tree of its
 * parts; a consolidation holds one of these per district and indicator).
 */
export function normalisedFormula(ind: Indicator, min: string, max: string, methodCell: string): (at: string) => string {
  const span = `/(${max}-${min}))`;
  const same = `IF(${max}=${min},1,`;
  const minmax = (at: string) => (ind.direction === "down" ? [same, "(", max, "-", at, ")", span] : [same, "(", at, "-", min, ")", span]);
  if (ind.kind !== "rate") return (at) => ["IF(", at, '="","",', ...minmax(at), ")"].join("");
  const goalposts = (at: string) => (ind.direction === "down" ? ["MIN(1,MAX(0,1-", at, "))"] : ["MIN(1,MAX(0,", at, "))"]);
  const method = `IF(${methodCell}="${NORMALISATION_LABELS.goalposts}",`;
  return (at) => ["IF(", at, '="","",', method, ...goalposts(at), ",", ...minmax(at), "))"].join("");
}

function legendText(input: IndexSheetInput, lang: Lang): string {
  const { spread } = input.settings.stability;
  const draws = stabilityDraws(input.settings.stability.draws);
  const s = Math.min(1, Math.max(0, spread));
  const pct = `±${Number((s * 100).toFixed(2))}%`;
  const lo = Number((1 - s).toFixed(4));
  const hi = Number((1 + s).toFixed(4));
  return lang === "zh"
    ? `排名区间：各维度权重分别乘以 [${lo}, ${hi}] 内的随机系数（${pct}），抽取 ${draws} 次重算得分，连同原权重所得的最好–最差名次；重新汇总时刷新，不随公式重算。`
    : `Rank range: the best–worst rank over ${draws} random draws of the dimension weights, each multiplied by a factor in [${lo}, ${hi}] (${pct}), the base weights included; refreshed when the consolidation is re-run, not by recalculation.`;
}

/** `C5` → `$C$5`. */
function absolute(address: string): string {
  const p = parseAddress(address);
  if (!p) throw new Error(`not a cell address: ${address}`);
  return `$${columnLetters(p.col)}$${p.row + 1}`;
}

/** A weight as formula text: plain decimal digits (no exponent) where JavaScript would write one. */
function numberText(x: number): string {
  const s = String(x);
  return /e/i.test(s) ? x.toFixed(20).replace(/0+$/, "").replace(/\.$/, "") : s;
}
