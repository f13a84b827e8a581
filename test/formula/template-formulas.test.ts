import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildReportsWorkbook } from "../fixtures/build-workbook";
import { rongchang2024 } from "../fixtures/reports";
import { writeWorkbookFile } from "../../src/cli/workbook-files";
import { COL } from "../../src/core/sheet/layout";
import { recalculate, requireOracle, sofficeAvailable } from "../helpers/libreoffice";

const available = sofficeAvailable();
if (!available && !requireOracle) console.warn("LibreOffice (soffice) is not installed: the formula-truth tests are skipped here; CI installs it.");
const describeOracle = available || requireOracle ? describe : describe.skip;

describeOracle("the template's rate formulas, recalculated by LibreOffice", () => {
  jest.setTimeout(120_000);

  it("opens the workbook and computes each live rate from this year's counts (荣昌 2024)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "huishen-formula-"));
    const file = join(dir, "rongchang.xlsx");
    await writeWorkbookFile(await buildReportsWorkbook([rongchang2024]), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalculate(file));
    const ws = wb.worksheets[0];
    const computed = new Map<string, unknown>();
    ws.eachRow((row) => {
      const code = row.getCell(COL.code + 1).value;
      // Indicator rows only (the labels of the header block and footer are text too).
      if (typeof code === "string" && /^[A-Z]\d{2}$/.test(code)) computed.set(code, row.getCell(COL.computed + 1).result);
    });
    expect(computed.size).toBe(92);
    expect(computed.get("E03")).toBeCloseTo(283 / 337, 12);
    expect(computed.get("F04")).toBeCloseTo(10498 / 10659, 12);
    expect(computed.get("D12")).toBe(1);
    // Blank counts stay blank (not reported is not 0%): 荣昌 reports no 法治督察问题数 A06.
    expect(["", undefined, null]).toContain(computed.get("A08"));
  });
});
