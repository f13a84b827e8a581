import { sortFindings, type Finding } from "../findings/finding";
import { SheetReader } from "../check-workbook";
import { peerAnomalies } from "./anomalies";
import { compositeIndex, defaultIndexSettings, rankedIndicators } from "./composite";
import { municipalTotals } from "./figures";
import { gatherDistricts, type Gathered } from "./gather";
import { CONSOLIDATION_SHEETS } from "./layout";
import type { ConsolidateOptions, Consolidation, DistrictSource, IndexSettings } from "./model";
import { rankEq } from "./stats";
import { applyWeightOverrides, readWeightsSheet, weightsFinding, type WeightsSheetRead } from "./weights";


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
  // Every finding into one list, pushed rather than flattened and spread into copies (45,000 at 10,000 districts).
  const all: Finding[] = [];
  for (const { read } of g.reads) for (const f of reader.check(read)) if (!(f.code === "sheet.noDistrict" && leftOutUnnamed.has(f.sheet))) all.push(f);
  const weights = readWeightsSheet(sources.filter((s) => s.file === undefined).flatMap((s) => s.snapshots), g.template);
  // What the weights sheet says wrongly matters only where the sheet is what the index follows.
  const weightProblems = (weights?.problems ?? []).filter((p) => (p.code === "normalisation.unknown" ? !options.normalisation : !options.dimensionWeights));
  for (const f of g.findings) all.push(f);
  for (const p of weightProblems) all.push(weightsFinding(p, g.template.key, g.year));
  for (const f of peerAnomalies(g.districts, g.city, {}, g.columns)) all.push(f);
  return { gathered: g, weights, findings: sortFindings(all) };
}

/**
 * Consolidate district sheets: gather them, check each, add up the municipal figures, rank every
 * indicator, compute the composite index and its rank stability, and find what is out of line across
 * districts. Undefined when no source holds a template sheet.
 */
export function consolidate(
  sources: readonly DistrictSource[],
  options: ConsolidateOptions = {},
  reader: SheetReader = new SheetReader(),
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
  const ranked = rankedIndicators(t);
  for (const ind of ranked) ranks.set(ind.code, rankEq(g.columns.now.get(ind.code)!, ind.direction === "up" ? "desc" : "asc"));

  return {
    template: t,
    year: g.year,
    districts: g.districts,
    city: g.city,
    columns: g.columns,
    totals: municipalTotals(t, g.columns.now),
    ranks,
    index: compositeIndex(t, g.districts, settings, g.columns.now),
    settings,
    options,
    sheets: g.reads.map(({ read, source }) => ({ read, file: source.file, inWorkbook: source.inWorkbook })),
    findings: found.findings,
  };
}

export { CONSOLIDATION_SHEETS };
