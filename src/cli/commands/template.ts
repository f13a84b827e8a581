import { parseYear } from "../../core/sheet/read-template";
import { blankTemplateWorkbook } from "../../adapters/xlsx/blank-template";
import type { ParsedCommand } from "../args";
import { runClock } from "../clock";
import { CliError, type Io } from "../io";
import { parseLang } from "../options";
import { Outputs } from "../outputs";

/** `huishen template -o FILE.xlsx [--district NAME --year YYYY] [--force]` */
export async function runTemplate(cmd: ParsedCommand, io: Io): Promise<number> {
  const output = cmd.options.output;
  if (typeof output !== "string" || !output.toLowerCase().endsWith(".xlsx")) {
    throw new CliError("请用 -o 指定输出的 .xlsx 文件。Name the output .xlsx file with -o.");
  }
  const district = typeof cmd.options.district === "string" ? cmd.options.district.trim() : "";
  let year: number | undefined;
  if (typeof cmd.options.year === "string") {
    year = parseYear(cmd.options.year);
    if (year === undefined) throw new CliError(`年度“${cmd.options.year}”不是四位年份。The year must have four digits.`);
  }
  const clock = runClock();
  const outputs = await Outputs.forInputs([], clock.at, parseLang(cmd.options.lang));
  await outputs.refuseExisting(output, cmd.options.force === true);

  const { workbook, template, sheetName, change } = await blankTemplateWorkbook(district, year, clock.at, parseLang(cmd.options.lang));
  if (change) io.err(sheetNameNotice(district, sheetName, change));
  await outputs.writeWorkbook(workbook, output, "-o");
  io.out(`已生成填报表 ${output}（工作表“${sheetName}”，${template.template.indicators.length} 项指标，模板 ${template.key}）\n`);
  return 0;
}

function sheetNameNotice(district: string, sheetName: string, change: "characters" | "length"): string {
  return change === "characters"
    ? `提示：区县名称“${district}”含有工作表名称不允许的字符（[ ] : * ? / \\），工作表命名为“${sheetName}”；区县单元格保留原名称。\n` +
        `Note: the district name has characters sheet names cannot hold ([ ] : * ? / \\); the sheet is named "${sheetName}", the district cell keeps the name.\n`
    : `提示：区县名称“${district}”过长（工作表名称最多 31 个字符），工作表命名为“${sheetName}”；区县单元格保留完整名称。\n` +
        `Note: the district name is too long for a sheet name (31 characters at most); the sheet is named "${sheetName}", the district cell keeps the full name.\n`;
}
