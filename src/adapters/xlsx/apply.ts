/**
 * Apply a core `WritePlan` to an ExcelJS workbook.
 *
 * Two rules shape this file:
 *  - The whole plan is checked before the first change (`planProblems`), so a plan bug
 *    (creating a sheet that exists, merging over a value, a colour that is not #RRGGBB)
 *    throws with the workbook untouched instead of leaving it half written.
 *  - A cell's value changes only where the plan writes that cell's value or formula.
 *    Fills, notes and styles go through `cell-style.ts`, which never assigns `cell.value`
 *    and never repaints a cell that shared its style object with this one.
 *
 * `replace` removes the sheet of that name (if any) and adds a new one in its place in the tab
 * order; if the old one was the sheet the workbook opened on, the new one is. Colour scales become
 * conditional formatting (`<colorScale>`); ExcelJS cannot write charts, so they are skipped and
 * counted in `chartsSkipped`.
 */
import type * as ExcelJS from "exceljs";
import { ValueType } from "./exceljs";
import type { CellWrite, SheetPlan, WritePlan } from "../../core/plan/write-plan";
import { parseAddress } from "../../core/grid";
import {
  applyCellStyle,
  argb,
  clearFill,
  removeNote,
  setFill,
  setNote,
  setNumberFormat,
} from "./cell-style";
import { cellsOf, parseRange, Rect, rectText } from "../../core/plan/range";
import { setPrint } from "./print";
import { addValidation } from "./validation";
import { PlanError } from "../../core/plan/plan-error";
import { gridCell, planMerges, planProblems as corePlanProblems, writesContent, type ExistingSheet } from "../../core/plan/plan-problems";
import { planCells } from "../../core/plan/plan-cells";
import { cachedResult, planSheet, plannedSheetOf, type PlannedSheet } from "./planned-sheet";


export interface ApplyReport {
  /** New sheets: every `create`, and every `replace` (which creates its sheet afresh). */
  readonly sheetsCreated: number;
  /** `replace` sheets that removed an existing sheet of that name. */
  readonly sheetsReplaced: number;
  readonly cellsWritten: number;
  readonly fills: number;
  readonly notes: number;
  readonly inputRules: number;
  readonly colorScales: number;
  /** Charts in the plan that were not written: ExcelJS cannot write charts. */
  readonly chartsSkipped: number;
}


/** Excel matches sheet names without regard to case. */
function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const lower = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name === name) ?? wb.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}

/** A cell that already exists, without creating it (`ws.getCell` would). */
function existingCell(ws: ExcelJS.Worksheet | undefined, row: number, col: number): ExcelJS.Cell | undefined {
  return ws?.findRow(row + 1)?.findCell(col + 1);
}

function isMergeSlave(cell: ExcelJS.Cell | undefined): boolean {
  return !!cell && cell.type === ValueType.Merge && cell.master !== cell;
}

function holdsValue(cell: ExcelJS.Cell | undefined): boolean {
  return !!cell && cell.type !== ValueType.Null && cell.type !== ValueType.Merge;
}

/**
 * What only an ExcelJS sheet shows: a value planned into, or a merge planned over, cells of merged
 * areas that are already in the sheet. Everything else is the core's `planProblems`.
 */
function existingCellProblems(sp: SheetPlan, ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  for (const w of planCells(sp)) {
    const p = gridCell(w.address);
    if (p && writesContent(w) && isMergeSlave(existingCell(ws, p.row, p.col))) {
      out.push(`${sp.name}: ${w.address} is inside a merged area but not its top-left cell; its value would be lost`);
    }
  }
  // Merging keeps only the top-left value: refuse to drop a value already in the sheet.
  for (const r of planMerges(sp)) {
    for (const { row, col } of cellsOf(r)) {
      if (row === r.top && col === r.left) continue;
      const existing = existingCell(ws, row, col);
      if (holdsValue(existing) && !isMergeSlave(existing)) out.push(`${sp.name}: merge ${rectText(r)} would discard the value in ${existing?.address}`);
    }
  }
  return out;
}

const STATE: Record<string, ExistingSheet["visibility"]> = { visible: "visible", hidden: "hidden", veryHidden: "veryHidden" };

/** Everything wrong with the plan for this workbook; empty when it can be applied. */
export function planProblems(wb: ExcelJS.Workbook, plan: WritePlan): string[] {
  const existing = wb.worksheets.map((ws) => ({ name: ws.name, visibility: STATE[ws.state] ?? "visible" }));
  const updates = plan.sheets.filter((sp) => sp.mode === "update");
  return [...corePlanProblems(plan, existing), ...updates.flatMap((sp) => (findSheet(wb, sp.name) ? existingCellProblems(sp, findSheet(wb, sp.name)!) : []))];
}

function writeCell(ws: ExcelJS.Worksheet, w: CellWrite): void {
  // By row and column: the plan's addresses are parsed once (and checked by `planProblems`); ExcelJS
  // would parse each again.
  const p = parseAddress(w.address);
  const cell = p ? ws.getRow(p.row + 1).getCell(p.col + 1) : ws.getCell(w.address);
  if (w.formula !== undefined) {
    const formula = w.formula.replace(/^=/, "");
    const result = cachedResult(w.result);
    cell.value = result === undefined ? { formula } : { formula, result };
  } else if (w.value !== undefined) {
    // "" clears the cell, as writing "" through Office.js does; Excel would keep an empty text otherwise.
    cell.value = w.value === "" ? null : w.value;
  }
  if (w.numberFormat !== undefined) setNumberFormat(cell, w.numberFormat);
  if (w.style) applyCellStyle(cell, w.style);
}

/** True when exactly this area is already one merged cell (re-applying a plan is then a no-op). */
function alreadyMerged(ws: ExcelJS.Worksheet, r: Rect): boolean {
  const master = existingCell(ws, r.top, r.left);
  if (!master || !master.isMerged || master.type === ValueType.Merge) return false;
  for (const { row, col } of cellsOf(r)) {
    if (row === r.top && col === r.left) continue;
    const c = existingCell(ws, row, col);
    if (!c || !c.isMergedTo(master)) return false;
  }
  const below = existingCell(ws, r.bottom + 1, r.left);
  const right = existingCell(ws, r.top, r.right + 1);
  return !(below?.isMergedTo(master) || right?.isMergedTo(master));
}

function merge(ws: ExcelJS.Worksheet, range: string): void {
  const r = parseRange(range);
  if (!r || (r.top === r.bottom && r.left === r.right) || alreadyMerged(ws, r)) return;
  ws.mergeCells(rectText(r));
}

/** A loaded sheet without `<sheetViews>` has `views === null`, whatever the typings say. */
function viewsOf(ws: ExcelJS.Worksheet): Partial<ExcelJS.WorksheetView>[] {
  return (ws.views as Partial<ExcelJS.WorksheetView>[] | null) ?? [];
}

function freeze(ws: ExcelJS.Worksheet, rows: number, columns: number): void {
  // Keep the view's other settings (zoom, grid lines, selected tab); drop the old pane position.
  const views = viewsOf(ws);
  const base = { ...(views[0] ?? {}) } as Record<string, unknown>;
  delete base.topLeftCell;
  delete base.activePane;
  delete base.xSplit;
  delete base.ySplit;
  const view =
    rows > 0 || columns > 0
      ? { ...base, state: "frozen", xSplit: columns, ySplit: rows }
      : { ...base, state: "normal" };
  ws.views = [view as Partial<ExcelJS.WorksheetView>, ...views.slice(1)];
}

/** `tabSelected` is written by ExcelJS but not in its typings, and dropped when it reads a file. */
function setTabSelected(ws: ExcelJS.Worksheet, on: boolean): void {
  const views = viewsOf(ws);
  if (views.length === 0) {
    if (on) ws.views = [{ state: "normal", tabSelected: true } as Partial<ExcelJS.WorksheetView>];
    return;
  }
  (views[0] as { tabSelected?: boolean }).tabSelected = on;
}

/** A loaded workbook without `<bookViews>` has `views === undefined`, whatever the typings say. */
function workbookViews(wb: ExcelJS.Workbook): ExcelJS.WorkbookView[] {
  if (!Array.isArray(wb.views)) wb.views = [];
  return wb.views;
}

/** Make `target` the sheet Excel opens on: the workbook view's active tab plus the sheet views' selected tab. */
function activate(wb: ExcelJS.Workbook, target: ExcelJS.Worksheet): void {
  const sheets = wb.worksheets;
  const idx = sheets.indexOf(target);
  const views = workbookViews(wb);
  if (views.length === 0) {
    views.push({ x: 0, y: 0, width: 12000, height: 24000, firstSheet: 0, activeTab: idx, visibility: "visible" });
  }
  const view = views[0];
  view.activeTab = idx;
  if (view.firstSheet === undefined || view.firstSheet > idx) view.firstSheet = idx;
  for (const ws of sheets) setTabSelected(ws, ws === target);
}

/** Excel cannot open on a hidden sheet: after hiding, move the active tab to the first visible one. */
function keepActiveVisible(wb: ExcelJS.Workbook): void {
  const sheets = wb.worksheets;
  const current = sheets[workbookViews(wb)[0]?.activeTab ?? 0];
  if (current && current.state === "visible") return;
  const firstVisible = sheets.find((ws) => ws.state === "visible");
  if (firstVisible) activate(wb, firstVisible);
}

interface Protectable {
  sheetProtection?: { sheet?: boolean; hashValue?: string } | null;
}

async function protect(ws: ExcelJS.Worksheet, on: boolean): Promise<void> {
  const current = (ws as unknown as Protectable).sheetProtection;
  if (current?.hashValue) return; // a person's password protection is theirs: neither replaced nor lifted
  if (on) {
    // No password: protection guards against slips, not against the person who owns the file.
    // ExcelJS option names say what a person may still do; only selecting cells is allowed.
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatCells: false,
      formatColumns: false,
      formatRows: false,
      insertColumns: false,
      insertRows: false,
      insertHyperlinks: false,
      deleteColumns: false,
      deleteRows: false,
      sort: false,
      autoFilter: false,
      pivotTables: false,
    });
    return;
  }
  if (current) ws.unprotect();
}

/** ExcelJS orders sheets by `orderNo` (a run-time field missing from its typings). */
interface Ordered {
  orderNo: number;
}

/**
 * Remove the sheet called `name` (any case; if there is one) and add a new one where it was in the tab order
 * (ExcelJS appends new sheets; its `worksheets` are sorted by `orderNo`).
 */
function replaceSheet(wb: ExcelJS.Workbook, name: string): { ws: ExcelJS.Worksheet; removed?: ExcelJS.Worksheet } {
  const old = findSheet(wb, name);
  if (!old) return { ws: wb.addWorksheet(name) };
  const orderNo = (old as unknown as Ordered).orderNo;
  wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(name);
  (ws as unknown as Ordered).orderNo = orderNo;
  return { ws, removed: old };
}

type Counts = { -readonly [K in keyof ApplyReport]: number };

export interface ApplyOptions {
  /**
   * The workbook is only going to be written, by `packWorkbook`: the cells of the sheets this plan
   * creates are kept as the model it writes instead of as ExcelJS cells (`planned-sheet.ts`), which
   * the sheets then do not show and ExcelJS's own writer (`toBuffer`) would not write.
   */
  readonly forWriting?: boolean;
}

async function applySheet(wb: ExcelJS.Workbook, sp: SheetPlan, counts: Counts, opts: ApplyOptions): Promise<ExcelJS.Worksheet | undefined> {
  let ws: ExcelJS.Worksheet;
  let removed: ExcelJS.Worksheet | undefined;
  if (sp.mode === "create") {
    ws = wb.addWorksheet(sp.name);
    counts.sheetsCreated++;
  } else if (sp.mode === "replace") {
    ({ ws, removed } = replaceSheet(wb, sp.name));
    counts.sheetsCreated++;
    if (removed) counts.sheetsReplaced++;
  } else {
    const found = findSheet(wb, sp.name);
    if (!found) throw new PlanError([`no sheet "${sp.name}"`]);
    ws = found;
  }
  const planned: PlannedSheet | undefined = opts.forWriting && sp.mode !== "update" ? planSheet(wb, ws) : undefined;

  // Flags Huishen wrote last time go first, so this plan's flags can land on the same cells.
  for (const a of sp.clearFlags?.fills ?? []) {
    const p = parseAddress(a);
    const c = p && existingCell(ws, p.row, p.col);
    if (c) clearFill(c);
  }
  for (const a of sp.clearFlags?.notes ?? []) {
    const p = parseAddress(a);
    const c = p && existingCell(ws, p.row, p.col);
    if (c) removeNote(c);
  }

  if (planned) {
    for (const w of sp.cells ?? []) planned.write(w);
    counts.cellsWritten += sp.cells?.length ?? 0;
    for (const column of sp.cellColumns ?? []) counts.cellsWritten += planned.writeColumn(column);
  } else {
    for (const w of planCells(sp)) {
      writeCell(ws, w);
      counts.cellsWritten++;
    }
  }
  // After the cells: ExcelJS gives merged cells the master's style (borders on the whole title).
  for (const m of sp.merges ?? []) {
    if (planned) planned.merge(m);
    else merge(ws, m);
  }

  for (const c of sp.columns ?? []) {
    const col = ws.getColumn(c.index + 1);
    if (c.width !== undefined) col.width = c.width;
    if (c.hidden !== undefined) col.hidden = c.hidden;
  }
  for (const r of sp.rows ?? []) {
    if (planned) {
      planned.rowSpec(r);
      continue;
    }
    const row = ws.getRow(r.index + 1);
    if (r.height !== undefined) row.height = r.height;
    if (r.hidden !== undefined) row.hidden = r.hidden;
    // ExcelJS writes a row only if it has a height or a cell: give an empty hidden row a blank cell.
    if (row.cellCount === 0 && r.height === undefined) row.getCell(1);
  }

  for (const v of sp.inputRules ?? []) {
    addValidation(ws, v);
    counts.inputRules++;
  }
  for (const f of sp.fills ?? []) {
    if (planned) planned.fill(f.address, f.color);
    else setFill(ws.getCell(f.address), f.color);
    counts.fills++;
  }
  for (const n of sp.notes ?? []) {
    if (planned) planned.note(n.address, n.text);
    else setNote(ws.getCell(n.address), n.text);
    counts.notes++;
  }
  // Only on sheets this plan creates or replaces (planProblems), so there is no earlier rule to keep
  // apart from: priorities 1, 2, … in plan order.
  (sp.colorScales ?? []).forEach((cs, i) => {
    ws.addConditionalFormatting({
      ref: rectText(parseRange(cs.range)!),
      rules: [
        {
          type: "colorScale",
          priority: i + 1,
          cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
          color: [{ argb: argb(cs.low) }, { argb: argb(cs.mid) }, { argb: argb(cs.high) }],
        },
      ],
    });
    counts.colorScales++;
  });
  counts.chartsSkipped += sp.charts?.length ?? 0;

  if (sp.freeze) freeze(ws, sp.freeze.rows, sp.freeze.columns);
  if (sp.print) setPrint(ws, sp.print);
  if (sp.tabColor !== undefined) ws.properties.tabColor = { argb: argb(sp.tabColor) };
  if (sp.visibility !== undefined) ws.state = sp.visibility;
  if (sp.protect !== undefined) await protect(ws, sp.protect);
  return removed;
}

/**
 * Apply every sheet plan in order. Async because ExcelJS's `Worksheet.protect` is.
 * Throws `PlanError` (workbook unchanged) when the plan does not fit the workbook.
 */
export async function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan, opts: ApplyOptions = {}): Promise<ApplyReport> {
  const problems = planProblems(wb, plan);
  for (const sp of plan.sheets) {
    const ws = sp.mode === "update" ? findSheet(wb, sp.name) : undefined;
    if (ws && plannedSheetOf(wb, ws)) problems.push(`${sp.name}: a sheet planned for writing only takes no further plan`);
  }
  if (problems.length > 0) throw new PlanError(problems);
  const counts: Counts = { sheetsCreated: 0, sheetsReplaced: 0, cellsWritten: 0, fills: 0, notes: 0, inputRules: 0, colorScales: 0, chartsSkipped: 0 };
  // The sheet the workbook opens on: if the plan replaces it, the new sheet takes its place.
  const activeBefore = wb.worksheets[workbookViews(wb)[0]?.activeTab ?? 0];
  let toActivate: string | undefined;
  for (const sp of plan.sheets) {
    const removed = await applySheet(wb, sp, counts, opts);
    if (sp.activate) toActivate = sp.name;
    else if (removed !== undefined && removed === activeBefore && toActivate === undefined) toActivate = sp.name;
  }
  const target = toActivate === undefined ? undefined : findSheet(wb, toActivate);
  if (target) activate(wb, target);
  keepActiveVisible(wb);
  return counts;
}
