import { compareFindings, type Finding } from "../findings/finding";
import type { Lang } from "../findings/format";
import type { SheetSnapshot } from "../grid";
import type { SheetPlan, WritePlan } from "../plan/write-plan";
import { flagPlan } from "../sheet/plan-flags";
import { builtinRegistry, type TemplateRegistry } from "../template/registry";
import { SheetReader } from "../check-workbook";
import { peerAnomalies } from "./anomalies";
import { compositeIndex, defaultIndexSettings } from "./composite";
import { municipalTotals } from "./figures";
import { gatherDistricts, type Gathered } from "./gather";
import { CONSOLIDATION_SHEETS } from "./layout";
import type { ConsolidateOptions, Consolidation, DistrictSource, IndexSettings } from "./model";
import { indexSheetPlan } from "./plan-index";
import { findingsSheetPlan } from "./plan-findings";
import { rankSheetPlan, summarySheetPlan } from "./plan-summary";
import { rankEq } from "./stats";
import { applyWeightOverrides, indexWeightsCells, readWeightsSheet, weightsFinding, weightsSheetPlan, type WeightsSheetRead } from "./weights";


/**
 * What a consolidation finds, without computing its index: the districts gathered, each sheet's own
 * checks, the gathering's findings and the anomalies across districts. What a check of a consolidated
 * workbook needs (the index and its 1,000 weight draws change no finding).
 */
export function consolidationFindings(
  sources: readonly DistrictSource[],
  options: ConsolidateOptions,
  reader: SheetReader,
): { gathered: Gathered; weights: WeightsSheetRead | undefined; findings: Finding[] } | undefined {
  const g = gatherDistricts(sources, options, reader);
  if (!g) return undefined;
  // A sheet left out for having no district name says so once, not twice.
  const leftOutUnnamed = new Set(g.findings.filter((f) => f.code === "gather.noDistrict").map((f) => f.sheet));
  const own: Finding[] = g.reads.flatMap(({ read }) => reader.check(read)).filter((f) => !(f.code === "sheet.noDistrict" && leftOutUnnamed.has(f.sheet)));
  const weights = readWeightsSheet(sources.filter((s) => s.file === undefined).flatMap((s) => s.snapshots), g.template);
  // What the weights sheet says wrongly matters only where the sheet is what the index follows.
  const weightProblems = (weights?.problems ?? []).filter((p) => (p.code === "normalisation.unknown" ? !options.normalisation : !options.dimensionWeights));
  const weightFindings = weightProblems.map((p) => weightsFinding(p, g.template.key, g.year));
  return { gathered: g, weights, findings: [...own, ...g.findings, ...weightFindings, ...peerAnomalies(g.districts, g.city)].sort(compareFindings) };
}

/**
 * Consolidate district sheets: gather them, check each, add up the municipal figures, rank every
 * indicator, compute the composite index and its rank stability, and find what is out of line across
 * districts. Undefined when no source holds a template sheet.
 */
export function consolidate(
  sources: readonly DistrictSource[],
  options: ConsolidateOptions = {},
  registry: TemplateRegistry = builtinRegistry(),
  reader: SheetReader = new SheetReader(registry),
): Consolidation | undefined {
  const found = consolidationFindings(sources, options, reader);
  if (!found) return undefined;
  const g = found.gathered;
  const t = g.template;

  const fromSheet = found.weights;
  // Equal weights and min–max, overlaid by the weights sheet's valid entries, then by explicit options.
  const fromSheetOrDefault = fromSheet ? applyWeightOverrides(defaultIndexSettings(t), fromSheet.overrides) : defaultIndexSettings(t);
  const settings: IndexSettings = {
    normalisation: options.normalisation ?? fromSheetOrDefault.normalisation,
    dimensionWeights: options.dimensionWeights ?? fromSheetOrDefault.dimensionWeights,
    stability: options.stability ?? fromSheetOrDefault.stability,
  };

  const ranks = new Map<string, (number | undefined)[]>();
  for (const ind of t.template.indicators) {
    if (ind.direction === "none") continue;
    ranks.set(ind.code, rankEq(g.districts.map((d) => d.figures.get(ind.code)), ind.direction === "up" ? "desc" : "asc"));
  }

  return {
    template: t,
    year: g.year,
    districts: g.districts,
    city: g.city,
    totals: municipalTotals(t, g.districts),
    ranks,
    index: compositeIndex(t, g.districts, settings),
    settings,
    options,
    sheets: g.reads.map(({ read, source }) => ({ read, file: source.file, inWorkbook: source.inWorkbook })),
    findings: found.findings,
  };
}

/**
 * The consolidation as a write plan for the workbook it goes into: the summary, rank, index and findings
 * sheets (regenerated), the weights sheet (only when missing: after that it is the aggregator's),
 * and flags on the district sheets that are in the workbook.
 * @param workbook every sheet of the receiving workbook as read (flag state, the weights sheet, notes)
 */
export function planConsolidation(c: Consolidation, workbook: readonly SheetSnapshot[], lang: Lang = "zh"): WritePlan {
  const sheets: SheetPlan[] = [];
  const { plan: summary, layout } = summarySheetPlan(c, lang);
  sheets.push(summary, rankSheetPlan(c, layout));

  const existing = readWeightsSheet(workbook, c.template);
  // The weights sheet first: the index sheet's formulas refer to it, and Excel must find it when they are set.
  if (!existing) sheets.push(weightsSheetPlan(c.template, c.settings));
  sheets.push(
    indexSheetPlan({
      template: c.template,
      summary: layout,
      districts: c.districts.map((d) => d.name),
      index: c.index,
      settings: c.settings,
      weightsCells: indexWeightsCells(c.template, existing, c.settings),
      year: c.year,
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

export { CONSOLIDATION_SHEETS };
