import { interpretPlan } from "../../../src/core/plan/interpret";
import { columnCells, planCellCount, planCells } from "../../../src/core/plan/plan-cells";
import { sheetPlanProblems } from "../../../src/core/plan/plan-problems";
import type { CellStyle, SheetPlan } from "../../../src/core/plan/write-plan";

const PLAIN: CellStyle = { border: true };
const SOFT: CellStyle = { italic: true };

/** A district column with a computed rate, an estimate in italics, a blank and a row left alone. */
const plan: SheetPlan = {
  name: "汇总表",
  mode: "create",
  cells: [{ address: "A1", value: "标题" }],
  cellColumns: [
    {
      top: "C5",
      values: [0.8, 1200, null, undefined],
      formulas: ["IF(B5>0,A5/B5,\"\")"],
      numberFormat: "#,##0",
      style: PLAIN,
      styles: [undefined, SOFT],
    },
    { top: "D5", values: ["✓", undefined, "⚠ 比率不符"] },
  ],
};

describe("a column of cells means the cells it lists", () => {
  it("expands row by row after the sheet's own cells: formula with its result, values, blank, a style per row", () => {
    expect(planCells(plan)).toEqual([
      { address: "A1", value: "标题" },
      { address: "C5", formula: 'IF(B5>0,A5/B5,"")', result: 0.8, numberFormat: "#,##0", style: PLAIN },
      { address: "C6", value: 1200, numberFormat: "#,##0", style: SOFT },
      { address: "C7", value: null, numberFormat: "#,##0", style: PLAIN },
      // Content left alone, format and style still set.
      { address: "C8", numberFormat: "#,##0", style: PLAIN },
      { address: "D5", value: "✓" },
      // D6 has nothing to write: no cell.
      { address: "D7", value: "⚠ 比率不符" },
    ]);
    expect(planCellCount(plan)).toBe(7);
  });

  it("fills a column's one formula down, each row's cached result beside it", () => {
    expect(planCells({ name: "排名", mode: "create", cellColumns: [{ top: "E5", values: [3, 1], filledFormula: "_xlfn.RANK.EQ(D5,$D$5:$D$6,0)" }] })).toEqual([
      { address: "E5", formula: "_xlfn.RANK.EQ(D5,$D$5:$D$6,0)", result: 3 },
      { address: "E6", formula: "_xlfn.RANK.EQ(D6,$D$5:$D$6,0)", result: 1 },
    ]);
  });

  it("moves each row's formula by its own offset where the rows it refers to are in another order", () => {
    // Districts by rank on the index sheet, each referring to its row on the summary (rows 5–7).
    const column = { top: "C5", values: [1, 0.5, 0], filledFormula: "('汇总表'!D5-$C$9)/($C$10-$C$9)", fillRows: [2, 0, 1] };
    expect(planCells({ name: "指数", mode: "create", cellColumns: [column] }).map((c) => `${c.address} ${c.formula}`)).toEqual([
      "C5 ('汇总表'!D7-$C$9)/($C$10-$C$9)",
      "C6 ('汇总表'!D5-$C$9)/($C$10-$C$9)",
      "C7 ('汇总表'!D6-$C$9)/($C$10-$C$9)",
    ]);
  });

  it("holds a filled formula only in the rows marked for it, the others their value", () => {
    // A rate computed from its counts in rows 5 and 7; row 6 reported its rate, row 8 reported nothing.
    const column = { top: "F5", values: [0.8, 0.95, 0.5, null], filledFormula: 'IF(AND(ISNUMBER(D5),ISNUMBER(E5),E5>0),D5/E5,"")', formulaRows: [true, false, true, false] };
    const sheet: SheetPlan = { name: "汇总表", mode: "create", cellColumns: [column] };
    expect(planCells(sheet)).toEqual([
      { address: "F5", formula: 'IF(AND(ISNUMBER(D5),ISNUMBER(E5),E5>0),D5/E5,"")', result: 0.8 },
      { address: "F6", value: 0.95 },
      { address: "F7", formula: 'IF(AND(ISNUMBER(D7),ISNUMBER(E7),E7>0),D7/E7,"")', result: 0.5 },
      { address: "F8", value: null },
    ]);
    // A row with neither the formula nor a value writes nothing.
    expect(planCellCount({ ...sheet, cellColumns: [{ ...column, values: [0.8, undefined, 0.5, undefined] }] })).toBe(2);
  });

  it("is what the reference interpreter writes", () => {
    const [s] = interpretPlan([], { sheets: [plan] });
    expect([s.values[4][2], s.formulas![4][2], s.values[5][2], s.numberFormats![5][2], s.values[4][3], s.values[6][3]]).toEqual([0.8, '=IF(B5>0,A5/B5,"")', 1200, "#,##0", "✓", "⚠ 比率不符"]);
  });

  it("is refused with a reason when its top is no cell, it runs off the sheet, it has more formulas or styles than rows, or offsets that do not fit", () => {
    const problems = (cellColumns: SheetPlan["cellColumns"]) => sheetPlanProblems({ name: "S", mode: "create", cellColumns });
    expect(problems([{ top: "C0", values: [1] }])).toEqual(['S: column top "C0" is not a cell address']);
    expect(problems([{ top: "A1048576", values: [1, 2] }])).toEqual(["S: column from A1048576 runs 2 rows, past the sheet's last row"]);
    expect(problems([{ top: "A1", values: [1], formulas: ["1", "2"], styles: [PLAIN, PLAIN] }])).toEqual([
      "S: column from A1 has more formulas than rows",
      "S: column from A1 has more styles than rows",
    ]);
    expect(problems([{ top: "A1", values: [1], formulas: ["1"], filledFormula: "B1" }])).toEqual(["S: column from A1 has both per-row formulas and a filled formula"]);
    expect(problems([{ top: "A1", values: [1, 2], fillRows: [0, 1.5] }])).toEqual([
      "S: column from A1 has fill offsets but no filled formula",
      "S: column from A1 has a fill offset that is not a whole number of rows",
    ]);
    expect(problems([{ top: "A1", values: [1, 2], filledFormula: "B1", fillRows: [1] }])).toEqual(["S: column from A1 has fewer fill offsets than rows"]);
    expect(problems([{ top: "A1", values: [1, 2], formulaRows: [true, false] }])).toEqual(["S: column from A1 marks the rows of a filled formula but has none"]);
    expect(problems([{ top: "A1", values: [1, 2], filledFormula: "B1", formulaRows: [true] }])).toEqual(["S: column from A1 marks fewer rows for its filled formula than it has"]);
    // Its cells are checked as cells.
    expect(problems([{ top: "A1", values: [Infinity] }])).toEqual(["S: A1 value Infinity is not finite"]);
  });

  it("has its cells refused as the cells it makes would be: a value or a formula's result not finite, a bad colour, content inside a merge", () => {
    const columns: SheetPlan["cellColumns"] = [
      { top: "B2", values: [1, NaN, undefined, 3], formulas: [undefined, "A3*2", undefined, undefined], styles: [undefined, undefined, { fill: "#GGHHII" }, undefined] },
      { top: "D2", values: [-Infinity, 2], filledFormula: "A2" },
      { top: "E2", values: ["x", "y", undefined], style: { fontColor: "red" } },
      { top: "F2", values: [1, 2, 3] },
    ];
    const cells = columns.flatMap(columnCells);
    const merged = { name: "S", mode: "create" as const, merges: ["F2:F3"] };
    const asColumns = sheetPlanProblems({ ...merged, cellColumns: columns });
    // The same words, in the same order, as for the cells the columns stand for.
    expect(asColumns).toEqual(sheetPlanProblems({ ...merged, cells }));
    expect(asColumns).toEqual([
      "S: B3 result NaN is not finite",
      'S: B4 fill: "#GGHHII" is not #RRGGBB',
      "S: D2 result -Infinity is not finite",
      'S: E2 font colour: "red" is not #RRGGBB',
      'S: E3 font colour: "red" is not #RRGGBB',
      'S: E4 font colour: "red" is not #RRGGBB',
      "S: F3 is inside a merged area but not its top-left cell; its value would be lost",
    ]);
  });
});
