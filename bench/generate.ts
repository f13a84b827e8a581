import { seededRandom } from "../src/core/consolidate/stats";
import { parseAddress, type CellValue, type SheetSnapshot } from "../src/core/grid";
import { COL, META, ROW } from "../src/core/sheet/layout";
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
  const blank = blankGrid(t, year);
  const values = blank.values.map((row) => row.slice());
  const numberFormats = blank.numberFormats.map((row) => row.slice());
  values[ROW.meta][META.district] = name;
  const { rowOf } = blank;
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

interface BlankGrid {
  readonly values: readonly CellValue[][];
  readonly numberFormats: readonly string[][];
  readonly rowOf: ReadonlyMap<string, number>;
}

const blankGrids = new WeakMap<LoadedTemplate, Map<number, BlankGrid>>();

/**
 * The template's fill-in sheet for a year with no district named, as the adapters read a sheet: every
 * row as wide as the widest, blank cells "" in General (see `snapshotSheet`). Made once per template
 * and year: 10,000 districts are copies of it, not 10,000 template plans.
 */
function blankGrid(t: LoadedTemplate, year: number): BlankGrid {
  let byYear = blankGrids.get(t);
  if (!byYear) blankGrids.set(t, (byYear = new Map()));
  let grid = byYear.get(year);
  if (grid) return grid;
  const { plan, rowOf } = templateSheetPlan(t, { sheetName: "blank", year });
  const at = (plan.cells ?? []).map((cell) => ({ ...parseAddress(cell.address)!, cell }));
  const height = Math.max(...at.map((a) => a.row)) + 1;
  const width = Math.max(...at.map((a) => a.col)) + 1;
  const values = Array.from({ length: height }, () => new Array<CellValue>(width).fill(""));
  const numberFormats = Array.from({ length: height }, () => new Array<string>(width).fill("General"));
  for (const { row, col, cell } of at) {
    values[row][col] = cell.formula ? (cell.result ?? "") : (cell.value ?? "");
    numberFormats[row][col] = cell.numberFormat ?? "General";
  }
  byYear.set(year, (grid = { values, numberFormats, rowOf }));
  return grid;
}
