/**
 * The foot of the fill-in form: 单位负责人, 统计负责人, 填表人, 联系电话, 报出日期 (or whatever the
 * edition lists), two to a row — a right-aligned label, then an unlocked input spanning two columns.
 * A date input takes only a date (2000–2100) and shows it as 2025年1月20日.
 */
import type { Lang } from "../findings/format";
import { addressOf } from "../grid";
import { rowHeightFor } from "../plan/row-height";
import type { CellWrite, InputRuleSpec, RowSpec } from "../plan/write-plan";
import type { Form } from "../template/schema";
import { inputRuleText } from "./input-rule-text";
import { COL, COLUMN_WIDTHS, type ColumnKey } from "./layout";
import { INPUT_STYLE, LABEL_STYLE } from "./template-styles";

/** Where each of the two items of a footer row goes: label column, then the input's first and last columns. */
const SLOTS: readonly { label: ColumnKey; from: number; to: number }[] = [
  { label: "name", from: COL.unit, to: COL.thisYear },
  { label: "lastYear", from: COL.computed, to: COL.check },
];

/** Excel date serials (days since 1899-12-30) of 2000-01-01 and 2100-12-31. */
const FIRST_DATE = 36526;
const LAST_DATE = 73415;

export interface FooterBlock {
  readonly cells: CellWrite[];
  readonly merges: string[];
  readonly inputRules: InputRuleSpec[];
  readonly rows: RowSpec[];
  /** 0-based last row of the footer (the end of the print area). */
  readonly lastRow: number;
}

export function footerBlock(items: Form["footer"], firstRow: number, lang: Lang): FooterBlock {
  const out = { cells: [] as CellWrite[], merges: [] as string[], inputRules: [] as InputRuleSpec[], lastRow: firstRow };
  /** One height per row: the taller of its two labels, at least a comfortable line to sign on. */
  const heights = new Map<number, number>();
  items.forEach((item, i) => {
    const row = firstRow + Math.floor(i / SLOTS.length);
    const slot = SLOTS[i % SLOTS.length];
    const label = lang === "en" ? `${item.label.zh}\n${item.label.en}` : `${item.label.zh}：`;
    const input = addressOf(row, slot.from);
    out.cells.push({ address: addressOf(row, COL[slot.label]), value: label, style: LABEL_STYLE });
    out.cells.push({ address: input, style: { ...INPUT_STYLE, vAlign: "middle" }, ...(item.input === "date" ? { numberFormat: 'yyyy"年"m"月"d"日"' } : {}) });
    for (let c = slot.from + 1; c <= slot.to; c++) out.cells.push({ address: addressOf(row, c), style: INPUT_STYLE });
    out.merges.push(`${input}:${addressOf(row, slot.to)}`);
    if (item.input === "date") {
      out.inputRules.push({
        range: input,
        type: "date",
        operator: "between",
        min: FIRST_DATE,
        max: LAST_DATE,
        errorStyle: "stop",
        errorTitle: inputRuleText(lang, "date.title"),
        error: inputRuleText(lang, "date.error"),
        promptTitle: item.label.zh,
        prompt: inputRuleText(lang, "date.prompt"),
      });
    }
    const height = rowHeightFor([{ text: label, width: COLUMN_WIDTHS[slot.label] }]);
    heights.set(row, Math.max(heights.get(row) ?? 22, height));
    out.lastRow = row;
  });
  return { ...out, rows: [...heights].map(([index, height]): RowSpec => ({ index, height })) };
}
