import * as ExcelJS from "exceljs";
import { applyCellStyle, setFill, setNumberFormat, styleCopy } from "../../../src/adapters/xlsx/cell-style";

describe("a cell's own copy of its style", () => {
  test("copies every level, so painting the copy never repaints the cells that shared the original", () => {
    const shared = {
      numFmt: "0.0%",
      font: { name: "宋体", size: 11, bold: true, color: { argb: "FF000000" } },
      border: { top: { style: "thin", color: { argb: "FF999999" } }, diagonal: { up: true, style: "thin" } },
      fill: { type: "gradient", gradient: "angle", degree: 90, stops: [{ position: 0, color: { argb: "FFFFFFFF" } }, { position: 1, color: { argb: "FFFFF2CC" } }] },
      alignment: { horizontal: "center", wrapText: true },
      protection: { locked: false },
    };
    const before = structuredClone(shared);
    const copy = styleCopy(shared) as typeof shared;
    expect(copy).toEqual(shared);
    copy.font.color.argb = "FFFF0000";
    copy.border.top.color.argb = "FF000000";
    copy.fill.stops[1].color.argb = "FF00FF00";
    copy.fill.stops.push({ position: 0.5, color: { argb: "FF0000FF" } });
    copy.alignment.horizontal = "left";
    expect(shared).toEqual(before);
  });

  test("a value that is not plain data is copied whole", () => {
    const when = new Date("2025-03-01T00:00:00Z");
    const copy = styleCopy({ note: { at: when } }) as { note: { at: Date } };
    expect(copy.note.at).toEqual(when);
    expect(copy.note.at).not.toBe(when);
  });
});

describe("cells given one look share one style object", () => {
  test("the same change from the same style gives the same object; a later change to one cell leaves the others", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("S");
    const header = { bold: true, fill: "#DDEBF7", border: true };
    const [a1, a2, a3] = ["A1", "A2", "A3"].map((a) => ws.getCell(a));
    for (const c of [a1, a2]) applyCellStyle(c, header);
    // An equal style written anew by another plan is the same look.
    applyCellStyle(a3, { ...header });
    expect(a1.style).toBe(a2.style);
    expect(a3.style).toBe(a1.style);
    expect(a1.font).toEqual({ bold: true });
    setFill(a2, "#FFC7CE");
    expect([a1.fill, a2.fill, a3.fill].map((f) => (f as ExcelJS.FillPattern).fgColor?.argb)).toEqual(["FFDDEBF7", "FFFFC7CE", "FFDDEBF7"]);
    expect(a2.font).toEqual({ bold: true });
  });

  test("a loaded file's shared style stays as it was; cells painted alike from it share the painted copy", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("S");
    const loaded = { numFmt: "0", font: { name: "宋体", size: 11 } } as Partial<ExcelJS.Style>;
    const [b1, b2, b3] = ["B1", "B2", "B3"].map((a) => ws.getCell(a));
    for (const c of [b1, b2, b3]) c.style = loaded;
    setFill(b1, "#FFC7CE");
    setFill(b2, "#FFC7CE");
    setNumberFormat(b3, "0.0%");
    expect(b1.style).toBe(b2.style);
    expect(b1.style).not.toBe(loaded);
    expect(loaded).toEqual({ numFmt: "0", font: { name: "宋体", size: 11 } });
    expect([b1.numFmt, b3.numFmt, b3.fill]).toEqual(["0", "0.0%", undefined]);
    expect(b1.font).toEqual({ name: "宋体", size: 11 });
  });
});
