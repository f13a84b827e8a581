import { usedArea } from "../plan/print";
import { asAddress, type CellRef } from "../brand";
import type { Finding } from "../findings/finding";
import type { Lang } from "../findings/format";
import { makeWorkbookFinding } from "../findings/make";
import { addressOf, cellAt, cellText, columnLetters, type CellValue, type SheetSnapshot } from "../grid";
import type { CellStyle, CellWrite, SheetPlan } from "../plan/write-plan";
import { COLORS } from "../sheet/layout";
import { sheetLabel } from "../text/sheet-label";
import { MARKS } from "../text/wording";
import type { LoadedTemplate } from "../template/load";
import { dimensionWeight, rankedCountByDimension, rankedIndicators } from "./composite";
import { CONSOLIDATION_SHEETS } from "./layout";
import type { IndexSettings, Normalisation } from "./model";

/**
 * The weights sheet (指数权重): the aggregator's own input to the composite index. Huishen creates it
 * when it is missing and never rewrites it; the consolidation reads it back by dimension code, so rows
 * a person moved still read, and the index sheet's formulas point at wherever the weights are now.
 */

/** The choices of the normalisation cell, as its list validation offers them. */
export const NORMALISATION_LABELS: Readonly<Record<Normalisation, string>> = {
  minmax: "最小-最大 min-max",
  goalposts: "目标值 goalposts",
};

/** Fixed rows and columns of a freshly written sheet (0-based); readers find rows by content. */
export const WEIGHTS_LAYOUT = { title: 0, explainZh: 1, explainEn: 2, header: 3, firstRow: 4 } as const;
const COL = { code: 0, name: 1, weight: 2, count: 3, note: 4 } as const;
const LAST_COL = COL.note;

const HEADER_LABELS = [
  { zh: "维度代码", en: "Code" },
  { zh: "维度", en: "Dimension" },
  { zh: "权重", en: "Weight" },
  { zh: "指标数", en: "Indicators" },
  { zh: "说明", en: "Notes" },
] as const;
const NORMALISATION_LABEL = { zh: "归一化方法", en: "Normalisation" };

/** Where the index's inputs are on the weights sheet (A1 addresses on that sheet). */
export interface WeightsCells {
  /** Dimension code → its weight cell; a dimension whose row is missing has none (its weight is then fixed at planning). */
  readonly weights: ReadonlyMap<string, string>;
  /** The normalisation choice; undefined when the sheet has none (the index follows the settings at planning). */
  readonly normalisation?: string;
}

/** What the sheet says, to lay over the default settings (see `applyWeightOverrides`). */
export interface WeightOverrides {
  /** Only the dimensions whose weight is a number ≥ 0. */
  readonly dimensionWeights: ReadonlyMap<string, number>;
  readonly normalisation?: Normalisation;
}

/** Why something on the weights sheet was not used; a finding the pane and the command line word (see `weights-text.ts`). */
export type WeightsProblem =
  | { readonly code: "weight.notNumber" | "weight.negative" | "weight.blank"; readonly dimension: string; readonly cell: CellRef; readonly raw: string }
  | { readonly code: "weight.missingRow"; readonly dimension: string }
  | { readonly code: "weight.duplicateRow"; readonly dimension: string; readonly cells: readonly CellRef[] }
  | { readonly code: "normalisation.unknown"; readonly cell: CellRef; readonly raw: string };

export interface WeightsSheetRead {
  readonly sheet: string;
  readonly overrides: WeightOverrides;
  readonly cells: WeightsCells;
  readonly problems: readonly WeightsProblem[];
}

const HEADER: CellStyle = { bold: true, fill: COLORS.header, fontColor: COLORS.headerText, wrap: true, hAlign: "center", vAlign: "middle", border: true };
const LOCKED: CellStyle = { border: true, fill: COLORS.locked };
const INPUT: CellStyle = { locked: false, border: true, fill: COLORS.input };

function normalisationRow(t: LoadedTemplate): number {
  return WEIGHTS_LAYOUT.firstRow + t.template.dimensions.length + 1;
}

/** The cells `weightsSheetPlan` writes the weights and the normalisation choice to. */
export function freshWeightsCells(t: LoadedTemplate): WeightsCells {
  return {
    weights: new Map(t.template.dimensions.map((d, i) => [d.code, addressOf(WEIGHTS_LAYOUT.firstRow + i, COL.weight)])),
    normalisation: addressOf(normalisationRow(t), COL.weight),
  };
}

/**
 * The weights sheet as a `create` plan (never over an existing sheet): protected, weights and normalisation
 * unlocked. Its words as every sheet Huishen writes has them (`sheetLabel`): Chinese for a Chinese reader,
 * Chinese then English for an English one; the choices of the normalisation cell are data, the same for both.
 */
export function weightsSheetPlan(t: LoadedTemplate, settings: IndexSettings, lang: Lang = "zh"): SheetPlan {
  const label = (words: { readonly zh: string; readonly en: string }, sep = " ") => sheetLabel(words, lang, sep);
  const cells: CellWrite[] = [];
  const put = (row: number, col: number, w: Omit<CellWrite, "address">) => cells.push({ address: addressOf(row, col), ...w });
  const last = columnLetters(LAST_COL);
  const counts = rankedCountByDimension(t);
  const ranked = rankedIndicators(t);
  const dims = t.template.dimensions;
  const firstWeight = addressOf(WEIGHTS_LAYOUT.firstRow, COL.weight);
  const lastWeight = addressOf(WEIGHTS_LAYOUT.firstRow + dims.length - 1, COL.weight);
  const normRow = normalisationRow(t);

  put(WEIGHTS_LAYOUT.title, 0, { value: label({ zh: `${t.template.title.zh}指数权重`, en: "Composite index weights" }, "  "), style: { bold: true, fontSize: 14, fontColor: COLORS.title } });
  put(WEIGHTS_LAYOUT.explainZh, 0, {
    value:
      "本表是综合指数的输入：在白色单元格中修改维度权重（≥ 0，不必合计为 1；维度权重由该维度参与排名的指标平分）或归一化方法，“综合指数”表的公式随之更新；排名区间在重新汇总时刷新。汇审只在本表不存在时创建它，之后不再改写。",
    style: { wrap: true, fontColor: "#595959" },
  });
  if (lang === "en") {
    put(WEIGHTS_LAYOUT.explainEn, 0, {
      value:
        "This sheet is the composite index's input: edit a dimension's weight (≥ 0, need not sum to 1; shared equally by the dimension's ranked indicators) or the normalisation in the white cells, and the 综合指数 sheet's formulas follow; rank ranges are refreshed when you consolidate again. Huishen creates this sheet only when it is missing and never rewrites it.",
      style: { wrap: true, italic: true, fontColor: "#595959" },
    });
  }
  HEADER_LABELS.forEach((h, c) => put(WEIGHTS_LAYOUT.header, c, { value: label(h, "\n"), style: HEADER }));

  dims.forEach((d, i) => {
    const row = WEIGHTS_LAYOUT.firstRow + i;
    const codes = ranked.filter((ind) => ind.dimension === d.code).map((ind) => ind.code);
    put(row, COL.code, { value: d.code, style: { ...LOCKED, hAlign: "center", bold: true } });
    put(row, COL.name, { value: label(d.name), style: LOCKED });
    put(row, COL.weight, { value: dimensionWeight(settings, d.code), numberFormat: "0.00", style: INPUT });
    put(row, COL.count, { value: counts.get(d.code) ?? 0, numberFormat: "0", style: { ...LOCKED, hAlign: "center" } });
    put(row, COL.note, {
      value:
        codes.length > 0
          ? label({ zh: `排名指标：${codes.join(MARKS.zh.list)}`, en: `Ranked: ${codes.join(MARKS.en.list)}` })
          : label({ zh: "无参与排名的指标，权重不起作用", en: "No ranked indicator: the weight has no effect" }),
      style: { ...LOCKED, wrap: true },
    });
  });

  put(normRow, COL.code, { value: label(NORMALISATION_LABEL), style: { bold: true, hAlign: "right" } });
  put(normRow, COL.weight, { value: NORMALISATION_LABELS[settings.normalisation], style: INPUT });
  put(normRow, COL.count, {
    value: label({
      zh: "最小-最大：各指标按区县最小值、最大值换算到 0–1。目标值：比率直接取 0–100%（↓ 指标取 1 − 比率），计数和金额仍按最小-最大。",
      en: "Min-max scales each indicator between the districts' lowest and highest; goalposts take a rate as it is (1 − rate for ↓), counts and amounts stay min-max.",
    }),
    style: { wrap: true, fontColor: "#595959" },
  });

  return {
    name: CONSOLIDATION_SHEETS.weights,
    mode: "create",
    cells,
    merges: [
      `A${WEIGHTS_LAYOUT.title + 1}:${last}${WEIGHTS_LAYOUT.title + 1}`,
      `A${WEIGHTS_LAYOUT.explainZh + 1}:${last}${WEIGHTS_LAYOUT.explainZh + 1}`,
      ...(lang === "en" ? [`A${WEIGHTS_LAYOUT.explainEn + 1}:${last}${WEIGHTS_LAYOUT.explainEn + 1}`] : []),
      `${addressOf(normRow, COL.code)}:${addressOf(normRow, COL.name)}`,
      `${addressOf(normRow, COL.count)}:${addressOf(normRow, COL.note)}`,
    ],
    inputRules: [
      {
        range: `${firstWeight}:${lastWeight}`,
        type: "decimal",
        operator: "greaterThanOrEqual",
        min: 0,
        errorStyle: "stop",
        promptTitle: label({ zh: "权重", en: "Weight" }),
        prompt: label({ zh: "不小于 0 的数；0 表示该维度不计入指数。", en: "A number ≥ 0; 0 leaves the dimension out." }),
        errorTitle: label({ zh: "权重应不小于 0", en: "Weight ≥ 0" }),
        error: label({ zh: "权重应为不小于 0 的数。", en: "A weight is a number ≥ 0." }),
      },
      {
        range: addressOf(normRow, COL.weight),
        type: "list",
        list: [NORMALISATION_LABELS.minmax, NORMALISATION_LABELS.goalposts],
        errorStyle: "stop",
        promptTitle: label(NORMALISATION_LABEL),
        prompt: label({ zh: "从列表中选择。", en: "Choose from the list." }),
        errorTitle: label(NORMALISATION_LABEL),
        error: label({ zh: "请从列表中选择。", en: "Choose from the list." }),
      },
    ],
    protect: true,
    freeze: { rows: WEIGHTS_LAYOUT.header + 1, columns: 0 },
    columns: [
      { index: COL.code, width: 11 },
      { index: COL.name, width: 40 },
      { index: COL.weight, width: 18 },
      { index: COL.count, width: 10 },
      { index: COL.note, width: 60 },
    ],
    rows: [
      { index: WEIGHTS_LAYOUT.explainZh, height: 48 },
      ...(lang === "en" ? [{ index: WEIGHTS_LAYOUT.explainEn, height: 48 }] : []),
      { index: WEIGHTS_LAYOUT.header, height: 32 },
      { index: normRow, height: 48 },
    ],
    print: { orientation: "landscape", titleRows: { first: WEIGHTS_LAYOUT.header, last: WEIGHTS_LAYOUT.header }, area: usedArea(cells), header: CONSOLIDATION_SHEETS.weights },
  };
}

/**
 * The normalisation a cell's text chooses: goalposts when it mentions 目标 or goal, else min–max —
 * exactly what the index sheet's `SEARCH` formula decides, so the formulas and the engine agree.
 */
export function normalisationOfText(v: CellValue): Normalisation {
  const s = cellText(v).toLowerCase();
  return s.includes("目标") || s.includes("goal") ? "goalposts" : "minmax";
}

/**
 * Read the weights sheet back; undefined when the workbook has none. Rows are found by the dimension
 * code in the code column (the header row names the columns; without one, the columns as written), so
 * moved or inserted rows still read. A weight is used only when the cell holds a number ≥ 0 — the
 * index sheet's formulas apply the same test (`ISNUMBER`), so text like "1.5" is not a weight there
 * either. The normalisation is read from the row labelled 归一化方法, in the weight column.
 */
export function readWeightsSheet(snapshots: readonly SheetSnapshot[], t: LoadedTemplate): WeightsSheetRead | undefined {
  const s = snapshots.find((x) => x.name.trim() === CONSOLIDATION_SHEETS.weights);
  if (!s) return undefined;
  const { headerRow, codeCol, weightCol } = findColumns(s);
  const ref = (row: number, col: number): CellRef => ({ sheet: s.name, address: asAddress(addressOf(row, col)) });
  const known = new Set(t.template.dimensions.map((d) => d.code));
  const rowsOf = new Map<string, number[]>();
  let normRow: number | undefined;

  for (let r = headerRow + 1; r < s.values.length; r++) {
    const code = cellText(cellAt(s, r, codeCol)).toUpperCase();
    if (known.has(code)) rowsOf.set(code, [...(rowsOf.get(code) ?? []), r]);
    else if (normRow === undefined && (code.startsWith(NORMALISATION_LABEL.zh) || code.toLowerCase().startsWith(NORMALISATION_LABEL.en.toLowerCase()))) normRow = r;
  }

  const problems: WeightsProblem[] = [];
  const weights = new Map<string, number>();
  const cells = new Map<string, string>();
  for (const d of t.template.dimensions) {
    const rows = rowsOf.get(d.code);
    if (!rows) {
      problems.push({ code: "weight.missingRow", dimension: d.code });
      continue;
    }
    if (rows.length > 1) problems.push({ code: "weight.duplicateRow", dimension: d.code, cells: rows.map((r) => ref(r, codeCol)) });
    const row = rows[0];
    cells.set(d.code, addressOf(row, weightCol));
    const v = cellAt(s, row, weightCol);
    const cell = ref(row, weightCol);
    if (typeof v === "number" && Number.isFinite(v)) {
      if (v >= 0) weights.set(d.code, v);
      else problems.push({ code: "weight.negative", dimension: d.code, cell, raw: String(v) });
    } else if (cellText(v) === "") {
      problems.push({ code: "weight.blank", dimension: d.code, cell, raw: "" });
    } else {
      problems.push({ code: "weight.notNumber", dimension: d.code, cell, raw: cellText(v) });
    }
  }

  let normalisation: Normalisation | undefined;
  let normalisationCell: string | undefined;
  if (normRow !== undefined) {
    const v = cellAt(s, normRow, weightCol);
    normalisationCell = addressOf(normRow, weightCol);
    normalisation = normalisationOfText(v);
    const text = cellText(v).toLowerCase();
    if (text !== "" && normalisation === "minmax" && !text.includes("最小") && !text.includes("min")) {
      problems.push({ code: "normalisation.unknown", cell: ref(normRow, weightCol), raw: cellText(v) });
    }
  }

  return {
    sheet: s.name,
    overrides: normalisation === undefined ? { dimensionWeights: weights } : { dimensionWeights: weights, normalisation },
    cells: normalisationCell === undefined ? { weights: cells } : { weights: cells, normalisation: normalisationCell },
    problems,
  };
}

/** The header row and the code and weight columns: by their Chinese labels, else as written. */
function findColumns(s: SheetSnapshot): { headerRow: number; codeCol: number; weightCol: number } {
  for (let r = 0; r < s.values.length; r++) {
    const texts = (s.values[r] ?? []).map((v) => cellText(v));
    const codeCol = texts.findIndex((x) => x.startsWith(HEADER_LABELS[COL.code].zh));
    const weightCol = texts.findIndex((x) => x.startsWith(HEADER_LABELS[COL.weight].zh));
    if (codeCol >= 0 && weightCol >= 0) return { headerRow: r, codeCol, weightCol };
  }
  return { headerRow: -1, codeCol: COL.code, weightCol: COL.weight };
}

/**
 * The weights-sheet cells the index sheet's formulas may follow: all of `freshWeightsCells` when the sheet
 * is being created from `settings`; otherwise only the cells whose content gives what `settings` say (a
 * weight the options override, or a normalisation they override, is written as a constant instead),
 * so every formula's number is still the engine's.
 */
export function indexWeightsCells(t: LoadedTemplate, read: WeightsSheetRead | undefined, settings: IndexSettings): WeightsCells {
  if (!read) return freshWeightsCells(t);
  const weights = new Map(
    [...read.cells.weights].filter(([d]) => (read.overrides.dimensionWeights.get(d) ?? dimensionWeight(settings, d)) === dimensionWeight(settings, d)),
  );
  const keep = read.cells.normalisation !== undefined && read.overrides.normalisation === settings.normalisation;
  return keep ? { weights, normalisation: read.cells.normalisation } : { weights };
}

/** The settings with the sheet's valid weights and its normalisation laid over them. */
export function applyWeightOverrides(settings: IndexSettings, o: WeightOverrides): IndexSettings {
  return {
    ...settings,
    normalisation: o.normalisation ?? settings.normalisation,
    dimensionWeights: new Map([...settings.dimensionWeights, ...o.dimensionWeights]),
  };
}

/**
 * A problem on the weights sheet as a finding (`index.weights`, a warning): listed in 问题清单, the
 * pane and the CLI like every other, never a silent fall-back to the default weight.
 */
export function weightsFinding(p: WeightsProblem, template: string, year: number | undefined): Finding<"index.weights"> {
  const cells = "cell" in p ? [p.cell] : "cells" in p ? p.cells : [];
  return makeWorkbookFinding({
    template,
    district: CONSOLIDATION_SHEETS.weights,
    year,
    sheet: CONSOLIDATION_SHEETS.weights,
    code: "index.weights",
    scope: `${p.code}:${"dimension" in p ? p.dimension : ""}`,
    cells,
    raw: "raw" in p ? p.raw : undefined,
    details: { problem: p },
  });
}
