/**
 * Copying a worksheet into another workbook with ExcelJS, so a district's sheet in the summary
 * workbook looks and reads like the original: values, formulas with their cached results (shared
 * formulas too), number formats, styles, notes, merges, columns, rows, data validation, conditional
 * formatting, protection, views and page setup.
 *
 * The copy goes through ExcelJS's worksheet model, deep-cloned, with these quirks answered:
 *  - `Worksheet.model` gives merges as `merges` but its setter reads `mergeCells`.
 *  - The setter drops the non-master cells of a merged area and re-creates them without a style,
 *    so their borders and fills are put back here.
 *  - `Cell.model` returns the live value model; it is cloned before anything touches it.
 *  - `views[].tabSelected` would group the copy with the sheet Excel opens on; it is dropped.
 *  - Images are workbook-level media: each is added to the target workbook and its id remapped.
 *  - Formulas and validations naming the sheet itself follow it to its new name.
 * Workbook-level defined names are not copied (the template uses none).
 */
import type * as ExcelJS from "exceljs";
import { parseAddress } from "../../core/grid";
import { valuesUnderMerges } from "./values-under-merges";

interface CellModel {
  address: string;
  type: number;
  master?: string;
  formula?: string;
  style?: Partial<ExcelJS.Style>;
  comment?: unknown;
}

interface RowModel {
  cells: CellModel[];
}

interface MediaModel {
  type: "image" | "background";
  imageId: string | number;
}

interface TableModel {
  name: string;
  displayName?: string;
}

/** The parts of ExcelJS's worksheet model used here (its typings declare none of it). */
interface SheetModel {
  name: string;
  state: ExcelJS.WorksheetState;
  rows: RowModel[];
  merges: string[];
  mergeCells?: string[];
  views: (Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean })[] | null;
  media: MediaModel[];
  tables: TableModel[];
  dataValidations: Record<string, ExcelJS.DataValidation | undefined>;
  rowBreaks?: unknown;
}

interface ModelHolder {
  model: SheetModel;
  rowBreaks?: unknown;
}

/** ExcelJS's value type of the non-master cells of a merged area (`ValueType.Merge`). */
const MERGE_TYPE = 1;

export interface CopyOptions {
  /**
   * The caller lets go of the source's workbook once its sheets are copied (a file read only to be
   * copied): its model is then taken over as it is instead of cloned, and the source's cells may show
   * the copy's renamed formulas. The clone was a twentieth of a 38-file consolidation.
   */
  readonly sourceDiscarded?: boolean;
}

/**
 * Copy `source` (of any workbook) into `target` as a new last sheet called `name`; returns the copy.
 * Throws if `target` already has a sheet of that name (Excel compares names without case).
 * @example
 *   const copy = copyWorksheet(districtWb.worksheets[0], summaryWb, "荣昌区 2024");
 */
export function copyWorksheet(source: ExcelJS.Worksheet, target: ExcelJS.Workbook, name: string, options: CopyOptions = {}): ExcelJS.Worksheet {
  const lower = name.toLowerCase();
  if (target.worksheets.some((ws) => ws.name.toLowerCase() === lower)) {
    throw new Error(`copyWorksheet: the workbook already has a sheet called "${name}"`);
  }
  // The getter builds a new model, but with the cells' live value objects in it: cloned unless the source is let go.
  const live = (source as unknown as ModelHolder).model;
  const model = options.sourceDiscarded ? live : structuredClone(live);
  const oldName = source.name;
  const slaves = model.rows.flatMap((r) => r.cells.filter((c) => c.type === MERGE_TYPE));

  if (oldName !== name) {
    const rename = sheetRenamer(oldName, name);
    for (const row of model.rows) {
      for (const cell of row.cells) if (typeof cell.formula === "string") cell.formula = rename(cell.formula);
    }
    for (const dv of Object.values(model.dataValidations)) {
      if (dv?.formulae) dv.formulae = dv.formulae.map((f) => (typeof f === "string" ? rename(f) : f));
    }
  }
  model.name = name;
  model.mergeCells = model.merges;
  model.views = (model.views ?? []).map((v) => {
    const view = { ...v };
    delete view.tabSelected;
    return view;
  });
  model.media = copyMedia(source, target, model.media);
  model.tables = uniqueTables(target, model.tables);

  const ws = target.addWorksheet(name);
  (ws as unknown as ModelHolder).model = model;
  if (model.rowBreaks !== undefined) (ws as unknown as ModelHolder).rowBreaks = model.rowBreaks;
  ws.state = model.state;
  for (const s of slaves) {
    const cell = ws.getCell(s.address);
    cell.style = s.style ?? {};
  }
  keepValuesUnderMerges(source, ws, model.merges ?? []);
  return ws;
}

/**
 * A merged range hiding values the file holds (see values-under-merges.ts) is unmerged in the copy
 * and every value written back: a person's figures outlive the merge, which the check flags.
 */
function keepValuesUnderMerges(source: ExcelJS.Worksheet, copy: ExcelJS.Worksheet, merges: readonly string[]): void {
  const hidden = valuesUnderMerges(source);
  if (hidden.size === 0) return;
  for (const range of merges) if ([...hidden.keys()].some((a) => inRange(a, range))) copy.unMergeCells(range);
  for (const [address, value] of hidden) copy.getCell(address).value = value as ExcelJS.CellValue;
}

/** Is the cell `address` inside `range` (A1:B2)? */
export function inRange(address: string, range: string): boolean {
  const [a, b] = range.split(":").map(parseAddress);
  const p = parseAddress(address);
  return !!a && !!b && !!p && p.row >= a.row && p.row <= b.row && p.col >= a.col && p.col <= b.col;
}

/** Images are stored once per workbook: add each to the target and point the copy at the new id. */
function copyMedia(source: ExcelJS.Worksheet, target: ExcelJS.Workbook, media: readonly MediaModel[]): MediaModel[] {
  const out: MediaModel[] = [];
  const ids = new Map<string, number>();
  for (const m of media) {
    const key = String(m.imageId);
    let id = ids.get(key);
    if (id === undefined) {
      const image = source.workbook.getImage(Number(m.imageId)) as ExcelJS.Image | undefined;
      if (!image) continue; // a dangling reference in the source: nothing to show
      // The bytes are shared, not copied: neither workbook changes an image in place.
      id = target.addImage({ ...image });
      ids.set(key, id);
    }
    out.push({ ...m, imageId: typeof m.imageId === "number" ? id : String(id) });
  }
  return out;
}

/** Table names are unique in a workbook: a copy of a table gets a numbered name when its own is taken. */
function uniqueTables(target: ExcelJS.Workbook, tables: readonly TableModel[]): TableModel[] {
  const taken = new Set<string>();
  for (const ws of target.worksheets) for (const t of Object.keys((ws as unknown as { tables?: Record<string, unknown> }).tables ?? {})) taken.add(t.toLowerCase());
  return tables.map((t) => {
    let n = t.name;
    for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${t.name}_${i}`;
    taken.add(n.toLowerCase());
    return n === t.name ? t : { ...t, name: n, displayName: n };
  });
}

/** `'Old name'!A1` and `Old!A1` → `'New name'!A1`, outside string literals. */
export function renameSheetRefs(formula: string, oldName: string, newName: string): string {
  return sheetRenamer(oldName, newName)(formula);
}

/** `renameSheetRefs` for every formula of a sheet: the expressions are built once. */
export function sheetRenamer(oldName: string, newName: string): (formula: string) => string {
  const replacement = `'${newName.replace(/'/g, "''")}'!`;
  // Excel compares sheet names without case: 'old name'! is the same sheet.
  const quoted = new RegExp(escapeRegExp(`'${oldName.replace(/'/g, "''")}'!`), "gi");
  const bare = /^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*$/.test(oldName)
    ? new RegExp(`(?<![\\w.'\\u00C0-\\uFFFF])${escapeRegExp(oldName)}!`, "gi")
    : undefined;
  const rename = (part: string) => {
    const p = part.replace(quoted, () => replacement);
    return bare ? p.replace(bare, () => replacement) : p;
  };
  // Most formulas name no sheet at all.
  return (formula) =>
    formula.includes("!")
      ? formula
          .split(/("(?:[^"]|"")*")/)
          .map((part, i) => (i % 2 === 1 ? part : rename(part)))
          .join("")
      : formula;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
