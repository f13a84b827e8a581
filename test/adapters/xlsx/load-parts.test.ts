/**
 * The command line hands ExcelJS the parts the package guard unpacked (`loadParts`) where the pane
 * packs them again for ExcelJS's own `load`: every workbook must come out the same either way, from
 * ExcelJS's writer and from another program's.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type * as ExcelJS from "exceljs";
import { openWorkbook, snapshotWorkbook, toBuffer, XlsxReadError } from "../../../src/adapters/xlsx";
import { Workbook } from "../../../src/adapters/xlsx/exceljs";
import { loadParts } from "../../../src/adapters/xlsx/load-parts";
import { guardPackage } from "../../../src/adapters/xlsx/package-guard";
import { buildReportsWorkbook } from "../../fixtures/build-workbook";
import { rongchang2024, yuzhong2023 } from "../../fixtures/reports";
import { recalculate, requireOracle, sofficeAvailable } from "../../helpers/libreoffice";
import { patchPart } from "../../helpers/patch-xlsx";
import { noteText, tempDir } from "./helpers";

const PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/** A workbook with much of what ExcelJS reads: a note, an image, a table, merges, drop-downs, conditional formats, a defined name, dates, links, rich text. */
async function everything(): Promise<Uint8Array> {
  const wb = await buildReportsWorkbook([rongchang2024, yuzhong2023]);
  const ws = wb.worksheets[0];
  ws.getCell("K1").value = "填报人";
  ws.getCell("K1").note = "填报人：张三";
  ws.addImage(wb.addImage({ base64: `data:image/png;base64,${PIXEL}`, extension: "png" }), "K2:L3");
  ws.getCell("K5").value = new Date(Date.UTC(2024, 11, 31));
  ws.getCell("K6").value = { text: "司法局", hyperlink: "https://example.org/" };
  ws.getCell("K7").value = { richText: [{ text: "行政" }, { font: { bold: true }, text: "复议" }] };
  ws.mergeCells("K8:L9");
  ws.getCell("M1").dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
  ws.addConditionalFormatting({ ref: "F4:F40", rules: [{ type: "cellIs", operator: "lessThan", formulae: ["0"], priority: 1, style: { font: { color: { argb: "FFFF0000" } } } }] });
  wb.definedNames.add(`'${ws.name}'!$F$4`, "本年受理");
  const extra = wb.addWorksheet("附表", { views: [{ state: "frozen", ySplit: 1 }] });
  extra.addTable({ name: "附表1", ref: "A1", headerRow: true, columns: [{ name: "区县" }, { name: "件数" }], rows: [["荣昌区", 337]] });
  return toBuffer(wb);
}

async function bothWays(bytes: Uint8Array): Promise<[ExcelJS.Workbook, ExcelJS.Workbook]> {
  return [await openWorkbook(bytes, "(buffer)", { scope: "all" }), await openWorkbook(bytes, "(buffer)", { scope: "all", loader: loadParts })];
}

/** What ExcelJS holds of a workbook, everything it would write back. */
const modelOf = (wb: ExcelJS.Workbook) => (wb as unknown as { model: unknown }).model;

async function failure(bytes: Uint8Array, loader?: typeof loadParts): Promise<string> {
  try {
    await openWorkbook(bytes, "bad.xlsx", { loader });
  } catch (e) {
    if (e instanceof XlsxReadError) return e.reason;
    throw e;
  }
  throw new Error("expected the read to fail");
}

describe("loadParts: the unpacked parts given to ExcelJS's parsers as they are", () => {
  test("a workbook ExcelJS wrote, with a note, an image, a table, merges, drop-downs and dates, is the same model as through `load`", async () => {
    const [viaLoad, viaParts] = await bothWays(await everything());
    expect(modelOf(viaParts)).toEqual(modelOf(viaLoad));
    const ws = viaParts.worksheets[0];
    // What the model holds, not only that it is equal.
    expect(noteText(ws.getCell("K1"))).toBe("填报人：张三");
    expect(viaParts.model.media).toHaveLength(1);
    expect(ws.getCell("M1").dataValidation?.type).toBe("list");
    expect(ws.getCell("L9").isMerged).toBe(true);
    expect(ws.getCell("K5").value).toEqual(new Date(Date.UTC(2024, 11, 31)));
    expect(viaParts.worksheets[2].getTable("附表1")).toBeDefined();
    expect(snapshotWorkbook(viaParts)[0].values.flat()).toContain("荣昌区");
  });

  test("a part that begins with a byte order mark, and a theme that does, read as through `load`", async () => {
    let bytes = await everything();
    bytes = patchPart(bytes, "xl/worksheets/sheet1.xml", (xml) => `\uFEFF${xml}`);
    bytes = patchPart(bytes, "xl/theme/theme1.xml", (xml) => `\uFEFF${xml}`);
    const [viaLoad, viaParts] = await bothWays(bytes);
    expect(modelOf(viaParts)).toEqual(modelOf(viaLoad));
  });

  test("a large sheet reaches the parser in 16 KiB pieces, as through `load` (whole, its events were all held at once)", async () => {
    const wb = new Workbook();
    const x = wb.xlsx as unknown as { _processWorksheetEntry: (chunks: Iterable<string>, ...rest: unknown[]) => Promise<void> };
    const parse = x._processWorksheetEntry.bind(x);
    const pieces: number[] = [];
    x._processWorksheetEntry = (chunks, ...rest) => {
      const list = [...chunks];
      pieces.push(...list.map((c) => c.length));
      return parse(list, ...rest);
    };
    await loadParts(wb, guardPackage(await everything(), { scope: "all" }).parts);
    expect(Math.max(...pieces)).toBe(16 * 1024);
    expect(pieces.filter((n) => n === 16 * 1024).length).toBeGreaterThan(2);
  });

  test("a part whose XML cannot be parsed is damaged either way", async () => {
    const bytes = patchPart(await toBuffer(await buildReportsWorkbook([rongchang2024])), "xl/worksheets/sheet1.xml", (xml) => xml.replace("<sheetData>", "<sheetData><row"));
    expect(await failure(bytes, loadParts)).toBe("damaged");
    expect(await failure(bytes)).toBe("damaged");
  });

  const available = sofficeAvailable();
  (available || requireOracle ? test : test.skip)("a workbook LibreOffice saved (its own styles, shared strings and theme) is the same model as through `load`", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, "原表.xlsx");
      writeFileSync(file, await everything());
      const [viaLoad, viaParts] = await bothWays(readFileSync(recalculate(file)));
      expect(modelOf(viaParts)).toEqual(modelOf(viaLoad));
      expect(snapshotWorkbook(viaParts)[0].values.flat()).toContain("荣昌区");
    } finally {
      cleanup();
    }
  }, 120_000);
});
