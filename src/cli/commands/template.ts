import { safeSheetName } from "../../core/sheet/layout";
import { templateSheetPlan } from "../../core/sheet/plan-template";
import { parseYear } from "../../core/sheet/read-template";
import { standardTemplate } from "../../core/template/registry";
import { applyPlan, newWorkbook, writeWorkbookFile } from "../../adapters/xlsx";
import type { ParsedCommand } from "../args";
import { CliError, type Io } from "../io";

/** `huishen template -o FILE.xlsx [--district NAME --year YYYY]` */
export async function runTemplate(cmd: ParsedCommand, io: Io): Promise<number> {
  const output = cmd.options.output;
  if (typeof output !== "string" || !output.toLowerCase().endsWith(".xlsx")) {
    throw new CliError("请用 -o 指定输出的 .xlsx 文件。Name the output .xlsx file with -o.");
  }
  const district = typeof cmd.options.district === "string" ? cmd.options.district.trim() : undefined;
  let year: number | undefined;
  if (typeof cmd.options.year === "string") {
    year = parseYear(cmd.options.year);
    if (year === undefined) throw new CliError(`年度“${cmd.options.year}”不是四位年份。The year must have four digits.`);
  }
  const template = standardTemplate();
  const sheetName = safeSheetName([district, year].filter(Boolean).join(" ") || "指标填报", []);
  const { plan } = templateSheetPlan(template, { sheetName, district, year });
  const wb = newWorkbook();
  await applyPlan(wb, { sheets: [plan] });
  await writeWorkbookFile(wb, output);
  io.out(`已生成填报表 ${output}（工作表“${sheetName}”，${template.template.indicators.length} 项指标，模板 ${template.key}）\n`);
  return 0;
}
