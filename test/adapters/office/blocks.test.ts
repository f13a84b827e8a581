/** The pure helpers behind apply/read: rectangles, chunks, cell input, addresses, fills, widths. */
import { addressGrid, blocksOf, cellInput, mergeCellWrites, needsTextPrefix, officeFormula, utf8Length } from "../../../src/adapters/office/blocks";
import { chunkOps } from "../../../src/adapters/office/ops";
import { splitSheetAddress } from "../../../src/adapters/office/address";
import { fillColour, snapshotFromRange } from "../../../src/adapters/office/read";
import { cellProperties, columnWidthPoints, styleKey } from "../../../src/adapters/office/style";
import { rectText } from "../../../src/core/plan/range";

describe("blocksOf", () => {
  const grid = (addresses: string[]) => addressGrid(addresses, (a) => a);
  const rects = (addresses: string[], max = 1e9) => blocksOf(grid(addresses), () => "", () => 1, max).map(rectText);

  it("stacks equal row runs into rectangles and splits at gaps", () => {
    expect(rects(["A1", "B1", "C1", "A2", "B2", "C2", "A3", "E3"])).toEqual(["A1:C2", "A3", "E3"]);
    expect(rects(["A1", "A3"])).toEqual(["A1", "A3"]);
  });

  it("stops a rectangle at the size limit", () => {
    const tall = Array.from({ length: 10 }, (_, i) => `A${i + 1}`);
    expect(rects(tall, 4)).toEqual(["A1:A4", "A5:A8", "A9:A10"]);
  });

  it("keeps different keys apart", () => {
    const g = addressGrid(
      [
        { a: "A1", k: "x" },
        { a: "B1", k: "y" },
        { a: "A2", k: "x" },
        { a: "B2", k: "y" },
      ],
      (t) => t.a,
    );
    expect(blocksOf(g, (t) => t.k, () => 1, 100).map((b) => [rectText(b), b.key])).toEqual([
      ["A1:A2", "x"],
      ["B1:B2", "y"],
    ]);
  });
});

describe("chunkOps", () => {
  it("starts a new request before the limit, and lets one oversized op go alone", () => {
    const ops = [3, 3, 3, 10, 1].map((bytes) => ({ bytes }));
    expect(chunkOps(ops, 7).map((c) => c.map((o) => o.bytes))).toEqual([[3, 3], [3], [10], [1]]);
  });
});

describe("cell input", () => {
  it.each([
    ["001", true],
    ["94.44%", true],
    ["1,046", true],
    ["=A1", true],
    ["-5", true],
    ["TRUE", true],
    ["2024-01-05", true],
    ["3月5日", true],
    ["#N/A", true],
    ["200余", false],
    ["23.14亿元", false],
    ["荣昌区", false],
    ["✓", false],
    ["编码\nCode", false],
  ])("%j needs an apostrophe: %s", (text, expected) => {
    expect(needsTextPrefix(text)).toBe(expected);
  });

  it("formulas get '=' and lose the file-only _xlfn. prefix, outside strings only", () => {
    expect(officeFormula("_xlfn.RANK.EQ(E5,E$5:E$20)")).toBe("=RANK.EQ(E5,E$5:E$20)");
    expect(officeFormula('=IF(A1="_xlfn.x",1,2)')).toBe('=IF(A1="_xlfn.x",1,2)');
  });

  it("null and \"\" clear a cell, undefined leaves it alone", () => {
    expect(cellInput({ address: "A1", value: "" })).toBe("");
    expect(cellInput({ address: "A1", value: null })).toBe("");
    expect(cellInput({ address: "A1", numberFormat: "0" })).toBeNull();
    expect(cellInput({ address: "A1", value: "007" })).toBe("'007");
    expect(cellInput({ address: "A1", formula: "SUM(A2:A3)", result: 5 })).toBe("=SUM(A2:A3)");
  });

  it("two writes to one cell: the later content wins, styles merge", () => {
    expect(
      mergeCellWrites({ address: "A1", formula: "B1", style: { bold: true } }, { address: "A1", value: 3, style: { fill: "#FFFFFF" } }),
    ).toEqual({ address: "A1", value: 3, style: { bold: true, fill: "#FFFFFF" } });
  });

  it("UTF-8 length counts Chinese as 3 bytes", () => {
    expect(utf8Length("汇审 a")).toBe(8);
  });
});

describe("styles", () => {
  it("a plan style as cell properties; unset keys are not sent", () => {
    expect(cellProperties(undefined)).toEqual({});
    expect(cellProperties({ bold: true, fill: "#ddebf7", hAlign: "center", vAlign: "middle", locked: false, border: true })).toEqual({
      format: {
        font: { bold: true },
        fill: { color: "#DDEBF7" },
        horizontalAlignment: "Center",
        verticalAlignment: "Center",
        protection: { locked: false },
        borders: {
          top: { style: "Continuous", weight: "Thin", color: "#000000" },
          bottom: { style: "Continuous", weight: "Thin", color: "#000000" },
          left: { style: "Continuous", weight: "Thin", color: "#000000" },
          right: { style: "Continuous", weight: "Thin", color: "#000000" },
        },
      },
    });
    expect(styleKey({ bold: true, fill: "#FFFFFF" })).toBe(styleKey({ fill: "#FFFFFF", bold: true }));
  });

  it("column widths: Excel's default 8.43 characters is 64 px, 48 pt", () => {
    expect(columnWidthPoints(8.43)).toBe(48);
    expect(columnWidthPoints(0)).toBe(0);
  });
});

describe("read helpers", () => {
  it("addresses with quoted sheet names", () => {
    expect(splitSheetAddress("'荣昌区 2024'!$E$12")).toEqual({ sheet: "荣昌区 2024", address: "E12" });
    expect(splitSheetAddress("'it''s'!A1:B2")).toEqual({ sheet: "it's", address: "A1:B2" });
    expect(splitSheetAddress("Sheet1!C3")).toEqual({ sheet: "Sheet1", address: "C3" });
  });

  it("fills: pattern None is no fill, a white solid fill stays white", () => {
    expect(fillColour({ format: { fill: { color: "#FFFFFF", pattern: "None" } } })).toBeNull();
    expect(fillColour({ format: { fill: { color: "#ffffff", pattern: "Solid" } } })).toBe("#FFFFFF");
    expect(fillColour({ format: { fill: { color: "#FFFFFF" } } })).toBeNull();
    expect(fillColour({ format: { fill: { color: "#F8CBAD" } } })).toBe("#F8CBAD");
  });

  it("a blank sheet (Excel's used range is then A1) reads as empty", () => {
    expect(snapshotFromRange("S", { values: [[""]], formulas: [[""]], numberFormat: [["General"]], rowIndex: 0, columnIndex: 0 })).toEqual({
      name: "S",
      values: [],
      formulas: [],
      numberFormats: [],
    });
  });
});
