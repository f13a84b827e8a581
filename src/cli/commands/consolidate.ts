import * as path from "node:path";
import type * as ExcelJS from "exceljs";
import { CONSOLIDATION_SHEETS, planConsolidate, type DistrictFile } from "../../core/consolidate";
import { mostCommonTemplate } from "../../core/consolidate/gather";
import type { SheetSnapshot } from "../../core/grid";
import { districtSheetName, safeSheetName } from "../../core/sheet/layout";
import { findMarker, identifyTemplateSheet } from "../../core/sheet/read-template";
import type { LoadedTemplate } from "../../core/template/load";
import { builtinRegistry } from "../../core/template/registry";
import { applyPlan, copyWorksheet, newWorkbook } from "../../adapters/xlsx";
import { addXmlCopy, takeCopyFlags } from "../../adapters/xlsx/xml-copies";
import { runClock } from "../clock";
import { describeFailure } from "../failures";
import type { Io } from "../io";
import { parseLang } from "../options";
import { Outputs } from "../outputs";
import { readDistrictInput } from "../read-input";
import type { DistrictFileRead } from "../workbook-files";
import { renderReportHtml } from "../../core/consolidate/report-html";
import { t } from "../text";
import { USAGE } from "../usage";
import { dimensionWeights, options, parseOptions } from "./consolidate-options";
import { toJson, toText, type TakenSheet } from "./consolidate-report";

/**
 * `huishen consolidate FILES... -o summary.xlsx [--json] [--lang zh|en] [--city NAME] [--districts LIST|@FILE]
 * [--year N] [--normalise min-max|goalposts] [--weights A=2,B=1] [--html REPORT.html]`
 * → 0 no error or warning, 1 findings (or a file without a template sheet), 2 usage or unreadable input.
 */
export async function runConsolidate(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseOptions(argv);
  if (parsed.values.help) {
    io.out(USAGE[parseLang(parsed.values.lang)]);
    return 0;
  }
  const opts = await options(parsed.values, parsed.positionals);
  const clock = runClock();
  const outputs = await Outputs.forInputs([...opts.files, ...(opts.listFile ? [opts.listFile] : [])], clock.at);
  await outputs.check(opts.output, "-o");
  await outputs.check(opts.html, "--html");

  // Read every file first: one unreadable file stops the run before anything is written.
  const books: ({ file: string } & DistrictFileRead)[] = [];
  let unreadable = 0;
  for (const file of opts.files) {
    const read = await readDistrictInput(file, { io, lang: opts.lang, verbose: opts.verbose, limits: opts.limits });
    if (read) books.push({ file, ...read });
    else unreadable++;
  }
  if (unreadable > 0) {
    return 2;
  }

  // Copy every template sheet into the summary workbook under "<district> <year>".
  const registry = builtinRegistry();
  const out = newWorkbook(clock.at);
  const taken: string[] = Object.values(CONSOLIDATION_SHEETS);
  const files: DistrictFile[] = [];
  const sheets: TakenSheet[] = [];
  const problems: string[] = [];
  const templates: LoadedTemplate[] = [];
  const unreadableSheets: string[] = [];
  for (const { file, wb, pkg, sheets: snapshots } of books) {
    const renamed: SheetSnapshot[] = [];
    for (const [i, s] of snapshots.entries()) {
      if (!findMarker(s)) continue;
      // Which district and year, to name the copy: its rows are read once, by the consolidation.
      const read = identifyTemplateSheet(s, registry);
      if (read.ok) templates.push(read.value.template);
      else unreadableSheets.push(`${path.basename(file)}: ${describeFailure(read.error, opts.lang)}`);
      const district = read.ok ? read.value.district : "";
      const year = read.ok ? read.value.year : undefined;
      // A long district name is shortened before its year, so two years of one district never collide.
      const name = district ? districtSheetName(district, year, taken).name : safeSheetName(`${path.parse(file).name} ${s.name}`, taken);
      taken.push(name);
      if (wb) copyWorksheet(wb.worksheets[i], out, name, { sourceDiscarded: true });
      else await addXmlCopy(pkg, s, out, name);
      renamed.push({ ...s, name });
      sheets.push({ file: path.basename(file), from: s.name, sheet: name, district, year });
    }
    if (renamed.length === 0) problems.push(describeFailure({ reason: "noMarker", sheet: file }, opts.lang));
    else files.push({ name: path.basename(file), sheets: renamed, copied: true });
  }

  const weights = opts.weights && dimensionWeights(opts.weights, mostCommonTemplate(templates));
  const consolidateOptions = { ...opts.consolidate, ...(weights ? { dimensionWeights: weights } : {}) };
  // The summary workbook holds only the copies, read already as their originals (renamed): not read again.
  const copies = files.flatMap((f) => f.sheets);
  const outcome = planConsolidate({ sheets: copies }, { workbookSheets: "none", files, options: consolidateOptions, lang: opts.lang });
  if (!outcome.ok) {
    const reasons = [...problems, ...unreadableSheets];
    if (reasons.length === 0) reasons.push(t(opts.lang, "consolidate.none"));
    io.err(`${reasons.join("\n")}\n`);
    return 2;
  }

  const { consolidation: c, plan } = outcome;
  const applied = await applyPlan(out, takeCopyFlags(out, plan), { forWriting: true });
  putFirst(out, Object.values(CONSOLIDATION_SHEETS));
  await outputs.writeWorkbook(out, opts.output, "-o");
  await outputs.write(opts.html, renderReportHtml(c, { problems, generatedAt: clock.at, lang: opts.lang }), "--html");

  const written = { chartsSkipped: applied.chartsSkipped };
  io.out(opts.json ? `${JSON.stringify({ ...toJson(c, sheets, problems, opts), ...written }, null, 2)}\n` : toText(c, sheets, problems, opts, written));
  if (problems.length > 0 && !opts.json) io.err(`${problems.join("\n")}\n`);
  return problems.length > 0 || c.findings.some((f) => f.severity !== "info") ? 1 : 0;
}

/** ExcelJS orders tabs by `orderNo` (missing from its typings). */
interface Ordered {
  orderNo: number;
}

/**
 * Huishen's sheets first in the tab order, the district sheets after them. The sheet the workbook
 * opens on (the one marked selected) stays the active tab.
 */
function putFirst(wb: ExcelJS.Workbook, names: readonly string[]): void {
  const sheets = wb.worksheets;
  const rank = (ws: ExcelJS.Worksheet) => {
    const i = names.indexOf(ws.name);
    return i < 0 ? names.length : i;
  };
  const ordered = [...sheets].sort((a, b) => rank(a) - rank(b) || sheets.indexOf(a) - sheets.indexOf(b));
  ordered.forEach((ws, i) => ((ws as unknown as Ordered).orderNo = i + 1));
  const selected = ordered.findIndex((ws) => (ws.views as ({ tabSelected?: boolean } | undefined)[] | null)?.[0]?.tabSelected);
  const view = Array.isArray(wb.views) ? wb.views[0] : undefined;
  if (view && selected >= 0) {
    view.activeTab = selected;
    view.firstSheet = 0;
  }
}
