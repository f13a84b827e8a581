/**
 * A report read into a new fill-in workbook: the figures read with high confidence typed into their
 * 本年值 cells as a clerk would type them (650余 stays approximate), each cell's note quoting its
 * sentence; everything a person must decide — low confidence, alternatives, competing values — on a
 * sheet 待确认, with the reason and the sentence. Never a silent guess.
 */
import type { Lang } from "../findings/format";
import { addressOf } from "../grid";
import { usedArea } from "../plan/print";
import { rowHeightFor } from "../plan/row-height";
import type { CellWrite, NoteSpec, SheetPlan, WritePlan } from "../plan/write-plan";
import { COL, COLORS } from "../sheet/layout";
import { templateSheetPlan, type TemplateSheetOptions } from "../sheet/plan-template";
import type { LoadedTemplate } from "../template/load";
import { translator } from "../text/translate";
import type { ReadCandidate } from "./read-report";
import { MARKS } from "../text/wording";

export const PENDING_SHEET = "待确认";

const zh = {
  note: "汇审从报告中读出：“{sentence}”",
  code: "指标编码",
  name: "指标名称",
  alternatives: "备选指标",
  value: "读到的数值",
  raw: "原文",
  doubt: "待确认原因",
  sentence: "原句",
  "doubt.phrase": "指标名称与数字不相邻",
  "doubt.unit": "单位与指标不一致",
  "doubt.ambiguous": "可能是多个指标",
  "doubt.competing": "同一指标出现不同数值",
  "doubt.scope": "可能是全国、全省或全市的数字，不是本区县的",
  title: "待确认：以下数字从报告中读出，但不能确定属于哪个指标或取哪个值，请核对后填入填报表",
} as const;
const en: { readonly [K in keyof typeof zh]: string } = {
  note: "Read by Huishen from the report: “{sentence}”",
  code: "Code",
  name: "Indicator",
  alternatives: "Alternatives",
  value: "Value read",
  raw: "As written",
  doubt: "Why to check",
  sentence: "Sentence",
  "doubt.phrase": "the indicator's name is not next to the figure",
  "doubt.unit": "the unit differs from the indicator's",
  "doubt.ambiguous": "it could be more than one indicator",
  "doubt.competing": "the indicator is stated with different values",
  "doubt.scope": "it may be the nation's, province's or city's figure, not the district's",
  title: "To confirm: figures read from the report whose indicator or value is not certain; check them before filling the sheet",
};
const text = translator(zh, en);

/** The note on a cell filled from the report: its sentence. */
export function sourceNote(c: ReadCandidate, lang: Lang): string {
  return text.t(lang, "note", { sentence: c.sentence.text });
}

/** What a clerk would type: the number, or the text where it is approximate (so the check says so). */
export function typed(c: ReadCandidate): string | number {
  if (!c.figure.approximate) return c.value;
  const approx = c.figure.approximate;
  return c.figure.kind === "percent" ? `${Number((c.value * 100).toPrecision(12))}%${approx}` : `${c.value}${approx}`;
}

export function planExtractWorkbook(t: LoadedTemplate, candidates: readonly ReadCandidate[], opts: TemplateSheetOptions & { readonly lang: Lang }): WritePlan {
  const { plan, rowOf } = templateSheetPlan(t, opts);
  const cells: CellWrite[] = [];
  const notes: NoteSpec[] = [];
  const taken = new Set<string>();
  for (const c of candidates) {
    if (c.confidence !== "high" || taken.has(c.code) || !rowOf.has(c.code)) continue;
    taken.add(c.code);
    const address = addressOf(rowOf.get(c.code)!, COL.thisYear);
    cells.push({ address, value: typed(c) });
    notes.push({ address, text: sourceNote(c, opts.lang) });
  }
  // The template's own cell plans first; the values read replace its blank inputs (same address, later wins).
  const filled: SheetPlan = { ...plan, cells: mergeCells(plan.cells ?? [], cells), notes };
  return { sheets: [filled, pendingSheet(t, candidates.filter((c) => c.confidence === "low"), opts.lang)] };
}

/** Later writes to an address take its value, keeping the earlier style and number format. */
function mergeCells(base: readonly CellWrite[], values: readonly CellWrite[]): CellWrite[] {
  const byAddress = new Map(values.map((v) => [v.address, v]));
  return base.map((c) => {
    const v = byAddress.get(c.address);
    return v ? { ...c, value: v.value } : c;
  });
}

function pendingSheet(t: LoadedTemplate, low: readonly ReadCandidate[], lang: Lang): SheetPlan {
  const header = ["code", "name", "alternatives", "value", "raw", "doubt", "sentence"] as const;
  const widths = [9, 26, 16, 12, 14, 22, 70];
  const head = { bold: true, fill: COLORS.header, fontColor: COLORS.headerText, border: true, wrap: true, vAlign: "middle" } as const;
  const cell = { border: true, wrap: true, vAlign: "top" } as const;
  const title = text.t(lang, "title");
  const cells: CellWrite[] = [{ address: "A1", value: title, style: { bold: true, fontColor: COLORS.title, wrap: true } }];
  header.forEach((key, c) => cells.push({ address: addressOf(1, c), value: text.t(lang, key), style: head }));
  const rows = low.map((c, i) => {
    const ind = t.byCode.get(c.code)!;
    const r = i + 2;
    const values: (string | number)[] = [
      c.code,
      ind.name[lang],
      c.alternatives.join(MARKS[lang].list),
      typed(c),
      c.figure.raw,
      c.doubt ? text.message(lang, `doubt.${c.doubt}`) : "",
      c.sentence.text,
    ];
    values.forEach((value, col) => cells.push({ address: addressOf(r, col), value, ...(col === 3 && ind.kind === "rate" && typeof value === "number" ? { numberFormat: "0.00%" } : {}), style: cell }));
    return { index: r, height: rowHeightFor([{ text: c.sentence.text, width: widths[6] }]) };
  });
  return {
    name: PENDING_SHEET,
    mode: "create",
    cells,
    merges: [`A1:G1`],
    columns: widths.map((width, index) => ({ index, width })),
    rows: [{ index: 0, height: rowHeightFor([{ text: title, width: widths.reduce((a, b) => a + b, 0) }]) }, { index: 1, height: 22 }, ...rows],
    freeze: { rows: 2, columns: 1 },
    print: { orientation: "landscape", titleRows: { first: 1, last: 1 }, area: usedArea(cells), header: PENDING_SHEET },
  };
}
