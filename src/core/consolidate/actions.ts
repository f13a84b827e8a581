import type { Lang } from "../findings/format";
import type { SheetSnapshot } from "../grid";
import type { WritePlan } from "../plan/write-plan";
import { builtinRegistry, type TemplateRegistry } from "../template/registry";
import { consolidate, planConsolidation } from "./consolidate";
import type { ConsolidateOptions, Consolidation, DistrictSource } from "./model";

/** A district workbook picked as a file and read outside the host (the pane reads it with ExcelJS). */
export interface DistrictFile {
  readonly name: string;
  readonly sheets: readonly SheetSnapshot[];
}

export interface ConsolidateRequest {
  /** Use the template sheets of the open workbook. */
  readonly useWorkbook: boolean;
  /** District files that stay outside the workbook (findings name them; no links, no flags). */
  readonly files: readonly DistrictFile[];
  readonly options: ConsolidateOptions;
  readonly lang: Lang;
}

export type ConsolidateOutcome =
  | { readonly ok: true; readonly consolidation: Consolidation; readonly plan: WritePlan }
  | { readonly ok: false; readonly reason: "noTemplateSheets" };

/** What the pane's 汇总 button does, from what was read to what to write. */
export function planConsolidate(read: { readonly sheets: readonly SheetSnapshot[] }, req: ConsolidateRequest, registry: TemplateRegistry = builtinRegistry()): ConsolidateOutcome {
  const sources: DistrictSource[] = [
    { snapshots: req.useWorkbook ? read.sheets : [], inWorkbook: true },
    ...req.files.map((f) => ({ snapshots: f.sheets, file: f.name, inWorkbook: false })),
  ];
  const c = consolidate(sources, req.options, registry);
  if (!c) return { ok: false, reason: "noTemplateSheets" };
  return { ok: true, consolidation: c, plan: planConsolidation(c, read.sheets, req.lang) };
}
