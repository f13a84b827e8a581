import { addressOf } from "../../../src/core/grid";
import { LAST_YEAR, THIS_YEAR, type EntryTable } from "../../../src/core/sheet/entry-table";
import { COL } from "../../../src/core/sheet/layout";
import { readTemplateSheet } from "../../../src/core/sheet/read-template";
import { builtinRegistry, standardTemplate } from "../../../src/core/template/registry";
import { parseCellValue } from "../../../src/core/values/parse";
import { sheetWith } from "../../helpers/sheet-with";

/** Everything staff type, one cell each: the columns must give back exactly what the parser gave. */
const TYPED = {
  A01: { thisYear: 159, lastYear: "1,046" },
  A02: { thisYear: "200余", lastYear: "约100" },
  A03: { thisYear: "—", lastYear: "1.8万" },
  A04: { thisYear: "待定", lastYear: true },
  A05: { thisYear: "1\u200B59", lastYear: "１５９件" },
  A06: { thisYear: -5, lastYear: 12.5 },
  A07: { thisYear: new Date(Date.UTC(2024, 4, 1)), lastYear: "#DIV/0!" },
  A08: { thisYear: "94.44%", lastYear: 94.44 },
  B03: { thisYear: 94.44, format: "General", lastYear: "95%以上" },
  B05: { thisYear: 0.9444, format: "0.00%", lastYear: null },
  B13: { thisYear: "", lastYear: 0.9 },
  // Rates stored as fractions (read without the parser's cell) beside the edges where the parser reads otherwise.
  B14: { thisYear: 1, lastYear: -0.05 },
  C03: { thisYear: 0.123456789, lastYear: 1.0000001 },
  C07: { thisYear: 5e-7, format: "yyyy-mm-dd", lastYear: Infinity },
  C10: { thisYear: 1.05, format: "0.0%", lastYear: 0.5 },
  C18: { thisYear: 0.875, format: "0%", lastYear: 1 },
  B01: { thisYear: 12, format: "0%", lastYear: 0 },
  G09: { thisYear: 1e-300, lastYear: "23.14亿元" },
  H01: { thisYear: -0, lastYear: 2 ** 53 },
  // Formulas' results: their decimals are counted only when asked for (written out, they cost a text each).
  D07: { thisYear: 17 / 18, lastYear: 2 / 3 },
  D10: { thisYear: 17 / 18, format: "0.00%", lastYear: 0.1 + 0.2 },
} as const;

function read() {
  const { snapshot, rowOf } = sheetWith(TYPED);
  snapshot.values[rowOf.get("A02")!][COL.remarks] = "含线上调解";
  // The check column: a person's explanation, and Huishen's own verdict.
  snapshot.values[rowOf.get("A03")!][COL.check] = "数据来源：区司法局";
  snapshot.values[rowOf.get("A04")!][COL.check] = "⚠ 比率不符";
  const r = readTemplateSheet(snapshot, builtinRegistry());
  if (!r.ok) throw new Error("not read");
  return { table: r.value.entries, snapshot, rowOf };
}

describe("a sheet's reading held as columns (EntryTable)", () => {
  const { table, snapshot, rowOf } = read();
  const t = standardTemplate();

  it("gives back each cell as the parser read it, with its reference", () => {
    for (const code of Object.keys(TYPED)) {
      const ind = t.byCode.get(code)!;
      const row = rowOf.get(code)!;
      const expected = (col: number) => ({
        ...parseCellValue(snapshot.values[row][col], ind.kind, snapshot.numberFormats[row][col]),
        cell: { sheet: "测试区 2024", address: addressOf(row, col) },
      });
      expect(table.get(code)).toEqual({ indicator: ind, row, thisYear: expected(COL.thisYear), lastYear: expected(COL.lastYear), remark: code === "A02" ? "含线上调解" : "" });
    }
  });

  it("keeps the marks and the precision the checks read: approximate, percentage points, invisible characters, 300 decimals", () => {
    expect(table.get("A02")!.thisYear).toMatchObject({ status: "value", value: 200, raw: "200余", approximate: true });
    expect(table.get("B03")!.thisYear).toMatchObject({ status: "value", value: 0.9444, raw: "94.44", decimals: 2, percentPoints: true });
    expect(table.get("B05")!.thisYear).toMatchObject({ status: "value", value: 0.9444, raw: "0.9444", decimals: 2, resolution: 0.0001 });
    expect(table.get("A05")!.thisYear).toMatchObject({ status: "value", value: 159, invisible: true });
    expect(table.get("A04")!.thisYear).toMatchObject({ status: "invalid", raw: "待定", reason: "notANumber" });
    expect(table.get("G09")!.thisYear).toMatchObject({ status: "value", value: 1e-300, decimals: 300, resolution: 1e-300 });
    expect(table.get("A01")!.thisYear).not.toHaveProperty("percentPoints");
  });

  it("counts a formula's result's decimals when first asked for, as the parser does, whichever is asked first", () => {
    const fresh = read().table;
    const parsed = (code: string, col: number) => parseCellValue(snapshot.values[rowOf.get(code)!][col], t.byCode.get(code)!.kind, snapshot.numberFormats[rowOf.get(code)!][col]);
    // Rates are shown in percent: 17/18 = 0.9444444444444444 and 2/3 have 16 decimals, 14 as shown; 0.1 + 0.2 has 17.
    expect([fresh.resolutionAt(fresh.slotOf("D07", THIS_YEAR)), fresh.resolutionAt(fresh.slotOf("D10", THIS_YEAR))]).toEqual([1e-16, 1e-16]);
    expect(fresh.get("D10")!.thisYear).toMatchObject({ value: 17 / 18, decimals: 14, resolution: 1e-16 });
    expect(fresh.get("D07")!.lastYear).toMatchObject({ value: 2 / 3, decimals: 14, resolution: 1e-16 });
    expect(fresh.resolutionAt(fresh.slotOf("D10", LAST_YEAR))).toBe(1e-17);
    // Each as the parser counts it, asked for by the cell this time.
    for (const code of ["D07", "D10"]) {
      for (const [year, col] of [[THIS_YEAR, COL.thisYear], [LAST_YEAR, COL.lastYear]] as const) {
        expect(read().table.cellAt(fresh.slotOf(code, year))).toMatchObject({ ...parsed(code, col), cell: { address: addressOf(rowOf.get(code)!, col) } });
      }
    }
  });

  it("knows which check cells Huishen may write: blank or its own verdict, never a person's text", () => {
    const own = (code: string) => table.checkCellIsOwnAt(table.positionOf(code));
    expect(["A01", "A03", "A04"].map(own)).toEqual([true, false, true]);
  });

  it("reads every slot from the columns as the cell built from it says", () => {
    for (let p = 0; p < table.size; p++) {
      for (const year of [THIS_YEAR, LAST_YEAR] as const) {
        const slot = 2 * p + year;
        const cell = table.cellAt(slot)!;
        expect(table.statusAt(slot)).toBe(cell.status);
        expect(table.rawAt(slot)).toBe(cell.raw);
        expect(table.refAt(slot)).toEqual(cell.cell);
        expect(table.figureAt(slot)).toBe(cell.status === "value" ? cell.value : undefined);
        if (cell.status === "value") {
          expect([table.valueAt(slot), table.approximateAt(slot), table.resolutionAt(slot)]).toEqual([cell.value, cell.approximate, cell.resolution]);
          expect(table.markedAt(slot)).toBe(cell.approximate || !!cell.percentPoints || !!cell.invisible);
        }
      }
    }
  });

  it("is a map by code in the sheet's row order, the first row of a repeated code winning", () => {
    const { snapshot: s, rowOf: rows } = sheetWith({ A01: 7 });
    // A01's code typed again at A02's row: A02 is gone, A01 read from its first row.
    s.values[rows.get("A02")!][COL.code] = "A01";
    const r = readTemplateSheet(s, builtinRegistry());
    const entries: EntryTable = r.ok ? r.value.entries : (undefined as never);
    expect(entries.size).toBe(91);
    expect([entries.has("A02"), entries.get("A02"), entries.slotOf("A02", THIS_YEAR), entries.statusAt(-1), entries.cellAt(-1)]).toEqual([false, undefined, -1, "none", undefined]);
    expect(entries.get("A01")!.thisYear).toMatchObject({ value: 7 });
    expect(r.ok && r.value.duplicates).toEqual([{ code: "A01", rows: [rows.get("A01"), rows.get("A02")] }]);
    const keys = [...entries.keys()];
    expect(keys.slice(0, 3)).toEqual(["A01", "A03", "A04"]);
    expect([...entries].map(([code, e]) => [code, e.row])).toEqual([...entries.values()].map((e) => [e.indicator.code, e.row]));
    const visited: string[] = [];
    entries.forEach((e, code) => visited.push(`${code}@${e.row}`));
    expect(visited).toEqual(keys.map((code) => `${code}@${entries.get(code)!.row}`));
    expect(keys.map((code) => entries.positionOf(code))).toEqual(keys.map((_, i) => i));
  });
});
