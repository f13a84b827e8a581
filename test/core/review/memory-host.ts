import type { CellValue, SheetSnapshot } from "../../../src/core/grid";
import { interpretPlan } from "../../../src/core/plan/interpret";
import type { WritePlan } from "../../../src/core/plan/write-plan";

/** A sheet in the in-memory host: what a snapshot holds, plus what the plan said about visibility. */
export type MemorySheet = SheetSnapshot & {
  values: CellValue[][];
  numberFormats: string[][];
  fills: (string | null)[][];
  notes: Record<string, string>;
  visibility?: string;
};

/**
 * Apply a plan to snapshots as the adapters do: the core's reference interpreter (which refuses what
 * they refuse), with its grids made writable so a test can type into them afterwards.
 */
export function applyToSnapshots(sheets: readonly SheetSnapshot[], plan: WritePlan): MemorySheet[] {
  return interpretPlan(sheets, plan).map((s) => ({
    ...s,
    values: s.values.map((r) => [...r]),
    numberFormats: (s.numberFormats ?? []).map((r) => [...r]),
    fills: (s.fills ?? []).map((r) => [...r]),
    notes: { ...(s.notes ?? {}) },
  }));
}
