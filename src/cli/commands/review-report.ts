import { join } from "node:path";
import type { Lang } from "../../core/findings/format";
import { SEVERITY_LABEL } from "../../core/findings/render";
import { LOG_PROBLEM_LABEL, STATUS_LABEL, displayTime, logProblemText, findingMessage, isOutstanding, localIso, planReviewReport, subjectCode, type ReportPlan, type ReviewCounts, type ReviewEntry } from "../../core/review";
import { runClock, runOffsetMinutes } from "../clock";
import { COMMON_OPTIONS, readLimits } from "../common-options";
import { CliError, type Io, words } from "../io";
import { Outputs } from "../outputs";
import { describeFailure } from "../failures";
import { parseCommandOptions, parseLang } from "../options";
import { readInputFor } from "../read-input";
import { t } from "../text";
import { textTable } from "../text-table";
import { USAGE } from "../usage";
import { aside } from "../../core/text/wording";

/** ExcelJS, loaded only for what is written: a report on the screen needs none. */
const xlsx = () => import("../../adapters/xlsx");

/**
 * `huishen review-report FILE.xlsx [-o OUT.xlsx] [--split DIR] [--json] [--lang zh|en]`
 * → 0 every finding accepted or closed, 1 findings still open, sent back or awaiting a re-check, 2 unusable input.
 * The input is never changed; OUT.xlsx is the workbook plus the 审核汇总 and 审核意见 sheets.
 */
export async function runReviewReport(argv: readonly string[], io: Io): Promise<number> {
  const { values: opts, positionals } = parseOptions(argv);
  if (opts.help) {
    io.out(USAGE[parseLang(opts.lang)]);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new CliError(words("arg.reviewFile"));
  const lang = parseLang(opts.lang);
  if (opts.output !== undefined) {
    if (!opts.output.toLowerCase().endsWith(".xlsx")) throw new CliError(words("arg.outputXlsx"));
  }
  if (opts.split !== undefined && opts.split.trim() === "") throw new CliError(words("arg.splitFolder"));
  const clock = runClock();
  const outputs = await Outputs.forInputs([file], clock.at);
  if (opts.output !== undefined) await outputs.check(opts.output, "-o");

  const writesBack = opts.output !== undefined;
  const ctx = { io, lang, verbose: opts.verbose === true, limits: readLimits(opts["max-size"]) };
  const input = await readInputFor(file, ctx, writesBack);
  if (!input) return 2;
  const { wb, sheets } = input;
  const at = localIso(clock.at, runOffsetMinutes(clock));
  const report = planReviewReport({ sheets }, at, { lang });
  const { found } = report.review;
  if (found.failures.length > 0 || found.sheets.length === 0) {
    const reasons = found.failures.length > 0 ? found.failures.map((f) => describeFailure(f, lang)) : [describeFailure({ reason: "noMarker", sheet: file }, lang)];
    io.err(`${reasons.join("\n")}\n`);
    return 2;
  }

  const written: { workbook: string | null; split: string[] } = { workbook: null, split: [] };
  if (opts.output !== undefined && wb) {
    const { applyPlan } = await xlsx();
    await applyPlan(wb, report.plan);
    await outputs.writeWorkbook(wb, opts.output, "-o");
    written.workbook = opts.output;
  }
  if (opts.split !== undefined) {
    await outputs.folder(opts.split);
    const { applyPlan, newWorkbook } = await xlsx();
    for (const o of report.opinions.filter((x) => x.items > 0)) {
      const one = newWorkbook(clock.at);
      await applyPlan(one, { sheets: [{ ...o.plan, mode: "create" }] });
      const target = join(opts.split, `审核意见-${o.district.replace(/[\\/:*?"<>|]/g, "-")}.xlsx`);
      await outputs.writeWorkbook(one, target, "--split");
      written.split.push(target);
    }
  }

  io.out(opts.json ? `${JSON.stringify(toJson(file, at, report, written, lang), null, 2)}\n` : toText(at, report, written, opts.split, lang));
  if (report.review.logProblems.length > 0 && !opts.json) {
    io.err(`${report.review.logProblems.map((p) => `${LOG_PROBLEM_LABEL[lang]}：${logProblemText(p, lang)}`).join("\n")}\n`);
  }
  // An anomaly in the log is never "all clear".
  return report.review.summary.outstanding > 0 || report.review.logProblems.length > 0 ? 1 : 0;
}

function parseOptions(argv: readonly string[]) {
  return parseCommandOptions(argv, {
    output: { type: "string", short: "o" },
    split: { type: "string" },
    json: { type: "boolean" },
    lang: { type: "string" },
    help: { type: "boolean", short: "h" },
    ...COMMON_OPTIONS,
  });
}


const COUNT_KEYS: readonly (keyof ReviewCounts)[] = ["open", "reopened", "sentBack", "fixed", "accepted", "closed", "total"];

function toText(at: string, report: ReportPlan, written: { workbook: string | null; split: string[] }, split: string | undefined, lang: Lang): string {
  const label = STATUS_LABEL[lang];
  const { summary, state, found } = report.review;
  const heads: Record<keyof ReviewCounts, string> = { ...label, reopened: t(lang, "review.head.reopened"), total: t(lang, "review.head.total") };
  const parts: string[] = [t(lang, "review.title", { at: displayTime(at) }), ""];
  const row = (name: string, c: ReviewCounts) => [name, ...COUNT_KEYS.map((k) => String(c[k]))];
  parts.push(
    textTable(
      [t(lang, "review.head.district"), ...COUNT_KEYS.map((k) => heads[k])],
      [...summary.byDistrict.map((d) => row(d.district, d.counts)), row(t(lang, "review.totalRow"), summary.total)],
    ),
    "",
  );
  const pending = state.items.filter(isOutstanding);
  if (pending.length > 0) {
    parts.push(t(lang, "review.pending"));
    const order = { sentBack: 0, open: 1, fixed: 2, accepted: 3 };
    const rows = [...pending]
      .sort((a, b) => a.finding.district.localeCompare(b.finding.district, "zh-CN") || order[a.status] - order[b.status] || subjectCode(a.finding).localeCompare(subjectCode(b.finding)))
      .map((r) => [
        r.finding.district,
        r.reopened ? `${label.open}${aside(label.reopened, lang)}` : label[r.status],
        SEVERITY_LABEL[lang][r.finding.severity],
        subjectCode(r.finding) || "—",
        findingMessage(r.finding, found.templates, lang),
      ]);
    const head = [t(lang, "review.head.district"), t(lang, "review.head.status"), t(lang, "review.head.level"), t(lang, "review.head.code"), t(lang, "review.head.finding")];
    parts.push(textTable(head, rows), "");
    parts.push(t(lang, "review.outstanding", { count: summary.outstanding, open: summary.total.open, sentBack: summary.total.sentBack, fixed: summary.total.fixed }));
  } else {
    parts.push(t(lang, "review.allDone"));
  }
  if (written.workbook) parts.push(t(lang, "review.saved", { file: written.workbook, sheets: report.plan.sheets.map((s) => s.name).join(t(lang, "list.sep")) }));
  if (split !== undefined) {
    parts.push(written.split.length > 0 ? `${t(lang, "review.split", { count: written.split.length })}\n${written.split.map((p) => `  ${p}`).join("\n")}` : t(lang, "review.nothingSent", { folder: split }));
  }
  return `${parts.join("\n")}\n`;
}

const decisionJson = (e: ReviewEntry | undefined) => (e ? { status: e.status, note: e.note, who: e.who, at: e.at, valueKey: e.valueKey } : null);

function toJson(file: string, at: string, report: ReportPlan, written: { workbook: string | null; split: string[] }, lang: Lang) {
  const { summary, state, found } = report.review;
  return {
    file,
    generatedAt: at,
    summary: {
      byDistrict: summary.byDistrict.map((d) => ({ district: d.district, ...d.counts })),
      total: summary.total,
      outstanding: summary.outstanding,
    },
    findings: state.items.map((r) => ({
      id: r.finding.id,
      code: r.finding.code,
      severity: r.finding.severity,
      district: r.finding.district,
      year: r.finding.year ?? null,
      sheet: r.finding.sheet,
      codes: r.finding.codes,
      cells: r.finding.cells.map((c) => `${c.sheet}!${c.address}`),
      valueKey: r.finding.valueKey,
      status: r.status,
      reopened: r.reopened,
      decision: decisionJson(r.decision),
      previous: decisionJson(r.previous),
      history: r.history.length,
      message: findingMessage(r.finding, found.templates, lang),
    })),
    closed: state.closed.map((c) => ({
      id: c.findingId,
      district: c.last.district,
      year: c.last.year ?? null,
      sheet: c.last.sheet,
      codes: c.last.codes,
      cells: c.last.cells,
      closedAt: c.last.at,
      decision: decisionJson(c.decision),
      message: c.last.message,
    })),
    opinions: report.opinions.map((o) => ({ district: o.district, sheet: o.sheetName, items: o.items })),
    logProblems: report.review.logProblems.map((p) => ({ ...p, message: logProblemText(p, lang) })),
    outputs: written,
  };
}
