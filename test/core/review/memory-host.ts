import { parseAddress, type CellValue, type SheetSnapshot } from "../../../src/core/grid";
import type { WritePlan } from "../../../src/core/plan/write-plan";
import { planCells } from "../../../src/core/plan/plan-cells";

/** A sheet in the in-memory host: what a snapshot holds, plus what the plan said about visibility. */
export type MemorySheet = SheetSnapshot & {
  values: CellValue[][];
  numberFormats: string[][];
  fills: (string | null)[][];
  notes: Record<string, string>;
  visibility?: string;
};

/**
 * Apply a plan to snapshots the way an adapter would, for the parts the review uses: values (and
 * formula results), number formats, fills, notes, sheet creation, replacement and visibility.
 * Refuses what the adapters refuse (creating a sheet that exists, updating one that does not).
 */
export function applyToSnapshots(sheets: readonly SheetSnapshot[], plan: WritePlan): MemorySheet[] {
  const out: MemorySheet[] = sheets.map((s) => ({
    ...s,
    values: s.values.map((r) => [...r]),
    numberFormats: (s.numberFormats ?? s.values.map((r) => r.map(() => "General"))).map((r) => [...r]),
    fills: (s.fills ?? s.values.map((r) => r.map(() => null))).map((r) => [...r]),
    notes: { ...(s.notes ?? {}) },
  }));
  for (const sp of plan.sheets) {
    let i = out.findIndex((x) => x.name.toLowerCase() === sp.name.toLowerCase());
    if (sp.mode === "create" && i >= 0) throw new Error(`create: sheet "${sp.name}" exists`);
    if (sp.mode === "update" && i < 0) throw new Error(`update: no sheet "${sp.name}"`);
    if (sp.mode === "replace" && i >= 0) {
      out.splice(i, 1);
      i = -1;
    }
    if (i < 0) {
      out.push({ name: sp.name, values: [], numberFormats: [], fills: [], notes: {} });
      i = out.length - 1;
    }
    const s = out[i];
    const at = (a: string) => {
      const p = parseAddress(a)!;
      for (const grid of [s.values, s.numberFormats, s.fills] as unknown[][][]) while (grid.length <= p.row) grid.push([]);
      return p;
    };
    for (const w of planCells(sp)) {
      const { row, col } = at(w.address);
      if (w.formula !== undefined) s.values[row][col] = w.result ?? "";
      else if (w.value !== undefined) s.values[row][col] = w.value;
      if (w.numberFormat !== undefined) s.numberFormats[row][col] = w.numberFormat;
    }
    for (const a of sp.clearFlags?.fills ?? []) {
      const { row, col } = at(a);
      s.fills[row][col] = null;
    }
    for (const a of sp.clearFlags?.notes ?? []) delete s.notes[a];
    for (const f of sp.fills ?? []) {
      const { row, col } = at(f.address);
      s.fills[row][col] = f.color;
    }
    for (const n of sp.notes ?? []) s.notes[n.address] = n.text;
    if (sp.visibility) s.visibility = sp.visibility;
    // Dense grids, as adapters hand them over: blanks are "".
    const width = Math.max(0, ...s.values.map((r) => r.length));
    for (let r = 0; r < s.values.length; r++) {
      for (let c = 0; c < width; c++) {
        if (s.values[r][c] === undefined) s.values[r][c] = "";
        if (s.numberFormats[r][c] === undefined) s.numberFormats[r][c] = "General";
        if (s.fills[r][c] === undefined) s.fills[r][c] = null;
      }
    }
  }
  return out;
}
