/**
 * A template sheet written through the Office.js adapter into the fake Excel, read back through
 * the adapter and understood by the core: every indicator found, the sheet set up as planned.
 */
import { templateSheetPlan } from "../../../src/core/sheet/plan-template";
import { readTemplateSheet } from "../../../src/core/sheet/read-template";
import { COL, COLORS, MARKER_COL, ROW } from "../../../src/core/sheet/layout";
import { builtinRegistry, standardTemplate } from "../../../src/core/template/registry";
import { addressOf } from "../../../src/core/grid";
import { setup, teardown } from "./helpers";

afterEach(teardown);

const SHEET = "荣昌区 2024";

describe("template sheet round trip through the fake Excel", () => {
  const { plan, rowOf } = templateSheetPlan(standardTemplate(), { sheetName: SHEET });

  it.each(["1.18", "1.9", "1.7"])("on ExcelApi %s the core reads all 92 indicators back", async (version) => {
    const { fake, host } = setup(version);
    await host.apply({ sheets: [plan] });
    const read = await host.read({ sheets: [SHEET] });
    expect(read.sheets).toHaveLength(1);
    const parsed = readTemplateSheet(read.sheets[0], builtinRegistry());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.value.entries.size).toBe(92);
    expect(parsed.value.missing).toEqual([]);
    expect(parsed.value.duplicates).toEqual([]);
    for (const [code, row] of rowOf) expect(parsed.value.entries.get(code)!.row).toBe(row);
    expect(read.activeSheet).toBe(SHEET);
    expect(fake.implicitSyncs).toBe(0);
  });

  it("writes what the plan says: merges, validations, protection, freeze, widths, hidden marker column", async () => {
    const { fake, host } = setup("1.18");
    await host.apply({ sheets: [plan] });
    const s = fake.sheet(SHEET);

    expect(s.merges).toEqual(expect.arrayContaining(plan.merges!.map((m) => m)));
    expect(s.merges).toHaveLength(plan.merges!.length);

    // Protected without password, only selecting allowed.
    expect(s.protection.protected).toBe(true);
    expect(s.protection.password).toBeUndefined();
    expect(s.protection.options).toMatchObject({ allowFormatCells: false, allowInsertRows: false, allowDeleteRows: false, selectionMode: "Normal" });

    // Input cells unlocked and white, locked cells grey; values where the plan has them.
    const e01 = rowOf.get("E01")!;
    expect(s.cell(addressOf(e01, COL.thisYear))).toMatchObject({ locked: false, fill: COLORS.input, value: "" });
    expect(s.cell(addressOf(e01, COL.code))).toMatchObject({ locked: true, fill: COLORS.locked, value: "E01" });
    expect(s.cell(addressOf(e01, COL.code)).borders).toEqual({ top: "Continuous", bottom: "Continuous", left: "Continuous", right: "Continuous" });

    // Rates as live formulas.
    const e03 = rowOf.get("E03")!;
    expect(s.cell(addressOf(e03, COL.computed)).formula).toMatch(/^=IF\(OR\(E\d+="",E\d+=""\),"",IFERROR\(E\d+\/E\d+,""\)\)$/);
    expect(s.cell(addressOf(e03, COL.computed)).numberFormat).toBe("0.00%");

    // Validation: whole numbers ≥ 0 with a warning (a person may keep 200余), year between 2000 and 2100.
    const count = s.cell(addressOf(e01, COL.thisYear)).validation!;
    expect(count.rule).toEqual({ wholeNumber: { operator: "GreaterThanOrEqualTo", formula1: 0 } });
    expect(count.errorAlert).toMatchObject({ showAlert: true, style: "Warning" });
    expect(count.prompt).toMatchObject({ showPrompt: true });
    expect(count.ignoreBlanks).toBe(true);
    const rate = s.cell(addressOf(e03, COL.lastYear)).validation!;
    expect(rate.rule).toEqual({ decimal: { operator: "Between", formula1: 0, formula2: 1 } });
    expect(s.cell("E2").validation!.rule).toEqual({ wholeNumber: { operator: "Between", formula1: 2000, formula2: 2100 } });
    expect(s.cell("E2").validation!.errorAlert).toMatchObject({ style: "Stop" });

    // Frozen below the header and right of the name; the marker column hidden; widths in points.
    expect(s.freeze).toEqual({ rows: ROW.header + 1, columns: COL.name + 1 });
    expect(s.columnHidden(MARKER_COL)).toBe(true);
    expect(s.columnWidth(COL.name)).toBe((36 * 7 + 5) * 0.75);
    expect(s.columnHidden(COL.dimension)).toBe(true);
    expect(s.rowHeight(ROW.header)).toBe(plan.rows!.find((r) => r.index === ROW.header)!.height);
    // Printed as a form: A4 portrait, one page wide, the column headers on every page, numbered pages.
    expect(s.print).toEqual({
      paperSize: "A4",
      orientation: "Portrait",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      centerHorizontally: true,
      titleRows: `$${ROW.header + 1}:$${ROW.header + 1}`,
      area: expect.stringMatching(/^A1:I\d+$/),
      centerHeader: "法治政府建设年度指标（2024 版）填报表",
      centerFooter: "第 &P 页 共 &N 页",
    });
    expect(fake.activeSheet).toBe(SHEET);
  });

  it("refuses to create a sheet whose name exists, before writing anything", async () => {
    const { fake, host } = setup("1.18", { sheets: [{ name: SHEET.toUpperCase(), cells: { A1: "a person's sheet" } }] });
    await expect(host.apply({ sheets: [plan] })).rejects.toThrow(/cannot create sheet "荣昌区 2024": a sheet with that name exists/);
    expect(fake.log.filter((e) => !e.op.endsWith(".load"))).toEqual([]);
    expect(fake.sheet(SHEET).values()).toEqual([["a person's sheet"]]);
  });

  it("keeps text that Excel would parse as text (the apostrophe is not stored)", async () => {
    const { fake, host } = setup("1.18");
    await host.apply({
      sheets: [
        {
          name: "T",
          mode: "create",
          cells: [
            { address: "A1", value: "001" },
            { address: "A2", value: "=not a formula" },
            { address: "A3", value: "94.44%" },
            { address: "A4", value: "TRUE" },
            { address: "A5", value: "200余" },
            { address: "A6", value: 12 },
            { address: "A7", value: true },
          ],
        },
      ],
    });
    expect(fake.sheet("T").values().map((r) => r[0])).toEqual(["001", "=not a formula", "94.44%", "TRUE", "200余", 12, true]);
  });

  it("a plan may create a sheet and then update it, as the file adapter allows", async () => {
    const { fake, host } = setup("1.18");
    const stats = await host.apply({
      sheets: [
        { name: "新表", mode: "create", cells: [{ address: "A1", value: "title" }], protect: true },
        { name: "新表", mode: "update", cells: [{ address: "B1", value: 2 }], fills: [{ address: "A1", color: "#FFE699" }] },
      ],
    });
    expect(stats.syncs).toBe(2);
    expect(fake.sheet("新表").values()).toEqual([["title", 2]]);
    expect(fake.sheet("新表").cell("A1").fill).toBe("#FFE699");
    expect(fake.sheet("新表").protection.protected).toBe(true);
  });
});
