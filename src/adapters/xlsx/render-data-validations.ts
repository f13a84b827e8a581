/**
 * A worksheet's `<dataValidations>` as ExcelJS 4.4 renders them, byte for byte, a piece per validation:
 * its joining of equal neighbours (sorted by address as text, grown downwards then rightwards, compared
 * by value) step for step, then each validation written at once instead of tag by tag and attribute by
 * attribute. A 38-file summary holds 3,600 of them (each district's input rules): ExcelJS took 17–22 ms
 * (30 in a first run), this 10–16. test/adapters/xlsx/render-sheet-data.test.ts holds the two to the
 * same bytes.
 */
import { attr, dateToExcel, xmlEncode, type XmlStreamLike } from "./xml-text";

/* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS's helpers, not in its typings */
const { isEqual } = require("exceljs/lib/utils/under-dash") as { isEqual(a: unknown, b: unknown): boolean };
const colCache = require("exceljs/lib/utils/col-cache") as {
  decodeEx(address: string): { row: number; col: number; dimensions?: string };
  encodeAddress(row: number, col: number): string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** A validation as ExcelJS's model holds it (its typings' `DataValidation`, loosely). */
interface Validation {
  type?: string;
  operator?: string;
  allowBlank?: boolean;
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
  showErrorMessage?: boolean;
  errorStyle?: string;
  errorTitle?: string;
  error?: string;
  formulae?: unknown[];
}

type Model = Record<string, Validation | undefined>;

/** Stands in for ExcelJS's `dataValidations` part on its worksheet renderer (which calls only `render`). */
export const dataValidationsRenderer = {
  render(stream: XmlStreamLike, model: Model): void {
    const joined = joinEqualNeighbours(model);
    if (joined.length === 0) return;
    const out = [`<dataValidations count="${joined.length}">`];
    for (const { dv, sqref } of joined) out.push(renderValidation(dv ?? {}, sqref));
    out.push("</dataValidations>");
    stream.writeXml(out.join(""));
  },
};

/** ExcelJS's `optimiseDataValidations`: each validation with the range it covers, in its order. */
function joinEqualNeighbours(model: Model): { dv: Validation | undefined; sqref: string }[] {
  const list = Object.keys(model)
    .map((address) => ({ address, dv: model[address], marked: false }))
    .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  const byAddress = new Map(list.map((e) => [e.address, e]));
  const mark = (address: string) => ((byAddress.get(address) as { marked: boolean }).marked = true);
  const equalAt = (address: string, dv: Validation | undefined) => Boolean(model[address]) && isEqual(dv, model[address]);
  const out: { dv: Validation | undefined; sqref: string }[] = [];
  for (const e of list) {
    if (e.marked) continue;
    const at = colCache.decodeEx(e.address);
    if (at.dimensions) {
      mark(at.dimensions);
      out.push({ dv: e.dv, sqref: e.address });
      continue;
    }
    let height = 1;
    while (equalAt(colCache.encodeAddress(at.row + height, at.col), e.dv)) height++;
    const columnMatches = (col: number) => {
      for (let i = 0; i < height; i++) {
        const other = colCache.encodeAddress(at.row + i, col);
        if (!model[other] || !isEqual(model[e.address], model[other])) return false;
      }
      return true;
    };
    let width = 1;
    while (columnMatches(at.col + width)) width++;
    for (let i = 0; i < height; i++) for (let j = 0; j < width; j++) mark(colCache.encodeAddress(at.row + i, at.col + j));
    const sqref = height > 1 || width > 1 ? `${e.address}:${colCache.encodeAddress(at.row + height - 1, at.col + width - 1)}` : e.address;
    out.push({ dv: e.dv, sqref });
  }
  return out;
}

function renderValidation(v: Validation, sqref: string): string {
  let tag = "<dataValidation";
  if (v.type !== "any") {
    if (v.type !== undefined) tag += attr("type", v.type);
    if (v.operator && v.type !== "list" && v.operator !== "between") tag += attr("operator", v.operator);
    if (v.allowBlank) tag += ' allowBlank="1"';
  }
  if (v.showInputMessage) tag += ' showInputMessage="1"';
  if (v.promptTitle) tag += attr("promptTitle", v.promptTitle);
  if (v.prompt) tag += attr("prompt", v.prompt);
  if (v.showErrorMessage) tag += ' showErrorMessage="1"';
  if (v.errorStyle) tag += attr("errorStyle", v.errorStyle);
  if (v.errorTitle) tag += attr("errorTitle", v.errorTitle);
  if (v.error) tag += attr("error", v.error);
  tag += attr("sqref", sqref);
  const formulae = v.formulae ?? [];
  if (formulae.length === 0) return `${tag}/>`;
  let body = "";
  formulae.forEach((formula, i) => {
    const text = v.type === "date" ? dateToExcel(new Date(formula as string)) : formula;
    body += `<formula${i + 1}>${xmlEncode(String(text))}</formula${i + 1}>`;
  });
  return `${tag}>${body}</dataValidation>`;
}
