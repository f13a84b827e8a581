import { deflateRawSync } from "zlib";
import { openWorkbook, snapshotWorkbook, toBuffer, XlsxReadError } from "../../../src/adapters/xlsx";
import { DEFAULT_LIMITS, guardPackage, limitsForLoadedMiB, splitCharacter } from "../../../src/adapters/xlsx/package-guard";
import { readCentralDirectory } from "../../../src/adapters/xlsx/zip/central-directory";
import { crc32 } from "../../../src/adapters/xlsx/zip/crc32";
import { writeZip, type RawEntry } from "../../../src/adapters/xlsx/zip/write-zip";
import { buildReportsWorkbook } from "../../fixtures/build-workbook";
import { patchPart } from "../../helpers/patch-xlsx";
import { rongchang2024 } from "../../fixtures/reports";

const MiB = 1024 * 1024;

/** A deflated entry whose declared size is whatever the test says (a hostile file can lie). */
function deflated(name: string, content: Uint8Array, declaredSize = content.length): RawEntry {
  return { name, method: 8, crc32: crc32(content), size: declaredSize, data: deflateRawSync(content), time: 0, date: 0x21 };
}

async function failure(bytes: Uint8Array, opts = {}): Promise<XlsxReadError> {
  try {
    await openWorkbook(bytes, "bad.xlsx", opts);
  } catch (e) {
    if (e instanceof XlsxReadError) return e;
    throw e;
  }
  throw new Error("expected the read to fail");
}

/** The 荣昌 2024 template sheet beside a data sheet of `rows` × 20 numbers. */
async function templateBesideData(rows: number): Promise<Buffer> {
  const wb = await buildReportsWorkbook([rongchang2024]);
  const data = wb.addWorksheet("原始数据");
  for (let r = 1; r <= rows; r++) data.addRow(Array.from({ length: 20 }, (_, c) => r * 100 + c));
  return toBuffer(wb);
}

describe("the package guard: bounded cost on any input", () => {
  test("a package declaring more than the limit is refused before anything is unpacked", async () => {
    // 300 MB declared, a few bytes of data: refusing must not depend on inflating it.
    const bomb = writeZip([deflated("xl/worksheets/sheet1.xml", new Uint8Array(10), 300 * MiB)]);
    const e = await failure(bomb);
    expect(e.reason).toBe("tooLarge");
    expect(e.hint?.zh).toContain("超过 192 MB 的上限");
  });

  test("an entry that unpacks past the size it declares is stopped at that size and called damaged", async () => {
    const zeros = new Uint8Array(40 * MiB);
    const liar = writeZip([deflated("xl/worksheets/sheet1.xml", zeros, 1000)]);
    expect(liar.length).toBeLessThan(100_000);
    const e = await failure(liar);
    expect(e.reason).toBe("damaged");
    expect(e.detail).toContain("unpacks to more than the 1000 bytes it declares");
  });

  test("a workbook whose shared strings part is missing cannot be read, and says why", async () => {
    const good = await toBuffer(await buildReportsWorkbook([rongchang2024]));
    const entries = readCentralDirectory(good).filter((e) => e.name !== "xl/sharedStrings.xml");
    const raw: RawEntry[] = entries.map((e) => ({ ...e, data: good.subarray(e.dataOffset, e.dataOffset + e.compressedSize) }));
    const e = await failure(writeZip(raw));
    expect(e.reason).toBe("damaged");
    expect(e.hint?.zh).toContain("缺少 xl/sharedStrings.xml，单元格中的文字无法读取");
  });

  test("a check reads the template sheet and leaves out a large data sheet beside it; a copy to write keeps it", async () => {
    const bytes = await templateBesideData(8000);
    const guarded = guardPackage(bytes, { scope: "needed" });
    expect(guarded.skippedSheets).toEqual(["原始数据"]);
    expect(guarded.parts.reduce((n, p) => n + p.size, 0)).toBeLessThan(bytes.length);

    const needed = snapshotWorkbook(await openWorkbook(bytes));
    expect(needed.map((s) => [s.name, s.values.length > 0])).toEqual([
      ["荣昌区 2024", true],
      ["原始数据", false],
    ]);
    const all = snapshotWorkbook(await openWorkbook(bytes, "(buffer)", { scope: "all" }));
    expect(all[1].values).toHaveLength(8000);
    expect(all[1].values[7999][19]).toBe(800019);
    // The template sheet reads the same either way.
    expect(needed[0]).toEqual(all[0]);
  });

  test("the limit on what is parsed refuses a copy of a large workbook and can be raised", async () => {
    const bytes = await templateBesideData(8000);
    const e = await failure(bytes, { scope: "all", limits: limitsForLoadedMiB(1) });
    expect(e.reason).toBe("tooLarge");
    expect(e.hint?.zh).toMatch(/解压后约 \d+ MB，超过 1 MB 的上限/);
    await expect(openWorkbook(bytes, "(buffer)", { scope: "all", limits: limitsForLoadedMiB(8) })).resolves.toBeDefined();
    expect(DEFAULT_LIMITS.maxLoadedBytes).toBe(48 * MiB);
  });

  test("a truncated or garbled package is damaged, never a library's message", async () => {
    const good = await toBuffer(await buildReportsWorkbook([rongchang2024]));
    for (const bad of [good.subarray(0, good.length - 100), Buffer.concat([good.subarray(0, 2000), Buffer.alloc(3000, 7), good.subarray(5000)])]) {
      const e = await failure(bad);
      expect(e.reason).toBe("damaged");
      expect([e.message, e.hint?.zh ?? "", e.hint?.en ?? ""].join(" ")).not.toMatch(/Corrupted|Bug|undefined|zip/i);
    }
  });

  test("a large part is read as a stream without breaking a character split between two chunks", async () => {
    // 20,000 rows of Chinese text (1.6 MB: streamed) under one merge: every value ExcelJS would drop is kept, whole.
    const rows = 20_000;
    const cells = Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>荣昌区第${i + 1}行，复议𠀋</t></is></c></row>`).join("");
    const wb = await buildReportsWorkbook([rongchang2024]);
    const bytes = patchPart(await toBuffer(wb), "xl/worksheets/sheet1.xml", (xml) =>
      xml.replace(/<sheetData>[\s\S]*<\/sheetData>[\s\S]*?(?=<pageMargins|<\/worksheet>)/, `<sheetData>${cells}</sheetData><mergeCells count="1"><mergeCell ref="A1:A${rows}"/></mergeCells>`),
    );
    const sheet = readCentralDirectory(bytes).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(sheet.size).toBeGreaterThan(MiB);
    const kept = guardPackage(bytes, { scope: "all" }).rawCells.get("荣昌区 2024")!;
    expect(kept.size).toBe(rows - 1);
    const wrong = [...kept].filter(([address, cell]) => cell.kind !== "text" || cell.value !== `荣昌区第${address.slice(1)}行，复议𠀋`);
    expect(wrong).toEqual([]);
  });

  test("values under merges are found in the rows the merges span, in a row without a number, and date cells anywhere", async () => {
    const wb = await buildReportsWorkbook([rongchang2024]);
    const sheetData = (dates: boolean) =>
      "<sheetData>" +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>' +
      '<row r="2"><c r="B2"><v>1</v></c><c r="C2"><v>337</v></c></row>' +
      '<row><c r="C3" t="inlineStr"><is><t>复议</t></is></c></row>' +
      '<row r="5"/>' +
      `<row r="9"><c r="D9"><v>5</v></c>${dates ? '<c r="E9" t="d"><v>2024-12-31</v></c>' : ""}</row>` +
      "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"B2:C3\"/></mergeCells>";
    for (const dates of [false, true]) {
      const bytes = patchPart(await toBuffer(wb), "xl/worksheets/sheet1.xml", (xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>[\s\S]*?(?=<pageMargins|<\/worksheet>)/, sheetData(dates)));
      const kept = guardPackage(bytes, { scope: "all" }).rawCells.get("荣昌区 2024")!;
      expect(Object.fromEntries(kept)).toEqual({
        C2: { kind: "number", value: 337 },
        C3: { kind: "text", value: "复议" },
        ...(dates ? { E9: { kind: "date", iso: "2024-12-31" } } : {}),
      });
    }
  });

  test("splitCharacter: how many bytes at the end begin a character the next chunk completes", () => {
    const utf8 = (s: string) => new TextEncoder().encode(s);
    for (const ch of ["a", "é", "荣", "𠀋"]) {
      const whole = utf8(`x${ch}`);
      expect(splitCharacter(whole)).toBe(0);
      for (let cut = 2; cut < whole.length; cut++) expect([ch, cut, splitCharacter(whole.subarray(0, cut))]).toEqual([ch, cut, cut - 1]);
    }
    expect(splitCharacter(new Uint8Array(0))).toBe(0);
  });
});
