import { indicatorColumns } from "../../../src/core/consolidate/figure-columns";
import { FiguresByCode } from "../../../src/core/template/by-code";
import { standardTemplate } from "../../../src/core/template/registry";

const t = standardTemplate();

describe("every indicator's figures across the districts (indicatorColumns)", () => {
  // Three districts: one held as a typed map, one as a plain Map with a code the template does not have, one with none.
  const typed = new FiguresByCode(t).set("A01", 159).set("E03", 0.9444);
  const plain = new Map([["A01", 17], ["Z99", 5], ["E03", 1]]);
  const none = new FiguresByCode(t);
  const lastYear = new Map([["A01", 120]]);
  const c = indicatorColumns(t, [
    { figures: typed, lastYear },
    { figures: plain, lastYear: none },
    { figures: none, lastYear: new FiguresByCode(t).set("A01", 3) },
  ]);

  it("holds this year's and last year's figure of each district in its row, NaN where it has none, whichever map holds them", () => {
    expect([...c.now.get("A01")!]).toEqual([159, 17, NaN]);
    expect([...c.now.get("E03")!]).toEqual([0.9444, 1, NaN]);
    expect([...c.before.get("A01")!]).toEqual([120, NaN, 3]);
    expect([...c.now.get("H06")!]).toEqual([NaN, NaN, NaN]);
  });

  it("has a column for every code of the template and none for others", () => {
    expect([c.now.size, c.before.size, c.now.has("Z99")]).toEqual([t.template.indicators.length, t.template.indicators.length, false]);
  });
});
