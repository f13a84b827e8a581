import type { Lang } from "../findings/format";
import { addressOf, columnLetters } from "../grid";
import { rowHeightFor } from "../plan/row-height";
import { sheetLabel } from "../text/sheet-label";
import type { CellWrite, InputRuleSpec, RowSpec, SheetPlan } from "../plan/write-plan";
import type { LoadedTemplate } from "../template/load";
import type { Indicator } from "../template/schema";
import { COL, COLORS, COLUMNS, COLUMN_WIDTHS, DISTRICT_LABEL, HEADER_LABELS, HIDDEN_COLUMNS, IDENTIFICATION_COL, MARKER_COL, META, ROW, YEAR_LABEL, markerText } from "./layout";
import { inputRuleText } from "./input-rule-text";
import { footerBlock } from "./template-footer";
import { INPUT_STYLE, LABEL_STYLE, LOCKED_STYLE } from "./template-styles";

export interface TemplateSheetOptions {
  readonly sheetName: string;
  readonly district?: string;
  readonly year?: number;
  /**
   * The reader's language: Chinese names only (a Chinese office's form), or Chinese over English.
   * Chinese when absent. Readers find everything by its Chinese label, so both read alike.
   */
  readonly lang?: Lang;
}

export interface TemplateSheetPlan {
  readonly plan: SheetPlan;
  /** 0-based row of each indicator as written. */
  readonly rowOf: ReadonlyMap<string, number>;
}

const LAST_COL = columnLetters(COLUMNS.length - 1);
const VISIBLE = COLUMNS.filter((k) => !HIDDEN_COLUMNS.includes(k));
const TOTAL_WIDTH = VISIBLE.reduce((w, k) => w + COLUMN_WIDTHS[k], 0);
const IDENTIFICATION_WIDTH = COLUMNS.slice(IDENTIFICATION_COL).reduce((w, k) => w + COLUMN_WIDTHS[k], 0);

const INSTRUCTIONS = {
  zh: "填报说明：只填白色单元格。空白表示未填报（不等于 0）；比率可填 94.44% 或 0.9444；“200余”等近似值可以照填，汇审会标注。表尾请填写负责人、填表人、联系电话和报出日期。",
  en: "Fill the white cells only. Blank means not reported (not 0); a rate may be typed as 94.44% or 0.9444; approximate figures such as 200余 may be kept and are flagged. Sign and date the foot of the form.",
};

/**
 * The fill-in sheet of a template as a write plan: a 统计报表 — title, identification (表号,
 * 制定机关…), reporting unit, year and units, instructions, the indicators under their dimension
 * headers, and a footer to sign and date; protected, inputs unlocked, rates live, every wrapped row
 * tall enough for its text, printed on A4 one page wide with the column headers on every page.
 */
export function templateSheetPlan(t: LoadedTemplate, opts: TemplateSheetOptions): TemplateSheetPlan {
  const lang = opts.lang ?? "zh";
  const cells: CellWrite[] = [];
  const merges: string[] = [];
  const rows: RowSpec[] = [];
  const rowOf = new Map<string, number>();
  const put = (row: number, col: number, w: Omit<CellWrite, "address">) => cells.push({ address: addressOf(row, col), ...w });
  const across = (row: number, from = 0) => merges.push(`${addressOf(row, from)}:${LAST_COL}${row + 1}`);
  const title = `${t.template.title.zh}填报表`;

  put(ROW.title, 0, { value: title, style: { bold: true, fontSize: 16, fontColor: COLORS.title, hAlign: "center", vAlign: "middle" } });
  merges.push(`${addressOf(ROW.title, 0)}:${addressOf(ROW.title, IDENTIFICATION_COL - 1)}`);
  // 表号, 制定机关… one to a line at the top right, as statistical forms carry them.
  const identification = t.template.form.identification.map((i) => `${i.label.zh}：${i.value}`).join("\n");
  put(ROW.title, IDENTIFICATION_COL, { value: identification, style: { fontSize: 9, hAlign: "right", vAlign: "middle", wrap: true } });
  across(ROW.title, IDENTIFICATION_COL);
  rows.push({ index: ROW.title, height: Math.max(30, rowHeightFor([{ text: identification, width: IDENTIFICATION_WIDTH, fontSize: 9 }])) });

  cells.push(...metaRow(t, opts, lang));
  merges.push(`${addressOf(ROW.meta, META.district)}:${addressOf(ROW.meta, META.district + 1)}`);
  merges.push(`${addressOf(ROW.meta, META.unit)}:${LAST_COL}${ROW.meta + 1}`);
  rows.push({ index: ROW.meta, height: rowHeightFor([{ text: DISTRICT_LABEL.zh, width: COLUMN_WIDTHS.code }]) });
  const inputRules: InputRuleSpec[] = [
    {
      range: addressOf(ROW.meta, META.year),
      type: "whole",
      operator: "between",
      min: 2000,
      max: 2100,
      errorStyle: "stop",
      errorTitle: inputRuleText(lang, "year.title"),
      error: inputRuleText(lang, "year.error"),
    },
  ];

  const instructions = sheetLabel(INSTRUCTIONS, lang, " ");
  put(ROW.instructions, 0, { value: instructions, style: { wrap: true, vAlign: "top", fontColor: "#595959" } });
  across(ROW.instructions);
  rows.push({ index: ROW.instructions, height: rowHeightFor([{ text: instructions, width: TOTAL_WIDTH }]) });

  const headers = COLUMNS.map((key) => sheetLabel(HEADER_LABELS[key], lang));
  headers.forEach((value, c) =>
    put(ROW.header, c, { value, style: { bold: true, fill: COLORS.header, fontColor: COLORS.headerText, wrap: true, hAlign: "center", vAlign: "middle", border: true } }),
  );
  rows.push({ index: ROW.header, height: rowHeightFor(headers.map((h, c) => ({ text: h, width: COLUMN_WIDTHS[COLUMNS[c]] }))) });

  let row = ROW.firstBody;
  for (const dim of t.template.dimensions) {
    put(row, 0, { value: `${dim.code} ${sheetLabel(dim.name, lang, "  ")}`, style: { bold: true, fill: COLORS.dimension, border: true } });
    across(row);
    row++;
    for (const ind of t.template.indicators.filter((i) => i.dimension === dim.code)) {
      rowOf.set(ind.code, row);
      row++;
    }
  }
  for (const ind of t.template.indicators) {
    const r = rowOf.get(ind.code)!;
    const name = sheetLabel(ind.name, lang);
    cells.push(...indicatorRow(ind, t.template.dimensions.find((d) => d.code === ind.dimension)!.name.zh, name, r, rowOf));
    inputRules.push(...inputValidations(ind, r, lang));
    const height = rowHeightFor([{ text: name, width: COLUMN_WIDTHS.name }]);
    if (height > 18) rows.push({ index: r, height });
  }

  const footer = footerBlock(t.template.form.footer, row + 1, lang);
  cells.push(...footer.cells);
  merges.push(...footer.merges);
  inputRules.push(...footer.inputRules);
  rows.push(...footer.rows);

  put(0, MARKER_COL, { value: markerText(t.key), style: { fontColor: "#FFFFFF" } });

  return {
    rowOf,
    plan: {
      name: opts.sheetName,
      mode: "create",
      activate: true,
      cells,
      merges,
      inputRules,
      protect: true,
      freeze: { rows: ROW.header + 1, columns: COL.name + 1 },
      columns: [...COLUMNS.map((key) => ({ index: COL[key], width: COLUMN_WIDTHS[key], ...(HIDDEN_COLUMNS.includes(key) ? { hidden: true } : {}) })), { index: MARKER_COL, hidden: true }],
      rows,
      print: {
        orientation: "portrait",
        titleRows: { first: ROW.header, last: ROW.header },
        area: `A1:${LAST_COL}${footer.lastRow + 1}`,
        header: title,
      },
    },
  };
}

function metaRow(t: LoadedTemplate, opts: TemplateSheetOptions, lang: Lang): CellWrite[] {
  const at = (c: number) => addressOf(ROW.meta, c);
  const unit = t.template.form.unit;
  return [
    { address: at(META.districtLabel), value: DISTRICT_LABEL.zh, style: LABEL_STYLE },
    { address: at(META.district), value: opts.district ?? "", style: { ...INPUT_STYLE, vAlign: "middle" } },
    { address: at(META.district + 1), style: INPUT_STYLE },
    { address: at(META.yearLabel), value: YEAR_LABEL.zh, style: LABEL_STYLE },
    { address: at(META.year), value: opts.year ?? "", numberFormat: "0", style: { ...INPUT_STYLE, vAlign: "middle", hAlign: "center" } },
    { address: at(META.unitLabel), value: unit.label.zh, style: LABEL_STYLE },
    { address: at(META.unit), value: sheetLabel(unit.value, lang, " "), style: { vAlign: "middle", wrap: true } },
  ];
}

function indicatorRow(ind: Indicator, dimension: string, name: string, r: number, rowOf: ReadonlyMap<string, number>): CellWrite[] {
  const at = (c: number) => addressOf(r, c);
  // Counts in General: a mistyped 1.5 must show as typed, not rounded away by a format.
  const inputFormat = ind.kind === "rate" ? "0.00%" : ind.kind === "amount" ? "#,##0.00" : "General";
  const middle = { vAlign: "middle" } as const;
  const out: CellWrite[] = [
    { address: at(COL.code), value: ind.code, style: { ...LOCKED_STYLE, ...middle, hAlign: "center" } },
    { address: at(COL.dimension), value: dimension, style: LOCKED_STYLE },
    { address: at(COL.name), value: name, style: { ...LOCKED_STYLE, ...middle, wrap: true } },
    { address: at(COL.unit), value: ind.unit, style: { ...LOCKED_STYLE, ...middle, hAlign: "center" } },
    { address: at(COL.thisYear), numberFormat: inputFormat, style: { ...INPUT_STYLE, ...middle } },
    { address: at(COL.lastYear), numberFormat: inputFormat, style: { ...INPUT_STYLE, ...middle } },
    { address: at(COL.check), value: "", style: { ...LOCKED_STYLE, wrap: true } },
    { address: at(COL.remarks), style: { ...INPUT_STYLE, wrap: true } },
  ];
  const num = ind.numerator !== undefined ? rowOf.get(ind.numerator) : undefined;
  const den = ind.denominator !== undefined ? rowOf.get(ind.denominator) : undefined;
  if (num !== undefined && den !== undefined) {
    out.push({ address: at(COL.computed), formula: rateFormula(addressOf(num, COL.thisYear), addressOf(den, COL.thisYear)), result: "", numberFormat: "0.00%", style: { ...LOCKED_STYLE, ...middle } });
  } else {
    out.push({ address: at(COL.computed), value: "", style: LOCKED_STYLE });
  }
  return out;
}

/** Blank while either count is blank (not reported ≠ 0), blank on a zero or non-numeric denominator. */
export function rateFormula(numerator: string, denominator: string): string {
  return `IF(OR(${numerator}="",${denominator}=""),"",IFERROR(${numerator}/${denominator},""))`;
}

function inputValidations(ind: Indicator, r: number, lang: Lang): InputRuleSpec[] {
  const range = `${addressOf(r, COL.thisYear)}:${addressOf(r, COL.lastYear)}`;
  // Warning style: staff may still keep 200余 or 95%以上 after the prompt; the check flags them.
  const common = { range, errorStyle: "warning" as const, promptTitle: ind.name.zh };
  switch (ind.kind) {
    case "count":
      return [{ ...common, type: "whole", operator: "greaterThanOrEqual", min: 0, prompt: inputRuleText(lang, "count.prompt", { unit: ind.unit }), errorTitle: inputRuleText(lang, "count.title"), error: inputRuleText(lang, "count.error") }];
    case "amount":
      return [{ ...common, type: "decimal", operator: "greaterThanOrEqual", min: 0, prompt: inputRuleText(lang, "amount.prompt", { unit: ind.unit }), errorTitle: inputRuleText(lang, "amount.title"), error: inputRuleText(lang, "amount.error", { unit: ind.unit }) }];
    case "rate":
      return [{ ...common, type: "decimal", operator: "between", min: 0, max: 1, prompt: inputRuleText(lang, "rate.prompt"), errorTitle: inputRuleText(lang, "rate.title"), error: inputRuleText(lang, "rate.error") }];
  }
}
