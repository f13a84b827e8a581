/**
 * The core's reference interpreter says what a plan means; the file adapter does what it says (values,
 * formula text and cached results, number formats, fills, notes), read back from a real .xlsx.
 */
import { applyPlan, newWorkbook, openWorkbook, snapshotWorkbook, toBuffer } from "../../src/adapters/xlsx";
import { planCheck } from "../../src/core/check-job";
import { consolidate, planConsolidation } from "../../src/core/consolidate";
import { interpretPlan } from "../../src/core/plan/interpret";
import { planCells } from "../../src/core/plan/plan-cells";
import type { WritePlan } from "../../src/core/plan/write-plan";
import type { SheetSnapshot } from "../../src/core/grid";
import { buildReportsWorkbook } from "../fixtures/build-workbook";
import { allReports, rongchang2024 } from "../fixtures/reports";

/** What the interpreter and the adapter must agree on, for the cells the plan wrote. */
function written(plan: WritePlan, sheets: readonly SheetSnapshot[]) {
  const out: Record<string, unknown> = {};
  for (const sp of plan.sheets) {
    const s = sheets.find((x) => x.name === sp.name)!;
    const at = (a: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a)!;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      return [Number(m[2]) - 1, col - 1] as const;
    };
    for (const w of planCells(sp)) {
      const [r, c] = at(w.address);
      out[`${sp.name}!${w.address}`] = [s.values[r]?.[c] ?? "", s.formulas?.[r]?.[c] ?? "", s.numberFormats?.[r]?.[c] ?? "General"];
    }
    for (const f of sp.fills ?? []) {
      const [r, c] = at(f.address);
      out[`${sp.name}!${f.address} fill`] = s.fills?.[r]?.[c] ?? null;
    }
    for (const n of sp.notes ?? []) out[`${sp.name}!${n.address} note`] = s.notes?.[n.address];
  }
  return out;
}

async function throughFile(before: Awaited<ReturnType<typeof buildReportsWorkbook>>, plan: WritePlan): Promise<SheetSnapshot[]> {
  await applyPlan(before, plan);
  return snapshotWorkbook(await openWorkbook(await toBuffer(before)));
}

describe("the file adapter does what the reference interpreter says a plan means", () => {
  it("a check's flags on 荣昌 2024: check column, fills and notes", async () => {
    const wb = await buildReportsWorkbook([rongchang2024]);
    const sheets = snapshotWorkbook(await openWorkbook(await toBuffer(wb)));
    const { plan } = planCheck({ sheets, activeSheet: sheets[0].name }, { scope: "all", lang: "zh" });
    const reference = interpretPlan(sheets, plan);
    const actual = await throughFile(await openWorkbook(await toBuffer(wb)), plan);
    expect(Object.keys(written(plan, reference)).length).toBeGreaterThan(100);
    expect(written(plan, actual)).toEqual(written(plan, reference));
  });

  it("a consolidation of the five reports: summary formulas with their results, ranks, index, findings list", async () => {
    const wb = await buildReportsWorkbook(allReports);
    const sheets = snapshotWorkbook(await openWorkbook(await toBuffer(wb)));
    const c = consolidate([{ snapshots: sheets, inWorkbook: true }])!;
    const plan = planConsolidation(c, sheets);
    const reference = interpretPlan(sheets, plan);
    const actual = await throughFile(await openWorkbook(await toBuffer(wb)), plan);
    expect(written(plan, actual)).toEqual(written(plan, reference));
    expect(reference.map((s) => s.name)).toEqual(actual.map((s) => s.name));
  });

  it("refuses what the adapters refuse", () => {
    expect(() => interpretPlan([{ name: "Sheet1", values: [[""]] }], { sheets: [{ name: "sheet1", mode: "create" }] })).toThrow(/a sheet with that name exists/);
    expect(newWorkbook).toBeDefined();
  });
});
