import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { applyPlan, snapshotWorkbook } from "../../src/adapters/xlsx";
import { writeWorkbookFile } from "../../src/cli/workbook-files";
import { CONSOLIDATION_SHEETS, consolidate, planConsolidation } from "../../src/core/consolidate";
import { COL } from "../../src/core/sheet/layout";
import { templateSheetPlan } from "../../src/core/sheet/plan-template";
import { standardTemplate } from "../../src/core/template/registry";
import { generatedDistrict } from "../../bench/generate";
import { buildReportsWorkbook } from "../fixtures/build-workbook";
import { allReports } from "../fixtures/reports";
import { recalculate, requireOracle, sofficeAvailable } from "../helpers/libreoffice";

const available = sofficeAvailable();
if (!available && !requireOracle) console.warn("LibreOffice (soffice) is not installed: the consolidation formula-truth test is skipped here; CI installs it.");
const describeOracle = available || requireOracle ? describe : describe.skip;

/** A formula cell's value as a comparable: numbers, text, or "" for blank. */
function plain(v: unknown): number | string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  if (typeof v === "object" && "error" in (v as object)) return String((v as { error: unknown }).error);
  return JSON.stringify(v);
}

/** Every formula cell of the summary sheets: address → cached result. */
function formulaResults(wb: ExcelJS.Workbook): Map<string, { formula: string; result: number | string }> {
  const out = new Map<string, { formula: string; result: number | string }>();
  for (const name of [CONSOLIDATION_SHEETS.summary, CONSOLIDATION_SHEETS.ranks, CONSOLIDATION_SHEETS.index, CONSOLIDATION_SHEETS.findings]) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) out.set(`${name}!${cell.address}`, { formula: cell.formula, result: plain(cell.result) });
      }),
    );
  }
  return out;
}

/** The five real reports and 33 generated districts (a city of 38), as sheets of one workbook, consolidated. */
async function consolidatedWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = await buildReportsWorkbook(allReports);
  const t = standardTemplate();
  for (let i = 0; i < 33; i++) {
    const g = generatedDistrict(t, i);
    await applyPlan(wb, { sheets: [templateSheetPlan(t, { sheetName: g.name }).plan] });
    const ws = wb.getWorksheet(g.name)!;
    g.values.forEach((row, r) => {
      const code = row[COL.code];
      if (r === 1 || (typeof code === "string" && t.byCode.has(code))) {
        for (const col of r === 1 ? [1, 4] : [COL.thisYear, COL.lastYear]) ws.getCell(r + 1, col + 1).value = row[col] as ExcelJS.CellValue;
      }
    });
  }
  const snapshots = snapshotWorkbook(wb);
  const c = consolidate([{ snapshots, inWorkbook: true }])!;
  expect(c.districts).toHaveLength(38);
  await applyPlan(wb, planConsolidation(c, snapshots));
  return wb;
}

describeOracle("the consolidation's formulas, recalculated by LibreOffice", () => {
  jest.setTimeout(180_000);

  it("gives the engine's number in every formula cell of the summary, rank, index and findings sheets", async () => {
    const dir = mkdtempSync(join(tmpdir(), "huishen-consolidation-"));
    const file = join(dir, "summary.xlsx");
    await writeWorkbookFile(await consolidatedWorkbook(), file);

    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(file);
    const cached = formulaResults(written);
    // Rates, totals, ranks, index steps and links: thousands of formulas, each with the engine's number
    // cached (a missing cache reads as blank here and disagrees with LibreOffice below).
    expect(cached.size).toBeGreaterThan(38 * 40);

    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(recalculate(file));
    const truth = formulaResults(recalculated);

    const disagreements: string[] = [];
    for (const [at, { formula, result }] of cached) {
      const lo = truth.get(at);
      if (!lo) {
        disagreements.push(`${at}: LibreOffice lost the formula ${formula}`);
        continue;
      }
      const same = typeof result === "number" && typeof lo.result === "number" ? Math.abs(result - lo.result) <= 1e-9 * Math.max(1, Math.abs(result)) : result === lo.result;
      if (!same) disagreements.push(`${at}: engine ${JSON.stringify(result)}, LibreOffice ${JSON.stringify(lo.result)} — ${formula}`);
    }
    expect(disagreements.slice(0, 20)).toEqual([]);
    expect(disagreements).toHaveLength(0);
  });
});
