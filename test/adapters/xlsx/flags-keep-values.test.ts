/**
 * Fills, notes, styles and clearFlags on a person's report never change a value, and never
 * repaint a cell other than the one named (ExcelJS shares style objects between cells that
 * had the same style in the file, and between merged cells).
 */
import * as ExcelJS from "exceljs";
import type { WritePlan } from "../../../src/core/plan/write-plan";
import type { SheetSnapshot } from "../../../src/core/grid";
import { applyPlan, openWorkbook, snapshotWorkbook, toBuffer } from "../../../src/adapters/xlsx";
import { fillColour, noteText } from "./helpers";

const YELLOW = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } } as const;

/** A district report as a person might have made it, saved and read back (so styles are shared). */
async function personsReport(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("荣昌区");
  ws.getCell("A1").value = "荣昌区法治政府建设指标";
  ws.mergeCells("A1:E1");
  const rows: (string | number)[][] = [
    ["序号", "指标", "上年", "本年", "比率"],
    [1, "行政复议案件数", 18, 17, 0],
    [2, "行政诉讼案件数", "200余", 190, 0],
    [3, "出庭应诉率", 0.95, 0.9444, 0],
  ];
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getRow(i + 2).getCell(j + 1).value = v)));
  for (const r of [3, 4, 5]) ws.getCell(`E${r}`).value = { formula: `D${r}/C${r}`, result: 17 / 18 };
  ws.getCell("E4").value = { formula: "D4/C4", result: { error: "#VALUE!" } };
  ws.getCell("C5").numFmt = "0.00%";
  ws.getCell("D5").numFmt = "0.00%";
  // The person's own highlight on two cells with the same style (one style id in the file).
  ws.getCell("C3").fill = { ...YELLOW };
  ws.getCell("D3").fill = { ...YELLOW };
  ws.getCell("B4").note = "本人备注";
  ws.getCell("D4").font = { bold: true, color: { argb: "FF0000FF" } };
  return openWorkbook(await toBuffer(wb));
}

function allCells(s: SheetSnapshot): string {
  return JSON.stringify({ values: s.values, formulas: s.formulas, numberFormats: s.numberFormats });
}

describe("fills, notes and clearFlags keep every value", () => {
  test("flags and style-only writes change no value, formula or number format", async () => {
    const wb = await personsReport();
    const before = snapshotWorkbook(wb)[0];
    const plan: WritePlan = {
      sheets: [
        {
          name: "荣昌区",
          mode: "update",
          cells: [
            { address: "D4", style: { fill: "#FFEB9C", italic: true } },
            { address: "E3", style: { bold: true, border: true } },
          ],
          fills: [
            { address: "D3", color: "#FFC7CE" },
            { address: "C4", color: "#FFC7CE" },
            { address: "E4", color: "#FFC7CE" },
            { address: "B1", color: "#FFC7CE" }, // inside the merged title
          ],
          notes: [
            { address: "C4", text: "“200余”是近似值" },
            { address: "E4", text: "公式结果为错误值" },
          ],
        },
      ],
    };
    await applyPlan(wb, plan);
    const after = snapshotWorkbook(wb)[0];
    expect(allCells(after)).toBe(allCells(before));

    // …and after a save and a read, too.
    const back = await openWorkbook(await toBuffer(wb));
    expect(allCells(snapshotWorkbook(back)[0])).toBe(allCells(before));
    const ws = back.getWorksheet("荣昌区")!;
    expect(fillColour(ws.getCell("D3"))).toBe("FFFFC7CE");
    // C3 shared D3's style object in the loaded file: it keeps the person's yellow.
    expect(fillColour(ws.getCell("C3"))).toBe("FFFFFF00");
    expect(fillColour(ws.getCell("A1"))).toBeUndefined(); // master of the merge not repainted
    // A fill keeps the font: D4 stays bold blue and gains italic.
    expect(ws.getCell("D4").font).toMatchObject({ bold: true, italic: true, color: { argb: "FF0000FF" } });
    expect(fillColour(ws.getCell("D4"))).toBe("FFFFEB9C");
    expect(ws.getCell("C5").numFmt).toBe("0.00%");
    expect(noteText(ws.getCell("C4"))).toBe("“200余”是近似值");
    expect(noteText(ws.getCell("B4"))).toBe("本人备注");
  });

  test("clearFlags removes Huishen's fill and note; a person's own fill and note stay", async () => {
    const wb = await personsReport();
    const before = snapshotWorkbook(wb)[0];
    await applyPlan(wb, {
      sheets: [
        {
          name: "荣昌区",
          mode: "update",
          fills: [
            { address: "D3", color: "#FFC7CE" },
            { address: "C4", color: "#FFC7CE" },
          ],
          notes: [{ address: "C4", text: "Huishen: 近似值" }],
        },
      ],
    });
    // Saved by one run, opened by the next one.
    const next = await openWorkbook(await toBuffer(wb));
    await applyPlan(next, {
      sheets: [
        {
          name: "荣昌区",
          mode: "update",
          clearFlags: { fills: ["D3", "C4", "Z99"], notes: ["C4", "Z99"] },
        },
      ],
    });
    const back = await openWorkbook(await toBuffer(next));
    const ws = back.getWorksheet("荣昌区")!;
    expect(fillColour(ws.getCell("D3"))).toBeUndefined();
    expect(fillColour(ws.getCell("C4"))).toBeUndefined();
    expect(noteText(ws.getCell("C4"))).toBeUndefined();
    expect(fillColour(ws.getCell("C3"))).toBe("FFFFFF00");
    expect(noteText(ws.getCell("B4"))).toBe("本人备注");
    const after = snapshotWorkbook(back)[0];
    expect(allCells(after)).toBe(allCells(before));
    // Clearing a cell that never existed does not create it.
    expect(ws.findRow(99)).toBeUndefined();
  });

  test("clearFlags then fills on the same cell: the new flag wins", async () => {
    const wb = await personsReport();
    await applyPlan(wb, {
      sheets: [{ name: "荣昌区", mode: "update", fills: [{ address: "C4", color: "#FFC7CE" }], notes: [{ address: "C4", text: "旧" }] }],
    });
    await applyPlan(wb, {
      sheets: [
        {
          name: "荣昌区",
          mode: "update",
          clearFlags: { fills: ["C4"], notes: ["C4"] },
          fills: [{ address: "C4", color: "#C6EFCE" }],
          notes: [{ address: "C4", text: "新" }],
        },
      ],
    });
    const ws = (await openWorkbook(await toBuffer(wb))).getWorksheet("荣昌区")!;
    expect(fillColour(ws.getCell("C4"))).toBe("FFC6EFCE");
    expect(noteText(ws.getCell("C4"))).toBe("新");
  });
});
