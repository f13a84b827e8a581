/**
 * What a write plan means, on plain snapshots: the reference both adapters are held to (a test applies
 * a plan through an adapter, reads it back and compares with this), and what the pane's test host uses
 * instead of applying plans its own way. Values, a formula's cached result and its text, number formats,
 * fills (a cell style's and flags'), notes and sheet order; merges keep their top-left value only.
 */
import type { CellValue, SheetSnapshot } from "../grid";
import { addressOf, parseAddress } from "../grid";
import { formulaAsRead } from "./formula-text";
import { planCells } from "./plan-cells";
import { PlanError } from "./plan-error";
import { planMerges, planProblems } from "./plan-problems";
import type { SheetPlan, WritePlan } from "./write-plan";

/** A sheet as the interpreter keeps it; `visibility` is what a snapshot does not carry. */
export interface InterpretedSheet extends SheetSnapshot {
  readonly visibility: "visible" | "hidden" | "veryHidden";
}

interface Grid {
  name: string;
  visibility: InterpretedSheet["visibility"];
  values: CellValue[][];
  formulas: CellValue[][];
  numberFormats: string[][];
  fills: Map<string, string>;
  notes: Map<string, string>;
}

/** Apply `plan` to `sheets`; throws `PlanError` for a plan an adapter would refuse, before any change. */
export function interpretPlan(sheets: readonly (SheetSnapshot & { readonly visibility?: InterpretedSheet["visibility"] })[], plan: WritePlan): InterpretedSheet[] {
  const problems = planProblems(plan, sheets.map((s) => ({ name: s.name, visibility: s.visibility ?? "visible" })));
  if (problems.length > 0) throw new PlanError(problems);
  const grids = sheets.map(gridOf);
  for (const sp of plan.sheets) {
    const at = grids.findIndex((g) => g.name.toLowerCase() === sp.name.toLowerCase());
    let g: Grid;
    if (sp.mode === "update") g = grids[at];
    else {
      g = { name: sp.name, visibility: "visible", values: [], formulas: [], numberFormats: [], fills: new Map(), notes: new Map() };
      // `replace` keeps the sheet's place in the tab order; `create` adds it at the end.
      if (sp.mode === "replace" && at >= 0) grids[at] = g;
      else grids.push(g);
    }
    applySheet(g, sp);
  }
  return grids.map(snapshotOf);
}

function applySheet(g: Grid, sp: SheetPlan): void {
  if (sp.visibility) g.visibility = sp.visibility;
  for (const a of sp.clearFlags?.fills ?? []) g.fills.delete(a);
  for (const a of sp.clearFlags?.notes ?? []) g.notes.delete(a);
  for (const w of planCells(sp)) {
    const p = parseAddress(w.address)!;
    if (w.formula !== undefined) {
      put(g.values, p.row, p.col, w.result ?? "", "");
      put(g.formulas, p.row, p.col, formulaAsRead(w.formula), "");
    } else if (w.value !== undefined) {
      put(g.values, p.row, p.col, w.value ?? "", "");
      put(g.formulas, p.row, p.col, w.value ?? "", "");
    }
    if (w.numberFormat !== undefined) put(g.numberFormats, p.row, p.col, w.numberFormat, "General");
    if (w.style?.fill) g.fills.set(w.address, w.style.fill.toUpperCase());
  }
  // A merge shows its top-left cell only: what lies under the rest is gone.
  for (const r of planMerges(sp)) {
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        if (row === r.top && col === r.left) continue;
        if (g.values[row]?.[col] !== undefined) put(g.values, row, col, "", "");
        if (g.formulas[row]?.[col] !== undefined) put(g.formulas, row, col, "", "");
      }
    }
  }
  for (const f of sp.fills ?? []) g.fills.set(f.address, f.color.toUpperCase());
  for (const n of sp.notes ?? []) g.notes.set(n.address, n.text);
}

function put<T>(grid: T[][], row: number, col: number, v: T, blank: T): void {
  while (grid.length <= row) grid.push([]);
  const r = grid[row];
  while (r.length < col) r.push(blank);
  r[col] = v;
}

function gridOf(s: SheetSnapshot & { readonly visibility?: InterpretedSheet["visibility"] }): Grid {
  const fills = new Map<string, string>();
  s.fills?.forEach((row, r) => row.forEach((f, c) => f && fills.set(addressOf(r, c), f)));
  return {
    name: s.name,
    visibility: s.visibility ?? "visible",
    values: s.values.map((row) => [...row]),
    formulas: (s.formulas ?? s.values).map((row) => [...row]),
    numberFormats: (s.numberFormats ?? []).map((row) => [...row]),
    fills,
    notes: new Map(Object.entries(s.notes ?? {})),
  };
}

/** A dense snapshot: every row as wide as the widest. */
function snapshotOf(g: Grid): InterpretedSheet {
  const rows = Math.max(g.values.length, g.numberFormats.length);
  const width = [...g.values, ...g.numberFormats].reduce((w, r) => Math.max(w, r.length), 0);
  const dense = <T>(grid: T[][], blank: T) => Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? blank));
  const fills = Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => g.fills.get(addressOf(r, c)) ?? null));
  return {
    name: g.name,
    visibility: g.visibility,
    values: dense<CellValue>(g.values, ""),
    formulas: dense<CellValue>(g.formulas, ""),
    numberFormats: dense(g.numberFormats, "General"),
    fills,
    notes: Object.fromEntries(g.notes),
  };
}
