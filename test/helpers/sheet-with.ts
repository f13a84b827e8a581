import type { CellValue } from "../../src/core/grid";
import { COL } from "../../src/core/sheet/layout";
import { templateSheetPlan } from "../../src/core/sheet/plan-template";
import { standardTemplate } from "../../src/core/template/registry";
import { checkWorkbook } from "../../src/core/check-workbook";
import { snapshotFromPlan } from "./plan-grid";

type Typed = CellValue | { thisYear?: CellValue; lastYear?: CellValue; format?: string };

/** A standard-template sheet with just these cells typed (raw cell values, as Excel stores them). */
export function sheetWith(cells: Record<string, Typed>, meta: { district?: string; year?: CellValue } = { district: "测试区", year: 2024 }) {
  const { plan, rowOf } = templateSheetPlan(standardTemplate(), { sheetName: "测试区 2024" });
  const s = snapshotFromPlan(plan);
  s.values[1][1] = meta.district ?? "";
  s.values[1][4] = meta.year ?? "";
  for (const [code, typed] of Object.entries(cells)) {
    const row = rowOf.get(code)!;
    const spec = typed !== null && typeof typed === "object" && !(typed instanceof Date) ? typed : { thisYear: typed };
    if (spec.thisYear !== undefined) s.values[row][COL.thisYear] = spec.thisYear;
    if (spec.lastYear !== undefined) s.values[row][COL.lastYear] = spec.lastYear;
    if (spec.format) s.numberFormats[row][COL.thisYear] = spec.format;
  }
  return { snapshot: s, rowOf };
}

export function findingsFor(cells: Record<string, Typed>, meta?: { district?: string; year?: CellValue }) {
  return checkWorkbook([sheetWith(cells, meta).snapshot]).findings;
}

/** `code@indicator` pairs, sorted: compact and exact. */
export function summarize(findings: ReturnType<typeof findingsFor>): string[] {
  return findings.map((f) => `${f.code}@${f.codes.join("+")}`).sort();
}
