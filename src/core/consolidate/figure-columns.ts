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
