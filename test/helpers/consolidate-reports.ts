import { consolidate } from "../../src/core/consolidate";
import type { ConsolidateOptions, DistrictSource } from "../../src/core/consolidate/model";
import type { SheetSnapshot } from "../../src/core/grid";
import type { ReportFixture } from "../fixtures/reports";
import { reportSnapshot } from "./report-sheets";

/** The reports typed into template sheets of one workbook, in order. */
export function reportSheets(reports: readonly ReportFixture[]): SheetSnapshot[] {
  return reports.map((r) => ({ ...reportSnapshot(r).snapshot, name: `${r.district} ${r.year}` }));
}

/** The reports consolidated as districts of one workbook. */
export function consolidateReports(reports: readonly ReportFixture[], options: ConsolidateOptions = {}, extra: readonly SheetSnapshot[] = []) {
  const sheets = [...reportSheets(reports), ...extra];
  const source: DistrictSource = { snapshots: sheets, inWorkbook: true };
  const c = consolidate([source], options);
  if (!c) throw new Error("nothing consolidated");
  return { c, sheets };
}

/** Index of a district in the consolidation's order. */
export function at(c: { districts: readonly { name: string }[] }, name: string): number {
  const i = c.districts.findIndex((d) => d.name === name);
  if (i < 0) throw new Error(`${name} not consolidated`);
  return i;
}
