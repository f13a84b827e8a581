/** What the inspect sync learns about each sheet a plan touches, and what a protected sheet would refuse. */
import type { SheetPlan } from "../../core/plan/write-plan";

export interface SheetState {
  readonly plan: SheetPlan;
  /** Loaded in the inspect sync, for existing sheets. */
  protection?: Excel.WorksheetProtection;
  mergeValues?: { range: string; r: Excel.Range }[];
  /** Notes mode: the note (or null object) on each address the plan notes or clears. */
  notesAt?: Map<string, Excel.Note>;
  /** Comments mode: existing comments, then their cells. */
  comments?: Excel.CommentCollection;
  commentsAt?: Map<string, Excel.Comment>;
}

export function noteAddresses(sp: SheetPlan): string[] {
  const s = new Set<string>();
  for (const n of sp.notes ?? []) s.add(n.address.toUpperCase());
  for (const a of sp.clearFlags?.notes ?? []) s.add(a.toUpperCase());
  return [...s];
}

/** Anything in the plan that a protected sheet would refuse. */
export function needsUnprotected(sp: SheetPlan): boolean {
  return (
    (sp.cells?.length ?? 0) > 0 ||
    (sp.cellColumns?.length ?? 0) > 0 ||
    (sp.merges?.length ?? 0) > 0 ||
    (sp.columns?.length ?? 0) > 0 ||
    (sp.rows?.length ?? 0) > 0 ||
    (sp.inputRules?.length ?? 0) > 0 ||
    (sp.fills?.length ?? 0) > 0 ||
    (sp.notes?.length ?? 0) > 0 ||
    (sp.clearFlags?.fills.length ?? 0) > 0 ||
    (sp.clearFlags?.notes.length ?? 0) > 0 ||
    (sp.colorScales?.length ?? 0) > 0 ||
    (sp.charts?.length ?? 0) > 0 ||
    sp.freeze !== undefined ||
    sp.protect !== undefined
  );
}

/** Worksheet protection as Huishen sets it: only selecting cells is allowed (as the file adapter). */
export const HUISHEN_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
};
