/**
 * `huishen --help` and a usage error answer without loading any command's code; a command loads what it
 * needs when it runs (ExcelJS's Workbook is the marker: the largest thing a command that builds a workbook
 * needs; a check alone reads the sheets' XML without it), and never ExcelJS's package entry, which would
 * load its streaming reader and writer too, nor the template schema's library (the shipped edition is read
 * without it).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";

// Marked on globalThis: a factory may run while this file's own imports load, before its variables exist.
type Marks = { huishenWorkbookLoaded?: boolean; huishenExcelEntryLoaded?: boolean; huishenZodLoaded?: boolean };
const marks = globalThis as Marks;
jest.mock("exceljs/lib/doc/workbook", () => {
  (globalThis as Marks).huishenWorkbookLoaded = true;
  return jest.requireActual("exceljs/lib/doc/workbook");
});
jest.mock("exceljs", () => {
  (globalThis as Marks).huishenExcelEntryLoaded = true;
  return jest.requireActual("exceljs");
});

jest.mock("zod/mini", () => {
  (globalThis as Marks).huishenZodLoaded = true;
  return jest.requireActual("zod/mini");
});

const quiet = { out: () => undefined, err: () => undefined };

describe("the command line loads a command's code only to run it", () => {
  it("prints the usage and refuses an unknown command without ExcelJS; checks without it; loads its Workbook alone to annotate", async () => {
    expect(await main(["--help"], quiet)).toBe(0);
    expect(await main(["frobnicate"], quiet)).toBe(2);
    expect(await main(["--lang", "en"], quiet)).toBe(2);
    expect(marks.huishenWorkbookLoaded).toBeUndefined();
    expect(await main(["validate", "no-such-file.xlsx"], quiet)).toBe(2);
    expect(marks.huishenWorkbookLoaded).toBeUndefined();
    expect(await main(["validate", "no-such-file.xlsx", "--annotate", join(tmpdir(), "huishen-lazy-annotated.xlsx")], quiet)).toBe(2);
    expect(marks.huishenWorkbookLoaded).toBe(true);
    expect(marks.huishenExcelEntryLoaded).toBeUndefined();
  });

  it("writes, checks and consolidates a workbook without the template schema's library", async () => {
    const dir = mkdtempSync(join(tmpdir(), "huishen-lazy-"));
    try {
      const file = join(dir, "荣昌区.xlsx");
      expect(await main(["template", "-o", file, "--district", "荣昌区", "--year", "2024"], quiet)).toBe(0);
      expect(await main(["validate", file], quiet)).toBe(0);
      expect(await main(["consolidate", file, "-o", join(dir, "汇总.xlsx")], quiet)).toBeLessThan(2);
      expect(marks.huishenZodLoaded).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
