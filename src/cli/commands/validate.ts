import { countBySeverity, type Finding } from "../../core/findings/finding";
import type { Lang } from "../../core/findings/format";
import { SEVERITY_LABEL } from "../../core/findings/render";
import { flagPlan } from "../../core/sheet/plan-flags";
import { analyzeWorkbook, type WorkbookAnalysis } from "../../core/analysis";
import { STATUS_LABEL, findingMessage } from "../../core/review";
import type { ParsedCommand } from "../args";
import { runClock } from "../clock";
import { readLimits } from "../common-options";
import { CliError, type Io, words } from "../io";
import { Outputs } from "../outputs";
import { describeFailure } from "../failures";
import { findingJson } from "../finding-json";
import { parseLang } from "../options";
import { readInputFor } from "../read-input";
import { t } from "../text";
import { textTable } from "../text-table";
import { aside } from "../../core/text/wording";

/** `huishen validate FILE.xlsx [--json] [--lang zh|en] [--annotate OUT.xlsx]` → 0 no errors, 1 errors, 2 unreadable. */
export async function runValidate(cmd: ParsedCommand, io: Io): Promise<number> {
  const [file, ...extra] = cmd.positionals;
  if (!file || extra.length > 0) throw new CliError(words("arg.validateFile"));
  const lang = parseLang(cmd.options.lang);
  const annotate = typeof cmd.options.annotate === "string" ? cmd.options.annotate : undefined;
  if (annotate !== undefined && !annotate.toLowerCase().endsWith(".xlsx")) throw new CliError(words("arg.annotateXlsx"));
  const outputs = await Outputs.forInputs([file], runClock().at);
  // Refused before reading, so nothing is spent on a run that cannot save.
  if (annotate !== undefined) await outputs.check(annotate, "--annotate");

  const ctx = { io, lang, verbose: cmd.options.verbose === true, limits: readLimits(cmd.options["max-size"]) };
  const input = await readInputFor(file, ctx, annotate !== undefined);
  if (!input) return 2;
  const { wb, sheets: snapshots } = input;
  // The same analysis as the pane's: a consolidated workbook's findings and the review's decisions count here too.
  const run = analyzeWorkbook(snapshots);
  if (run.failures.length > 0 || run.sheets.length === 0) {
    const reasons = run.failures.length > 0 ? run.failures.map((f) => describeFailure(f, lang)) : [describeFailure({ reason: "noMarker", sheet: file }, lang)];
    io.err(`${reasons.join("\n")}\n`);
    return 2;
  }

  io.out(cmd.options.json ? `${JSON.stringify(toJson(file, run, lang), null, 2)}\n` : toText(run, lang));

  if (annotate !== undefined && wb) {
    const { applyPlan } = await import("../../adapters/xlsx/apply");
    await applyPlan(wb, flagPlan(run.sheets, run.findings, snapshots, lang, run.reviews));
    await outputs.writeWorkbook(wb, annotate, "--annotate");
    if (!cmd.options.json) io.out(`${t(lang, "validate.annotated", { file: annotate })}\n`);
  }
  return run.findings.some((f) => f.severity === "error") ? 1 : 0;
}


/** Findings under each template sheet, then those about the workbook as a whole (a consolidation's gathering). */
function toText(run: WorkbookAnalysis, lang: Lang): string {
  const parts: string[] = [];
  const header = [t(lang, "validate.head.level"), t(lang, "validate.head.cells"), t(lang, "validate.head.codes"), t(lang, "validate.head.message")];
  const table = (own: readonly Finding[]) =>
    textTable(
      header,
      own.map((f) => [SEVERITY_LABEL[lang][f.severity] + reviewMark(run, f, lang), f.cells.map((c) => c.address).join(",") || "—", f.codes.join(",") || "—", message(run, f, lang)]),
    );
  for (const s of run.sheets) {
    const title = t(lang, "validate.sheet", { sheet: s.sheet, district: s.district || t(lang, "validate.noDistrict"), year: s.year ?? t(lang, "validate.noYear"), template: s.template.key });
    const own = run.findings.filter((f) => f.sheet === s.sheet);
    parts.push(title, own.length ? table(own) : t(lang, "validate.noFindings"), "");
  }
  const sheets = new Set(run.sheets.map((s) => s.sheet));
  const rest = run.findings.filter((f) => !sheets.has(f.sheet));
  if (rest.length > 0) parts.push(t(lang, "validate.other"), table(rest), "");
  parts.push(t(lang, "validate.total", countBySeverity(run.findings)));
  return `${parts.join("\n")}\n`;
}

function message(run: WorkbookAnalysis, f: Finding, lang: Lang): string {
  return findingMessage(f, run.templates, lang);
}

/** `（已确认）` after the level of a finding a reviewer decided, as the pane shows it. */
function reviewMark(run: WorkbookAnalysis, f: Finding, lang: Lang): string {
  const status = run.reviews.get(f.id)?.status;
  return status && status !== "open" ? aside(STATUS_LABEL[lang][status], lang) : "";
}

function toJson(file: string, run: WorkbookAnalysis, lang: Lang) {
  return {
    file,
    sheets: run.sheets.map((s) => ({ sheet: s.sheet, district: s.district, year: s.year ?? null, template: s.template.key, indicatorsRead: s.entries.size })),
    counts: countBySeverity(run.findings),
    findings: run.findings.map((f) => ({ ...findingJson(f, run.templates, lang), review: run.reviews.get(f.id)?.status ?? "open" })),
  };
}
