/**
 * The command line unpacks and packs workbooks with Node's zlib, the pane and the workbench with pako:
 * the same workbook must read the same either way, and a hostile package must fail the same way.
 */
import { deflateRawSync } from "node:zlib";
import type * as ExcelJS from "exceljs";
import { openWorkbook, snapshotWorkbook, toBuffer, XlsxReadError } from "../../src/adapters/xlsx";
import { guardPackage } from "../../src/adapters/xlsx/package-guard";
import { packWorkbook } from "../../src/adapters/xlsx/pack-workbook";
import { readCentralDirectory } from "../../src/adapters/xlsx/zip/central-directory";
import { crc32 } from "../../src/adapters/xlsx/zip/crc32";
import type { ZipCodec } from "../../src/adapters/xlsx/zip/codec";
import { inflateWhole } from "../../src/adapters/xlsx/zip/inflate-entry";
import { writeZip } from "../../src/adapters/xlsx/zip/write-zip";
import { nativeZip } from "../../src/cli/native-zip";
import { buildReportsWorkbook } from "../fixtures/build-workbook";
import { rongchang2024 } from "../fixtures/reports";

const MiB = 1024 * 1024;
const AT = new Date("2025-03-01T08:00:00Z");

/** Every part of a package, unpacked, by name (JSZip's empty folder entries, which hold nothing, left out). */
function parts(pkg: Uint8Array, codec?: ZipCodec): Map<string, string> {
  const files = readCentralDirectory(pkg).filter((e) => !e.name.endsWith("/"));
  return new Map(files.map((e) => [e.name, Buffer.from(inflateWhole(pkg, e, codec)).toString("utf8")]));
}

const PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

async function reason(bytes: Uint8Array, codec?: ZipCodec): Promise<string> {
  try {
    await openWorkbook(bytes, "bad.xlsx", { codec });
  } catch (e) {
    if (e instanceof XlsxReadError) return `${e.reason}: ${e.detail ?? ""}`;
    throw e;
  }
  throw new Error("expected the read to fail");
}

describe("Node's zlib as the xlsx adapter's codec", () => {
  test("a workbook packed by zlib holds the same parts as ExcelJS's own writer packed by pako, deflated, and reads the same", async () => {
    const wb = await buildReportsWorkbook([rongchang2024]);
    // Everything ExcelJS's writer adds, notes and images (given as bytes and as base64) included.
    const ws = wb.worksheets[0];
    ws.getCell("K1").note = "填报人：张三";
    ws.addImage(wb.addImage({ base64: `data:image/png;base64,${PIXEL}`, extension: "png" }), "K2:L3");
    ws.addImage(wb.addImage({ buffer: Buffer.from(PIXEL, "base64") as unknown as ExcelJS.Buffer, extension: "png" }), "K4:L5");
    wb.addWorksheet("附表").addTable({ name: "附表1", ref: "A1", headerRow: true, columns: [{ name: "区县" }, { name: "件数" }], rows: [["荣昌区", 337]] });
    // Cells without a style of their own: a text first, then dates, which ExcelJS alone gives a date format.
    const dates = wb.addWorksheet("报出日期");
    dates.getCell("A1").value = "报出日期";
    dates.getCell("A2").value = new Date(Date.UTC(2025, 0, 20));
    dates.getCell("A3").value = { formula: "A2+1", result: new Date(Date.UTC(2025, 0, 21)) };
    dates.getCell("A4").value = 337;
    const byPako = await toBuffer(wb, AT);
    const byZlib = await packWorkbook(wb, nativeZip, AT);
    expect(parts(byZlib)).toEqual(parts(byPako));
    expect(parts(byZlib).get("xl/worksheets/sheet3.xml")).toMatch(/<c r="A2" s="(\d+)"><v>45677<\/v><\/c><\/row><row [^>]*><c r="A3" s="\1">/);
    const sheet = readCentralDirectory(byZlib).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(sheet.method).toBe(8);
    expect(sheet.compressedSize).toBeLessThan(sheet.size / 4);
    expect([...parts(byZlib).keys()]).toEqual(expect.arrayContaining(["xl/comments1.xml", "xl/media/image1.png", "xl/media/image2.png", "xl/tables/table1.xml"]));
    // Reproducible: the same workbook at the same time is the same bytes.
    expect(Buffer.compare(await packWorkbook(wb, nativeZip, AT), byZlib)).toBe(0);

    const [pako] = snapshotWorkbook(await openWorkbook(byPako));
    const [zlib] = snapshotWorkbook(await openWorkbook(byZlib, "(buffer)", { codec: nativeZip }));
    expect(zlib).toEqual(pako);
    expect(zlib.values.flat()).toContain("荣昌区");
  });

  test("the guard hands ExcelJS every part as it unpacked it (with the text it decoded), and a large unneeded sheet as a stand-in", async () => {
    const wb = await buildReportsWorkbook([rongchang2024]);
    const data = wb.addWorksheet("原始数据");
    for (let r = 1; r <= 8000; r++) data.addRow(Array.from({ length: 20 }, (_, c) => r * 100 + c));
    const bytes = await packWorkbook(wb, nativeZip, AT);
    for (const codec of [undefined, nativeZip]) {
      const guarded = guardPackage(bytes, { scope: "needed", codec });
      expect(guarded.skippedSheets).toEqual(["原始数据"]);
      expect(guarded.parts.map((p) => p.method)).toEqual(guarded.parts.map(() => 0));
      const original = parts(bytes, codec);
      const handed = new Map(guarded.parts.map((p) => [p.name, Buffer.from(p.data).toString("utf8")]));
      expect([...handed.keys()]).toEqual([...original.keys()]);
      expect(handed.get("xl/worksheets/sheet1.xml")).toBe(original.get("xl/worksheets/sheet1.xml"));
      expect(handed.get("xl/sharedStrings.xml")).toBe(original.get("xl/sharedStrings.xml"));
      expect(guarded.parts.find((p) => p.name === "xl/sharedStrings.xml")?.text).toBe(original.get("xl/sharedStrings.xml"));
      expect(handed.get("xl/worksheets/sheet2.xml")).not.toContain("<row");
      expect(original.get("xl/worksheets/sheet2.xml")).toContain('<row r="8000"');
    }
  });

  test("a part that unpacks past its declared size, a damaged one and a truncated package fail as with pako", async () => {
    const zeros = new Uint8Array(40 * MiB);
    const liar = writeZip([{ name: "xl/worksheets/sheet1.xml", method: 8, crc32: crc32(zeros), size: 1000, data: deflateRawSync(zeros), time: 0, date: 0x21 }]);
    expect(await reason(liar, nativeZip)).toBe('damaged: "xl/worksheets/sheet1.xml" unpacks to more than the 1000 bytes it declares');
    expect(await reason(liar)).toBe(await reason(liar, nativeZip));

    const short = writeZip([{ name: "xl/worksheets/sheet1.xml", method: 8, crc32: 0, size: 5000, data: deflateRawSync(new Uint8Array(10)), time: 0, date: 0x21 }]);
    expect(await reason(short, nativeZip)).toBe('damaged: "xl/worksheets/sheet1.xml" unpacks to 10 bytes, not the 5000 it declares');

    const good = await toBuffer(await buildReportsWorkbook([rongchang2024]));
    const garbled = Buffer.concat([good.subarray(0, 2000), Buffer.alloc(3000, 7), good.subarray(5000)]);
    expect(await reason(garbled, nativeZip)).toMatch(/^damaged: /);
    expect(await reason(good.subarray(0, good.length - 100), nativeZip)).toMatch(/^damaged: /);
  });
});
