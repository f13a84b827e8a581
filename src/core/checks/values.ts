import type { Finding } from "../findings/finding";
import { makeFinding } from "../findings/make";
import type { IndicatorEntry, TemplateSheetRead } from "../sheet/read-template";
import type { ReportedCell } from "../values/types";

const EPS = 1e-9;

/** Checks of each cell on its own: parseable, sign, whole counts, rates within 0–100 %, approximate figures. */
export function checkValues(read: TemplateSheetRead): Finding[] {
  const out: Finding[] = [];
  for (const entry of read.entries.values()) {
    checkCell(read, entry, entry.thisYear, "thisYear", out);
    checkCell(read, entry, entry.lastYear, "lastYear", out);
  }
  return out;
}

function findingBase(code: string, cell: ReportedCell, scope: "thisYear" | "lastYear") {
  return { codes: [code], cells: [cell.cell], raw: cell.raw, scope };
}

/** Adds the cell's findings to `out`; most cells have none, so nothing is built for them. */
function checkCell(read: TemplateSheetRead, entry: IndicatorEntry, cell: ReportedCell, scope: "thisYear" | "lastYear", out: Finding[]): void {
  const { code, kind } = entry.indicator;
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
  if (kind === "rate") {
    if (v < -EPS || v > 1 + EPS) out.push(makeFinding(read, { ...findingBase(code, cell, scope), code: "rate.outOfRange", actual: v, details: {} }));
    if (cell.percentPoints) out.push(makeFinding(read, { ...findingBase(code, cell, scope), code: "value.percentPoints", actual: v, details: {} }));
  } else if (v < 0) {
    out.push(makeFinding(read, { ...findingBase(code, cell, scope), code: "value.negative", actual: v, details: {} }));
  } else if (kind === "count" && Math.abs(v - Math.round(v)) > EPS) {
    out.push(makeFinding(read, { ...findingBase(code, cell, scope), code: "value.nonInteger", actual: v, details: {} }));
  }
  if (cell.invisible) out.push(makeFinding(read, { ...findingBase(code, cell, scope), code: "value.invisibleCharacters", actual: v, details: {} }));
  if (cell.approximate) out.push(makeFinding(read, { ...findingBase(code, cell, scope), code: "value.approximate", actual: v, details: {} }));
}
