import { readFileSync, writeFileSync } from "node:fs";
import { openWorkbook, snapshotWorkbook, toBuffer } from "../../../src/adapters/xlsx";
import { addressOf } from "../../../src/core/grid";
import { readTemplateSheet } from "../../../src/core/sheet/read-template";
import { builtinRegistry } from "../../../src/core/template/registry";
import { buildReportsWorkbook } from "../../fixtures/build-workbook";
import { rongchang2024 } from "../../fixtures/reports";
import { patchPart } from "../../helpers/patch-xlsx";
import { run, scratch } from "./run-cli";

const path = scratch("huishen-misreads-");

interface JsonFinding {
  code: string;
  severity: string;
  codes: string[];
  cells: string[];
  message: string;
}

/** 荣昌 2024 typed into the template, with `edit` applied to its sheet; validate --json's findings on `code`. */
async function findingsAfter(name: string, edit: (wb: import("exceljs").Workbook, cellOf: (code: string, col?: "thisYear" | "lastYear") => string) => void, xml?: (sheetXml: string, cellOf: (code: string, col?: "thisYear" | "lastYear") => string) => string) {
  const wb = await buildReportsWorkbook([rongchang2024]);
  const read = readTemplateSheet(snapshotWorkbook(wb)[0], builtinRegistry());
  if (!read.ok) throw new Error("template not read");
  const cellOf = (code: string, col: "thisYear" | "lastYear" = "thisYear") => addressOf(read.value.entries.get(code)!.row, read.value.columns[col]);
  edit(wb, cellOf);
  let bytes: Uint8Array = await toBuffer(wb);
  if (xml) bytes = patchPart(bytes, "xl/worksheets/sheet1.xml", (s) => xml(s, cellOf));
  const file = path(`${name}.xlsx`);
  writeFileSync(file, bytes);
  const r = await run("validate", file, "--json");
  const json = JSON.parse(r.out) as { findings: JsonFinding[] };
  return { code: r.code, findings: json.findings, file, cellOf };
}

const setCell = (xml: string, address: string, cell: string) => {
  const re = new RegExp(`<c r="${address}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
  expect(xml).toMatch(re);
  return xml.replace(re, cell);
};

describe("no silent misreads: each odd cell gets a finding naming it", () => {
  test("a date typed into a count cell is an error, not the serial number 45,306", async () => {
    const { findings } = await findingsAfter("date", (wb, cellOf) => {
      const c = wb.worksheets[0].getCell(cellOf("E01"));
      c.value = new Date(Date.UTC(2024, 0, 15));
      c.numFmt = "yyyy/m/d";
    });
    const f = findings.find((x) => x.codes[0] === "E01" && x.code === "value.unparsable")!;
    expect(f.severity).toBe("error");
    expect(f.message).toContain("填写的是日期“2024-01-15”");
  });

  test("a date-typed XML cell (t=\"d\") is an error, not the year 2,024", async () => {
    const { findings } = await findingsAfter("date-typed", () => undefined, (xml, cellOf) => setCell(xml, cellOf("E01"), `<c r="${cellOf("E01")}" t="d"><v>2024-01-15T00:00:00</v></c>`));
    const f = findings.find((x) => x.codes[0] === "E01" && x.code === "value.unparsable")!;
    expect([f.severity, f.message]).toEqual(["error", expect.stringContaining("日期“2024-01-15”")]);
  });

  test("a merge over input cells is an error naming the range, and the value under it is still read", async () => {
    let range = "";
    const { findings, file, cellOf } = await findingsAfter("merged", () => undefined, (xml, cellOf) => {
      range = `${cellOf("E02")}:${cellOf("E02", "lastYear")}`;
      const withValue = setCell(xml, cellOf("E02", "lastYear"), `<c r="${cellOf("E02", "lastYear")}"><v>271</v></c>`);
      return withValue.includes("<mergeCells") ? withValue.replace(/<mergeCells count="\d+">/, `$&<mergeCell ref="${range}"/>`) : withValue.replace("</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="${range}"/></mergeCells>`);
    });
    const f = findings.find((x) => x.code === "sheet.mergedInput")!;
    expect(f.severity).toBe("error");
    expect(f.message).toContain(`合并单元格 ${range} 覆盖了`);
    // The hidden last-year value is read, not taken as "not reported".
    const sheet = snapshotWorkbook(await openWorkbook(readFileSync(file)))[0];
    const at = sheet.values.findIndex((row) => row.includes("E02"));
    const read = readTemplateSheet(sheet, builtinRegistry());
    expect(read.ok && read.value.entries.get("E02")!.lastYear).toMatchObject({ status: "value", value: 271 });
    expect(at).toBeGreaterThan(0);
    expect(cellOf("E02")).toMatch(/^E\d+$/);
  });

  test("a formula saved without its result is a warning asking to recalculate", async () => {
    const { findings, cellOf } = await findingsAfter("uncached", () => undefined, (xml, cellOf) => setCell(xml, cellOf("E01"), `<c r="${cellOf("E01")}"><f>300+37</f></c>`));
    const f = findings.find((x) => x.code === "value.uncachedFormula")!;
    expect(f.severity).toBe("warning");
    expect(f.cells).toEqual([expect.stringContaining(cellOf("E01"))]);
    expect(f.message).toContain("重新计算（F9）后保存");
  });

  test("invisible characters are removed with an info finding; more than 15 significant digits is an error", async () => {
    const { findings } = await findingsAfter("chars", (wb, cellOf) => {
      wb.worksheets[0].getCell(cellOf("E01")).value = "337\u200b";
      wb.worksheets[0].getCell(cellOf("E02")).value = "1\u200b046";
      wb.worksheets[0].getCell(cellOf("D01")).value = "123456789012345678901234567890";
    });
    const invisible = findings.filter((x) => x.code === "value.invisibleCharacters");
    expect(invisible.map((x) => [x.severity, x.codes[0]])).toEqual([
      ["info", "E01"],
      ["info", "E02"],
    ]);
    expect(invisible[1].message).toContain("按 1,046");
    const digits = findings.find((x) => x.codes[0] === "D01" && x.code === "value.unparsable")!;
    expect([digits.severity, digits.message]).toEqual(["error", expect.stringContaining("15 位有效数字")]);
  });
});
