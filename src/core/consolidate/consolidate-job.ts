import type { Lang } from "../findings/format";
import type { SheetSnapshot } from "../grid";
import type { WritePlan } from "../plan/write-plan";
import { consolidate } from "./consolidate";
import { planConsolidation } from "./plan-consolidation";
import type { ConsolidateOptions, Consolidation, DistrictSource } from "./model";

/** A district workbook picked as a file and read outside the host (the pane reads it with ExcelJS). */
export interface DistrictFile {
  readonly name: string;
  readonly sheets: readonly SheetSnapshot[];
  /** Its sheets were copied into the receiving workbook (the CLI's summary): findings link to them there. */
  readonly copied?: boolean;
}

export interface ConsolidateRequest {
  /**
   * Which sheets of the open workbook take part: all of them, none, or only the named ones (sheets just
   * inserted from files when the workbook's own are not wanted).
   */
  readonly workbookSheets: "all" | "none" | readonly string[];
  /** District files (findings name them; those not copied in get no links and no flags). */
  readonly files: readonly DistrictFile[];
  readonly options: ConsolidateOptions;
  readonly lang: Lang;
}

/** The one place that turns "the workbook's sheets and these files" into the consolidation's sources. */
export function districtSources(workbook: readonly SheetSnapshot[], req: Pick<ConsolidateRequest, "workbookSheets" | "files">): DistrictSource[] {
  const pick = req.workbookSheets;
  const own = pick === "all" ? workbook : pick === "none" ? [] : workbook.filter((s) => pick.includes(s.name));
  return [
    ...(own.length > 0 || pick === "all" ? [{ snapshots: own, inWorkbook: true }] : []),
    ...req.files.map((f) => ({ snapshots: f.sheets, file: f.name, inWorkbook: f.copied === true })),
  ];
}

export type ConsolidateOutcome =
  | { readonly ok: true; readonly consolidation: Consolidation; readonly plan: WritePlan }
  | { readonly ok: false; readonly reason: "noTemplateSheets" };

/** What the pane's 汇总 button does, from what was read to what to write. */
export function planConsolidate(read: { readonly sheets: readonly SheetSnapshot[] }, req: ConsolidateRequest): ConsolidateOutcome {
  const c = consolidate(districtSources(read.sheets, req), req.options);
  if (!c) return { ok: false, reason: "noTemplateSheets" };
  return { ok: true, consolidation: c, plan: planConsolidation(c, read.sheets, req.lang) };
}
