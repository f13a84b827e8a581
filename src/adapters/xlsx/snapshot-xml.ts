/**
 * A worksheet's XML → the core's `SheetSnapshot`, without building a workbook: the snapshot
 * `snapshotSheet` takes of the worksheet ExcelJS 4.4 loads from the same part, for a command that only
 * reads (test/adapters/xlsx/snapshot-package.test.ts holds the two to each other). What ExcelJS makes of
 * a cell decides it here too, quirks included, so a file gives the same findings whichever way it was
 * read: a formula whose saved result is empty counts as uncached; a cell without value or style is
 * no cell at all; a merge's other cells are blank (the package guard keeps what lies under them).
 * No Node built-ins: the pane and the workbench read district files with it.
 */
import type { CellValue, SheetSnapshot } from "../../core/grid";
import { addressOf, columnIndex, columnLetters, parseAddress } from "../../core/grid";
import { displayFormula } from "../../core/plan/formula-text";
import { argbHex, type CellStyles } from "./package-styles";
import { PackageError, type RawCell } from "./package-guard";
import { addressColumn, attr, cellTag, elements, elementText, isTrue, sheetDataOf, stringItemText, xmlDecode, type CellTag } from "./xml-read";

/** What reading a sheet needs from the rest of its package. */
export interface SheetContext {
  readonly name: string;
  readonly styles: CellStyles;
  /** The shared strings' texts (rich ones as their runs' text joined). */
  readonly strings: readonly string[];
  readonly date1904: boolean;
  /** Notes by A1 address (the sheet's comments part). */
  readonly notes: ReadonlyMap<string, string>;
  /** Cells with an external link (`<hyperlink r:id>`): ExcelJS reads them as links, their formula dropped. */
  readonly linkedCells: ReadonlySet<string>;
  /** What ExcelJS misreads and the package guard kept: values under merges, date-typed cells. */
  readonly rawCells?: ReadonlyMap<string, RawCell>;
}

/** A cell as ExcelJS models it, as far as a snapshot goes. */
interface Cell {
  readonly address: string;
  readonly kind: "value" | "formula" | "null" | "merged";
  value: CellValue | undefined;
  /** A formula's text as stored. */
  formula?: string;
  /** A shared formula's other cells: the address of the cell whose formula they share, moved to their own. */
  readonly sharedFrom?: string;
  numFmt?: string;
  fillArgb?: string;
  /** Made by a merge where the file has no cell, or written without its address: ExcelJS gives it no note. */
  readonly noNote?: boolean;
}

export function snapshotSheetXml(xml: string, ctx: SheetContext): SheetSnapshot {
  const rows = new Map<number, Map<number, Cell>>();
  const hidden = new Map<number, boolean>();
  // A shared formula's group → the address of its cell with `ref`, the last one read (as ExcelJS keeps it;
  // none where that cell was written without its address).
  const shared = new Map<string, string | undefined>();
  const cellsOf = (row: number) => {
    let cells = rows.get(row);
    if (!cells) rows.set(row, (cells = new Map()));
    return cells;
  };
  let rowNumber = 0;
  for (const row of elements(sheetDataOf(xml), "row")) {
    // A row without a number follows the one before it (as the schema says; Excel always numbers them).
    const r = parseInt(attr(row.tag, "r") ?? "", 10);
    rowNumber = Number.isNaN(r) ? rowNumber + 1 : r;
    // A row element replaces any earlier one of the same number, as ExcelJS keeps the last.
    hidden.set(rowNumber, isTrue(attr(row.tag, "hidden")));
    const cells = new Map<number, Cell>();
    rows.set(rowNumber, cells);
    let col = 0;
    for (const c of row.body.matchAll(CELL)) {
      const attrs = cellTag(c[1]);
      // A cell without an address follows the one before it (that ExcelJS made a cell of).
      const at = (attrs.r ? addressColumn(xmlDecode(attrs.r)) : undefined) ?? col + 1;
      const cell = readCell(addressOf(rowNumber - 1, at - 1), attrs, c[2] ?? "", ctx, shared);
      // A cell without value or style: ExcelJS makes no cell of it.
      if (cell.kind === "merged") continue;
      col = at;
      cells.set(col, cell);
    }
  }
  const merges = mergeCells(xml, cellsOf);
  restoreRawCells(ctx.rawCells, rows, cellsOf);
  const hiddenRows = [...hidden].filter(([, h]) => h).map(([r]) => r - 1).sort((a, b) => a - b);
  return toSnapshot(ctx, rows, merges, hiddenRows);
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const DATE_CHARS = /[ymdhMsb]+/;

/** ExcelJS's test for a date format: y, m, d, h, s or b outside quotes and brackets. */
function isDateFormat(fmt: string | undefined): boolean {
  return !!fmt && DATE_CHARS.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** ExcelJS's serial number → date (anything else it was handed, coerced as it coerces it). */
function excelToDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** ExcelJS's second decoding of a text result (`t="str"`): its five named entities only. */
function decodeAgain(text: string): string {
  return text.replace(/&(lt|gt|amp|apos|quot);/g, (_w, e: string) => ({ lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' })[e] ?? _w);
}

function readCell(address: string, attrs: CellTag, body: string, ctx: SheetContext, shared: Map<string, string | undefined>): Cell {
  const t = attrs.t === undefined ? undefined : xmlDecode(attrs.t);
  const addressed = attrs.r !== undefined;
  const styleId = parseInt(attrs.s ?? "", 10);
  const numFmt = styleId ? ctx.styles.numFmt(styleId) : undefined;
  const fillArgb = styleId ? ctx.styles.fillArgb(styleId) : undefined;
  // The text of <v> and of an inline string's <t>, joined as ExcelJS joins them; undefined without any.
  let text: string | undefined;
  let rich = false;
  const v = body.includes("<v") ? /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/.exec(body) : null;
  if (v?.[1]) text = xmlDecode(v[1]);
  const inline = body.includes("<is") ? /<is\b[^>]*?(?:\/>|>([\s\S]*?)<\/is>)/.exec(body)?.[1] : undefined;
  if (inline) {
    rich = /<r\b/.test(inline);
    const own = rich ? stringItemText(inline) : [...inline.matchAll(/<t\b[^>]*?>([^<]+)<\/t>/g)].map((m) => xmlDecode(m[1])).join("");
    if (own) text = (text ?? "") + own;
  }
  const f = body.includes("<f") ? /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(body) : null;
  const formulaText = f?.[2] ? xmlDecode(f[2]) : undefined;
  const shareType = f ? attr(f[1], "t") : undefined;
  // Written without its address: no note (see Cell). Each cell sets its fields itself, without a style object spread into it (a file has thousands of cells).
  const noNote = addressed ? undefined : true;

  if (formulaText || shareType) {
    let result: CellValue | undefined;
    if (text) {
      if (t === "str") result = decodeAgain(text);
      else if (t === "b") result = parseInt(text, 10) !== 0;
      else if (t === "e") result = text;
      else result = parseFloat(text);
    }
    // A date format turns any result into a date, an error into an invalid one (shown blank).
    if (result !== undefined && isDateFormat(numFmt)) result = excelToDate(t === "e" ? NaN : result, ctx.date1904);
    let sharedFrom: string | undefined;
    if (shareType === "shared") {
      const si = f ? attr(f[1], "si") : undefined;
      if (f && attr(f[1], "ref") !== undefined) {
        if (si !== undefined) shared.set(si, addressed ? address : undefined);
      } else if (si !== undefined) sharedFrom = shared.get(si);
    }
    return linked(address, { address, kind: "formula", value: result, formula: formulaText, sharedFrom, numFmt, fillArgb, noNote }, ctx);
  }
  if (text !== undefined) {
    let value: CellValue;
    switch (t) {
      case "s": {
        const s = ctx.strings[parseInt(text, 10)];
        if (s === undefined) throw new PackageError({ kind: "damaged", detail: `shared string ${text} of ${address} does not exist` });
        value = s;
        break;
      }
      case "str":
        value = decodeAgain(text);
        break;
      case "inlineStr":
        value = text;
        break;
      case "b":
        value = parseInt(text, 10) !== 0;
        break;
      case "e":
        value = text;
        break;
      default: {
        const n = parseFloat(text);
        value = isDateFormat(numFmt) ? excelToDate(n, ctx.date1904) : n;
      }
    }
    return linked(address, { address, kind: "value", value, numFmt, fillArgb, noNote }, ctx);
  }
  return { address, kind: styleId ? "null" : "merged", value: undefined, numFmt, fillArgb, noNote };
}

/** A linked cell shows its value (a formula's result) and has no formula, as ExcelJS reads it. */
function linked(address: string, cell: Cell, ctx: SheetContext): Cell {
  if (cell.noNote || !ctx.linkedCells.has(address)) return cell;
  return { address, kind: "value", value: cell.value, numFmt: cell.numFmt, fillArgb: cell.fillArgb };
}

const SLIDE_CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** ExcelJS's `slideFormula`: a shared formula's references moved from its first cell to `to`. */
function slideFormula(formula: string, from: string, to: string): string {
  const a = cornerOf(from)!;
  const b = cornerOf(to)!;
  return formula.replace(SLIDE_CANDIDATE, (whole, sheet: string | undefined, _name, part: string, paren: string | undefined) => {
    if (paren) return whole;
    const m = CELL_REF.exec(part);
    if (!m) return whole;
    const letters = m[2].toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return whole;
    let col = columnIndex(letters) + 1;
    let row = parseInt(m[4], 10);
    if (!m[1]) col += b.col - a.col;
    if (!m[3]) row += b.row - a.row;
    if (col < 1 || col > 16384) throw new PackageError({ kind: "damaged", detail: `shared formula ${formula} moved from ${from} to ${to} leaves the sheet` });
    return `${sheet ?? ""}${m[1] ?? ""}${columnLetters(col - 1)}${m[3] ?? ""}${row}`;
  });
}

interface Merge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * The merged ranges, as ExcelJS merges them on loading: every cell of a range but its first becomes a
 * blank part of it (created where the file has none), the first is created where missing. Ranges that
 * overlap make ExcelJS refuse the file: so do they here.
 */
function mergeCells(xml: string, cellsOf: (row: number) => Map<number, Cell>): Merge[] {
  const merges: Merge[] = [];
  for (const { tag } of elements(elementText(xml, "mergeCells") ?? "", "mergeCell")) {
    const ref = attr(tag, "ref");
    const corners = ref?.split(":").map(cornerOf);
    if (!corners || corners.some((c) => !c)) continue;
    const [a, b = a] = corners as { row: number; col: number }[];
    const m = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
    if (merges.some((o) => o.left <= m.right && m.left <= o.right && o.top <= m.bottom && m.top <= o.bottom)) {
      throw new PackageError({ kind: "damaged", detail: `merged range ${ref} overlaps another` });
    }
    merges.push(m);
    const first = cellsOf(m.top);
    if (!first.has(m.left)) first.set(m.left, { address: addressOf(m.top - 1, m.left - 1), kind: "null", value: undefined, noNote: true });
    for (let r = m.top; r <= m.bottom; r++) {
      const cells = cellsOf(r);
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const own = cells.get(c);
        // Its own format and fill stay (ExcelJS loads merges without styling them).
        cells.set(c, { address: addressOf(r - 1, c - 1), kind: "merged", value: undefined, numFmt: own?.numFmt, fillArgb: own?.fillArgb, noNote: !own || own.noNote });
      }
    }
  }
  return merges;
}

/** An address's 1-based row and column, as the sheet's XML counts them. */
function cornerOf(address: string): { row: number; col: number } | undefined {
  const p = parseAddress(address);
  return p && { row: p.row + 1, col: p.col + 1 };
}

/**
 * What the guard kept where ExcelJS misreads: a date-typed cell becomes its date (shown as a date
 * where it had no format); a value under a merge is remembered for the merge's blank cell.
 */
function restoreRawCells(raw: ReadonlyMap<string, RawCell> | undefined, rows: Map<number, Map<number, Cell>>, cellsOf: (row: number) => Map<number, Cell>): void {
  if (!raw) return;
  for (const [address, cell] of raw) {
    const p = cornerOf(address);
    if (!p) continue;
    let target = rows.get(p.row)?.get(p.col);
    if (cell.kind === "date" && !target) {
      // A date-typed cell in a row a later row of the same number replaced: ExcelJS puts the date back all the same.
      target = { address: addressOf(p.row - 1, p.col - 1), kind: "null", value: undefined };
      if (!Number.isNaN(dateOf(cell.iso).getTime())) cellsOf(p.row).set(p.col, target);
    }
    if (!target) continue;
    if (cell.kind === "date") {
      const date = dateOf(cell.iso);
      if (Number.isNaN(date.getTime())) continue;
      if (target.kind === "merged") target.value = date;
      else {
        (target as { kind: Cell["kind"] }).kind = "value";
        target.value = date;
        target.formula = undefined;
        if (!target.numFmt || target.numFmt === "General") target.numFmt = "yyyy-mm-dd";
      }
    } else if (target.kind === "merged") target.value = cell.value;
  }
}

/** A date-typed cell's text as a date, UTC unless it names its zone. */
function dateOf(iso: string): Date {
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
}

/**
 * A cell's formula as ExcelJS gives it: its own, or (a shared formula's other cell) the formula of
 * the cell now at the group's first address, moved to this one. Where that cell is no formula, is
 * part of a merge or leads back here, ExcelJS fails: so does this.
 */
function formulaOf(cell: Cell, rows: Map<number, Map<number, Cell>>, seen?: Set<string>): string | undefined {
  if (cell.formula || !cell.sharedFrom) return cell.formula;
  seen ??= new Set();
  const p = cornerOf(cell.sharedFrom)!;
  const first = rows.get(p.row)?.get(p.col);
  if (!first) return undefined;
  if (first.kind !== "formula" || seen.has(cell.address)) throw new PackageError({ kind: "damaged", detail: `the shared formula of ${cell.address} starts at ${cell.sharedFrom}, which holds none` });
  seen.add(cell.address);
  const formula = formulaOf(first, rows, seen);
  return formula === undefined ? undefined : slideFormula(formula, first.address, cell.address);
}

function toSnapshot(ctx: SheetContext, rows: Map<number, Map<number, Cell>>, merges: readonly Merge[], hiddenRows: number[]): SheetSnapshot {
  // The used range: up to the last row and column with a cell that is more than a format.
  let height = 0;
  let width = 0;
  for (const [r, cells] of rows) {
    for (const [c, cell] of cells) {
      if (cell.kind === "null") continue;
      if (r > height) height = r;
      if (c > width) width = c;
    }
  }
  const values: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const fills: (string | null)[][] = [];
  const notes: Record<string, string> = {};
  const uncached: string[] = [];
  for (let r = 1; r <= height; r++) {
    const vRow = new Array<CellValue>(width).fill("");
    const fRow = new Array<CellValue>(width).fill("");
    const nRow = new Array<string>(width).fill("General");
    const fillRow = new Array<string | null>(width).fill(null);
    const cells = rows.get(r);
    for (let c = 1; c <= width && cells; c++) {
      const cell = cells.get(c);
      if (!cell) continue;
      const value = plain(cell.value);
      vRow[c - 1] = value;
      if (cell.kind === "formula" && cell.value === undefined) uncached.push(cell.address);
      const formula = cell.kind === "formula" ? formulaOf(cell, rows) : undefined;
      fRow[c - 1] = formula ? `=${displayFormula(formula)}` : value;
      if (cell.numFmt) nRow[c - 1] = cell.numFmt;
      fillRow[c - 1] = cell.fillArgb === undefined ? null : argbHex(cell.fillArgb);
      const note = cell.noNote || ctx.notes.size === 0 ? undefined : ctx.notes.get(cell.address);
      if (note) notes[cell.address] = note;
    }
    values.push(vRow);
    formulas.push(fRow);
    numberFormats.push(nRow);
    fills.push(fillRow);
  }
  const ranges = merges.map((m) => `${addressOf(m.top - 1, m.left - 1)}:${addressOf(m.bottom - 1, m.right - 1)}`);
  return {
    name: ctx.name,
    values,
    formulas,
    numberFormats,
    hiddenRows,
    fills,
    notes,
    ...(ranges.length ? { merges: ranges } : {}),
    ...(uncached.length ? { uncachedFormulas: uncached } : {}),
  };
}

/** A value as `Range.values` gives it: an invalid date (a text result on a date-formatted cell) is blank. */
function plain(v: CellValue | undefined): CellValue {
  if (v === undefined || v === null) return "";
  if (v instanceof Date && Number.isNaN(v.getTime())) return "";
  return v;
}
