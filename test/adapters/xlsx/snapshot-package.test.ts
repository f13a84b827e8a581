/**
 * The snapshot reader (`snapshotBytes`, sheet XML → snapshot) against ExcelJS (`snapshotWorkbook` of
 * `openWorkbook`): the same bytes give the same snapshot, or both refuse them. Over filled templates,
 * over a workbook of every kind of cell ExcelJS writes, over the same files saved again by LibreOffice
 * (its own styles, strings and formulas), and over sheets of cells written at random, odd ones included.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { newWorkbook, openWorkbook, snapshotBytes, snapshotWorkbook, XlsxReadError } from "../../../src/adapters/xlsx";
import type { SheetSnapshot } from "../../../src/core/grid";
import { nativeZip } from "../../../src/cli/native-zip";
import { packWorkbook } from "../../../src/adapters/xlsx/pack-workbook";
import { buildReportsWorkbook } from "../../fixtures/build-workbook";
import { allReports } from "../../fixtures/reports";
import { recalculate, requireOracle, sofficeAvailable } from "../../helpers/libreoffice";
import { seededRandom } from "../../../src/core/consolidate/stats";
import { patchPart, partText } from "../../helpers/patch-xlsx";
import { tempDir } from "./helpers";

type Outcome = { ok: true; sheets: SheetSnapshot[] } | { ok: false; reason: string };

async function throughExcelJS(bytes: Uint8Array): Promise<Outcome> {
  try {
    return { ok: true, sheets: snapshotWorkbook(await openWorkbook(bytes)) };
  } catch (e) {
    // ExcelJS also fails outside its loading, on some shared formulas (a stack overflow).
    return { ok: false, reason: e instanceof XlsxReadError ? e.reason : "failed" };
  }
}

function throughXml(bytes: Uint8Array): Outcome {
  try {
    return { ok: true, sheets: snapshotBytes(bytes) };
  } catch (e) {
    if (e instanceof XlsxReadError) return { ok: false, reason: e.reason };
    throw e;
  }
}

async function expectSameSnapshots(bytes: Uint8Array): Promise<Outcome> {
  const expected = await throughExcelJS(bytes);
  expect(throughXml(bytes)).toEqual(expected);
  return expected;
}

const pack = (wb: ExcelJS.Workbook): Promise<Uint8Array> => packWorkbook(wb, nativeZip, new Date(Date.UTC(2024, 0, 1)));

/** A sheet of every kind of cell and format ExcelJS writes. */
function everyKindOfCell(date1904 = false): ExcelJS.Workbook {
  const wb = newWorkbook();
  if (date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet("各类单元格");
  ws.getCell("A1").value = 42;
  ws.getCell("A2").value = -0.125;
  ws.getCell("A3").value = "复议 & <调解>";
  ws.getCell("A4").value = { richText: [{ text: "富", font: { bold: true } }, { text: "文本" }] };
  ws.getCell("A5").value = true;
  ws.getCell("A6").value = false;
  ws.getCell("A7").value = { error: "#DIV/0!" };
  ws.getCell("A8").value = new Date(Date.UTC(2024, 4, 17));
  ws.getCell("A9").value = { formula: "A1*2", result: 84 };
  ws.getCell("A10").value = { formula: "A3&\"!\"", result: "复议 & <调解>!" };
  ws.getCell("A11").value = { formula: "A5", result: true };
  ws.getCell("A12").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  ws.getCell("A13").value = { formula: "SUM(A1:A2)" } as ExcelJS.CellFormulaValue;
  ws.getCell("A14").value = { formula: "_xlfn.IFS(A1>1,1,TRUE,0)", result: 1 };
  ws.getCell("A15").value = { formula: "A8+1", result: new Date(Date.UTC(2024, 4, 18)) };
  ws.getCell("A16").value = { text: "汇审", hyperlink: "https://example.org/" };
  ws.getCell("B1").value = { formula: "A1+1", result: 43, shareType: "shared", ref: "B1:B4" } as ExcelJS.CellValue;
  for (const r of [2, 3, 4]) ws.getCell(`B${r}`).value = { sharedFormula: "B1", result: 40 + r } as ExcelJS.CellValue;
  ws.getCell("C1").value = 0.875;
  ws.getCell("C1").numFmt = "0.00%";
  ws.getCell("C2").value = 1234.5;
  ws.getCell("C2").numFmt = '#,##0.00"元"';
  ws.getCell("C3").value = 45000;
  ws.getCell("C3").numFmt = "yyyy\"年\"m\"月\"d\"日\"";
  ws.getCell("C4").value = 12;
  ws.getCell("C4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
  ws.getCell("C5").value = 13;
  ws.getCell("C5").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 4, tint: 0.4 } as unknown as ExcelJS.Color };
  ws.getCell("C6").value = 14;
  ws.getCell("C6").fill = { type: "pattern", pattern: "darkGrid", fgColor: { argb: "FF00FF00" } };
  ws.getCell("C7").note = "填报人的批注";
  ws.getCell("C7").value = 7;
  ws.getCell("C8").value = 8;
  ws.getCell("C8").note = { texts: [{ text: "汇审 Huishen\n" }, { text: "⚠ 比率与分子分母不符", font: { bold: true } }] };
  ws.getCell("C9").note = "空单元格上的批注"; // ExcelJS writes the empty cell as no cell: the note is not read
  ws.getCell("D9").border = { top: { style: "thin" } }; // a format without a value
  ws.mergeCells("E1:F2");
  ws.getCell("E1").value = "合并";
  ws.mergeCells("E4:E6");
  ws.getRow(11).hidden = true;
  ws.getCell("G3").value = "";
  wb.addWorksheet("空表");
  const hidden = wb.addWorksheet("隐藏");
  hidden.state = "hidden";
  hidden.getCell("B2").value = 1;
  return wb;
}

describe("snapshot reader against ExcelJS", () => {
  const { dir, cleanup } = tempDir("huishen-snapshot-package-");
  afterAll(cleanup);

  it("reads filled template sheets as ExcelJS does, a figure, format and note at a time", async () => {
    const bytes = await pack(await buildReportsWorkbook(allReports));
    const out = await expectSameSnapshots(bytes);
    expect(out.ok && out.sheets.length).toBe(allReports.length);
  });

  it.each([false, true])("reads every kind of cell as ExcelJS does (1904 dates: %s)", async (date1904) => {
    const out = await expectSameSnapshots(await pack(everyKindOfCell(date1904)));
    if (!out.ok) throw new Error(out.reason);
    const [s] = out.sheets;
    // The comparison above cannot pass on two empty readings: the figures are there.
    expect(s.values[0][0]).toBe(42);
    expect(s.values[3][0]).toBe("富文本");
    expect(s.formulas?.[2][1]).toBe("=A3+1"); // a shared formula, moved to its row
    expect(s.values[7][0]).toEqual(new Date(Date.UTC(2024, 4, 17)));
    expect(s.uncachedFormulas).toEqual(["A13"]);
    expect(s.formulas?.[13][0]).toBe("=IFS(A1>1,1,TRUE,0)");
    expect(s.fills?.[3][2]).toBe("#FFC7CE");
    expect(s.notes?.C8).toBe("汇审 Huishen\n⚠ 比率与分子分母不符");
    expect(s.merges).toEqual(["E1:F2", "E4:E6"]);
    expect(s.hiddenRows).toEqual([10]);
    expect(out.sheets.map((x) => x.name)).toEqual(["各类单元格", "空表", "隐藏"]);
  });

  it("keeps what ExcelJS loses as the package guard keeps it: values under merges, date-typed cells", async () => {
    let bytes = await pack(everyKindOfCell());
    bytes = patchPart(bytes, "xl/worksheets/sheet1.xml", (xml) =>
      xml
        .replace(/<c r="F1"[^>]*\/>/, '<c r="F1"><v>17</v></c>')
        .replace(/<c r="E5"[^>]*\/>/, '<c r="E5" t="inlineStr"><is><t>合并下的字</t></is></c>')
        .replace(/<c r="C1"/, '<c r="H1" t="d"><v>2024-03-05T00:00:00</v></c><c r="C1"'),
    );
    const out = await expectSameSnapshots(bytes);
    if (!out.ok) throw new Error(out.reason);
    expect(out.sheets[0].values[0][5]).toBe(17);
    expect(out.sheets[0].values[4][4]).toBe("合并下的字");
  });

  it("reads what other programs write as ExcelJS does: inline strings, phonetic guides, escapes, unnumbered and bare cells", async () => {
    let bytes = await pack(everyKindOfCell());
    bytes = patchPart(bytes, "xl/worksheets/sheet1.xml", (xml) =>
      xml.replace(
        /<row r="20"[\s\S]*?<\/row>|(<\/sheetData>)/,
        (_w, end: string | undefined) =>
          '<row r="20"><c r="A20" t="inlineStr"><is><t xml:space="preserve"> 前后有空格 </t></is></c><c t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>_x000D_行</t></r></is></c>' +
          '<c r="D20"/><c r="E20" t="str"><f>"a&amp;amp;b"</f><v>a&amp;amp;b</v></c><c r="F20" t="str"><f>""</f><v></v></c><c r="G20" t="n"><v>1.5E3</v></c></row>' +
          (end ?? ""),
      ),
    );
    bytes = patchPart(bytes, "xl/sharedStrings.xml", (xml) => xml.replace(/<t>复议/, "<t>第_x0031_条 复议").replace(/(<t>富<\/t><\/r>)/, '$1<rPh sb="0" eb="1"><t>fu</t></rPh>'));
    const out = await expectSameSnapshots(bytes);
    if (!out.ok) throw new Error(out.reason);
    expect(out.sheets[0].values[19].slice(0, 7)).toEqual([" 前后有空格 ", "富\r行", "", "", "a&b", "", 1500]);
  });

  it("refuses what ExcelJS refuses: merged ranges that overlap", async () => {
    const bytes = patchPart(await pack(everyKindOfCell()), "xl/worksheets/sheet1.xml", (xml) => xml.replace("</mergeCells>", '<mergeCell ref="F2:G3"/></mergeCells>'));
    const out = await expectSameSnapshots(bytes);
    expect(out).toEqual({ ok: false, reason: "damaged" });
  });

  it("reads sheets of cells written at random (odd ones included) as ExcelJS does, wherever ExcelJS reads them", async () => {
    const base = await pack(everyKindOfCell());
    const styles = (partText(base, "xl/styles.xml").match(/<xf /g) ?? []).length;
    const strings = (partText(base, "xl/sharedStrings.xml").match(/<si>/g) ?? []).length;
    let compared = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const xml = randomSheetData(seededRandom(seed), styles, strings);
      const bytes = patchPart(base, "xl/worksheets/sheet1.xml", (sheet) => sheet.replace(/<sheetData>[\s\S]*<\/mergeCells>/, xml));
      const expected = await throughExcelJS(bytes);
      // Where ExcelJS fails on what the schema allows (a row without its number, a first cell without its
      // address, a shared formula moved off the sheet), the reader may read on: nothing to compare.
      if (!expected.ok) continue;
      compared++;
      const actual = throughXml(bytes);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) expect({ seed, xml, actual }).toEqual({ seed, xml, actual: expected });
    }
    expect(compared).toBeGreaterThan(250);
  });

  it("reads the same files saved again by LibreOffice as ExcelJS reads them", async () => {
    if (!sofficeAvailable()) {
      if (requireOracle) throw new Error("LibreOffice (soffice) is required in CI");
      return;
    }
    const files = [
      ["templates.xlsx", await pack(await buildReportsWorkbook(allReports))],
      ["cells.xlsx", await pack(everyKindOfCell())],
    ] as const;
    for (const [name, bytes] of files) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const saved = readFileSync(recalculate(file));
      const out = await expectSameSnapshots(saved);
      expect(out.ok).toBe(true);
    }
  }, 120_000);
});

/**
 * Rows and cells as any program might write them, in order: numbered or not, hidden or not;
 * cells of every type, with or without a value, a style (existing or not), a formula (plain, shared,
 * array, empty), an inline string (plain or rich); and merged ranges, now and then overlapping (which
 * both refuse).
 */
function randomSheetData(rand: () => number, styles: number, strings: number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const letters = "ABCDEFGH";
  let xml = "<sheetData>";
  let row = 0;
  for (let i = 0, rows = 1 + Math.floor(rand() * 12); i < rows; i++) {
    row += 1 + Math.floor(rand() * 2);
    const number = rand() < 0.02 ? "" : ` r="${row}"`;
    xml += `<row${number}${rand() < 0.15 ? ' hidden="1"' : ""}>`;
    // Each row's cells in the order of their columns, as the schema wants them.
    const columns = [...letters].filter(() => rand() < 0.4);
    for (const column of columns) {
      const address = rand() < 0.03 ? "" : ` r="${column}${row}"`;
      const t = pick([undefined, undefined, "n", "s", "str", "inlineStr", "b", "e", "d", "x"]);
      const s = pick([undefined, undefined, "0", String(1 + Math.floor(rand() * (styles - 1))), "99"]);
      const attrs = `${address}${t ? ` t="${t}"` : ""}${s ? ` s="${s}"` : ""}`;
      // A shared string's index exists but now and then (which both refuse).
      const v =
        t === "s" && rand() < 0.9
          ? `<v>${Math.floor(rand() * strings)}</v>`
          : pick(["", `<v>${Math.floor(rand() * 50000)}</v>`, "<v>1.5E3</v>", "<v></v>", "<v>abc</v>", "<v>a&amp;amp;b</v>", `<v>${strings + 1}</v>`, "<v>1</v>", "<v>#N/A</v>", "<v>2024-02-29</v>"]);
      const si = Math.floor(rand() * 3);
      const f = pick(["", "", "<f>A1+1</f>", `<f t="shared" ref="A1:C9" si="${si}">H20*2</f>`, `<f t="shared" si="${si}"/>`, '<f t="array" ref="B1">SUM(A1:A3)</f>', "<f/>", "<f>_xlfn.CONCAT(\"a\",A1)</f>"]);
      const is = t === "inlineStr" ? pick(["", "<is><t>文字</t></is>", "<is><r><t>富</t></r><r><t>_x0041_</t></r></is>"]) : "";
      const body = f + (t === "inlineStr" && is ? is : v);
      xml += body ? `<c${attrs}>${body}</c>` : `<c${attrs}/>`;
    }
    xml += "</row>";
  }
  xml += "</sheetData>";
  const merges: string[] = [];
  for (let i = 0, n = Math.floor(rand() * 2.5); i < n; i++) {
    const top = 1 + Math.floor(rand() * 10);
    const left = Math.floor(rand() * 6);
    merges.push(`<mergeCell ref="${letters[left]}${top}:${letters[left + 1 + Math.floor(rand() * 2)]}${top + Math.floor(rand() * 2)}"/>`);
  }
  return `${xml}<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>`;
}
