import { countBySeverity, type Finding } from "../../core/findings/finding";
import type { Lang } from "../../core/findings/format";
import { SEVERITY_LABEL, renderFinding } from "../../core/findings/render";
import { flagPlan } from "../../core/sheet/plan-flags";
import type { TemplateSheetRead } from "../../core/sheet/read-template";
import { validateWorkbook, type ValidationRun } from "../../core/validate";
import { applyPlan, snapshotWorkbook } from "../../adapters/xlsx";
import type { ParsedCommand } from "../args";
import { runClock } from "../clock";
import { readLimits } from "../common-options";
import { CliError, type Io } from "../io";
import { Outputs } from "../outputs";
import { describeFailure } from "../failures";
import { findingJson } from "../finding-json";
import { parseLang } from "../options";
import { readInput } from "../read-input";
import { textTable } from "../text-table";

/** `huishen validate FILE.xlsx [--json] [--lang zh|en] [--annotate OUT.xlsx]` → 0 no errors, 1 errors, 2 unreadable. */
export async function runValidate(cmd: ParsedCommand, io: Io): Promise<number> {
  const [file, ...extra] = cmd.positionals;
  if (!file || extra.length > 0) throw new CliError("请指定一个要校验的 .xlsx 文件。Name one .xlsx file to check.");
  const lang = parseLang(cmd.options.lang);
  const annotate = typeof cmd.options.annotate === "string" ? cmd.options.annotate : undefined;
  if (annotate !== undefined && !annotate.toLowerCase().endsWith(".xlsx")) throw new CliError("--annotate 的输出文件应为 .xlsx。The --annotate output must be an .xlsx file.");
  const outputs = await Outputs.forInputs([file], runClock().at);
  // Refused before reading, so nothing is spent on a run that cannot save.
  if (annotate !== undefined) await outputs.check(annotate, "--annotate");

  // A copy to annotate keeps every sheet; a check alone reads only what it needs.
  const wb = await readInput(file, { io, verbose: cmd.options.verbose === true, limits: readLimits(cmd.options["max-size"]) }, annotate !== undefined ? "all" : "needed");
  if (!wb) return 2;
  const snapshots = snapshotWorkbook(wb);
  const run = validateWorkbook(snapshots);
  if (run.failures.length > 0 || run.sheets.length === 0) {
    const reasons = run.failures.length > 0 ? run.failures.map((f) => describeFailure(f, lang)) : [describeFailure({ reason: "noMarker", sheet: file }, lang)];
    io.err(`${reasons.join("\n")}\n`);
    return 2;
  }

  io.out(cmd.options.json ? `${JSON.stringify(toJson(file, run, lang), null, 2)}\n` : toText(run, lang));

  if (annotate !== undefined) {
    await applyPlan(wb, flagPlan(run.sheets, run.findings, snapshots, lang));
    await outputs.writeWorkbook(wb, annotate, "--annotate");
    if (!cmd.options.json) io.out(lang === "zh" ? `已另存标注副本 ${annotate}\n` : `Flagged copy saved as ${annotate}\n`);
  }
  return run.findings.some((f) => f.severity === "error") ? 1 : 0;
}


function templateOf(run: ValidationRun, f: Finding): TemplateSheetRead {
  return run.sheets.find((s) => s.sheet === f.sheet)!;
}

function toText(run: ValidationRun, lang: Lang): string {
  const zh = lang === "zh";
  const parts: string[] = [];
  for (const s of run.sheets) {
    const title = zh
      ? `工作表“${s.sheet}”：${s.district || "（未填区县）"} ${s.year ?? "（未填年度）"}，模板 ${s.template.key}`
      : `Sheet "${s.sheet}": ${s.district || "(no district)"} ${s.year ?? "(no year)"}, template ${s.template.key}`;
    const own = run.findings.filter((f) => f.sheet === s.sheet);
    const rows = own.map((f) => [SEVERITY_LABEL[lang][f.severity], f.cells.map((c) => c.address).join(",") || "—", f.codes.join(",") || "—", renderFinding(f, s.template, lang)]);
    const header = zh ? ["级别", "单元格", "指标", "说明"] : ["Level", "Cells", "Codes", "Message"];
    parts.push(title, rows.length ? textTable(header, rows) : zh ? "未发现问题。" : "No findings.", "");
  }
  const c = countBySeverity(run.findings);
  parts.push(zh ? `合计：错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.info} 项` : `Total: ${c.error} errors, ${c.warning} warnings, ${c.info} info`);
  return `${parts.join("\n")}\n`;
}

function toJson(file: string, run: ValidationRun, lang: Lang) {
  return {
    file,
    sheets: run.sheets.map((s) => ({ sheet: s.sheet, district: s.district, year: s.year ?? null, template: s.template.key, indicatorsRead: s.entries.size })),
    counts: countBySeverity(run.findings),
    findings: run.findings.map((f) => findingJson(f, templateOf(run, f).template, lang)),
  };
}
