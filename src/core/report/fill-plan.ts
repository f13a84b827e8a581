/**
 * Filling a district's sheet from its report, on request: the figures read with high confidence go
 * into 本年值 cells that are still blank, each with a note quoting its sentence. A cell a person
 * already filled is never changed — where it differs from the report it is a finding instead — and
 * every figure not read with confidence is left for a person.
 */
import type { Lang } from "../findings/format";
import { addressOf } from "../grid";
import type { CellWrite, NoteSpec, WritePlan } from "../plan/write-plan";
import type { TemplateSheetRead } from "../sheet/read-template";
import { sourceNote, typed } from "./extract-plan";
import type { ReadCandidate } from "./read-report";
import { compareSheetWithText, type SheetTextFinding } from "./sheet-vs-text";

export interface FillFromReport {
  readonly plan: WritePlan;
  /** Codes filled in. */
  readonly filled: readonly string[];
  /** Cells already filled with another value than the report's. */
  readonly differing: readonly SheetTextFinding[];
  /** Figures left for a person: low confidence, or an indicator the sheet does not have. */
  readonly pending: readonly ReadCandidate[];
}

export function planFillFromReport(read: TemplateSheetRead, candidates: readonly ReadCandidate[], lang: Lang): FillFromReport {
  const cells: CellWrite[] = [];
  const notes: NoteSpec[] = [];
  const filled: string[] = [];
  const pending: ReadCandidate[] = [];
  for (const c of candidates) {
    const entry = read.entries.get(c.code);
    if (c.confidence !== "high" || !entry) {
      pending.push(c);
      continue;
    }
    if (entry.thisYear.status !== "blank" || filled.includes(c.code)) continue;
    const address = addressOf(entry.row, read.columns.thisYear);
    cells.push({ address, value: typed(c) });
    notes.push({ address, text: sourceNote(c, lang) });
    filled.push(c.code);
  }
  const plan: WritePlan = cells.length > 0 ? { sheets: [{ name: read.sheet, mode: "update", cells, notes }] } : { sheets: [] };
  return { plan, filled, differing: compareSheetWithText(read, candidates), pending };
}
