import { compositeIndex, defaultIndexSettings } from "../../../src/core/consolidate/composite";
import { CONSOLIDATION_SHEETS, figureAddress, summaryLayout } from "../../../src/core/consolidate/layout";
import type { IndexSettings } from "../../../src/core/consolidate/model";
import { indexRowOrder, indexSheetPlan, rankRangeText, type IndexSheetInput } from "../../../src/core/consolidate/plan-index";
import { freshWeightsCells, readWeightsSheet, weightsSheetPlan } from "../../../src/core/consolidate/weights";
import type { CellWrite } from "../../../src/core/plan/write-plan";
import { snapshotFromPlan } from "../../helpers/plan-grid";
import { district, districts, tiny } from "./index-fixtures";
import { planCells } from "../../../src/core/plan/plan-cells";

const names = ["甲区", "乙区", "丙区", "丁区"];
const settings = defaultIndexSettings(tiny);

function planFor(s: IndexSettings = settings, over: Partial<IndexSheetInput> = {}) {
  const index = compositeIndex(tiny, districts, s);
  const summary = summaryLayout(tiny, districts.length);
  const plan = indexSheetPlan({ template: tiny, summary, districts: names, index, settings: s, weightsCells: freshWeightsCells(tiny), ...over });
  const cell = (address: string): CellWrite => planCells(plan).find((c) => c.address === address)!;
  return { plan, index, summary, cell };
}

// Summary columns: A 区县, B 年度, C 来源, then every indicator: D X01, E X02, F X03, G X04, H Y01, I Y02; district rows 5–8.
// Index columns: A 区县, B 得分, C 排名, D 排名区间, E X01, F X04, G Y01, H Y02; weights in row 4, header row 5, districts
// in rows 6–9, each indicator's lowest and highest summary figure in rows 10 and 11, the legend in row 13.
// Engine (composite.test.ts): scores 甲 50, 乙 37.5, 丙 50, 丁 62.5 → ranks 2, 4, 2, 1 → rows 丁, 甲, 丙, 乙.

describe("the index sheet plan", () => {
  const { plan, index, summary, cell } = planFor();

  it("replaces Huishen's own 综合指数 sheet, frozen below the header and right of the district", () => {
    expect(plan).toMatchObject({ name: CONSOLIDATION_SHEETS.index, mode: "replace", freeze: { rows: 5, columns: 1 } });
    expect(plan.columns!.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("heads score, rank and rank range first, beside the district, then each ranked indicator with its code, direction and name", () => {
    expect(["A5", "E5", "F5", "B5", "C5", "D5"].map((a) => cell(a).value)).toEqual(["区县", "X01 ↑\n学法次数", "X04 ↓\n败诉率", "得分", "排名", "排名区间"]);
    // For an English reader the Chinese comes first, then the English.
    const english = planFor(settings, { lang: "en" }).cell;
    expect(["A1", "A5", "B5", "D5"].map((a) => english(a).value)).toEqual(["小模板指数  Composite index", "区县\nDistrict", "得分\nScore", "排名区间\nRank range"]);
    expect(String(english("A13").value)).toMatch(/^Rank range: the best–worst rank over 1000 random draws/);
    expect(["A10", "A11"].map((a) => english(a).value)).toEqual(["汇总表最小值\nLowest figure", "汇总表最大值\nHighest figure"]);
  });

  it("puts the districts in the engine's rank order, ties in summary order", () => {
    expect(indexRowOrder(index)).toEqual([3, 0, 2, 1]);
    expect(["A6", "A7", "A8", "A9"].map((a) => cell(a).value)).toEqual(["丁区", "甲区", "丙区", "乙区"]);
  });

  it("puts an unranked district last", () => {
    const more = [...districts, district([["X02", 3]])];
    const idx = compositeIndex(tiny, more, settings);
    expect(idx.ranks).toEqual([2, 4, 2, 1, undefined]);
    expect(indexRowOrder(idx)).toEqual([3, 0, 2, 1, 4]);
    const p = indexSheetPlan({ template: tiny, summary: summaryLayout(tiny, 5), districts: [...names, "戊区"], index: idx, settings, weightsCells: freshWeightsCells(tiny) });
    const at = (a: string) => planCells(p).find((c) => c.address === a)!;
    expect(at("A10").value).toBe("戊区");
    expect([at("E10").result, at("B10").result, at("C10").result, at("D10").value]).toEqual(["", "", "", ""]);
  });

  it("weights each indicator by a formula over the weights sheet: the dimension's weight over its ranked indicators", () => {
    expect(cell("E4").formula).toBe("IF(AND(ISNUMBER('指数权重'!$C$5),'指数权重'!$C$5>=0),'指数权重'!$C$5,1)/2");
    expect(cell("G4").formula).toBe("IF(AND(ISNUMBER('指数权重'!$C$6),'指数权重'!$C$6>=0),'指数权重'!$C$6,1)/2");
    expect(["E4", "F4", "G4", "H4"].map((a) => cell(a).result)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it("writes each indicator's lowest and highest summary figure once, under the districts", () => {
    expect(["A10", "A11"].map((a) => cell(a).value)).toEqual(["汇总表最小值", "汇总表最大值"]);
    const range = "'汇总表'!$D$5:$D$8";
    expect([cell("E10").formula, cell("E11").formula]).toEqual([`IF(COUNT(${range})=0,"",MIN(${range}))`, `IF(COUNT(${range})=0,"",MAX(${range}))`]);
    // X01 counts 10…30, X04 rates 0.25…0.75; the formats are the summary's.
    expect([cell("E10").result, cell("E11").result, cell("F10").result, cell("F11").result]).toEqual([10, 30, 0.25, 0.75]);
    expect([cell("E10").numberFormat, cell("F10").numberFormat]).toEqual(["#,##0", "0.00%"]);
  });

  it("normalises each figure by a formula over the summary's cell of the same district and the column's bounds, and carries the engine's number", () => {
    // 丁 (summary row 8), X01 ↑: (20 − 10)/(30 − 10) = 0.5.
    expect(cell("E6").formula).toBe(`IF('汇总表'!D8="","",IF($E$11=$E$10,1,('汇总表'!D8-$E$10)/($E$11-$E$10)))`);
    expect(cell("E6").result).toBe(0.5);
    // 丁, X04 ↓ rate: goalposts when the method cell says so, else (max − x)/(max − min) = (0.75 − 0.25)/0.5 = 1.
    expect(cell("F6").formula).toBe(`IF('汇总表'!G8="","",IF($B$3="目标值 goalposts",MIN(1,MAX(0,1-'汇总表'!G8)),IF($F$11=$F$10,1,($F$11-'汇总表'!G8)/($F$11-$F$10))))`);
    expect(cell("F6").result).toBe(1);
    // 丙 (summary row 7) did not report Y01: the formula looks at H7 and stays blank.
    expect(cell("G8").formula).toMatch(/^IF\('汇总表'!H7="",""/);
    expect(cell("G8").result).toBe("");
  });

  it("references, in every normalised cell, only its district's summary cell and its own column's bounds", () => {
    const order = indexRowOrder(index);
    order.forEach((i, pos) => {
      index.indicators.forEach((code, j) => {
        const letter = "EFGH"[j];
        const c = cell(`${letter}${6 + pos}`);
        const summaryRefs = [...c.formula!.matchAll(/'汇总表'!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g)].map((m) => m[1]);
        expect(new Set(summaryRefs)).toEqual(new Set([figureAddress(summary, code, i)]));
        const ownRefs = [...c.formula!.replace(/'汇总表'![$A-Z0-9]+/g, "").matchAll(/\$[A-Z]+\$\d+/g)].map((m) => m[0]);
        expect(new Set(ownRefs)).toEqual(new Set([`$${letter}$10`, `$${letter}$11`, ...(c.formula!.includes("$B$3") ? ["$B$3"] : [])]));
        expect(c.result).toBe(index.normalised[i].get(code) ?? "");
        expect(c.numberFormat).toBe("0.000");
      });
    });
  });

  it("scores with SUMPRODUCT over the reported cells and their weights, and ranks with RANK.EQ", () => {
    expect(cell("B6").formula).toBe('IF(SUMPRODUCT(--(E6:H6<>""),$E$4:$H$4)=0,"",ROUND(100*SUMPRODUCT(E6:H6,$E$4:$H$4)/SUMPRODUCT(--(E6:H6<>""),$E$4:$H$4),10))');
    expect(cell("C6").formula).toBe('IF(B6="","",_xlfn.RANK.EQ(B6,$B$6:$B$9,0))');
    expect(["B6", "B7", "B8", "B9"].map((a) => cell(a).result)).toEqual([62.5, 50, 50, 37.5]);
    expect(["C6", "C7", "C8", "C9"].map((a) => cell(a).result)).toEqual([1, 2, 2, 4]);
    expect([cell("B6").numberFormat, cell("C6").numberFormat]).toEqual(["0.0", "0"]);
  });

  it("writes the rank range as a value with a legend naming the draws and the spread", () => {
    // ±20 %: 甲 and 丙 swap 2nd and 3rd (composite.test.ts), 丁 is always 1st, 乙 always 4th.
    expect(["D6", "D7", "D8", "D9"].map((a) => cell(a).value)).toEqual(["1", "2–3", "2–3", "4"]);
    expect(cell("D6").formula).toBeUndefined();
    expect(plan.notes).toEqual([{ address: "D5", text: expect.stringContaining("1000") }]);
    const legend = String(cell("A13").value);
    expect(legend).toMatch(/抽取 1000 次/);
    expect(legend).toMatch(/±20%/);
    expect(legend).toMatch(/重新汇总时刷新/);
    expect(legend).not.toMatch(/[A-Za-z]{3,}/);
    expect(rankRangeText(undefined)).toBe("");
  });

  it("shows the normalisation in force as a formula over the weights sheet's choice", () => {
    expect(cell("B3").formula).toBe(`IF(OR(ISNUMBER(SEARCH("目标",'指数权重'!$C$8)),ISNUMBER(SEARCH("goal",'指数权重'!$C$8))),"目标值 goalposts","最小-最大 min-max")`);
    expect(cell("B3").result).toBe("最小-最大 min-max");
  });

  it("colours the normalised block and the scores red–yellow–green and charts the scores beside the table", () => {
    const scale = { low: "#F8696B", mid: "#FFEB84", high: "#63BE7B" };
    expect(plan.colorScales).toEqual([{ range: "E6:H9", ...scale }, { range: "B6:B9", ...scale }]);
    expect(plan.charts).toEqual([expect.objectContaining({ categories: "A6:A9", values: "B6:B9", from: "J5" })]);
  });
});

describe("the index sheet with other settings and weights sheets", () => {
  it("carries the goalposts numbers when the weights sheet says goalposts", () => {
    const { cell } = planFor({ ...settings, normalisation: "goalposts" });
    expect(cell("B3").result).toBe("目标值 goalposts");
    // 丙 first (66.6666666667): X04 ↓ goalposts 1 − 0.5 = 0.5, Y02 0.5.
    expect(cell("A6").value).toBe("丙区");
    expect([cell("F6").result, cell("H6").result, cell("B6").result]).toEqual([0.5, 0.5, 66.6666666667]);
  });

  it("points the weight formulas at rows a person moved, and fixes the weight where a dimension's row is gone", () => {
    const s = snapshotFromPlan(weightsSheetPlan(tiny, settings));
    // Y's row moved above X's; the normalisation row removed.
    const values = [...s.values.slice(0, 4), s.values[5], s.values[4]];
    const read = readWeightsSheet([{ ...s, values }], tiny)!;
    expect(read.cells.weights.get("Y")).toBe("C5");
    const { cell } = planFor(settings, { weightsCells: read.cells });
    expect(cell("G4").formula).toBe("IF(AND(ISNUMBER('指数权重'!$C$5),'指数权重'!$C$5>=0),'指数权重'!$C$5,1)/2");
    expect(cell("E4").formula).toContain("'指数权重'!$C$6");
    // Without a normalisation cell the method is the settings', as a value.
    expect(cell("B3")).toMatchObject({ value: "最小-最大 min-max" });
    expect(cell("B3").formula).toBeUndefined();

    const { cell: c2 } = planFor({ ...settings, dimensionWeights: new Map([["X", 3]]) }, { weightsCells: { weights: new Map() } });
    expect([c2("E4").formula, c2("E4").result, c2("G4").formula, c2("G4").result]).toEqual(["3/2", 1.5, "1/2", 0.5]);
  });

  it("states the draws asked for, however many districts there are", () => {
    const many = Array.from({ length: 2500 }, (_, i) => district([["X01", i % 17]]));
    const s: IndexSettings = { ...settings, stability: { draws: 0, spread: 0.1, seed: 1 } };
    const index = compositeIndex(tiny, many, s);
    const plan = indexSheetPlan({
      template: tiny,
      summary: summaryLayout(tiny, many.length),
      districts: many.map((_, i) => `镇${i + 1}`),
      index,
      settings: { ...s, stability: { ...s.stability, draws: 1000 } },
      weightsCells: freshWeightsCells(tiny),
    });
    const legend = plan.notes![0].text;
    expect(legend).toMatch(/抽取 1000 次重算得分/);
    expect(legend).not.toMatch(/减少/);
    expect(legend).toMatch(/±10%/);
  });

  it("plans a sheet without rows, scales or charts when there are no districts", () => {
    const index = compositeIndex(tiny, [], settings);
    const plan = indexSheetPlan({ template: tiny, summary: summaryLayout(tiny, 0), districts: [], index, settings, weightsCells: freshWeightsCells(tiny) });
    expect(plan.colorScales).toEqual([]);
    expect(plan.charts).toEqual([]);
    expect(planCells(plan).some((c) => c.address === "A6")).toBe(false);
  });
});
