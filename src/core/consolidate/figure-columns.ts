import { codeIndex, FiguresByCode } from "../template/by-code";
import type { LoadedTemplate } from "../template/load";
import type { DistrictData } from "./model";

/**
 * Figures by indicator across the districts, as one column per code of the template in the districts'
 * order, NaN where a district has none. The rules and ranks that pass over every district once per
 * indicator read these: looking each figure up in its district's map, per indicator and per pass, was
 * most of their work at 10,000 districts. Each district's map is read once, copied as it is held where
 * it can be.
 * @param maps one map of figures by code a district
 */
export function figureColumns(template: LoadedTemplate, maps: readonly ReadonlyMap<string, number>[]): Map<string, Float64Array> {
  const codes = template.template.indicators.map((ind) => ind.code);
  const columns = codes.map(() => new Float64Array(maps.length).fill(NaN));
  const index = codeIndex(template);
  maps.forEach((figures, row) => {
    if (figures instanceof FiguresByCode && figures.copyInto(template, columns, row)) return;
    figures.forEach((v, code) => {
      const j = index.get(code);
      if (j !== undefined) columns[j][row] = v;
    });
  });
  return new Map(codes.map((code, j) => [code, columns[j]]));
}

/** Every indicator's figures across the districts, this year's and last year's (exact ones), as `figureColumns`. */
export interface IndicatorColumns {
  readonly now: ReadonlyMap<string, Float64Array>;
  readonly before: ReadonlyMap<string, Float64Array>;
}

/**
 * Built once per consolidation and read by all that pass over the districts by indicator — the ranks,
 * the anomalies, the composite index and the summary sheet — where each built its own from the
 * districts' maps.
 */
export function indicatorColumns(template: LoadedTemplate, districts: readonly Pick<DistrictData, "figures" | "lastYear">[]): IndicatorColumns {
  return { now: figureColumns(template, districts.map((d) => d.figures)), before: figureColumns(template, districts.map((d) => d.lastYear)) };
}
