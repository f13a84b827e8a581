/**
 * A filled sheet against its report: a figure the sheet holds that differs from the report's figure
 * for the same indicator is a warning naming the cell and the sentence. Only figures read with high
 * confidence are compared (a person settles the rest first); a figure off only within the digits
 * either side was written with agrees.
 */
import type { CellRef } from "../brand";
import type { TemplateSheetRead } from "../sheet/read-template";
import type { ReadCandidate } from "./read-report";
import type { TextFinding } from "./text-checks";

export interface SheetTextFinding extends Omit<TextFinding, "code"> {
  readonly code: "text.sheetDiffers";
  /** The sheet's cell, and what it holds. */
  readonly cell: CellRef;
}

/** One unit of the last digit written: 85.29% → 0.0001, 337 → 1, 1.8万 → 1000. */
function textResolution(c: ReadCandidate): number {
  const f = c.figure;
  if (f.kind === "percent") return 10 ** -(f.decimals + 2);
  const scale = c.value !== 0 && f.value !== 0 ? c.value / f.value : 1; // 亿元 → 万元 rescales the digits too
  const written = /[万亿]/.test(f.unit) ? (f.unit.startsWith("亿") ? 1e8 : 1e4) : 1;
  return 10 ** -f.decimals * written * scale;
}

export function compareSheetWithText(read: TemplateSheetRead, candidates: readonly ReadCandidate[]): SheetTextFinding[] {
  const out: SheetTextFinding[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (c.confidence !== "high" || seen.has(c.code)) continue;
    seen.add(c.code);
    const cell = read.entries.get(c.code)?.thisYear;
    if (!cell || cell.status !== "value") continue;
    const tolerance = Math.max(textResolution(c), cell.resolution) / 2;
    if (Math.abs(cell.value - c.value) <= tolerance + 1e-9 * Math.max(1, Math.abs(c.value))) continue;
    out.push({
      code: "text.sheetDiffers",
      severity: "warning",
      codes: [c.code],
      figures: [{ code: c.code, start: c.figure.start, end: c.figure.end, raw: c.figure.raw, value: c.value }],
      sentence: c.sentence,
      actual: cell.value,
      expected: c.value,
      cell: cell.cell,
    });
  }
  return out;
}
