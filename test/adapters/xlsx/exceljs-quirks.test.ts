/**
 * ExcelJS 4.4 behaviours the adapter works around. Each test shows the raw behaviour and
 * then the adapter's answer, so an ExcelJS upgrade that changes one of them fails here first.
 */
import * as ExcelJS from "exceljs";
import { applyPlan, openWorkbook, snapshotWorkbook, toBuffer } from "../../../src/adapters/xlsx";
import { addressOf, parseAddress } from "../../../src/core/grid";
import { fillColour, validationsOf, zipPart } from "./helpers";

async function rawRoundTrip(wb: ExcelJS.Workbook): Promise<{ wb: ExcelJS.Workbook; bytes: Buffer }> {
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return { wb: back, bytes };
}

const sqrefs = (xml: string) => [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]).sort();

describe("ExcelJS quirks and the adapter's answers", () => {
  test("cells loaded with the same style share one style object; the adapter paints only its cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    for (const a of ["A1", "B1", "C1"]) {
      ws.getCell(a).value = a;
      ws.getCell(a).font = { bold: true };
    }
    const raw = (await rawRoundTrip(wb)).wb.worksheets[0];
    expect(raw.getCell("A1").style).toBe(raw.getCell("B1").style);
    raw.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    expect(fillColour(raw.getCell("B1"))).toBe("FFFF0000"); // repainted by accident

    const loaded = await openWorkbook(await toBuffer(wb));
    await applyPlan(loaded, { sheets: [{ name: "S", mode: "update", fills: [{ address: "A1", color: "#FF0000" }] }] });
    const s = loaded.worksheets[0];
    expect(fillColour(s.getCell("A1"))).toBe("FFFF0000");
    expect(fillColour(s.getCell("B1"))).toBeUndefined();
    expect(s.getCell("B1").font?.bold).toBe(true);
  });

  test("a validation read back is one key per cell and ExcelJS re-writes it as overlapping ranges; toBuffer compacts it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 1;
    (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add("A2:A20", {
      type: "whole",
      operator: "between",
      formulae: [0, 10],
      allowBlank: true,
    });
    const once = await rawRoundTrip(wb);
    expect(Object.keys(validationsOf(once.wb.worksheets[0]))).toHaveLength(19);
    const twice = await rawRoundTrip(once.wb);
    expect(sqrefs(zipPart(twice.bytes, "xl/worksheets/sheet1.xml")!)).toEqual(["A10:A20", "A2:A20"]); // overlap

    const again = await openWorkbook(await toBuffer(wb));
    const out = await toBuffer(again);
    expect(sqrefs(zipPart(out, "xl/worksheets/sheet1.xml")!)).toEqual(["A2:A20"]);
  });

  test("compaction joins equal validations held in different objects, and keeps apart those that share a prompt but not their limits", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 1;
    const whole = (max: number, prompt?: string): ExcelJS.DataValidation => ({ type: "whole", operator: "between", formulae: [0, max], allowBlank: true, ...(prompt ? { prompt, showInputMessage: true } : {}) });
    const model = validationsOf(ws);
    // Two cells per object (ExcelJS joins single cells by value itself): A2:A3 and A4:A5 equal, B's differ in limits.
    const [a, b, c, d] = [whole(10, "件数"), whole(10, "件数"), whole(10, "人数"), whole(99, "人数")];
    Object.assign(model, { A2: a, A3: a, A4: b, A5: b, B2: c, B3: c, B4: d, B5: d });
    const refs = sqrefs(zipPart(await toBuffer(wb), "xl/worksheets/sheet1.xml")!);
    expect([...refs].sort()).toEqual(["A2:A5", "B2:B3", "B4:B5"]);
  });

  test("compaction covers an irregular area with rectangles that do not overlap", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 1;
    const dv: ExcelJS.DataValidation = { type: "list", formulae: ['"是,否"'], allowBlank: true };
    const cells = ["B2", "C2", "D2", "B3", "C3", "B4", "B10", "B11", "C11", "Z9"];
    const model = validationsOf(ws);
    for (const a of cells) model[a] = dv;
    const back = await openWorkbook(await toBuffer(wb));
    expect(Object.keys(validationsOf(back.worksheets[0])).sort()).toEqual([...cells].sort());
    const refs = sqrefs(zipPart(await toBuffer(wb), "xl/worksheets/sheet1.xml")!);
    // Every cell covered exactly once.
    const covered: string[] = [];
    for (const ref of refs) {
      const [a, b = a] = ref.split(":");
      const p = parseAddress(a)!;
      const q = parseAddress(b)!;
      for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) covered.push(addressOf(r, c));
    }
    expect(covered.sort()).toEqual([...cells].sort());
    expect(refs.length).toBeLessThan(cells.length);
  });

  test("ExcelJS drops a hidden row that has no cell; the adapter keeps it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 1;
    ws.getRow(3).hidden = true;
    const raw = (await rawRoundTrip(wb)).wb.worksheets[0];
    expect(raw.findRow(3)?.hidden ?? false).toBe(false);

    const wb2 = new ExcelJS.Workbook();
    wb2.addWorksheet("S").getCell("A1").value = 1;
    await applyPlan(wb2, { sheets: [{ name: "S", mode: "update", rows: [{ index: 2, hidden: true }] }] });
    expect(snapshotWorkbook(await openWorkbook(await toBuffer(wb2)))[0].hiddenRows).toEqual([2]);
  });

  test("a loaded workbook may have no views at all; activation still works", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("A").getCell("A1").value = 1;
    wb.addWorksheet("B").getCell("A1").value = 2;
    const raw = (await rawRoundTrip(wb)).wb;
    expect(raw.views).toBeUndefined();
    expect(raw.worksheets[0].views).toBeNull();
    await applyPlan(raw, { sheets: [{ name: "B", mode: "update", activate: true, freeze: { rows: 1, columns: 1 } }] });
    const out = await toBuffer(raw);
    expect(zipPart(out, "xl/workbook.xml")).toMatch(/activeTab="1"/);
    expect(zipPart(out, "xl/worksheets/sheet2.xml")).toMatch(/tabSelected="1"/);
  });
});
