import { applyPlan, newWorkbook, toBuffer } from "../src/adapters/xlsx";
import { templateSheetPlan } from "../src/core/sheet/plan-template";
import { standardTemplate } from "../src/core/template/registry";
import { measureInChild } from "./peak-load";

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
  const m = measureInChild(bytes, "needed");
  console.log(
    `  template + ${rows.toLocaleString("en")} × 20 data sheet (${(bytes.length / 2 ** 20).toFixed(1)} MiB file, ${m.unpackedMiB.toFixed(0)} MiB unpacked): ` +
      `opened and checked in ${m.ms} ms, ${m.sheets} template sheet read, peak resident memory ${m.peakMiB} MiB`,
  );
}
