/**
 * What a write plan may say, checked the same way for every adapter before anything is written: both
 * refuse a plan for the same reasons, with the same words. An adapter adds only what it alone can see
 * (an ExcelJS sheet's existing merged cells). Throwing is the adapters' part (`PlanError`).
 */
import { addressOf, parseAddress } from "../grid";
import { validationProblems } from "./data-validation";
import { printProblems } from "./print";
import { parseRange, type Rect } from "./range";
import { sheetNameProblem } from "./sheet-name";
import { summarySpecProblems } from "./summary-specs";
import { hasFormula, writesCell } from "./plan-cells";
import type { CellColumn, CellStyle, CellWrite, SheetPlan, WritePlan } from "./write-plan";

/** Excel's grid: 1,048,576 rows × 16,384 columns (0-based bounds). */
export const MAX_ROW = 1_048_575;
export const MAX_COL = 16_383;

/** A cell inside Excel's grid (the core's parser also takes "A0" and "XFE1"). */
export function gridCell(address: string): { row: number; col: number } | undefined {
  const p = parseAddress(address);
  return p && p.row >= 0 && p.row <= MAX_ROW && p.col <= MAX_COL ? p : undefined;
}

/** A rectangle inside Excel's grid. */
export function gridRange(range: string): Rect | undefined {
  const r = parseRange(range);
  return r && r.top >= 0 && r.bottom <= MAX_ROW && r.right <= MAX_COL ? r : undefined;
}

const isColour = (s: string | undefined) => s === undefined || /^#[0-9a-fA-F]{6}$/.test(s);

export function writesContent(w: CellWrite): boolean {
  return w.value !== undefined || w.formula !== undefined;
}

/** Inside a merged area but not its top-left cell: a value written there is lost. */
export function inMergeBody(merges: readonly Rect[], row: number, col: number): boolean {
  return merges.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right && !(row === r.top && col === r.left));
}

/** The plan's own merges of a sheet, as rectangles (the malformed ones are `sheetPlanProblems`'). */
export function planMerges(sp: SheetPlan): Rect[] {
  return (sp.merges ?? []).flatMap((m) => gridRange(m) ?? []);
}

/** Problems visible from one sheet's plan alone, each prefixed with the sheet's name. */
export function sheetPlanProblems(sp: SheetPlan): string[] {
  const out: string[] = [];
  const at = (s: string) => out.push(`${sp.name}: ${s}`);
  const name = sheetNameProblem(sp.name);
  if (name) out.push(name);
  const cell = (a: string, what: string) => {
    if (!gridCell(a)) at(`${what} "${a}" is not a cell address`);
  };
  for (const m of sp.merges ?? []) if (!gridRange(m)) at(`merge "${m}" is not a range`);
  const merges = planMerges(sp);
  // A column that is wrong as a whole is reported once; the cells of the others are checked as cells.
  const sound: CellColumn[] = [];
  for (const c of sp.cellColumns ?? []) {
    const problems = columnProblems(c);
    problems.forEach(at);
    if (problems.length === 0) sound.push(c);
  }
  for (const w of sp.cells ?? []) {
    cell(w.address, "cell");
    if (w.value !== undefined && w.formula !== undefined) at(`${w.address} has both a value and a formula`);
    const p = gridCell(w.address);
    cellProblems(w.address, w.value, w.result, w.style, p !== undefined && writesContent(w) && inMergeBody(merges, p.row, p.col), at);
  }
  for (const c of sound) columnCellProblems(c, merges, at);
  for (const v of sp.inputRules ?? []) for (const p of validationProblems(v)) at(`validation ${v.range}: ${p}`);
  for (const f of sp.fills ?? []) {
    cell(f.address, "fill");
    if (!isColour(f.color)) at(`fill ${f.address}: "${f.color}" is not #RRGGBB`);
  }
  for (const n of sp.notes ?? []) cell(n.address, "note");
  for (const a of sp.clearFlags?.fills ?? []) cell(a, "clearFlags fill");
  for (const a of sp.clearFlags?.notes ?? []) cell(a, "clearFlags note");
  if (!isColour(sp.tabColor)) at(`tab colour: "${sp.tabColor}" is not #RRGGBB`);
  if (sp.freeze && (sp.freeze.rows < 0 || sp.freeze.columns < 0)) at("freeze counts must be ≥ 0");
  if (sp.print) for (const p of printProblems(sp.print)) at(p);
  for (const p of summarySpecProblems(sp)) at(p);
  return out;
}

/** What is wrong with one cell's content and look, in the order a plan's cells are reported. */
function cellProblems(address: string, value: CellWrite["value"], result: CellWrite["result"], style: CellStyle | undefined, inMerge: boolean, at: (s: string) => void): void {
  if (typeof value === "number" && !Number.isFinite(value)) at(`${address} value ${value} is not finite`);
  if (typeof result === "number" && !Number.isFinite(result)) at(`${address} result ${result} is not finite`);
  if (!isColour(style?.fontColor)) at(`${address} font colour: "${style?.fontColor}" is not #RRGGBB`);
  if (!isColour(style?.fill)) at(`${address} fill: "${style?.fill}" is not #RRGGBB`);
  if (inMerge) at(`${address} is inside a merged area but not its top-left cell; its value would be lost`);
}

/**
 * A sound column's cells checked as the cells `columnCells` makes of it, without making them: a
 * consolidation's columns are hundreds of thousands of cells, each an address and a formula to build.
 * Its cells are inside the grid (`columnProblems`); a value under a formula is its result.
 */
function columnCellProblems(c: CellColumn, merges: readonly Rect[], at: (s: string) => void): void {
  const top = gridCell(c.top)!;
  for (let i = 0; i < c.values.length; i++) {
    if (!writesCell(c, i)) continue;
    const formula = hasFormula(c, i);
    const entry = c.values[i];
    const style = c.styles?.[i] ?? c.style;
    const row = top.row + i;
    const inMerge = (formula || entry !== undefined) && merges.length > 0 && inMergeBody(merges, row, top.col);
    // Most cells are sound: their address is spelled only for a problem.
    if ((typeof entry === "number" && !Number.isFinite(entry)) || inMerge || !coloursSound(style)) {
      cellProblems(addressOf(row, top.col), formula ? undefined : entry, formula ? entry : undefined, style, inMerge, at);
    }
  }
}

/** A column's style is shared by its cells: its colours are read once. */
function coloursSound(style: CellStyle | undefined): boolean {
  if (style === undefined) return true;
  let sound = SOUND_COLOURS.get(style);
  if (sound === undefined) SOUND_COLOURS.set(style, (sound = isColour(style.fontColor) && isColour(style.fill)));
  return sound;
}

const SOUND_COLOURS = new WeakMap<CellStyle, boolean>();

/** What a column says about itself (its cells are checked as cells). */
function columnProblems(c: CellColumn): string[] {
  const top = gridCell(c.top);
  if (!top) return [`column top "${c.top}" is not a cell address`];
  const out: string[] = [];
  if (top.row + c.values.length - 1 > MAX_ROW) out.push(`column from ${c.top} runs ${c.values.length} rows, past the sheet's last row`);
  if ((c.formulas?.length ?? 0) > c.values.length) out.push(`column from ${c.top} has more formulas than rows`);
  if (c.formulas !== undefined && c.filledFormula !== undefined) out.push(`column from ${c.top} has both per-row formulas and a filled formula`);
  if ((c.styles?.length ?? 0) > c.values.length) out.push(`column from ${c.top} has more styles than rows`);
  if (c.fillRows !== undefined) {
    if (c.filledFormula === undefined) out.push(`column from ${c.top} has fill offsets but no filled formula`);
    if (c.fillRows.length < c.values.length) out.push(`column from ${c.top} has fewer fill offsets than rows`);
    if (!c.fillRows.every(Number.isInteger)) out.push(`column from ${c.top} has a fill offset that is not a whole number of rows`);
  }
  if (c.formulaRows !== undefined) {
    if (c.filledFormula === undefined) out.push(`column from ${c.top} marks the rows of a filled formula but has none`);
    if (c.formulaRows.length < c.values.length) out.push(`column from ${c.top} marks fewer rows for its filled formula than it has`);
  }
  return out;
}

/** A sheet of the workbook as the plan meets it. */
export interface ExistingSheet {
  readonly name: string;
  readonly visibility: "visible" | "hidden" | "veryHidden";
}

/** Problems that depend on the workbook's sheets: what may be created, replaced, updated, hidden and activated. */
export function workbookPlanProblems(plan: WritePlan, existing: readonly ExistingSheet[]): string[] {
  const out: string[] = [];
  const states = new Map<string, string>(existing.map((s) => [s.name.toLowerCase(), s.visibility]));
  const created = new Set<string>();
  let active: string | undefined;
  for (const sp of plan.sheets) {
    const key = sp.name.toLowerCase();
    const exists = existing.some((s) => s.name.toLowerCase() === key);
    if (sp.mode === "create") {
      if (exists || created.has(key)) out.push(`cannot create sheet "${sp.name}": a sheet with that name exists`);
      created.add(key);
      states.set(key, "visible");
    } else if (sp.mode === "replace") {
      // Replacing an existing sheet is the point; replacing one this plan made is a plan bug.
      if (created.has(key)) out.push(`cannot replace sheet "${sp.name}": the plan already creates it`);
      created.add(key);
      states.set(key, "visible");
    } else if (!exists && !created.has(key)) {
      out.push(`cannot update sheet "${sp.name}": no such sheet`);
    }
    if (sp.visibility) states.set(key, sp.visibility);
    if (sp.activate) active = key;
  }
  if (![...states.values()].some((s) => s === "visible")) out.push("the plan would leave no visible sheet");
  if (active !== undefined && states.get(active) !== "visible") out.push(`cannot activate hidden sheet "${active}"`);
  return out;
}

/**
 * What is wrong with the plan for a workbook with these sheets: what the plan itself shows first, and
 * only when it shows nothing, what depends on the workbook (the Excel add-in adapter needs a sync to learn
 * the sheets, so it checks in this order; the file adapter follows it to say the same).
 */
export function planProblems(plan: WritePlan, existing: readonly ExistingSheet[]): string[] {
  const own = plan.sheets.flatMap(sheetPlanProblems);
  return own.length > 0 ? own : workbookPlanProblems(plan, existing);
}
