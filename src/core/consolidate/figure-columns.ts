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
  const held = maps.map((figures) => (figures instanceof FiguresByCode ? figures.figuresIn(template) : undefined));
  // A block of districts at a time, column by column: each column is written in one run, and the block's
  // figures stay in the cache meanwhile (district by district, every figure went to another column,
  // 92 columns of 10,000 districts apart).
  for (let start = 0; start < maps.length; start += BLOCK) {
    const end = Math.min(maps.length, start + BLOCK);
    for (let j = 0; j < columns.length; j++) {
      const column = columns[j];
      for (let row = start; row < end; row++) {
        const figures = held[row];
        if (figures) column[row] = figures[j];
      }
    }
  }
  maps.forEach((figures, row) => {
    if (held[row]) return;
    figures.forEach((v, code) => {
      const j = index.get(code);
      if (j !== undefined) columns[j][row] = v;
    });
  });
  return new Map(codes.map((code, j) => [code, columns[j]]));
}

/** Districts copied together into the columns. */
const BLOCK = 64;

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
