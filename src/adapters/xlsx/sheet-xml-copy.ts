/**
 * A district's worksheet copied into the summary workbook as XML, without ExcelJS reading or writing
 * its cells: the sheet's own XML with its style ids and shared strings moved into the summary's tables
 * (rich text written in place), its formulas following the sheet to its new name, and Huishen's flags
 * (fills, the check column's verdicts) put on its cells. What ExcelJS's copy and `applyPlan` make of
 * the same sheet (test/cli/xml-copy.test.ts holds the two to each other); notes go through the
 * placeholder worksheet ExcelJS writes in its place (`xml-copies.ts`). Node only.
 */
import { addressOf, parseAddress } from "../../core/grid";
import type { ColumnEntry, SheetPlan } from "../../core/plan/write-plan";
import { columnCells } from "../../core/plan/plan-cells";
import { addressColumn, cellTag, sheetDataOf, xmlDecode, type CellTag } from "./xml-read";
import { dateToExcel, xmlEncode } from "./xml-text";

/** How the copy's style ids and shared strings become the summary's (`xml-copies.ts` asks ExcelJS's tables). */
export interface TargetIds {
  /**
   * The summary's id for the source's cell style `id`: with `fill`, a solid fill (#RRGGBB) or, with null,
   * none; with `date`, shown as a date where it has no number format.
   */
  cell(id: number, change?: { readonly fill?: string | null; readonly date?: boolean }): number;
  /** The summary's id for the source's differential style `id` (conditional formats). */
  dxf(id: number): number;
  /** The summary's index for the source's shared string `i` if it is plain text; undefined for rich text (written in place). */
  sharedString(i: number): number | undefined;
}

export interface SheetXmlCopy {
  /** The worksheet part's XML as the district's file holds it. */
  readonly xml: string;
  /** The source's shared strings as their `<si>` content: plain ones go to the summary's table, rich ones in place. */
  readonly sharedStrings: readonly string[];
  /** Renames references to the sheet's old name in a formula. */
  readonly rename: (formula: string) => string;
  /** Merged ranges to leave out: they hid values the file holds (the copy keeps the values instead). */
  readonly unmerge: ReadonlySet<string>;
  /** The flags on this sheet: cell values (the check column), fills, fills to clear. */
  readonly plan?: Pick<SheetPlan, "cellColumns" | "fills" | "clearFlags">;
  /** The relationship id of the notes' drawing ExcelJS writes beside it, if there are notes. */
  readonly notesDrawingId?: string;
}

/** Everything the flags do to a cell, by A1 address. */
interface CellChange {
  fill?: string | null;
  value?: ColumnEntry;
  writesValue?: boolean;
}

export function copySheetXml(copy: SheetXmlCopy, styles: TargetIds): string {
  const changes = cellChanges(copy.plan);
  // The rows are most of the sheet: the passes below go over what lies before and after them.
  const open = copy.xml.indexOf("<sheetData");
  if (open < 0) throw new Error("copySheetXml: a worksheet without <sheetData>");
  const selfClosing = copy.xml[copy.xml.indexOf(">", open) - 1] === "/";
  const close = selfClosing ? copy.xml.indexOf(">", open) + 1 : copy.xml.lastIndexOf("</sheetData>") + "</sheetData>".length;
  const rows = sheetDataOf(copy.xml);
  let head = copy.xml.slice(0, open);
  let tail = copy.xml.slice(close);
  head = head.replace(/<col\b([^>]*?)\/>/g, (_w, attrs: string) => `<col${replaceAttr(attrs, "style", (s) => String(styles.cell(Number(s))))}/>`);
  // The copy is not the sheet Excel opens on.
  head = head.replace(/<sheetView\b[^>]*>/g, (tag) => tag.replace(/\s+tabSelected="(?:1|true)"/, ""));
  tail = tail.replace(/<mergeCells\b[^>]*>([\s\S]*?)<\/mergeCells>/, (_w, body: string) => {
    const kept = [...body.matchAll(/<mergeCell\b[^>]*?ref="([^"]*)"[^>]*\/>/g)].filter((m) => !copy.unmerge.has(m[1])).map((m) => m[0]);
    return kept.length ? `<mergeCells count="${kept.length}">${kept.join("")}</mergeCells>` : "";
  });
  tail = tail.replace(/(<cfRule\b[^>]*?\sdxfId=")(\d+)(")/g, (_w, a: string, d: string, b: string) => `${a}${styles.dxf(Number(d))}${b}`);
  // Formulas of validations and conditional formats (`xm:f` in their newer form) and links within the
  // workbook follow the sheet to its new name.
  tail = tail.replace(/<(formula|formula1|formula2|xm:f)>([\s\S]*?)<\/\1>/g, (_w, tag: string, text: string) => `<${tag}>${xmlEncode(copy.rename(xmlDecode(text)))}</${tag}>`);
  tail = tail.replace(/(<hyperlink\b[^>]*?\slocation=")([^"]*)(")/g, (_w, a: string, location: string, b: string) => `${a}${xmlEncode(copy.rename(xmlDecode(location)))}${b}`);
  // The printer's settings stay behind; the notes' drawing is the one written beside the copy.
  tail = tail.replace(/(<pageSetup\b[^>]*?)\s+r:id="[^"]*"/, "$1");
  tail = tail.replace(/<legacyDrawing\b[^>]*\/>/, "");
  if (copy.notesDrawingId) {
    tail = insertLegacyDrawing(tail, `<legacyDrawing r:id="${copy.notesDrawingId}"/>`);
    // A sheet that named no relationship may not declare their namespace.
    if (!/<worksheet\b[^>]*\sxmlns:r=/.test(head)) head = head.replace(/<worksheet\b/, '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
  }
  return `${head}<sheetData>${sheetData(rows, copy, styles, changes)}</sheetData>${tail}`;
}

function cellChanges(plan: SheetXmlCopy["plan"]): Map<string, CellChange> {
  const changes = new Map<string, CellChange>();
  const at = (a: string) => {
    let c = changes.get(a);
    if (!c) changes.set(a, (c = {}));
    return c;
  };
  // Applied in `applyPlan`'s order: fills cleared, cells written, fills set.
  for (const a of plan?.clearFlags?.fills ?? []) at(a).fill = null;
  for (const column of plan?.cellColumns ?? []) {
    for (const w of columnCells(column)) {
      if (w.value === undefined) continue;
      const c = at(w.address);
      c.value = w.value;
      c.writesValue = true;
    }
  }
  for (const f of plan?.fills ?? []) at(f.address).fill = f.color;
  return changes;
}

/** The rows with every cell's style moved, shared strings in place, formulas renamed, flags applied (cells and rows added where needed). */
function sheetData(body: string, copy: SheetXmlCopy, styles: TargetIds, changes: Map<string, CellChange>): string {
  // Cells the flags touch, by row and column: a row's cells the sheet has no element for are added to it.
  const pending = new Map<number, Map<number, string>>();
  for (const address of changes.keys()) {
    const p = parseAddress(address)!;
    let row = pending.get(p.row + 1);
    if (!row) pending.set(p.row + 1, (row = new Map()));
    row.set(p.col + 1, address);
  }
  let out = "";
  let lastRow = 0;
  for (const m of body.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(/\sr="(\d+)"/.exec(m[1])?.[1] ?? lastRow + 1);
    out += newRows(lastRow, r, pending, styles, changes);
    lastRow = r;
    // Spans (a hint of the cells' columns) go: the flags may add a cell outside them.
    const attrs = removeAttr(replaceAttr(m[1], "s", (s) => String(styles.cell(Number(s)))), "spans");
    const flagged = pending.get(r);
    pending.delete(r);
    const cells = rowCells(m[2] ?? "", r, copy, styles, changes, flagged);
    out += cells ? `<row${attrs}>${cells}</row>` : `<row${attrs}/>`;
  }
  out += newRows(lastRow, Infinity, pending, styles, changes);
  return out;
}

/** Rows between `after` and `before` that only the flags have cells in. */
function newRows(after: number, before: number, pending: Map<number, Map<number, string>>, styles: TargetIds, changes: Map<string, CellChange>): string {
  let out = "";
  for (const r of [...pending.keys()].filter((n) => n > after && n < before).sort((a, b) => a - b)) {
    const cells = [...pending.get(r)!].sort((a, b) => a[0] - b[0]).map(([, address]) => newCell(address, styles, changes.get(address)!));
    out += `<row r="${r}">${cells.join("")}</row>`;
    pending.delete(r);
  }
  return out;
}

function rowCells(body: string, r: number, copy: SheetXmlCopy, styles: TargetIds, changes: Map<string, CellChange>, flagged: Map<number, string> | undefined): string {
  // The row's flagged cells in column order: one the sheet lacks goes before the first of its cells right of it.
  const adds = flagged?.size ? [...flagged].sort((a, b) => a[0] - b[0]) : NO_ADDS;
  let next = 0;
  let out = "";
  let col = 0;
  for (const m of body.matchAll(CELL)) {
    const tag = cellTag(m[1]);
    col = (tag.r && addressColumn(tag.r)) || col + 1;
    for (; next < adds.length && adds[next][0] <= col; next++) {
      // One the sheet has already is not added.
      if (adds[next][0] < col) out += newCell(adds[next][1], styles, changes.get(adds[next][1])!);
    }
    const address = addressOf(r - 1, col - 1);
    out += copiedCell(tag, m[2], address, copy, styles, changes.get(address));
  }
  for (; next < adds.length; next++) out += newCell(adds[next][1], styles, changes.get(adds[next][1])!);
  return out;
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const NO_ADDS: readonly [number, string][] = [];

/** A cell of the sheet: its style moved (with a flag's fill), a shared string in place, a formula renamed, or the flag's value. */
function copiedCell(tag: CellTag, body: string | undefined, address: string, copy: SheetXmlCopy, styles: TargetIds, change: CellChange | undefined): string {
  // Its address (added where the file left it out), style and type; the rest as they are.
  const s = Number(tag.s ?? 0);
  const t = tag.t;
  const rest = tag.rest;
  // A date typed as a date (t="d", which Excel shows as a serial number unless formatted) becomes its
  // serial number shown as a date, as the package guard and ExcelJS's copy make it.
  const date = t === "d" && !change?.writesValue ? dateOf(body) : undefined;
  const style = styles.cell(s, { fill: change?.fill, date: date !== undefined });
  const a = ` r="${address}"${rest}${style ? ` s="${style}"` : ""}`;
  if (change?.writesValue) return valueCell(a, change.value);
  if (date !== undefined) return `<c${a}><v>${date}</v></c>`;
  if (body === undefined) return `<c${a}${t ? ` t="${t}"` : ""}/>`;
  if (t === "s") {
    const i = Number(/<v>(\d+)<\/v>/.exec(body)?.[1]);
    const shared = styles.sharedString(i);
    return shared === undefined ? `<c${a} t="inlineStr"><is>${copy.sharedStrings[i] ?? ""}</is></c>` : `<c${a} t="s"><v>${shared}</v></c>`;
  }
  const renamed = body.includes("<f") ? body.replace(/<f\b([^>]*)>([\s\S]*?)<\/f>/, (_w, fa: string, text: string) => `<f${fa}>${xmlEncode(copy.rename(xmlDecode(text)))}</f>`) : body;
  return `<c${a}${t ? ` t="${t}"` : ""}>${renamed}</c>`;
}

/** A cell the flags add: their fill on an unstyled cell, their value. */
function newCell(address: string, styles: TargetIds, change: CellChange): string {
  const style = change.fill ? styles.cell(0, { fill: change.fill }) : 0;
  const a = ` r="${address}"${style ? ` s="${style}"` : ""}`;
  return change.writesValue ? valueCell(a, change.value) : `<c${a}/>`;
}

/** A date-typed cell's value as Excel's serial number (1900 dates, as the summary has them); undefined if it is no date. */
function dateOf(body: string | undefined): number | undefined {
  const iso = body && /<v>([^<]+)<\/v>/.exec(body)?.[1];
  if (!iso) return undefined;
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(date.getTime()) ? undefined : dateToExcel(date);
}

/** A value as `applyPlan` writes it: "" (and null) leave the cell empty. */
function valueCell(attrs: string, value: ColumnEntry): string {
  if (value === undefined || value === null || value === "") return `<c${attrs}/>`;
  if (typeof value === "number") return `<c${attrs}><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c${attrs} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c${attrs} t="inlineStr"><is><t xml:space="preserve">${xmlEncode(value)}</t></is></c>`;
}

const VALUE_OF = new Map<string, RegExp>();
const WHOLE = new Map<string, RegExp>();

/** The attribute's expressions, compiled once per name. */
function attrPattern(cache: Map<string, RegExp>, name: string, source: string): RegExp {
  let re = cache.get(name);
  if (!re) cache.set(name, (re = new RegExp(source)));
  return re;
}

function replaceAttr(attrs: string, name: string, map: (value: string) => string): string {
  if (!attrs.includes(` ${name}=`)) return attrs;
  return attrs.replace(attrPattern(VALUE_OF, name, `(\\s${name}=")([^"]*)(")`), (_w, a: string, v: string, b: string) => `${a}${map(v)}${b}`);
}

function removeAttr(attrs: string, name: string): string {
  if (!attrs.includes(` ${name}=`)) return attrs;
  return attrs.replace(attrPattern(WHOLE, name, `\\s${name}="[^"]*"`), "");
}

/** Where the schema puts `<legacyDrawing>`: before the parts that follow it, or at the end. */
function insertLegacyDrawing(xml: string, element: string): string {
  const next = /<(?:legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/.exec(xml);
  return next ? `${xml.slice(0, next.index)}${element}${xml.slice(next.index)}` : xml;
}
