import { performance } from "node:perf_hooks";
import type { SheetSnapshot } from "../src/core/grid";

/**
 * The floor under a whole run: every value and number format of the sheets read once, and nothing
 * else. No engine can check what it has not read, so the whole run's time over this says how much is
 * the engine's own work; and on this shared machine, where the same code runs a third slower on a busy
 * day, the ratio moves far less than either time.
 */
export function readEveryCell(sheets: readonly SheetSnapshot[]): { ms: number; cells: number } {
  const start = performance.now();
  let cells = 0;
  let numbers = 0;
  let text = 0;
  for (const s of sheets) {
    for (let r = 0; r < s.values.length; r++) {
      const row = s.values[r];
      const formats = s.numberFormats?.[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        // Each value's type looked at and used, so the loop cannot be skipped as having no effect.
        if (typeof v === "number") numbers += v;
        else if (typeof v === "string") text += v.length;
        if (formats) text += formats[c]?.length ?? 0;
        cells++;
      }
    }
  }
  const ms = performance.now() - start;
  if (Number.isNaN(numbers + text)) throw new Error("bench: a figure read as NaN");
  return { ms, cells };
}
