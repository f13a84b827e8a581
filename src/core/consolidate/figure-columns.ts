import { codeIndex, FiguresByCode } from "../template/by-code";
import type { LoadedTemplate } from "../template/load";
import type { DistrictData } from "./model";

/**
 * Figures by indicator across the districts, as one column per code in the districts' order, NaN where
 * a district has none. The rules and ranks that pass over every district once per indicator read these:
 * looking each figure up in its district's map, per indicator and per pass, was most of their work at
 * 10,000 districts. Each district's map is read once, in its own order.
 */
export function figureColumns<D>(districts: readonly D[], codes: readonly string[], figuresOf: (d: D) => ReadonlyMap<string, number>): Map<string, Float64Array> {
  const columns = new Map(codes.map((code) => [code, new Float64Array(districts.length).fill(NaN)]));
  districts.forEach((d, i) => {
    figuresOf(d).forEach((v, code) => {
      const column = columns.get(code);
      if (column) column[i] = v;
    });
  });
  return columns;
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
  const codes = template.template.indicators.map((ind) => ind.code);
  const now = codes.map(() => new Float64Array(districts.length).fill(NaN));
  const before = codes.map(() => new Float64Array(districts.length).fill(NaN));
  const index = codeIndex(template);
  districts.forEach((d, i) => {
    copyFigures(d.figures, template, index, now, i);
    copyFigures(d.lastYear, template, index, before, i);
  });
  return { now: new Map(codes.map((code, j) => [code, now[j]])), before: new Map(codes.map((code, j) => [code, before[j]])) };
}

/** One district's figures into its row of the columns: copied as they are held where they can be, else code by code. */
function copyFigures(figures: ReadonlyMap<string, number>, template: LoadedTemplate, index: ReadonlyMap<string, number>, columns: Float64Array[], row: number): void {
  if (figures instanceof FiguresByCode && figures.copyInto(template, columns, row)) return;
  figures.forEach((v, code) => {
    const j = index.get(code);
    if (j !== undefined) columns[j][row] = v;
  });
}
