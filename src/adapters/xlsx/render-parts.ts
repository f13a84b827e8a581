/**
 * The parts of a workbook's package as ExcelJS renders them, without its zip library: ExcelJS 4.4's
 * `XLSX.write`, step for step, with a list in place of its JSZip writer. Where a native codec packs
 * the package (the command line), JSZip only stored each part, computed its checksum in JavaScript and
 * copied the package once more (about 30 ms of a 38-file consolidation's 1.4 s). The steps are ExcelJS's own
 * methods (not in its typings) but the worksheets' (`addWorksheets`, which renders their rows, cells and
 * data validations itself); test/cli/native-zip.test.ts holds them to what `writeBuffer` writes. Node only.
 */
import type * as ExcelJS from "exceljs";
import { isEmpty } from "./cell-style";
import { ValueType } from "./exceljs";
import { plannedSheetOf } from "./planned-sheet";
import { addWorksheets } from "./render-worksheets";
import { xmlCopyOf, type TargetTables } from "./xml-copies";

/* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS's note and range, not in its typings */
const Note = require("exceljs/lib/doc/note") as new (text: string) => { model: object };
const Range = require("exceljs/lib/doc/range") as new () => { expand(top: number, left: number, bottom: number, right: number): void };
/* eslint-enable @typescript-eslint/no-require-imports */

export interface RenderedPart {
  readonly name: string;
  readonly data: Uint8Array;
}

/** What `XLSX.write` adds to its zip, in its order. */
interface ZipTarget {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}

type Step = (zip: ZipTarget, model: unknown) => Promise<void> | void;

interface XlsxWriter {
  prepareModel(model: unknown, options: object): void;
  addContentTypes: Step;
  addOfficeRels: Step;
  addWorkbookRels: Step;
  addSharedStrings: Step;
  addDrawings: Step;
  addTables: Step;
  addThemes: Step;
  addStyles: Step;
  addMedia: Step;
  addApp: Step;
  addCore: Step;
  addWorkbook: Step;
}

const encoder = new TextEncoder();

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The parts of ExcelJS's workbook model `shareEmptyStyles` walks (its typings declare none of it). */
interface WorkbookModel {
  worksheets: { id: number; dimensions: object; cols?: { style?: object }[]; rows: { style?: object; cells: { type: number; result?: unknown; style?: object }[] }[] }[];
}

/** One empty style for every row and cell without one (see `shareEmptyStyles`). */
const EMPTY: object = Object.freeze({});

/**
 * ExcelJS's style manager knows a style object it has seen by identity; any other is rendered to
 * XML and looked up by that text. Every row and column, and every new cell, has an empty style object of its
 * own: a 38-file summary's 7,700 of them cost 25 ms of rendering (twice that in a first run). In the
 * model about to be written (the workbook's own rows and cells keep theirs), they become one object,
 * which renders as each of them did: the style of a cell without one, number format General. Not so a
 * date's (ExcelJS gives it a date format, and would give the shared object's first id to every cell
 * after), so dates keep their own.
 */
function shareEmptyStyles(model: WorkbookModel): void {
  const empty = (style: object | undefined) => style !== undefined && isEmpty(style);
  for (const ws of model.worksheets) {
    for (const col of ws.cols ?? []) if (empty(col.style)) col.style = EMPTY;
    for (const row of ws.rows) {
      if (empty(row.style)) row.style = EMPTY;
      for (const cell of row.cells) {
        const date = cell.type === ValueType.Date || (cell.type === ValueType.Formula && cell.result instanceof Date);
        if (!date && empty(cell.style)) cell.style = EMPTY;
      }
    }
  }
}

/**
 * Each planned sheet's rows (`planned-sheet.ts`) in the model in place of its worksheet's own, which
 * hold nothing, with the used range ExcelJS's `Worksheet.model` works out from them.
 */
function putPlannedRows(wb: ExcelJS.Workbook, model: WorkbookModel): void {
  for (const ws of wb.worksheets) {
    const sheet = plannedSheetOf(wb, ws);
    const m = sheet && model.worksheets.find((s) => s.id === ws.id);
    if (!sheet || !m) continue;
    if (m.rows.length > 0) throw new Error(`putPlannedRows: "${ws.name}" has cells of its own beside its planned ones`);
    const rows = sheet.rowModels((text) => new Note(text).model);
    const dimensions = new Range();
    for (const r of rows) dimensions.expand(r.number, r.min, r.number, r.max);
    m.rows = rows;
    m.dimensions = dimensions;
  }
}

/** Every part of `wb`'s package, in the order ExcelJS writes them. */
export async function renderParts(wb: ExcelJS.Workbook): Promise<RenderedPart[]> {
  const parts: RenderedPart[] = [];
  const zip: ZipTarget = {
    append(data, { name, base64 }) {
      parts.push({ name, data: typeof data !== "string" ? data : base64 ? fromBase64(data) : encoder.encode(data) });
    },
  };
  const x = wb.xlsx as unknown as XlsxWriter;
  const { model } = wb as unknown as { model: WorkbookModel };
  putPlannedRows(wb, model);
  shareEmptyStyles(model);
  x.prepareModel(model, {});
  await x.addContentTypes(zip, model);
  await x.addOfficeRels(zip, model);
  await x.addWorkbookRels(zip, model);
  addWorksheets(zip, model as unknown as Parameters<typeof addWorksheets>[1], (sheet) => xmlCopyOf(wb, sheet, model as unknown as TargetTables));
  await x.addSharedStrings(zip, model); // after the worksheets, which collect the strings
  await x.addDrawings(zip, model);
  await x.addTables(zip, model);
  await Promise.all([x.addThemes(zip, model), x.addStyles(zip, model)]);
  await x.addMedia(zip, model);
  await Promise.all([x.addApp(zip, model), x.addCore(zip, model)]);
  await x.addWorkbook(zip, model);
  return parts;
}
