import { parseYear } from "../../core/sheet/read-template";
import { blankTemplateWorkbook } from "../../adapters/xlsx/blank-template";
import type { ParsedCommand } from "../args";
import { runClock } from "../clock";
import { CliError, type Io, words } from "../io";
import { parseLang } from "../options";
import { Outputs } from "../outputs";
import { t } from "../text";

/** `huishen template -o FILE.xlsx [--district NAME --year YYYY] [--force]` */
export async function runTemplate(cmd: ParsedCommand, io: Io): Promise<number> {
  const output = cmd.options.output;
  if (typeof output !== "string" || !output.toLowerCase().endsWith(".xlsx")) {
    throw new CliError(words("arg.output"));
  }
  const district = typeof cmd.options.district === "string" ? cmd.options.district.trim() : "";
  let year: number | undefined;
  if (typeof cmd.options.year === "string") {
    year = parseYear(cmd.options.year);
    if (year === undefined) throw new CliError(words("arg.year", { year: cmd.options.year }));
  }
  const lang = parseLang(cmd.options.lang);
  const clock = runClock();
  const outputs = await Outputs.forInputs([], clock.at);
  await outputs.refuseExisting(output, cmd.options.force === true);

  const { workbook, template, sheetName, change } = await blankTemplateWorkbook(district, year, clock.at, lang);
  // The district cell keeps the name as typed; only the sheet's name had to change.
  if (change) io.err(`${t(lang, change === "characters" ? "template.nameCharacters" : "template.nameLength", { district, sheet: sheetName })}\n`);
  await outputs.writeWorkbook(workbook, output, "-o");
  io.out(`${t(lang, "template.written", { file: output, sheet: sheetName, count: template.template.indicators.length, template: template.key })}\n`);
  return 0;
}
