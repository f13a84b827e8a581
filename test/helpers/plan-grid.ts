import { asAddress } from "../../src/core/brand";
import { addressOf, parseAddress, type CellValue, type SheetSnapshot } from "../../src/core/grid";
import type { SheetPlan } from "../../src/core/plan/write-plan";
import { COL } from "../../src/core/sheet/layout";
import type { ReportFixture } from "../fixtures/reports";
import { typeLikeExcel } from "./typed";

/** A sheet snapshot of what a plan writes (values, cached formula results, formats): core tests need no file. */
export function snapshotFromPlan(plan: SheetPlan): SheetSnapshot & { values: CellValue[][]; numberFormats: string[][] } {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (const c of plan.cells ?? []) {
    const p = parseAddress(c.address)!;
    while (values.length <= p.row) {
      values.push([]);
      numberFormats.push([]);
    }
    values[p.row][p.col] = c.formula !== undefined ? (c.result ?? "") : (c.value ?? "");
    numberFormats[p.row][p.col] = c.numberFormat ?? "General";
  }
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  for (let r = 0; r < values.length; r++) {
    for (let c = 0; c < width; c++) {
      values[r][c] ??= "";
      numberFormats[r][c] ??= "General";
    }
  }
  return { name: plan.name, values, numberFormats };
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
