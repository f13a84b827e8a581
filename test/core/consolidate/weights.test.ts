import { defaultIndexSettings } from "../../../src/core/consolidate/composite";
import type { IndexSettings } from "../../../src/core/consolidate/model";
import {
  applyWeightOverrides,
  freshWeightsCells,
  indexWeightsCells,
  NORMALISATION_LABELS,
  normalisationOfText,
  readWeightsSheet,
  weightsSheetPlan,
} from "../../../src/core/consolidate/weights";
import { weightsProblemText } from "../../../src/core/consolidate/weights-text";
import type { CellValue } from "../../../src/core/grid";
import { parseAddress } from "../../../src/core/grid";
import { standardTemplate } from "../../../src/core/template/registry";
import { snapshotFromPlan } from "../../helpers/plan-grid";
import { consolidate, planConsolidation } from "../../../src/core/consolidate";
import { renderFinding } from "../../../src/core/findings/render";
import { allReports } from "../../fixtures/reports";
import { reportSheets } from "../../helpers/consolidate-reports";
import { planCells } from "../../../src/core/plan/plan-cells";

const t = standardTemplate();
const settings: IndexSettings = { ...defaultIndexSettings(t), dimensionWeights: new Map([["A", 1], ["B", 2], ["E", 0.5]]) };
const plan = weightsSheetPlan(t, settings);
const cell = (address: string) => plan.cells!.find((c) => c.address === address);

/** The plan's snapshot with some cells changed, as a person would type them. */
function edited(changes: Record<string, CellValue>) {
  const s = snapshotFromPlan(plan);
  const values = s.values.map((r) => [...r]);
  for (const [a, v] of Object.entries(changes)) {
    const p = parseAddress(a)!;
    values[p.row][p.col] = v;
  }
  return { ...s, values };
}

describe("the weights sheet plan", () => {
  it("is created only (never over a person's sheet) under its own name", () => {
    expect(plan).toMatchObject({ name: "指数权重", mode: "create", protect: true });
  });

  it("has a table of code, dimension, weight, indicator count and notes, one row per dimension", () => {
    expect(["A4", "B4", "C4", "D4", "E4"].map((a) => String(cell(a)!.value).split("\n")[0])).toEqual(["维度代码", "维度", "权重", "指标数", "说明"]);
    expect(cell("A5")!.value).toBe("A");
    expect(cell("B5")!.value).toBe("组织领导与述法");
    // Weights as the settings give them; 1 where they name none (C, D, …).
    expect(["C5", "C6", "C7", "C9"].map((a) => cell(a)!.value)).toEqual([1, 2, 1, 0.5]);
    // A: A01–A05 and A08 are ranked (A06, A07 are not); E: E03, E07, E09, E12 and E15.
    expect(cell("D5")!.value).toBe(6);
    expect(cell("D9")!.value).toBe(5);
    expect(cell("E9")!.value).toBe("排名指标：E03、E07、E09、E12、E15");
    expect(cell("A12")!.value).toBe("H");
  });

  it("leaves only the weights and the normalisation editable: unlocked and white, validated", () => {
    const unlocked = plan.cells!.filter((c) => c.style?.locked === false).map((c) => c.address);
    expect(unlocked).toEqual(["C5", "C6", "C7", "C8", "C9", "C10", "C11", "C12", "C14"]);
    expect(cell("C5")!.style).toMatchObject({ fill: "#FFFFFF", locked: false });
    expect(plan.inputRules).toEqual([
      expect.objectContaining({ range: "C5:C12", type: "decimal", operator: "greaterThanOrEqual", min: 0, errorStyle: "stop" }),
      expect.objectContaining({ range: "C14", type: "list", list: ["最小-最大 min-max", "目标值 goalposts"], errorStyle: "stop" }),
    ]);
  });

  it("explains itself in Chinese and writes the normalisation of the settings", () => {
    expect(String(cell("A2")!.value)).toMatch(/维度权重/);
    expect(cell("A3")).toBeUndefined();
    expect(cell("A14")!.value).toBe("归一化方法");
    expect(cell("C14")!.value).toBe("最小-最大 min-max");
    expect(weightsSheetPlan(t, { ...settings, normalisation: "goalposts" }).cells!.find((c) => c.address === "C14")!.value).toBe("目标值 goalposts");
  });

  it("for an English reader, says everything in Chinese then English, as every sheet Huishen writes; the choices stay the same", () => {
    const en = weightsSheetPlan(t, settings, "en");
    const at = (address: string) => en.cells!.find((c) => c.address === address)?.value;
    expect(String(at("A1"))).toMatch(/指数权重 {2}Composite index weights$/);
    expect(String(at("A3"))).toMatch(/never rewrites it/);
    expect(at("B4")).toBe("维度\nDimension");
    expect(at("B5")).toBe("组织领导与述法 Leadership and accountability");
    expect(at("E9")).toBe("排名指标：E03、E07、E09、E12、E15 Ranked: E03, E07, E09, E12, E15");
    expect(at("A14")).toBe("归一化方法 Normalisation");
    expect(at("C14")).toBe("最小-最大 min-max");
    expect(en.inputRules![0]).toMatchObject({ promptTitle: "权重 Weight", errorTitle: "权重应不小于 0 Weight ≥ 0" });
    expect(en.merges).toContain("A3:E3");
    expect(plan.merges).not.toContain("A3:E3");
  });

  it("reads back what it wrote in either language", () => {
    for (const lang of ["zh", "en"] as const) {
      const read = readWeightsSheet([snapshotFromPlan(weightsSheetPlan(t, { ...settings, normalisation: "goalposts" }, lang))], t)!;
      expect([lang, read.problems, read.overrides.normalisation, read.overrides.dimensionWeights.get("B")]).toEqual([lang, [], "goalposts", 2]);
    }
  });

  it("names the cells it writes, for the index sheet's formulas", () => {
    const cells = freshWeightsCells(t);
    expect(cells.weights.get("A")).toBe("C5");
    expect(cells.weights.get("H")).toBe("C12");
    expect(cells.normalisation).toBe("C14");
  });
});

describe("reading the weights sheet back", () => {
  it("is undefined when the workbook has no weights sheet", () => {
    expect(readWeightsSheet([{ name: "汇总表", values: [] }], t)).toBeUndefined();
  });

  it("reads its own plan as written, with no problem", () => {
    const read = readWeightsSheet([{ name: "汇总表", values: [] }, snapshotFromPlan(plan)], t)!;
    expect(read.problems).toEqual([]);
    expect(read.overrides.normalisation).toBe("minmax");
    expect(read.overrides.dimensionWeights).toEqual(new Map(["A", "B", "C", "D", "E", "F", "G", "H"].map((d) => [d, settings.dimensionWeights.get(d) ?? 1])));
    expect(read.cells).toEqual(freshWeightsCells(t));
  });

  it("takes a weight and the normalisation a person changed", () => {
    const read = readWeightsSheet([edited({ C6: 2.5, C10: 0, C14: "目标值 goalposts" })], t)!;
    expect(read.overrides.dimensionWeights.get("B")).toBe(2.5);
    expect(read.overrides.dimensionWeights.get("F")).toBe(0);
    expect(read.overrides.normalisation).toBe("goalposts");
    const merged = applyWeightOverrides(defaultIndexSettings(t), read.overrides);
    expect(merged.dimensionWeights.get("B")).toBe(2.5);
    expect(merged.normalisation).toBe("goalposts");
    expect(merged.stability).toEqual(defaultIndexSettings(t).stability);
  });

  it("finds rows a person moved or inserted, by dimension code, and says where the cells are now", () => {
    const s = edited({ C6: 3 });
    const [title, zh, en, header, ...body] = s.values;
    // Dimension rows reversed, a note row inserted above them, the normalisation row moved to the top of the body.
    const dims = body.slice(0, 8).reverse();
    const normalisation = body[9];
    const values = [title, zh, en, header, normalisation, ["我的备注", "", "", "", ""], ...dims];
    const read = readWeightsSheet([{ ...s, values }], t)!;
    expect(read.problems).toEqual([]);
    expect(read.overrides.dimensionWeights.get("B")).toBe(3);
    // H is now the first dimension row (row 7), A the last (row 14); B is second to last.
    expect(read.cells.weights.get("H")).toBe("C7");
    expect(read.cells.weights.get("A")).toBe("C14");
    expect(read.cells.weights.get("B")).toBe("C13");
    expect(read.cells.normalisation).toBe("C5");
  });

  it("ignores a weight that is not a number ≥ 0 and says why; text that looks like a number is not a number", () => {
    const read = readWeightsSheet([edited({ C5: "abc", C6: -1, C7: "", C8: "1.5", C9: 4 })], t)!;
    expect([...read.overrides.dimensionWeights.keys()]).toEqual(["E", "F", "G", "H"]);
    expect(read.problems).toEqual([
      { code: "weight.notNumber", dimension: "A", cell: { sheet: "指数权重", address: "C5" }, raw: "abc" },
      { code: "weight.negative", dimension: "B", cell: { sheet: "指数权重", address: "C6" }, raw: "-1" },
      { code: "weight.blank", dimension: "C", cell: { sheet: "指数权重", address: "C7" }, raw: "" },
      { code: "weight.notNumber", dimension: "D", cell: { sheet: "指数权重", address: "C8" }, raw: "1.5" },
    ]);
    // The cells are still named: the index sheet's formulas test them the same way and fall back alike.
    expect(read.cells.weights.get("A")).toBe("C5");
    expect(weightsProblemText(read.problems[1], "zh")).toBe("指数权重!C6：维度 B 的权重 -1 小于 0，按默认权重计算。");
    expect(weightsProblemText(read.problems[0], "en")).toMatch(/^指数权重!C5: the weight of dimension A, "abc", is not a number/);
  });

  it("reports a missing dimension row, a duplicated one (the first is used) and an unknown normalisation", () => {
    const s = edited({ C14: "平均值" });
    const values = s.values.map((r) => [...r]);
    values[5] = [...values[4]]; // B's row overwritten with a copy of A's
    values[5][2] = 9;
    const read = readWeightsSheet([{ ...s, values }], t)!;
    expect(read.problems).toEqual([
      { code: "weight.duplicateRow", dimension: "A", cells: [{ sheet: "指数权重", address: "A5" }, { sheet: "指数权重", address: "A6" }] },
      { code: "weight.missingRow", dimension: "B" },
      { code: "normalisation.unknown", cell: { sheet: "指数权重", address: "C14" }, raw: "平均值" },
    ]);
    expect(read.overrides.dimensionWeights.get("A")).toBe(1);
    expect(read.overrides.dimensionWeights.has("B")).toBe(false);
    expect(read.cells.weights.has("B")).toBe(false);
    expect(read.overrides.normalisation).toBe("minmax");
    for (const p of read.problems) for (const lang of ["zh", "en"] as const) expect(weightsProblemText(p, lang).length).toBeGreaterThan(10);
  });

  it("reads the normalisation the way the index sheet's SEARCH formula does: 目标 or goal means goalposts", () => {
    expect(["目标值 goalposts", "目标值", "Goalposts", " goal "].map(normalisationOfText)).toEqual(["goalposts", "goalposts", "goalposts", "goalposts"]);
    expect(["最小-最大 min-max", "", "x", null, 3].map((v) => normalisationOfText(v))).toEqual(["minmax", "minmax", "minmax", "minmax", "minmax"]);
    expect(Object.values(NORMALISATION_LABELS).map(normalisationOfText)).toEqual(["minmax", "goalposts"]);
  });
});

describe("which weights-sheet cells the index formulas follow", () => {
  it("all the cells of a sheet planned anew", () => {
    expect(indexWeightsCells(t, undefined, settings)).toEqual(freshWeightsCells(t));
  });

  it("the cells whose content gives the settings' numbers: options that override the sheet become constants", () => {
    const read = readWeightsSheet([edited({ C5: "abc", C6: 2.5, C14: "目标值 goalposts" })], t)!;
    const fromSheet = applyWeightOverrides(defaultIndexSettings(t), read.overrides);
    // The sheet decides: every cell is followed (A's "abc" falls back to the same default in the formula as in the engine).
    expect(indexWeightsCells(t, read, fromSheet)).toEqual(freshWeightsCells(t));
    // Options say B = 1 and min–max: B's cell (2.5) and the normalisation cell (goalposts) are not followed.
    const overridden = { ...fromSheet, normalisation: "minmax" as const, dimensionWeights: new Map([...fromSheet.dimensionWeights, ["B", 1]]) };
    const cells = indexWeightsCells(t, read, overridden);
    expect(cells.weights.has("B")).toBe(false);
    expect(cells.weights.get("A")).toBe("C5");
    expect(cells.normalisation).toBeUndefined();
  });
});

describe("weights-sheet problems are findings of the consolidation", () => {
  const sheets = reportSheets(allReports);

  it("a weight that is not a number is a warning on its cell in the consolidation, 问题清单 and every later check", () => {
    const c = consolidate([{ snapshots: [...sheets, edited({ C5: "abc", C6: -1 })], inWorkbook: true }])!;
    const found = c.findings.filter((f) => f.code === "index.weights");
    expect(found.map((f) => [f.severity, f.cells.map((x) => x.address), renderFinding(f, t, "zh")])).toEqual([
      ["warning", ["C5"], "指数权重!C5：维度 A 的权重“abc”不是数字，按默认权重计算。"],
      ["warning", ["C6"], "指数权重!C6：维度 B 的权重 -1 小于 0，按默认权重计算。"],
    ]);
    expect(new Set(found.map((f) => f.id)).size).toBe(2);
    const listed = planConsolidation(c, sheets).sheets.find((s) => s.name === "问题清单")!;
    expect(planCells(listed).some((x) => String(x.value).includes("维度 A 的权重“abc”不是数字"))).toBe(true);
  });

  it("no finding when options override what the sheet says", () => {
    const c = consolidate([{ snapshots: [...sheets, edited({ C5: "abc" })], inWorkbook: true }], { dimensionWeights: new Map(t.template.dimensions.map((d) => [d.code, 1])) })!;
    expect(c.findings.filter((f) => f.code === "index.weights")).toEqual([]);
  });
});
