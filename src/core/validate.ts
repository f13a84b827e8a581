import { checkRates } from "./checks/rates";
import { checkRelations } from "./checks/relations";
import { checkSheet } from "./checks/sheet";
import { checkValues } from "./checks/values";
import { checkYearOverYear } from "./checks/yoy";
import { compareFindings, type Finding } from "./findings/finding";
import type { SheetSnapshot } from "./grid";
import { readTemplateSheet, type SheetReadFailure, type TemplateSheetRead } from "./sheet/read-template";
import { builtinRegistry, type TemplateRegistry } from "./template/registry";

export interface ValidationRun {
  /** Template sheets understood, in workbook order. */
  readonly sheets: readonly TemplateSheetRead[];
  /** Sheets that carry a marker but cannot be read (unknown template version, header removed). */
  readonly failures: readonly Exclude<SheetReadFailure, { reason: "noMarker" }>[];
  /** Every finding, errors first. */
  readonly findings: readonly Finding[];
}

/** Every check of one district's sheet. */
export function validateSheet(read: TemplateSheetRead): Finding[] {
  return [...checkSheet(read), ...checkValues(read), ...checkRates(read), ...checkRelations(read), ...checkYearOverYear(read)];
}

/** Find the template sheets among the snapshots, read them and check them. Sheets without a marker are ignored. */
export function validateWorkbook(snapshots: readonly SheetSnapshot[], registry: TemplateRegistry = builtinRegistry()): ValidationRun {
  const sheets: TemplateSheetRead[] = [];
  const failures: Exclude<SheetReadFailure, { reason: "noMarker" }>[] = [];
  for (const s of snapshots) {
    const r = readTemplateSheet(s, registry);
    if (r.ok) sheets.push(r.value);
    else if (r.error.reason !== "noMarker") failures.push(r.error);
  }
  const findings = sheets.flatMap(validateSheet).sort(compareFindings);
  return { sheets, failures, findings };
}
