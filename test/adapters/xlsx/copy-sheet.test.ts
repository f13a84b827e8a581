import * as ExcelJS from "exceljs";
import { copyWorksheet, newWorkbook, openWorkbook, snapshotSheet, toBuffer } from "../../../src/adapters/xlsx";
import { renameSheetRefs } from "../../../src/adapters/xlsx/copy-sheet";
import { readTemplateSheet } from "../../../src/core/sheet/read-template";
import { builtinRegistry } from "../../../src/core/template/registry";
import { buildReportsWorkbook } from "../../fixtures/build-workbook";
import { rongchang2024 } from "../../fixtures/reports";
import { fillColour, noteText, protectionOf, validationsOf } from "./helpers";
import { partText } from "../../helpers/patch-xlsx";

type Modelled = { model: { merges: string[] } };

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return openWorkbook(await toBuffer(wb));
}

/** Every cell ExcelJS knows on the sheet, by address (merged non-master cells included). */
function cellsOf(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
  const out = new Map<string, ExcelJS.Cell>();
  ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => void out.set(cell.address, cell)));
  return out;
}

/** What a person sees and Excel keeps of a cell: value, formula and cached result, format, style. */
function look(cell: ExcelJS.Cell) {
  return {
    type: cell.type,
    value: cell.type === ExcelJS.ValueType.Formula ? undefined : cell.value,
    formula: cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined,
    result: cell.type === ExcelJS.ValueType.Formula ? cell.result : undefined,
    numFmt: cell.numFmt,
    fill: cell.fill,
    font: cell.font,
    border: cell.border,
    alignment: cell.alignment,
    protection: cell.protection,
    note: noteText(cell),
    master: cell.isMerged ? cell.master.address : undefined,
  };
}

describe("copyWorksheet", () => {
  let source: ExcelJS.Worksheet;
  let copy: ExcelJS.Worksheet;
  let before: ReturnType<typeof snapshotSheet>;

  beforeAll(async () => {
    // A district file as the CLI meets it: written, then read back.
    const district = await reload(await buildReportsWorkbook([rongchang2024]));
    source = district.worksheets[0];
    source.getCell("I10").note = "填报人：张三";
    before = snapshotSheet(source);
    const summary = newWorkbook();
    summary.addWorksheet("汇总表").getCell("A1").value = "汇总";
    copyWorksheet(source, summary, "荣昌区 2024 副本");
    copy = (await reload(summary)).getWorksheet("荣昌区 2024 副本")!;
  });

  it("keeps every cell's value, formula with cached result, number format, fill, font, borders, alignment, protection and note through a write and read", () => {
    const want = cellsOf(source);
    const got = cellsOf(copy);
    expect(want.size).toBeGreaterThan(900);
    for (const [address, cell] of want) {
      const other = got.get(address);
      expect([address, other && look(other)]).toEqual([address, look(cell)]);
    }
    expect([...got.keys()].filter((a) => !want.has(a))).toEqual([]);
    const formulas = [...want.values()].filter((c) => c.type === ExcelJS.ValueType.Formula);
    expect(formulas.length).toBeGreaterThanOrEqual(20);
  });

  it("reads as the same grid and the same district report, under its new name", () => {
    const after = snapshotSheet(copy);
    expect({ ...after, name: before.name }).toEqual(before);
    const a = readTemplateSheet(before, builtinRegistry());
    const b = readTemplateSheet(after, builtinRegistry());
    if (!a.ok || !b.ok) throw new Error("not a template sheet");
    expect([b.value.sheet, b.value.district, b.value.year, b.value.entries.size]).toEqual(["荣昌区 2024 副本", "荣昌区", 2024, a.value.entries.size]);
    const typed = (r: typeof a.value) => [...r.entries.values()].map((e) => ({ ...e.thisYear, cell: e.thisYear.cell.address }));
    expect(typed(b.value)).toEqual(typed(a.value));
  });

  it("keeps merges, data validation, sheet protection, frozen panes, column widths, hidden columns and row heights", () => {
    expect([...(copy as unknown as Modelled).model.merges].sort()).toEqual([...(source as unknown as Modelled).model.merges].sort());
    expect((copy as unknown as Modelled).model.merges.length).toBeGreaterThanOrEqual(10);
    expect(validationsOf(copy)).toEqual(validationsOf(source));
    expect(Object.keys(validationsOf(copy)).length).toBeGreaterThan(100);
    expect(protectionOf(copy)).toEqual(protectionOf(source));
    expect(protectionOf(copy)?.sheet).toBe(true);
    const view = (ws: ExcelJS.Worksheet) => ws.views.map((v) => ({ state: v.state, x: (v as ExcelJS.WorksheetViewFrozen).xSplit, y: (v as ExcelJS.WorksheetViewFrozen).ySplit }));
    expect(view(copy)).toEqual(view(source));
    expect(view(copy)[0].state).toBe("frozen");
    for (let c = 1; c <= 10; c++) {
      expect([c, copy.getColumn(c).width, copy.getColumn(c).hidden]).toEqual([c, source.getColumn(c).width, source.getColumn(c).hidden]);
    }
    expect(copy.getColumn(10).hidden).toBe(true);
    for (let r = 1; r <= source.rowCount; r++) expect([r, copy.findRow(r)?.height, copy.findRow(r)?.hidden]).toEqual([r, source.findRow(r)?.height, source.findRow(r)?.hidden]);
  });

  it("leaves the source alone: painting the copy does not repaint the original", async () => {
    const district = await reload(await buildReportsWorkbook([rongchang2024]));
    const ws = district.worksheets[0];
    const snap = snapshotSheet(ws);
    const target = newWorkbook();
    const c = copyWorksheet(ws, target, "副本");
    c.getCell("E6").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    c.getCell("E7").value = 1;
    expect(fillColour(ws.getCell("E6"))).toBe("FFFFFFFF");
    expect(snapshotSheet(ws)).toEqual(snap);
    expect(() => copyWorksheet(ws, target, "副本")).toThrow(/already has a sheet/);
  });

  it("taking over a source that is let go writes the same sheet as copying it", async () => {
    const bytes = await toBuffer(await buildReportsWorkbook([rongchang2024]));
    const copied = newWorkbook();
    const taken = newWorkbook();
    for (const [target, options] of [
      [copied, {}],
      [taken, { sourceDiscarded: true }],
    ] as const) {
      const ws = (await openWorkbook(bytes)).worksheets[0];
      ws.getCell("I10").note = "填报人：张三";
      // A formula naming the sheet itself, renamed in the copy.
      ws.getCell("K1").value = { formula: `'${ws.name}'!E6*2`, result: 2 };
      copyWorksheet(ws, target, "荣昌区 2024 副本", options);
    }
    const parts = ["xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/comments1.xml", "xl/sharedStrings.xml"];
    const [a, b] = [await toBuffer(copied), await toBuffer(taken)];
    for (const part of parts) expect([part, partText(b, part)]).toEqual([part, partText(a, part)]);
    expect(partText(b, "xl/worksheets/sheet1.xml")).toContain("<f>&apos;荣昌区 2024 副本&apos;!E6*2</f>");
  });

  it("copies shared formulas, formulas naming the sheet itself, images and hidden rows", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    for (let r = 1; r <= 5; r++) ws.getCell(r, 1).value = r;
    ws.getCell("B1").value = { formula: "A1*2", result: 2, shareType: "shared", ref: "B1:B5" } as ExcelJS.CellSharedFormulaValue & { shareType: string; ref: string };
    for (let r = 2; r <= 5; r++) ws.getCell(r, 2).value = { sharedFormula: "B1", result: r * 2 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("C1").value = { formula: "SUM(Data!A1:A5)+'Data'!A1", result: 16 };
    ws.getCell("D1").value = { formula: "0*A1", result: 0 };
    ws.getRow(7).hidden = true;
    ws.getCell("A7").value = "hidden";
    const pixel = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    ws.addImage(wb.addImage({ buffer: pixel as unknown as ExcelJS.Buffer, extension: "png" }), "E2:F4");
    const loaded = await reload(wb);

    const target = newWorkbook();
    target.addWorksheet("First").getCell("A1").value = 1;
    copyWorksheet(loaded.worksheets[0], target, "数据 2024");
    const back = (await reload(target)).getWorksheet("数据 2024")!;
    expect([2, 3, 4, 5].map((r) => [back.getCell(r, 2).formula, back.getCell(r, 2).result])).toEqual([
      ["A2*2", 4],
      ["A3*2", 6],
      ["A4*2", 8],
      ["A5*2", 10],
    ]);
    expect(back.getCell("C1").formula).toBe("SUM('数据 2024'!A1:A5)+'数据 2024'!A1");
    expect(back.getCell("D1").result).toBe(0);
    expect(back.findRow(7)?.hidden).toBe(true);
    expect(back.getImages()).toHaveLength(1);
  });
});

describe("renameSheetRefs", () => {
  it("renames quoted and bare references to the sheet, in any case, and leaves strings and other sheets alone", () => {
    expect(renameSheetRefs(`Data!A1+'data'!B2+OtherData!C3+"Data!A1"`, "Data", "数据 2024")).toBe(`'数据 2024'!A1+'数据 2024'!B2+OtherData!C3+"Data!A1"`);
    expect(renameSheetRefs(`'荣昌区 2024'!E5/'It''s'!A1`, "荣昌区 2024", "荣昌区 2024 (2)")).toBe(`'荣昌区 2024 (2)'!E5/'It''s'!A1`);
    expect(renameSheetRefs(`'It''s'!A1`, "It's", "Its")).toBe(`'Its'!A1`);
  });
});
