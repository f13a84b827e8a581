/**
 * `huishen --help` and a usage error answer without loading any command's code; a command loads what it
 * needs when it runs (ExcelJS is the marker: the largest thing every workbook command needs).
 */
import { main } from "../../src/cli/main";

// Marked on globalThis: the factory may run while this file's own imports load, before its variables exist.
const loaded = () => (globalThis as { huishenExcelLoaded?: boolean }).huishenExcelLoaded === true;
jest.mock("exceljs", () => {
  (globalThis as { huishenExcelLoaded?: boolean }).huishenExcelLoaded = true;
  return jest.requireActual("exceljs");
});

const quiet = { out: () => undefined, err: () => undefined };

describe("the command line loads a command's code only to run it", () => {
  it("prints the usage and refuses an unknown command without ExcelJS, then loads it for validate", async () => {
    expect(await main(["--help"], quiet)).toBe(0);
    expect(await main(["frobnicate"], quiet)).toBe(2);
    expect(await main(["--lang", "en"], quiet)).toBe(2);
    expect(loaded()).toBe(false);
    expect(await main(["validate", "no-such-file.xlsx"], quiet)).toBe(2);
    expect(loaded()).toBe(true);
  });
});
