import { addressOf, columnLetters } from "../grid";
import type { CellWrite, SheetPlan, InputRuleSpec } from "../plan/write-plan";
import type { LoadedTemplate } from "../template/load";
import type { Indicator } from "../template/schema";
import { COL, COLORS, COLUMNS, DISTRICT_LABEL, HEADER_LABELS, MARKER_COL, META, ROW, TEMPLATE_LABEL, YEAR_LABEL, markerText } from "./layout";

export interface TemplateSheetOptions {
  readonly sheetName: string;
  readonly district?: string;
  readonly year?: number;
}

export interface TemplateSheetPlan {
  readonly plan: SheetPlan;
  /** 0-based row of each indicator as written. */
  readonly rowOf: ReadonlyMap<string, number>;
}

const LAST_COL = columnLetters(COLUMNS.length - 1);
const INPUT_STYLE = { locked: false, border: true, fill: COLORS.input } as const;
const LOCKED_STYLE = { border: true, fill: COLORS.locked } as const;

/** The fill-in sheet of a template, as a write plan: protected, inputs unlocked, rates live. */
export function templateSheetPlan(t: LoadedTemplate, opts: TemplateSheetOptions): TemplateSheetPlan {
  const cells: CellWrite[] = [];
  const merges: string[] = [];
  const inputRules: InputRuleSpec[] = [];
  const rowOf = new Map<string, number>();
  const put = (row: number, col: number, w: Omit<CellWrite, "address">) => cells.push({ address: addressOf(row, col), ...w });

  put(ROW.title, 0, { value: `${t.template.title.zh}填报表`, style: { bold: true, fontSize: 14, fontColor: COLORS.title } });
  merges.push(`A1:${LAST_COL}1`);
  cells.push(...metaRow(t, opts));
  merges.push(`${addressOf(ROW.meta, META.district)}:${addressOf(ROW.meta, META.district + 1)}`);
  merges.push(`${addressOf(ROW.meta, META.template)}:${addressOf(ROW.meta, META.template + 1)}`);
  inputRules.push({
    range: addressOf(ROW.meta, META.year),
    type: "whole",
    operator: "between",
    min: 2000,
    max: 2100,
    errorStyle: "stop",
    errorTitle: "年度 Year",
    error: "请填写四位年份，例如 2024。Enter a four-digit year, e.g. 2024.",
  });
  put(ROW.instructions, 0, {
    value:
      "填报说明：只填白色单元格。空白表示未填报（不等于 0）；比率可填 94.44% 或 0.9444；“200余”等近似值可以照填，汇审会标注。" +
      " Fill the white cells only. Blank means not reported (not 0).",
    style: { wrap: true, italic: true, fontColor: "#595959" },
  });
  merges.push(`A3:${LAST_COL}3`);
  COLUMNS.forEach((key, c) =>
    put(ROW.header, c, {
      value: `${HEADER_LABELS[key].zh}\n${HEADER_LABELS[key].en}`,
      style: { bold: true, fill: COLORS.header, fontColor: COLORS.headerText, wrap: true, hAlign: "center", vAlign: "middle", border: true },
    }),
  );

  let row = ROW.firstBody;
  for (const dim of t.template.dimensions) {
    put(row, 0, { value: `${dim.code} ${dim.name.zh}  ${dim.name.en}`, style: { bold: true, fill: COLORS.dimension } });
    merges.push(`${addressOf(row, 0)}:${addressOf(row, COLUMNS.length - 1)}`);
    row++;
    for (const ind of t.template.indicators.filter((i) => i.dimension === dim.code)) {
      rowOf.set(ind.code, row);
      row++;
    }
  }
  for (const ind of t.template.indicators) {
    const r = rowOf.get(ind.code)!;
    cells.push(...indicatorRow(ind, r, rowOf, t));
    inputRules.push(...inputValidations(ind, r));
  }

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
      columns: [
        { index: COL.code, width: 7 },
        { index: COL.dimension, width: 10 },
        { index: COL.name, width: 34 },
        { index: COL.unit, width: 7 },
        { index: COL.thisYear, width: 13 },
        { index: COL.lastYear, width: 13 },
        { index: COL.computed, width: 12 },
        { index: COL.check, width: 30 },
        { index: COL.remarks, width: 30 },
        { index: MARKER_COL, hidden: true },
      ],
      rows: [
        { index: ROW.instructions, height: 32 },
        { index: ROW.header, height: 32 },
      ],
    },
  };
}

function metaRow(t: LoadedTemplate, opts: TemplateSheetOptions): CellWrite[] {
  const at = (c: number) => addressOf(ROW.meta, c);
  const label = { bold: true, hAlign: "right" } as const;
  return [
    { address: at(META.districtLabel), value: `${DISTRICT_LABEL.zh} ${DISTRICT_LABEL.en}`, style: label },
    { address: at(META.district), value: opts.district ?? "", style: INPUT_STYLE },
    { address: at(META.district + 1), style: INPUT_STYLE },
    { address: at(META.yearLabel), value: `${YEAR_LABEL.zh} ${YEAR_LABEL.en}`, style: label },
    { address: at(META.year), value: opts.year ?? "", numberFormat: "0", style: INPUT_STYLE },
    { address: at(META.templateLabel), value: `${TEMPLATE_LABEL.zh} ${TEMPLATE_LABEL.en}`, style: label },
    { address: at(META.template), value: `${t.template.id} ${t.template.version}` },
  ];
}

function indicatorRow(ind: Indicator, r: number, rowOf: ReadonlyMap<string, number>, t: LoadedTemplate): CellWrite[] {
  const at = (c: number) => addressOf(r, c);
  const dim = t.template.dimensions.find((d) => d.code === ind.dimension)!;
  const inputFormat = ind.kind === "rate" ? "0.00%" : ind.kind === "amount" ? "#,##0.00" : "General";
  const out: CellWrite[] = [
    { address: at(COL.code), value: ind.code, style: LOCKED_STYLE },
    { address: at(COL.dimension), value: dim.name.zh, style: LOCKED_STYLE },
    { address: at(COL.name), value: `${ind.name.zh}\n${ind.name.en}`, style: { ...LOCKED_STYLE, wrap: true } },
    { address: at(COL.unit), value: ind.unit, style: { ...LOCKED_STYLE, hAlign: "center" } },
    { address: at(COL.thisYear), numberFormat: inputFormat, style: INPUT_STYLE },
    { address: at(COL.lastYear), numberFormat: inputFormat, style: INPUT_STYLE },
    { address: at(COL.check), value: "", style: { ...LOCKED_STYLE, wrap: true } },
    { address: at(COL.remarks), style: { ...INPUT_STYLE, wrap: true } },
  ];
  const num = ind.numerator !== undefined ? rowOf.get(ind.numerator) : undefined;
  const den = ind.denominator !== undefined ? rowOf.get(ind.denominator) : undefined;
  if (num !== undefined && den !== undefined) {
    out.push({ address: at(COL.computed), formula: rateFormula(addressOf(num, COL.thisYear), addressOf(den, COL.thisYear)), result: "", numberFormat: "0.00%", style: LOCKED_STYLE });
  } else {
    out.push({ address: at(COL.computed), value: "", style: LOCKED_STYLE });
  }
  return out;
}

/** Blank while either count is blank (not reported ≠ 0), blank on a zero or non-numeric denominator. */
export function rateFormula(numerator: string, denominator: string): string {
  return `IF(OR(${numerator}="",${denominator}=""),"",IFERROR(${numerator}/${denominator},""))`;
}

function inputValidations(ind: Indicator, r: number): InputRuleSpec[] {
  const range = `${addressOf(r, COL.thisYear)}:${addressOf(r, COL.lastYear)}`;
  // Warning style: staff may still keep 200余 or 95%以上 after the prompt; the check flags them.
  const common = { range, errorStyle: "warning" as const, promptTitle: ind.name.zh };
  switch (ind.kind) {
    case "count":
      return [{ ...common, type: "whole", operator: "greaterThanOrEqual", min: 0, prompt: `填写${ind.unit}数，不小于 0 的整数。`, errorTitle: "应为整数 Whole number", error: "计数应为不小于 0 的整数。A count is a whole number ≥ 0." }];
    case "amount":
      return [{ ...common, type: "decimal", operator: "greaterThanOrEqual", min: 0, prompt: `单位：${ind.unit}（可填“23.14亿元”，汇审会换算）。`, errorTitle: "应为金额 Amount", error: `金额以${ind.unit}计，不小于 0。An amount in ${ind.unit}, ≥ 0.` }];
    case "rate":
      return [{ ...common, type: "decimal", operator: "between", min: 0, max: 1, prompt: "填写百分比，如 94.44%。", errorTitle: "应在 0–100% 之间 Between 0 and 100%", error: "比率应在 0% 到 100% 之间。A rate lies between 0% and 100%." }];
  }
}
