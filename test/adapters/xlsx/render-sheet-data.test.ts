/**
 * The command line renders worksheets' rows and cells and their data validations itself
 * (`sheetDataRenderer`, `dataValidationsRenderer`): every kind must come out as the bytes ExcelJS's own
 * writer gives.
 */
import type * as ExcelJS from "exceljs";
import { toBuffer } from "../../../src/adapters/xlsx";
import { Workbook } from "../../../src/adapters/xlsx/exceljs";
import { packWorkbook } from "../../../src/adapters/xlsx/pack-workbook";
import { dataValidationsOf } from "../../../src/adapters/xlsx/validation";
import { readCentralDirectory } from "../../../src/adapters/xlsx/zip/central-directory";
import { inflateWhole } from "../../../src/adapters/xlsx/zip/inflate-entry";
import { nativeZip } from "../../../src/cli/native-zip";

const AT = new Date("2025-03-01T08:00:00Z");

function parts(pkg: Uint8Array): Map<string, string> {
  const files = readCentralDirectory(pkg).filter((e) => !e.name.endsWith("/"));
  return new Map(files.map((e) => [e.name, Buffer.from(inflateWhole(pkg, e, nativeZip)).toString("utf8")]));
}

/** One sheet holding every kind of value, formula and row ExcelJS writes. */
function everyKind(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("各类单元格");
  const values: [string, ExcelJS.CellValue][] = [
    ["A1", 337],
    ["A2", -0.944444],
    ["A3", 1e-7],
    ["A4", 1e21],
    ["A5", "荣昌区 <b> & \"引号\" 'x'"],
    ["A6", "控制\u0001字符\u007f"],
    ["A7", true],
    ["A8", false],
    ["A9", { error: "#N/A" }],
    ["A10", new Date(Date.UTC(2024, 11, 31))],
    ["A11", { richText: [{ text: "行政" }, { font: { bold: true }, text: "复议" }] }],
    ["A12", { text: "司法局", hyperlink: "https://example.org/?a=1&b=2" }],
    ["B1", { formula: 'IF(A1>0,"有","")' } as ExcelJS.CellFormulaValue],
    ["B2", { formula: "A1&\"件\"", result: "337件 <\"&'>\u0001" }],
    ["B3", { formula: "A1*2", result: 674 }],
    ["B4", { formula: "A1>0", result: true }],
    ["B5", { formula: "1/0", result: { error: "#DIV/0!" } }],
    ["B6", { formula: "A10+1", result: new Date(Date.UTC(2025, 0, 1)) }],
    ["C1", { formula: "A1+1", result: 338 }],
    ["C2", { sharedFormula: "C1", result: 0 }],
    ["C3", { sharedFormula: "C1", result: 2 }],
    ["D1", { formula: "A1:A2*2", result: 674, shareType: "array", ref: "D1:D2" } as ExcelJS.CellValue],
  ];
  for (const [address, value] of values) ws.getCell(address).value = value;
  // Empty cells with a style of their own, and a merged area (its other cells are of the merge kind).
  ws.getCell("E1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
  ws.getCell("E2").border = { top: { style: "thin" } };
  ws.mergeCells("F1:G2");
  ws.getCell("F1").value = "合并";
  // Rows: tall, hidden, outlined (the deepest level shows as collapsed), styled, and one with nothing but a height.
  ws.getRow(3).height = 31.5;
  ws.getRow(4).hidden = true;
  ws.getRow(5).outlineLevel = 1;
  ws.getRow(6).outlineLevel = 2;
  ws.getRow(7).font = { bold: true };
  ws.getRow(20).height = 12;
}

/** Drop-downs and input rules of every kind, on ranges and on single cells, some of which ExcelJS joins. */
function everyValidation(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet("输入规则");
  const dvs = dataValidationsOf(ws);
  const count: ExcelJS.DataValidation = { type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0], showErrorMessage: true, errorStyle: "warning", error: "请填写 ≥ 0 的整数" };
  dvs.add("B4:C40", { ...count, showInputMessage: true, promptTitle: "行政复议 <案件> & \"数\"", prompt: "单位：件" });
  dvs.add("D4:D40", { type: "decimal", operator: "between", allowBlank: true, formulae: [0, 1], showErrorMessage: true, errorStyle: "stop", errorTitle: "比率", error: "0–100%" });
  dvs.add("E2", { type: "list", allowBlank: true, formulae: ['"是,否"'] });
  dvs.add("E3", { type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(2024, 0, 1))] });
  dvs.add("E5", { type: "custom", formulae: ["LEN(E5)<10"] });
  dvs.add("E6", { type: "any", showInputMessage: true, prompt: "说明" } as unknown as ExcelJS.DataValidation);
  dvs.add("E7", { type: "textLength", operator: "lessThan", formulae: [20] });
  // Equal by value, unequal as JSON (keys in another order), placed diagonally: Huishen's compaction keeps
  // the four apart; ExcelJS sorts "F10" before "F9", grows each down and across, and overlaps them.
  const reordered = { formulae: [0], allowBlank: true, type: "whole", operator: "greaterThanOrEqual", showErrorMessage: true, errorStyle: "warning", error: count.error };
  for (const [address, dv] of [["F9", count], ["F10", reordered], ["G9", reordered], ["G10", count]] as const) dvs.add(address, { ...dv } as ExcelJS.DataValidation);
  return ws;
}

describe("rows and cells rendered by the command line", () => {
  test("every kind of cell and row is the bytes ExcelJS writes, in a workbook dated from 1900 and one from 1904", async () => {
    for (const date1904 of [false, true]) {
      const wb = new Workbook();
      wb.properties.date1904 = date1904;
      everyKind(wb);
      everyValidation(wb);
      const ours = parts(await packWorkbook(wb, nativeZip, AT));
      const theirs = parts(await toBuffer(wb, AT));
      const sheet = ours.get("xl/worksheets/sheet1.xml")!;
      expect(sheet).toBe(theirs.get("xl/worksheets/sheet1.xml"));
      expect(ours).toEqual(theirs);
      // What the comparison covered: escapes, each value and result kind, shared and array formulas, rows' attributes.
      for (const piece of [
        '<c r="A3"><v>1e-7</v></c>',
        "<v>1e+21</v>",
        '<c r="A8" t="b"><v>0</v></c>',
        '<c r="A9" t="e"><v>#N/A</v></c>',
        `<v>${date1904 ? 44195 : 45657}</v>`,
        '<f>IF(A1&gt;0,&quot;有&quot;,&quot;&quot;)</f></c>',
        't="str"><f>A1&amp;&quot;件&quot;</f><v>337件 &lt;&quot;&amp;&apos;&gt;</v>',
        't="b"><f>A1&gt;0</f><v>1</v>',
        't="e"><f>1/0</f><v>#DIV/0!</v>',
        '<f t="shared" ref="C1:C3" si="0">A1+1</f>',
        '<c r="C2"><f t="shared" si="0"/><v>0</v></c>',
        '<f t="array" ref="D1:D2">A1:A2*2</f>',
        'ht="31.5" customHeight="1"',
        'hidden="1"',
        'outlineLevel="2" collapsed="1"',
        'customFormat="1"',
        '<row r="20" ht="12" customHeight="1" x14ac:dyDescent="0.25"/>',
      ]) {
        expect(sheet).toContain(piece);
      }
    }
  });

  test("data validations of every kind, joined where ExcelJS joins them, are the bytes ExcelJS writes", async () => {
    const wb = new Workbook();
    everyValidation(wb);
    const ours = parts(await packWorkbook(wb, nativeZip, AT));
    const sheet = ours.get("xl/worksheets/sheet1.xml")!;
    expect(sheet).toBe(parts(await toBuffer(wb, AT)).get("xl/worksheets/sheet1.xml"));
    for (const piece of [
      '<dataValidations count="9">',
      'promptTitle="行政复议 &lt;案件&gt; &amp; &quot;数&quot;" prompt="单位：件"',
      'operator="greaterThanOrEqual"',
      '<dataValidation type="decimal" allowBlank="1" showErrorMessage="1" errorStyle="stop" errorTitle="比率" error="0–100%" sqref="D4:D40"><formula1>0</formula1><formula2>1</formula2></dataValidation>',
      "<formula1>&quot;是,否&quot;</formula1>",
      "<formula1>45292</formula1>",
      '<dataValidation showInputMessage="1" prompt="说明" sqref="E6"/>',
      'sqref="F10:G10"',
      'sqref="F9:G10"',
    ]) {
      expect(sheet).toContain(piece);
    }
  });

  test("a sheet without rows writes an empty sheetData, as ExcelJS does", async () => {
    const wb = new Workbook();
    wb.addWorksheet("空表");
    const ours = parts(await packWorkbook(wb, nativeZip, AT));
    expect(ours.get("xl/worksheets/sheet1.xml")).toContain("<sheetData/>");
    expect(ours).toEqual(parts(await toBuffer(wb, AT)));
  });
});
