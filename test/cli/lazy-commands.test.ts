/**
 * `huishen --help` and a usage error answer without loading any command's code; a command loads what it
 * needs when it runs (ExcelJS's Workbook is the marker: the largest thing every workbook command needs),
 * and never ExcelJS's package entry, which would load its streaming reader and writer too.
 */
import { main } from "../../src/cli/main";

// Marked on globalThis: a factory may run while this file's own imports load, before its variables exist.
type Marks = { huishenWorkbookLoaded?: boolean; huishenExcelEntryLoaded?: boolean };
const marks = globalThis as Marks;
jest.mock("exceljs/lib/doc/workbook", () => {
  (globalThis as Marks).huishenWorkbookLoaded = true;
  return jest.requireActual("exceljs/lib/doc/workbook");
});
jest.mock("exceljs", () => {
  (globalThis as Marks).huishenExcelEntryLoaded = true;
  return jest.requireActual("exceljs");
});

const quiet = { out: () => undefined, err: () => undefined };

describe("the command line loads a command's code only to run it", () => {
  it("prints the usage and refuses an unknown command without ExcelJS, then loads its Workbook alone for validate", async () => {
    expect(await main(["--help"], quiet)).toBe(0);
    expect(await main(["frobnicate"], quiet)).toBe(2);
    expect(await main(["--lang", "en"], quiet)).toBe(2);
    expect(marks.huishenWorkbookLoaded).toBeUndefined();
    expect(await main(["validate", "no-such-file.xlsx"], quiet)).toBe(2);
    expect(marks.huishenWorkbookLoaded).toBe(true);
    expect(marks.huishenExcelEntryLoaded).toBeUndefined();
  });
});
