import { openWorkbook, snapshotWorkbook, toBuffer } from "../src/adapters/xlsx";
import { applyPlan, newWorkbook } from "../src/adapters/xlsx";
import { templateSheetPlan } from "../src/core/sheet/plan-template";
import { standardTemplate } from "../src/core/template/registry";
import { checkWorkbook } from "../src/core/check-workbook";

/**
 * A filled template beside a 200,000 × 20 data sheet: a check reads the template sheet only (the
 * package guard leaves the data sheet out), so its cost is the template's, not the workbook's.
 */
export async function measureLargeSheet(rows = 200_000): Promise<void> {
  const wb = newWorkbook(new Date(0));
  await applyPlan(wb, { sheets: [templateSheetPlan(standardTemplate(), { sheetName: "荣昌区 2024", district: "荣昌区", year: 2024 }).plan] });
  const data = wb.addWorksheet("原始数据");
  for (let r = 1; r <= rows; r++) data.addRow(Array.from({ length: 20 }, (_, c) => r * 100 + c));
  const bytes = await toBuffer(wb);
  global.gc?.();
  const heap0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const read = await openWorkbook(bytes);
  const run = checkWorkbook(snapshotWorkbook(read));
  const ms = performance.now() - t0;
  const rss = process.memoryUsage().rss;
  console.log(
    `  template + ${rows.toLocaleString("en")} × 20 data sheet (${(bytes.length / 1e6).toFixed(1)} MB file): check ${ms.toFixed(0)} ms, ` +
      `${run.sheets.length} template sheet read, resident memory ${(rss / 2 ** 20).toFixed(0)} MiB (+${((rss - heap0) / 2 ** 20).toFixed(0)} MiB)`,
  );
}
