import { styleCopy } from "../../../src/adapters/xlsx/cell-style";

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
