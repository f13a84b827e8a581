/**
 * A merge over input cells, made by a person in Excel, is found through the Office.js adapter where
 * the host can list merged areas (ExcelApi 1.13), in the same two read syncs.
 */
import { setup, syncsOf, teardown } from "./helpers";
import { templateSheetPlan } from "../../../src/core/sheet/plan-template";
import { readTemplateSheet } from "../../../src/core/sheet/read-template";
import { builtinRegistry, standardTemplate } from "../../../src/core/template/registry";
import { addressOf } from "../../../src/core/grid";
import { COL } from "../../../src/core/sheet/layout";

afterEach(teardown);

const SHEET = "荣昌区 2024";

describe("merged input cells through the Office.js adapter", () => {
  const { plan, rowOf } = templateSheetPlan(standardTemplate(), { sheetName: SHEET });
  const row = rowOf.get("E02")!;
  const range = `${addressOf(row, COL.thisYear)}:${addressOf(row, COL.lastYear)}`;

  it.each([
    ["1.18", [range]],
    ["1.13", [range]],
    ["1.9", []],
  ])("on ExcelApi %s a person's merge over E02's inputs is found: %j", async (version, expected) => {
    const { fake, host } = setup(version);
    await host.apply({ sheets: [plan] });
    fake.merge(SHEET, range);
    const { result, syncs } = await syncsOf(host, () => host.read({ sheets: [SHEET] }));
    expect(syncs).toBe(2);
    const read = readTemplateSheet(result.sheets[0], builtinRegistry());
    if (!read.ok) throw new Error("not read");
    expect(read.value.mergedInputs.map((m) => m.range)).toEqual(expected);
  });
});
