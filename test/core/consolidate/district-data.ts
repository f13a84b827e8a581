import { districtData } from "../../../src/core/consolidate/figures";
import type { DistrictData } from "../../../src/core/consolidate/model";
import { readTemplateSheet } from "../../../src/core/sheet/read-template";
import { COL } from "../../../src/core/sheet/layout";
import { templateSheetPlan } from "../../../src/core/sheet/plan-template";
import { builtinRegistry, standardTemplate } from "../../../src/core/template/registry";
import { snapshotFromPlan } from "../../helpers/plan-grid";
import { typeLikeExcel } from "../../helpers/typed";

/** What a clerk typed: a number, or text as typed (`200余`, `23.14亿元`, `94.44%`, `—`); undefined leaves the cell blank. */
export type Typed = number | string | undefined;

export interface DistrictSpec {
  readonly name: string;
  readonly year?: number;
  readonly figures: Readonly<Record<string, Typed>>;
  readonly lastYear?: Readonly<Record<string, Typed>>;
}

/**
 * A district as consolidation sees it: the values typed (as Excel stores them) into a fresh
 * standard-template sheet named `<name> <year>`, read back and turned into DistrictData by the
 * engine's own `districtData`, so cells, raw text, approximate flags and precision are real.
 */
export function makeDistrict(spec: DistrictSpec): DistrictData {
  const year = spec.year ?? 2024;
  const { plan, rowOf } = templateSheetPlan(standardTemplate(), { sheetName: `${spec.name} ${year}` });
  const s = snapshotFromPlan(plan);
  s.values[1][1] = spec.name;
  s.values[1][4] = year;
  const type = (col: number, cells: Readonly<Record<string, Typed>> | undefined) => {
    for (const [code, v] of Object.entries(cells ?? {})) {
      const row = rowOf.get(code);
      if (row === undefined) throw new Error(`no indicator ${code} in the standard template`);
      if (v !== undefined) s.values[row][col] = typeLikeExcel(v);
    }
  };
  type(COL.thisYear, spec.figures);
  type(COL.lastYear, spec.lastYear);
  const read = readTemplateSheet(s, builtinRegistry());
  if (!read.ok) throw new Error(`sheet not read: ${read.error.reason}`);
  return districtData(read.value, { snapshots: [s], inWorkbook: true });
}

/** Districts 区1, 区2 … each with one indicator's value this year (and last year, when given). */
export function districtsWith(code: string, values: readonly Typed[], lastYear?: readonly Typed[]): DistrictData[] {
  return values.map((v, i) => makeDistrict({ name: `区${i + 1}`, figures: { [code]: v }, lastYear: lastYear ? { [code]: lastYear[i] } : undefined }));
}
