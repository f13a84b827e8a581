import { seededRandom } from "../src/core/consolidate/stats";
import type { CellValue, SheetSnapshot } from "../src/core/grid";
import { COL } from "../src/core/sheet/layout";
import { templateSheetPlan } from "../src/core/sheet/plan-template";
import type { LoadedTemplate } from "../src/core/template/load";


/**
 * A district sheet with every indicator filled: counts of plausible size, parts within totals,
 * rates computed from their counts (about one in ten typed slightly off, as in real reports).
 */
export function generatedDistrict(t: LoadedTemplate, index: number, year = 2024): SheetSnapshot {
  // Deterministic: benchmarks and tests must be repeatable.
  const rand = seededRandom(index + 1);
  const name = `区县${String(index + 1).padStart(4, "0")}`;
  const { plan, rowOf } = templateSheetPlan(t, { sheetName: name, district: name, year });
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (const c of plan.cells ?? []) {
    const m = /^([A-Z]+)(\d+)$/.exec(c.address)!;
    const row = Number(m[2]) - 1;
    const col = m[1].charCodeAt(0) - 65;
    (values[row] ??= [])[col] = c.formula ? (c.result ?? "") : (c.value ?? "");
    (numberFormats[row] ??= [])[col] = c.numberFormat ?? "General";
  }
  const figure = new Map<string, number>();
  for (const ind of t.template.indicators) {
    if (ind.kind === "rate") continue;
    figure.set(ind.code, ind.kind === "amount" ? Math.round(rand() * 500000) / 100 : Math.round(50 + rand() * 5000));
  }
  // Parts never above their totals: scale each numerator into its denominator.
  for (const ind of t.template.indicators) {
    if (ind.numerator && ind.denominator) figure.set(ind.numerator, Math.floor(figure.get(ind.denominator)! * (0.6 + rand() * 0.4)));
  }
  for (const ind of t.template.indicators) {
    const row = rowOf.get(ind.code)!;
    let v: number | undefined = figure.get(ind.code);
    if (ind.kind === "rate") {
      v = ind.numerator ? figure.get(ind.numerator)! / figure.get(ind.denominator!)! : 0.8 + rand() * 0.2;
      v = Math.round(v * 10000) / 10000 + (rand() < 0.1 ? 0.02 : 0);
    }
    values[row][COL.thisYear] = v!;
    values[row][COL.lastYear] = ind.kind === "rate" ? Math.min(1, v! * (0.9 + rand() * 0.1)) : Math.round(v! * (0.7 + rand() * 0.6));
  }
  return { name, values, numberFormats };
}
