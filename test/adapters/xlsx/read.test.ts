import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { randomBytes } from "crypto";
import { deflateRawSync } from "zlib";
import * as ExcelJS from "exceljs";
import { openWorkbook, snapshotSheet, snapshotWorkbook, toBuffer, XlsxReadError } from "../../../src/adapters/xlsx";
import { openWorkbookFile } from "../../../src/cli/workbook-files";
import { tempDir } from "./helpers";
import { patchPart } from "../../helpers/patch-xlsx";

/** Build with ExcelJS, save, read back: the snapshot sees what a file gives, not the in-memory model. */
async function roundTrip(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("S"), wb);
  return openWorkbook(await toBuffer(wb));
}

describe("snapshotSheet: values as Excel's Range.values gives them", () => {
  test("a formula with an error result reads as the error text", async () => {
    const wb = await roundTrip((ws) => {
      ws.getCell("A1").value = 1;
      ws.getCell("A2").value = 0;
      ws.getCell("A3").value = { formula: "A1/A2", result: { error: "#DIV/0!" } };
      ws.getCell("A4").value = { error: "#N/A" };
    });
    const s = snapshotSheet(wb.worksheets[0]);
    expect(s.values[2][0]).toBe("#DIV/0!");
    expect(s.formulas![2][0]).toBe("=A1/A2");
    expect(s.values[3][0]).toBe("#N/A");
  });

  test("rich text reads as its plain text; a hyperlink as its text", async () => {
    const wb = await roundTrip((ws) => {
      ws.getCell("A1").value = { richText: [{ text: "行政" }, { font: { bold: true }, text: "复议" }, { text: "案件" }] };
      ws.getCell("A2").value = { text: "说明文档", hyperlink: "https://example.org/" };
    });
    const s = snapshotSheet(wb.worksheets[0]);
    expect(s.values[0][0]).toBe("行政复议案件");
    expect(s.values[1][0]).toBe("说明文档");
  });

  test("a date cell reads as a Date", async () => {
    const wb = await roundTrip((ws) => {
      ws.getCell("A1").value = new Date(Date.UTC(2024, 11, 31));
      ws.getCell("A1").numFmt = "yyyy-mm-dd";
    });
    const v = snapshotSheet(wb.worksheets[0]).values[0][0];
    expect(v).toBeInstanceOf(Date);
    expect((v as Date).toISOString()).toBe("2024-12-31T00:00:00.000Z");
  });

  test("a date-typed XML cell (t=\"d\") gets a date format of its own: cells sharing its style keep theirs", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    // One style for both cells: ExcelJS writes them with the same s="…", and loads them sharing one style object.
    for (const a of ["A1", "A2"]) {
      ws.getCell(a).value = 5;
      ws.getCell(a).font = { bold: true };
    }
    const bytes = patchPart(await toBuffer(wb), "xl/worksheets/sheet1.xml", (xml) => xml.replace(/<c r="A1"( s="\d+")?[^>]*>[\s\S]*?<\/c>/, '<c r="A1"$1 t="d"><v>2024-01-15T00:00:00</v></c>'));
    const read = (await openWorkbook(bytes)).worksheets[0];
    expect(read.getCell("A1").value).toEqual(new Date(Date.UTC(2024, 0, 15)));
    expect(read.getCell("A1").numFmt).toBe("yyyy-mm-dd");
    expect([read.getCell("A2").value, read.getCell("A2").numFmt, read.getCell("A2").font?.bold]).toEqual([5, undefined, true]);
  });

  test("hidden rows are listed (0-based)", async () => {
    const wb = await roundTrip((ws) => {
      for (let r = 1; r <= 6; r++) ws.getCell(`A${r}`).value = r;
      ws.getRow(3).hidden = true;
      ws.getRow(5).hidden = true;
    });
    expect(snapshotSheet(wb.worksheets[0]).hiddenRows).toEqual([2, 4]);
  });

  test("shared formulas resolve per cell; cached 0, false and text results are kept", async () => {
    const wb = await roundTrip((ws) => {
      [1, 2, 0].forEach((v, i) => (ws.getCell(`A${i + 1}`).value = v));
      // ExcelJS's typings leave out shareType/ref, which it reads and writes.
      ws.getCell("B1").value = { formula: "A1*2", result: 2, shareType: "shared", ref: "B1:B3" } as ExcelJS.CellFormulaValue;
      ws.getCell("B2").value = { sharedFormula: "B1", result: 4 };
      ws.getCell("B3").value = { sharedFormula: "B1", result: 0 };
      ws.getCell("C1").value = { formula: "A1>5", result: false };
      ws.getCell("C2").value = { formula: 'IF(A2>1,"高","低")', result: "高" };
    });
    const s = snapshotSheet(wb.worksheets[0]);
    expect(s.formulas!.map((r) => r[1])).toEqual(["=A1*2", "=A2*2", "=A3*2"]);
    expect(s.values.map((r) => r[1])).toEqual([2, 4, 0]);
    expect(s.values[0][2]).toBe(false);
    expect(s.values[1][2]).toBe("高");
    expect(s.formulas![1][2]).toBe('=IF(A2>1,"高","低")');
  });

  test("_xlfn. prefixes are hidden as Excel hides them, but not inside text", async () => {
    const wb = await roundTrip((ws) => {
      ws.getCell("A1").value = 3;
      ws.getCell("B1").value = { formula: "_xlfn.RANK.EQ(A1,A1:A1)", result: 1 };
      ws.getCell("C1").value = { formula: '"_xlfn.x"&_xlfn.CONCAT("a","b")', result: "_xlfn.xab" };
    });
    const s = snapshotSheet(wb.worksheets[0]);
    expect(s.formulas![0][1]).toBe("=RANK.EQ(A1,A1:A1)");
    expect(s.formulas![0][2]).toBe('="_xlfn.x"&CONCAT("a","b")');
  });

  test("merged cells: the value only in the master, slaves blank", async () => {
    const wb = await roundTrip((ws) => {
      ws.getCell("A1").value = "标题";
      ws.mergeCells("A1:C2");
      ws.getCell("A3").value = 1;
    });
    const s = snapshotSheet(wb.worksheets[0]);
    expect(s.values).toEqual([
      ["标题", "", ""],
      ["", "", ""],
      [1, "", ""],
    ]);
  });

  test("dense grid from A1: blanks are \"\", formats default to General, format-only cells do not widen it", async () => {
    const wb = await roundTrip((ws) => {
      ws.getCell("B2").value = 5;
      ws.getCell("D1").value = "x";
      ws.getCell("H20").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    });
    const s = snapshotSheet(wb.worksheets[0]);
    expect(s.values).toEqual([
      ["", "", "", "x"],
      ["", 5, "", ""],
    ]);
    expect(s.formulas).toEqual(s.values);
    expect(s.numberFormats).toEqual([
      ["General", "General", "General", "General"],
      ["General", "General", "General", "General"],
    ]);
  });

  test("an empty sheet is an empty grid", async () => {
    const wb = await roundTrip(() => undefined);
    const s = snapshotSheet(wb.worksheets[0]);
    expect(s).toEqual({ name: "S", values: [], formulas: [], numberFormats: [], hiddenRows: [], fills: [], notes: {} });
  });
});

describe("snapshotWorkbook", () => {
  test("every worksheet in tab order, hidden ones included; a subset by name", async () => {
    const wb = await roundTrip((ws, book) => {
      ws.getCell("A1").value = "s";
      book.addWorksheet("隐藏", { state: "hidden" }).getCell("A1").value = "h";
      book.addWorksheet("深度隐藏", { state: "veryHidden" }).getCell("A1").value = "v";
      book.addWorksheet("荣昌区").getCell("A1").value = "r";
    });
    expect(snapshotWorkbook(wb).map((s) => s.name)).toEqual(["S", "隐藏", "深度隐藏", "荣昌区"]);
    expect(snapshotWorkbook(wb, { sheets: ["荣昌区", "s", "不存在"] }).map((s) => s.name)).toEqual(["S", "荣昌区"]);
  });
});

describe("openWorkbookFile: files that are not readable workbooks", () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  async function failure(path: string): Promise<XlsxReadError> {
    try {
      await openWorkbookFile(path);
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxReadError);
      return e as XlsxReadError;
    }
    throw new Error(`expected ${path} to fail`);
  }

  test("a missing path → notFound, naming the file (each door words the reason)", async () => {
    const e = await failure(join(tmp.dir, "没有这个文件.xlsx"));
    expect([e.reason, e.source]).toEqual(["notFound", join(tmp.dir, "没有这个文件.xlsx")]);
  });

  test("a path under a file (not a folder) → notFound", async () => {
    const file = join(tmp.dir, "plain.txt");
    writeFileSync(file, "x");
    expect((await failure(join(file, "a.xlsx"))).reason).toBe("notFound");
  });

  test("a CSV text file named .xlsx → notXlsx", async () => {
    const file = join(tmp.dir, "report.xlsx");
    writeFileSync(file, "区县,上年,本年\n荣昌区,18,17\n", "utf8");
    const e = await failure(file);
    expect(e.reason).toBe("notXlsx");
  });

  test("an old .xls (OLE2) → notXlsx, with a hint to save as .xlsx", async () => {
    const file = join(tmp.dir, "old.xls");
    writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(600)]));
    const e = await failure(file);
    expect(e.reason).toBe("notXlsx");
    expect(e.hint?.zh).toContain("另存为 .xlsx");
  });

  test("random bytes → notXlsx or unreadable", async () => {
    const file = join(tmp.dir, "random.xlsx");
    writeFileSync(file, randomBytes(4096));
    expect(["notXlsx", "unreadable"]).toContain((await failure(file)).reason);
    // Random bytes that happen to start like a zip.
    const zipLike = join(tmp.dir, "random-zip.xlsx");
    writeFileSync(zipLike, Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), randomBytes(4096)]));
    expect(["notXlsx", "damaged"]).toContain((await failure(zipLike)).reason);
  });

  test("a truncated .xlsx → unreadable", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = 1;
    const bytes = await toBuffer(wb);
    const file = join(tmp.dir, "truncated.xlsx");
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const e = await failure(file);
    expect(e.reason).toBe("damaged");
    // The library's words stay out of what a person reads, for --verbose only.
    expect([e.message, e.hint?.zh ?? "", e.hint?.en ?? ""].join(" ")).not.toMatch(/zip|central directory/i);
    expect(e.detail).toMatch(/central directory|runs past the end/);
  });

  test("a zip without a workbook (e.g. a plain .zip renamed) → notXlsx", async () => {
    const file = join(tmp.dir, "archive.xlsx");
    writeFileSync(file, storedZip("hello.txt", "hi"));
    expect((await failure(file)).reason).toBe("notXlsx");
  });

  test("a folder → notXlsx, saying it is a folder", async () => {
    const dir = join(tmp.dir, "folder.xlsx");
    mkdirSync(dir);
    const e = await failure(dir);
    expect([e.reason, e.hint?.zh]).toEqual(["notXlsx", "这是一个文件夹"]);
  });

  test("a good file reads; the buffer reader takes the same bytes", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = "ok";
    const file = join(tmp.dir, "good.xlsx");
    writeFileSync(file, await toBuffer(wb));
    expect(snapshotWorkbook(await openWorkbookFile(file))[0].values).toEqual([["ok"]]);
    const fromBytes = await openWorkbook(new Uint8Array(readFileSync(file)));
    expect(snapshotWorkbook(fromBytes)[0].values).toEqual([["ok"]]);
  });

  test("buffer errors name the source", async () => {
    await expect(openWorkbook(Buffer.from("a,b"))).rejects.toMatchObject({ reason: "notXlsx", source: "(buffer)" });
  });
});

/** A one-entry zip archive with a deflated entry (enough to be a valid zip that is not an .xlsx). */
function storedZip(name: string, text: string): Buffer {
  const data = Buffer.from(text, "utf8");
  const comp = deflateRawSync(data);
  const nameBuf = Buffer.from(name, "utf8");
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(comp.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(comp.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  const cdOffset = local.length + nameBuf.length + comp.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBuf.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, nameBuf, comp, central, nameBuf, end]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
