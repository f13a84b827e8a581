import { CodeSet, FiguresByCode, LabelsByCode, MatrixRowByCode, codeIndex } from "../../../src/core/template/by-code";
import { standardTemplate } from "../../../src/core/template/registry";

const t = standardTemplate();

describe("per-district facts by indicator code, as typed arrays", () => {
  it("figures read as a Map: get, has, size, and iteration in the template's order whatever the order they were set in", () => {
    const m = new FiguresByCode(t).set("E03", 0.9).set("A01", 159).set("A02", 0).set("A01", 160);
    expect([m.get("A01"), m.get("A02"), m.get("E03"), m.get("A03"), m.has("A02"), m.has("A03"), m.size]).toEqual([160, 0, 0.9, undefined, true, false, 3]);
    expect([...m]).toEqual([["A01", 160], ["A02", 0], ["E03", 0.9]]);
    expect([[...m.keys()], [...m.values()]]).toEqual([["A01", "A02", "E03"], [160, 0, 0.9]]);
    const seen: string[] = [];
    m.forEach((v, code, map) => seen.push(`${code}=${v}=${map.get(code)}`));
    expect(seen).toEqual(["A01=160=160", "A02=0=0", "E03=0.9=0.9"]);
    expect(new Map(m)).toEqual(new Map([["A01", 160], ["A02", 0], ["E03", 0.9]]));
  });

  it("holds only the template's codes and never NaN (a figure is a finite number)", () => {
    const m = new FiguresByCode(t).set("Z99", 5).set("A01", NaN);
    expect([m.size, m.get("Z99"), m.has("A01")]).toEqual([0, undefined, false]);
  });

  it("lends its figures in the template's order (NaN where none), and nothing to another template", () => {
    const m = new FiguresByCode(t).set("A02", 7).set("H06", 0.5);
    const figures = m.figuresIn(t)!;
    expect([figures.length, figures[0], figures[1], figures[t.template.indicators.length - 1]]).toEqual([t.template.indicators.length, NaN, 7, 0.5]);
    const other = { ...t, template: { ...t.template, indicators: t.template.indicators.slice(1) } };
    expect(m.figuresIn(other)).toBeUndefined();
  });

  it("a set of codes reads as a Set", () => {
    const s = new CodeSet(t).add("C05").add("A08").add("C05").add("Z99");
    expect([s.size, s.has("A08"), s.has("Z99"), [...s], [...s.entries()]]).toEqual([2, true, false, ["A08", "C05"], [["A08", "A08"], ["C05", "C05"]]]);
    expect([s.delete("A08"), s.delete("A08"), [...s.values()], s.size]).toEqual([true, false, ["C05"], 1]);
  });

  it("labels by code keep which label each code has", () => {
    const m = new LabelsByCode(t, ["computed", "reported"] as const).set("E12", "reported").set("E03", "computed");
    expect([m.get("E03"), m.get("E12"), m.get("E05"), [...m.keys()], m.size]).toEqual(["computed", "reported", undefined, ["E03", "E12"], 2]);
  });

  it("indexes codes in the template's order, once per template", () => {
    expect(codeIndex(t).get("A01")).toBe(0);
    expect(codeIndex(t).get("H06")).toBe(t.template.indicators.length - 1);
    expect(codeIndex(t)).toBe(codeIndex(t));
  });

  it("a matrix row reads as a map of the codes in its columns, NaN not held", () => {
    // Two rows over columns A03, A01, A05 (a column order other than the template's).
    const columnOf = new Int32Array(t.template.indicators.length).fill(-1);
    ["A03", "A01", "A05"].forEach((code, j) => (columnOf[codeIndex(t).get(code)!] = j));
    const matrix = new Float64Array([0.5, NaN, 1, 0.25, 0.75, NaN]);
    const [first, second] = [0, 3].map((offset) => new MatrixRowByCode(t, matrix, offset, columnOf));
    expect([first.get("A03"), first.get("A01"), first.get("A05"), first.get("A02"), first.has("A01"), first.size]).toEqual([0.5, undefined, 1, undefined, false, 2]);
    expect([...first]).toEqual([["A03", 0.5], ["A05", 1]]);
    expect(Object.fromEntries(second)).toEqual({ A01: 0.75, A03: 0.25 });
    expect([...second.keys()]).toEqual(["A01", "A03"]);
  });
});
