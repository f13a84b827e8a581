import { asAddress } from "../../src/core/brand";
import { addressOf, type CellValue, type SheetSnapshot } from "../../src/core/grid";
import { interpretPlan } from "../../src/core/plan/interpret";
import type { SheetPlan } from "../../src/core/plan/write-plan";
import { COL } from "../../src/core/sheet/layout";
import type { ReportFixture } from "../fixtures/reports";
import { typeLikeExcel } from "./typed";

/** A sheet snapshot of what a plan writes (values, cached formula results, formats): core tests need no file. */
export function snapshotFromPlan(plan: SheetPlan): SheetSnapshot & { values: CellValue[][]; numberFormats: string[][] } {
  // The core's reference interpreter, as the pane's test host uses it: one meaning of a plan everywhere.
  const [s] = interpretPlan([], { sheets: [{ ...plan, mode: "create", visibility: "visible" }] });
  return { name: s.name, values: s.values as CellValue[][], numberFormats: s.numberFormats as string[][] };
}

/** Type a report's figures into a template snapshot, as a clerk would (see `typeLikeExcel`). */
export function fillSnapshot(s: ReturnType<typeof snapshotFromPlan>, report: ReportFixture, rowOf: ReadonlyMap<string, number>) {
  const values = s.values.map((r) => [...r]);
  const set = (row: number, col: number, v: CellValue) => (values[row][col] = v);
  set(1, 1, report.district);
  set(1, 4, report.year);
  for (const f of report.figures) {
    const row = rowOf.get(f.code)!;
    set(row, COL.thisYear, typeLikeExcel(f.thisYear));
    if (f.lastYear !== undefined) set(row, COL.lastYear, typeLikeExcel(f.lastYear));
  }
  return { ...s, values };
}

export const cellOf = (sheet: string, row: number, col: number) => ({ sheet, address: asAddress(addressOf(row, col)) });
