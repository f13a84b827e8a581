/** The workbench preview's window onto a sheet: which rows and columns, which cells outlined, and cell text as the sheet shows it. */
import { cellDisplay, previewWindow } from "../../src/workbench/preview-window";
import type { SheetSnapshot } from "../../src/core/grid";

function sheet(rows: number, cols: number): SheetSnapshot {
  const values = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (c === 0 ? `R${r + 1}` : r * 10 + c)));
  return { name: "荣昌区 2024", values, notes: { E65: "⚠ 警告：E03" }, fills: values.map((row, r) => row.map(() => (r === 64 ? "#FFE699" : null))) };
}

describe("previewWindow", () => {
  it("shows rows from a few above the first selected cell, outlines every selected cell, keeps its note and fill", () => {
    const view = previewWindow(sheet(100, 8), ["E65", "E64", "E63"]);
    expect(view.anchor).toBe("E65"); // the finding's own cell, named first
    expect(view.rows[0].number).toBe(59);
    expect(view.rows).toHaveLength(24);
    expect(view.columns).toEqual(["A", "B", "C", "D", "E", "F", "G", "H"]);
    const outlined = view.rows.flatMap((r) => r.cells.map((c, i) => (c.selected ? `${view.columns[i]}${r.number}` : ""))).filter(Boolean);
    expect(outlined).toEqual(["E63", "E64", "E65"]);
    const e65 = view.rows.find((r) => r.number === 65)!.cells[4];
    expect(e65).toMatchObject({ text: "644", note: "⚠ 警告：E03", fill: "#FFE699", numeric: true });
  });

  it("takes ranges, starts at the top without a selection, and caps the columns", () => {
    expect(previewWindow(sheet(100, 8), ["B3:C4"]).rows.flatMap((r) => r.cells.filter((c) => c.selected)).length).toBe(4);
    const top = previewWindow(sheet(10, 30), []);
    expect(top.rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(top.columns).toHaveLength(14);
    expect(top.anchor).toBeUndefined();
  });
});

describe("cellDisplay", () => {
  it.each([
    [0.8529, "0.00%", "85.29%"],
    [0.9, "0%", "90%"],
    [1234.5, "#,##0.00", "1234.50"],
    [337, "General", "337"],
    [0.1 + 0.2, undefined, "0.3"],
    ["200余", undefined, "200余"],
    [true, undefined, "TRUE"],
    [null, undefined, ""],
    [new Date(Date.UTC(2024, 11, 31)), "yyyy-mm-dd", "2024-12-31"],
  ])("%p as %p → %p", (v, format, text) => {
    expect(cellDisplay(v, format)).toBe(text);
  });
});

describe("previewWindow of a sheet with hidden columns", () => {
  it("leaves the hidden columns out, keeping each cell's own letter", () => {
    const view = previewWindow(sheet(10, 5), ["C3"], new Set([1]));
    expect(view.columns).toEqual(["A", "C", "D", "E"]);
    expect(view.rows[2].cells.map((c) => c.text)).toEqual(["R3", "22", "23", "24"]);
    expect(view.rows[2].cells[1].selected).toBe(true);
  });
});
