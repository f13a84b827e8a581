import type { Finding } from "../findings/finding";
import { makeFinding } from "../findings/make";
import { LAST_YEAR, THIS_YEAR } from "../sheet/entry-table";
import type { TemplateSheetRead } from "../sheet/read-template";
import type { Indicator, IndicatorKind } from "../template/schema";
import type { ReportedCell } from "../values/types";

const EPS = 1e-9;

/** Checks of each cell on its own: parseable, sign, whole counts, rates within 0–100 %, approximate figures. */
export function checkValues(read: TemplateSheetRead): Finding[] {
  const out: Finding[] = [];
  const t = read.entries;
  // Most cells are a plain figure that passes: read from the columns, a cell is built only for a finding.
  const mayPass = read.uncachedFormulas.size === 0;
  for (let p = 0; p < t.size; p++) {
    const indicator = t.indicatorAt(p);
    for (const [year, scope] of YEARS) {
      const slot = 2 * p + year;
      if (mayPass) {
        const status = t.statusAt(slot);
        if (status === "blank") continue;
        if (status === "value" && !t.markedAt(slot) && figureProblem(indicator.kind, t.valueAt(slot)) === undefined) continue;
      }
      checkCell(read, indicator, t.cellAt(slot)!, scope, out);
    }
  }
  return out;
}

const YEARS = [
  [THIS_YEAR, "thisYear"],
  [LAST_YEAR, "lastYear"],
] as const;

/** What is wrong with a figure of this kind on its own, if anything. */
function figureProblem(kind: IndicatorKind, v: number): "rate.outOfRange" | "value.negative" | "value.nonInteger" | undefined {
  if (kind === "rate") return v < -EPS || v > 1 + EPS ? "rate.outOfRange" : undefined;
  if (v < 0) return "value.negative";
  if (kind === "count" && Math.abs(v - Math.round(v)) > EPS) return "value.nonInteger";
  return undefined;
}

function findingBase(code: string, cell: ReportedCell, scope: "thisYear" | "lastYear") {
  return { codes: [code], cells: [cell.cell], raw: cell.raw, scope };
}

/** Adds the cell's findings to `out`; most cells have none, so nothing is built for them. */
function checkCell(read: TemplateSheetRead, indicator: Indicator, cell: ReportedCell, scope: "thisYear" | "lastYear", out: Finding[]): void {
  const { code, kind } = indicator;
  if (read.uncachedFormulas.has(cell.cell.address)) {
    out.push(makeFinding(read, { ...findingBase(code, cell, scope), code: "value.uncachedFormula", details: {} }));
    return;
  }
  if (cell.status === "blank") return;
  if (cell.status === "invalid") {
    out.push(makeFinding(read, { ...findingBase(code, cell, scope), code: "value.unparsable", details: { reason: cell.reason } }));
    return;
  }
  const v = cell.value;
  const problem = figureProblem(kind, v);
  if (problem) out.push(makeFinding(read, { ...findingBase(code, cell, scope), code: problem, actual: v, details: {} }));
  if (kind === "rate" && cell.percentPoints) out.push(makeFinding(read, { ...findingBase(code, cell, scope), code: "value.percentPoints", actual: v, details: {} }));
  if (cell.invisible) out.push(makeFinding(read, { ...findingBase(code, cell, scope), code: "value.invisibleCharacters", actual: v, details: {} }));
  if (cell.approximate) out.push(makeFinding(read, { ...findingBase(code, cell, scope), code: "value.approximate", actual: v, details: {} }));
}
