import { consolidate } from "../consolidate/consolidate";
import { readConsolidationSettings } from "../consolidate/settings-marker";
import type { Finding } from "../findings/finding";
import type { SheetSnapshot } from "../grid";
import type { SheetReadFailure, TemplateSheetRead } from "../sheet/read-template";
import { builtinRegistry, type TemplateRegistry } from "../template/registry";
import { validateWorkbook } from "../validate";
import type { TemplateLookup } from "./text";

export interface WorkbookFindings {
  /** Every finding the review considers, errors first. */
  readonly findings: readonly Finding[];
  /** Templates by `id@version`, to render the findings' messages. */
  readonly templates: TemplateLookup;
  /** The template sheets understood (what flags are painted on). */
  readonly sheets: readonly TemplateSheetRead[];
  /** Sheets with a marker that cannot be read. */
  readonly failures: readonly Exclude<SheetReadFailure, { reason: "noMarker" }>[];
}

/**
 * The one place that says which findings a workbook's review is about: each template sheet's own
 * checks, and — in a workbook that was consolidated — the consolidation's findings too (gathering,
 * outliers across districts, the city against its districts), with the options it last ran with.
 */
export function workbookFindings(snapshots: readonly SheetSnapshot[], registry: TemplateRegistry = builtinRegistry()): WorkbookFindings {
  const run = validateWorkbook(snapshots, registry);
  const templates = new Map(registry.all().map((t) => [t.key, t]));
  const settings = readConsolidationSettings(snapshots);
  const consolidated = settings && consolidate([{ snapshots, inWorkbook: true }], settings, registry);
  return {
    findings: consolidated ? consolidated.findings : run.findings,
    templates,
    sheets: run.sheets,
    failures: run.failures,
  };
}
