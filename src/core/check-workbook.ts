import { checkRates } from "./checks/rates";
import { checkRelations } from "./checks/relations";
import { checkSheet } from "./checks/sheet";
import { checkValues } from "./checks/values";
import { checkYearOverYear } from "./checks/yoy";
import { sortFindings, type Finding } from "./findings/finding";
import type { SheetSnapshot } from "./grid";
import { keepShape } from "./keep-shape";
import type { Result } from "./result";
import { readTemplateSheet, type SheetReadFailure, type TemplateSheetRead } from "./sheet/read-template";
import { builtinRegistry, type TemplateRegistry } from "./template/registry";

export interface CheckRun {
  /** Template sheets understood, in workbook order. */
  readonly sheets: readonly TemplateSheetRead[];
  /** Sheets that carry a marker but cannot be read (unknown template version, header removed). */
  readonly failures: readonly Exclude<SheetReadFailure, { reason: "noMarker" }>[];
  /** Every finding, errors first. */
  readonly findings: readonly Finding[];
}

/** Every check of one district's sheet. */
export function checkDistrictSheet(read: TemplateSheetRead): Finding[] {
  return [...checkSheet(read), ...checkValues(read), ...checkRates(read), ...checkRelations(read), ...checkYearOverYear(read)];
}

/**
 * One analysis reads each sheet once and checks each read once, however many of its parts (the
 * checks, the consolidation, the review) ask: results are kept by the snapshot and read objects.
 */
export class SheetReader {
  private readonly reads = new Map<SheetSnapshot, Result<TemplateSheetRead, SheetReadFailure>>();
  private readonly checks = new Map<TemplateSheetRead, readonly Finding[]>();

  constructor(readonly registry: TemplateRegistry = builtinRegistry()) {
    keepShape(SheetReader, () => new SheetReader(registry));
  }

  read(s: SheetSnapshot): Result<TemplateSheetRead, SheetReadFailure> {
    let r = this.reads.get(s);
    if (!r) {
      r = readTemplateSheet(s, this.registry);
      this.reads.set(s, r);
    }
    return r;
  }

  /** Every check of one district's sheet (`checkDistrictSheet`), once. */
  check(read: TemplateSheetRead): readonly Finding[] {
    let f = this.checks.get(read);
    if (!f) {
      f = checkDistrictSheet(read);
      this.checks.set(read, f);
    }
    return f;
  }
}

/** Find the template sheets among the snapshots, read them and check them. Sheets without a marker are ignored. */
export function checkWorkbook(snapshots: readonly SheetSnapshot[], reader: SheetReader = new SheetReader()): CheckRun {
  const sheets: TemplateSheetRead[] = [];
  const failures: Exclude<SheetReadFailure, { reason: "noMarker" }>[] = [];
  for (const s of snapshots) {
    const r = reader.read(s);
    if (r.ok) sheets.push(r.value);
    else if (r.error.reason !== "noMarker") failures.push(r.error);
  }
  const findings = sortFindings(sheets.flatMap((s) => reader.check(s)));
  return { sheets, failures, findings };
}
