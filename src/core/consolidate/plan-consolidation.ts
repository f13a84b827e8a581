import type { Lang } from "../findings/format";
import type { SheetSnapshot } from "../grid";
import type { SheetPlan, WritePlan } from "../plan/write-plan";
import { flagPlan } from "../sheet/plan-flags";
import type { Consolidation } from "./model";
import { indexSheetPlan } from "./plan-index";
import { findingsSheetPlan } from "./plan-findings";
import { rankSheetPlan, summarySheetPlan } from "./plan-summary";
import { indexWeightsCells, readWeightsSheet, weightsSheetPlan } from "./weights";

/**
 * The consolidation as a write plan for the workbook it goes into: the summary, rank, index and findings
 * sheets (regenerated), the weights sheet (only when missing: after that it is the aggregator's),
 * and flags on the district sheets that are in the workbook.
 * @param workbook every sheet of the receiving workbook as read (flag state, the weights sheet, notes)
 */
export function planConsolidation(c: Consolidation, workbook: readonly SheetSnapshot[], lang: Lang = "zh"): WritePlan {
  const sheets: SheetPlan[] = [];
  const { plan: summary, layout } = summarySheetPlan(c, lang);
  sheets.push(summary, rankSheetPlan(c, layout, lang));

  const existing = readWeightsSheet(workbook, c.template);
  // The weights sheet first: the index sheet's formulas refer to it, and Excel must find it when they are set.
  if (!existing) sheets.push(weightsSheetPlan(c.template, c.settings, lang));
  sheets.push(
    indexSheetPlan({
      template: c.template,
      summary: layout,
      districts: c.districts.map((d) => d.name),
      index: c.index,
      settings: c.settings,
      weightsCells: indexWeightsCells(c.template, existing, c.settings),
      year: c.year,
      lang,
    }),
  );

  const inWorkbook = c.sheets.filter((s) => s.inWorkbook);
  const names = new Set(workbook.map((s) => s.name));
  const files = new Map(c.sheets.filter((s) => s.file !== undefined && !s.inWorkbook).map((s) => [s.read.sheet, s.file!]));
  sheets.push(findingsSheetPlan(c.findings, c.template, { inWorkbook: new Set(inWorkbook.map((s) => s.read.sheet)), files }, lang));

  const flagged = inWorkbook.filter((s) => names.has(s.read.sheet)).map((s) => s.read);
  if (flagged.length > 0) sheets.push(...flagPlan(flagged, c.findings, workbook, lang).sheets);
  return { sheets };
}
