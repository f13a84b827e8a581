/**
 * A worksheet's `<sheetData>` (its rows and cells) as ExcelJS 4.4 renders it, byte for byte, a piece
 * per cell. ExcelJS pushes every tag, attribute and value as a piece of its own, escaping each, and joins
 * them at the end: a 38-file summary's 45,000 cells took about 50 ms of rendering and joining, half that here.
 * Rare cell kinds (rich text written inline, hyperlinks, a formula whose result ExcelJS does not know)
 * are handed to ExcelJS's own cell renderer. test/adapters/xlsx/render-sheet-data.test.ts holds the
 * two to the same bytes for every kind of cell and row.
 */
import { ValueType as T } from "./exceljs";
import { attr, dateToExcel, xmlEncode, XmlStream, type XmlStreamLike } from "./xml-text";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- ExcelJS's cell renderer, not in its typings
const CellXform = require("exceljs/lib/xlsx/xform/sheet/cell-xform") as new () => { render(stream: XmlStreamLike, model: CellModel): void };

/** A cell as ExcelJS's model gives it after `prepare` (style id, shared string id, shared formula id set). */
interface CellModel {
  address: string;
  type: number;
  styleId?: number;
  value?: unknown;
  ssId?: number;
  date1904?: boolean;
  formula?: string;
  result?: unknown;
  shareType?: string;
  ref?: string;
  range?: { range: string };
  si?: number;
}

interface RowModel {
  number: number;
  cells: CellModel[];
  min?: number;
  max?: number;
  height?: number;
  hidden?: boolean;
  styleId?: number;
  outlineLevel?: number;
  collapsed?: boolean;
}

/** Stands in for ExcelJS's `sheetData` list on its worksheet renderer (which calls only `render`). */
export const sheetDataRenderer = {
  render(stream: XmlStreamLike, rows: readonly RowModel[] | undefined): void {
    if (!rows || rows.length === 0) {
      stream.writeXml("<sheetData/>");
      return;
    }
    const out: string[] = ["<sheetData>"];
    for (const row of rows) renderRow(row, out);
    out.push("</sheetData>");
    stream.writeXml(out.join(""));
  },
};

function renderRow(row: RowModel, out: string[]): void {
  let head = `<row${attr("r", row.number)}`;
  if (row.height) head += `${attr("ht", row.height)} customHeight="1"`;
  if (row.hidden) head += ' hidden="1"';
  if (row.min! > 0 && row.max! > 0 && row.min! <= row.max!) head += attr("spans", `${row.min}:${row.max}`);
  if (row.styleId) head += `${attr("s", row.styleId)} customFormat="1"`;
  head += ' x14ac:dyDescent="0.25"';
  if (row.outlineLevel) head += attr("outlineLevel", row.outlineLevel);
  if (row.collapsed) head += ' collapsed="1"';
  // Closed as `/>` when no cell is written, as ExcelJS closes an empty node.
  const at = out.push(`${head}>`) - 1;
  const before = out.length;
  for (const cell of row.cells) {
    const c = renderCell(cell);
    if (c !== "") out.push(c);
  }
  if (out.length === before) out[at] = `${head}/>`;
  else out.push("</row>");
}

/** `<v>` with a value, as ExcelJS's `leafNode("v", null, value)`. */
function v(value: unknown): string {
  if (typeof value === "number") return `<v>${value}</v>`;
  return value === undefined ? "<v/>" : `<v>${xmlEncode(String(value))}</v>`;
}

function renderCell(cell: CellModel): string {
  if (cell.type === T.Null && !cell.styleId) return "";
  // An address is letters and digits: nothing to escape.
  const head = cell.styleId ? `<c r="${cell.address}" s="${cell.styleId}"` : `<c r="${cell.address}"`;
  switch (cell.type) {
    case T.Null:
    case T.Merge:
      return `${head}/>`;
    case T.Number:
      return `${head}>${v(cell.value)}</c>`;
    case T.Boolean:
      return `${head} t="b">${v(cell.value ? "1" : "0")}</c>`;
    case T.Date:
      return `${head}>${v(dateToExcel(cell.value as Date, cell.date1904))}</c>`;
    case T.String:
    case T.RichText:
      if (cell.ssId !== undefined) return `${head} t="s">${v(cell.ssId)}</c>`;
      if (!(cell.value as { richText?: unknown } | undefined)?.richText) return `${head} t="str">${v(cell.value)}</c>`;
      return byExcelJS(cell);
    case T.Formula:
      return renderFormula(head, cell) ?? byExcelJS(cell);
    default:
      return byExcelJS(cell);
  }
}

/** A formula cell as ExcelJS's `renderFormula`, or undefined for a result it would not know. */
function renderFormula(head: string, cell: CellModel): string | undefined {
  let attrs = "";
  switch (cell.shareType) {
    case "shared":
      attrs = ' t="shared"' + optional("ref", cell.ref || cell.range?.range) + optional("si", cell.si);
      break;
    case "array":
      attrs = ' t="array"' + optional("ref", cell.ref);
      break;
    default:
      if (cell.si !== undefined) attrs = ' t="shared"' + attr("si", cell.si);
  }
  const f = cell.formula === undefined ? `<f${attrs}/>` : `<f${attrs}>${xmlEncode(String(cell.formula))}</f>`;
  const r = cell.result;
  if (r === null || r === undefined) return `${head}>${f}</c>`;
  if (typeof r === "string" || r instanceof String) return `${head} t="str">${f}${v(r)}</c>`;
  if (typeof r === "number") return `${head}>${f}${v(r)}</c>`;
  if (typeof r === "boolean") return `${head} t="b">${f}${v(r ? 1 : 0)}</c>`;
  if (r instanceof Date) return `${head}>${f}${v(dateToExcel(r, cell.date1904))}</c>`;
  const o = r as { text?: unknown; hyperlink?: unknown; formula?: unknown; error?: unknown };
  if (!(o.text && o.hyperlink) && !o.formula && o.error) return `${head} t="e">${f}${v(o.error)}</c>`;
  return undefined;
}

/** An attribute ExcelJS leaves out when its value is undefined. */
function optional(name: string, value: unknown): string {
  return value === undefined ? "" : attr(name, value);
}

const cellXform = new CellXform();

/** What ExcelJS writes for this cell (and throws where it would). */
function byExcelJS(cell: CellModel): string {
  const stream = new XmlStream();
  cellXform.render(stream, cell);
  return stream.xml;
}
