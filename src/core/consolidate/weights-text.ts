import type { CellRef } from "../brand";
import type { Lang } from "../findings/format";
import { translator } from "../text/translate";
import { MARKS } from "../text/wording";
import type { WeightsProblem } from "./weights";

// Apart from weights.ts: every door words findings, but only consolidation reads a weights sheet
// (and with it the composite index); the task pane's first script carried both for these sentences.
const { t: weightsText } = translator(
  {
    notNumber: "{cell}：维度 {dimension} 的权重“{raw}”不是数字，按默认权重计算。",
    negative: "{cell}：维度 {dimension} 的权重 {raw} 小于 0，按默认权重计算。",
    blank: "{cell}：维度 {dimension} 的权重为空，按默认权重计算（不计入请填 0）。",
    missingRow: "权重表中没有维度 {dimension} 的行，按默认权重计算。",
    duplicateRow: "维度 {dimension} 在权重表中有多行（{cells}），使用第一行。",
    normalisation: "{cell}：归一化方法“{raw}”无法识别，按最小-最大计算。",
  } as const,
  {
    notNumber: '{cell}: the weight of dimension {dimension}, "{raw}", is not a number; the default weight is used.',
    negative: "{cell}: the weight of dimension {dimension}, {raw}, is below 0; the default weight is used.",
    blank: "{cell}: the weight of dimension {dimension} is blank; the default weight is used (enter 0 to leave it out).",
    missingRow: "The weights sheet has no row for dimension {dimension}; the default weight is used.",
    duplicateRow: "Dimension {dimension} has several rows on the weights sheet ({cells}); the first is used.",
    normalisation: '{cell}: normalisation "{raw}" is not recognised; min-max is used.',
  },
);

/** One problem in the person's language. */
export function weightsProblemText(p: WeightsProblem, lang: Lang): string {
  const at = (c: CellRef) => `${c.sheet}!${c.address}`;
  switch (p.code) {
    case "weight.notNumber":
      return weightsText(lang, "notNumber", { cell: at(p.cell), dimension: p.dimension, raw: p.raw });
    case "weight.negative":
      return weightsText(lang, "negative", { cell: at(p.cell), dimension: p.dimension, raw: p.raw });
    case "weight.blank":
      return weightsText(lang, "blank", { cell: at(p.cell), dimension: p.dimension });
    case "weight.missingRow":
      return weightsText(lang, "missingRow", { dimension: p.dimension });
    case "weight.duplicateRow":
      return weightsText(lang, "duplicateRow", { dimension: p.dimension, cells: p.cells.map((c) => c.address).join(MARKS[lang].list) });
    case "normalisation.unknown":
      return weightsText(lang, "normalisation", { cell: at(p.cell), raw: p.raw });
  }
}
