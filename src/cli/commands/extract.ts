import { basename } from "node:path";
import { analyzeWorkbook } from "../../core/analysis";
import type { Lang } from "../../core/findings/format";
import { formatFigure } from "../../core/findings/format";
import { SEVERITY_LABEL } from "../../core/findings/render";
import { planExtractWorkbook, PENDING_SHEET } from "../../core/report/extract-plan";
import type { ReadCandidate } from "../../core/report/read-report";
import { readReportText, sentenceExcerpt } from "../../core/report/read-text";
import { compareSheetWithText, type SheetTextFinding } from "../../core/report/sheet-vs-text";
import type { TextFinding } from "../../core/report/text-checks";
import { sheetTextMessage, textFindingMessage } from "../../core/report/text-finding-text";
import { districtSheetName } from "../../core/sheet/layout";
import { parseYear } from "../../core/sheet/read-template";
import type { LoadedTemplate } from "../../core/template/load";
import { standardTemplate } from "../../core/template/registry";
import type { ParsedCommand } from "../args";
import { runClock } from "../clock";
import { readLimits } from "../common-options";
import { CliError, type Io, words } from "../io";
import { parseLang } from "../options";
import { Outputs } from "../outputs";
import { readInputSnapshots } from "../read-input";
import { readReportFile } from "../report-input";
import { t } from "../text";
import { textTable } from "../text-table";
import { codeThenName } from "../../core/text/wording";

interface SheetComparison {
  readonly sheet: string;
  readonly findings: readonly SheetTextFinding[];
}

/**
 * `huishen extract 报告.txt|.html|.docx|.pdf [--json] [-o 区县.xlsx --district 区县 --year 年度] [--sheet 已填报.xlsx]`
 * → 0 no error-level finding, 1 errors, 2 unreadable input or usage. Never changes the report or the sheet.
 */
export async function runExtract(cmd: ParsedCommand, io: Io): Promise<number> {
  const [file, ...extra] = cmd.positionals;
  if (!file || extra.length > 0) throw new CliError(words("arg.reportFile"));
  const lang = parseLang(cmd.options.lang);
  const output = typeof cmd.options.output === "string" ? cmd.options.output : undefined;
  if (output !== undefined && !output.toLowerCase().endsWith(".xlsx")) throw new CliError(words("arg.outputXlsx"));
  let year: number | undefined;
  if (typeof cmd.options.year === "string") {
    year = parseYear(cmd.options.year);
    if (year === undefined) throw new CliError(words("arg.year", { year: cmd.options.year }));
  }
  const sheetFile = typeof cmd.options.sheet === "string" ? cmd.options.sheet : undefined;
  const clock = runClock();
  const outputs = await Outputs.forInputs([file, ...(sheetFile ? [sheetFile] : [])], clock.at);
  if (output !== undefined) await outputs.check(output, "-o");

  const template = standardTemplate();
  const text = await readReportFile(file);
  const { candidates, findings } = readReportText(text, template);

  let comparisons: SheetComparison[] = [];
  if (sheetFile) {
    const sheets = await readInputSnapshots(sheetFile, { io, lang, verbose: cmd.options.verbose === true, limits: readLimits(cmd.options["max-size"]) });
    if (!sheets) return 2;
    const analysis = analyzeWorkbook(sheets);
    comparisons = analysis.sheets.map((s) => ({ sheet: s.sheet, findings: compareSheetWithText(s, candidates) }));
  }

  io.out(cmd.options.json ? `${JSON.stringify(toJson(file, template, candidates, findings, comparisons, lang), null, 2)}\n` : toText(file, template, candidates, findings, comparisons, lang));

  if (output !== undefined) {
    const district = typeof cmd.options.district === "string" ? cmd.options.district.trim() : "";
    const { name: sheetName } = districtSheetName(district, year, []);
    const plan = planExtractWorkbook(template, candidates, { sheetName, district: district || undefined, year, lang });
    // ExcelJS only to write the fill-in workbook: reading a report and comparing it with a sheet need none.
    const { applyPlan, newWorkbook } = await import("../../adapters/xlsx");
    const wb = newWorkbook(clock.at);
    await applyPlan(wb, plan);
    await outputs.writeWorkbook(wb, output, "-o");
    const filled = plan.sheets[0].notes?.length ?? 0;
    const pending = candidates.filter((c) => c.confidence === "low").length;
    if (!cmd.options.json) io.out(`${t(lang, "extract.written", { file: output, filled, pending })}\n`);
  }
  const all = [...findings, ...comparisons.flatMap((c) => c.findings)];
  return all.some((f) => f.severity === "error") ? 1 : 0;
}

function toText(file: string, template: LoadedTemplate, candidates: readonly ReadCandidate[], findings: readonly TextFinding[], comparisons: readonly SheetComparison[], lang: Lang): string {
  const parts: string[] = [];
  const high = candidates.filter((c) => c.confidence === "high").length;
  parts.push(t(lang, "extract.title", { file: basename(file), count: candidates.length, high, low: candidates.length - high }));
  if (candidates.length === 0) parts.push(t(lang, "extract.none"));
  else {
    const name = (code: string) => codeThenName(code, template.byCode.get(code)?.name, lang);
    parts.push(
      textTable(
        [t(lang, "extract.head.code"), t(lang, "extract.head.value"), t(lang, "extract.head.confidence"), t(lang, "extract.head.sentence")],
        candidates.map((c) => [
          name(c.code) + (c.alternatives.length > 0 ? ` / ${c.alternatives.join("/")}` : ""),
          `${formatFigure(template.byCode.get(c.code), c.value, lang)}${c.figure.approximate ? ` (${c.figure.approximate})` : ""}`,
          t(lang, c.confidence === "high" ? "extract.high" : "extract.low"),
          sentenceExcerpt(c, 28),
        ]),
      ),
    );
  }
  parts.push("", findings.length > 0 ? t(lang, "extract.findings") : t(lang, "extract.noFindings"));
  for (const f of findings) parts.push(`  ${SEVERITY_LABEL[lang][f.severity]}  ${textFindingMessage(f, template, lang)}`);
  for (const c of comparisons) {
    parts.push("", c.findings.length > 0 ? t(lang, "extract.sheetFindings", { sheet: c.sheet }) : t(lang, "extract.sheetAgrees", { sheet: c.sheet }));
    for (const f of c.findings) parts.push(`  ${SEVERITY_LABEL[lang][f.severity]}  ${sheetTextMessage(f, template, lang)}`);
  }
  return `${parts.join("\n")}\n`;
}

function toJson(file: string, template: LoadedTemplate, candidates: readonly ReadCandidate[], findings: readonly TextFinding[], comparisons: readonly SheetComparison[], lang: Lang) {
  return {
    file,
    template: template.key,
    candidates: candidates.map((c) => ({
      code: c.code,
      value: c.value,
      raw: c.figure.raw,
      approximate: c.figure.approximate ?? null,
      decimals: c.figure.decimals,
      span: [c.figure.start, c.figure.end],
      sentence: c.sentence.text,
      confidence: c.confidence,
      alternatives: c.alternatives,
      doubt: c.doubt ?? null,
    })),
    findings: findings.map((f) => ({ code: f.code, severity: f.severity, codes: f.codes, spans: f.figures.map((s) => [s.start, s.end]), message: textFindingMessage(f, template, lang) })),
    sheets: comparisons.map((c) => ({
      sheet: c.sheet,
      findings: c.findings.map((f) => ({ code: f.code, severity: f.severity, cell: `${f.cell.sheet}!${f.cell.address}`, sheetValue: f.actual, reportValue: f.expected, message: sheetTextMessage(f, template, lang) })),
    })),
    pendingSheet: PENDING_SHEET,
  };
}
