import { promises as fs } from "node:fs";
import * as path from "node:path";
import type * as ExcelJS from "exceljs";
import { CONSOLIDATION_SHEETS, consolidate, planConsolidation, type ConsolidateOptions, type Consolidation, type DistrictData, type DistrictSource, type Normalisation } from "../../core/consolidate";
import { countBySeverity } from "../../core/findings/finding";
import { formatFigure, type Lang } from "../../core/findings/format";
import { SEVERITY_LABEL } from "../../core/findings/render";
import type { SheetSnapshot } from "../../core/grid";
import { safeSheetName } from "../../core/sheet/layout";
import { findMarker, parseYear, readTemplateSheet } from "../../core/sheet/read-template";
import type { LoadedTemplate } from "../../core/template/load";
import { builtinRegistry } from "../../core/template/registry";
import { applyPlan, copyWorksheet, newWorkbook, snapshotWorkbook, writeWorkbookFile, XlsxWriteError } from "../../adapters/xlsx";
import { describeFailure } from "../failures";
import { findingJson } from "../finding-json";
import { CliError, type Io } from "../io";
import { parseCommandOptions, parseLang } from "../options";
import { readInput } from "../read-input";
import { renderReportHtml } from "../report-html";
import { textTable } from "../text-table";
import { USAGE } from "../usage";

/** Indicators the text summary totals, when the edition has them: reconsideration, court appearance, mediation. */
const HEADLINE = ["E01", "E02", "E03", "E12", "F04", "C08"] as const;

interface Options {
  readonly files: readonly string[];
  readonly output: string;
  readonly html: string;
  readonly json: boolean;
  readonly lang: Lang;
  readonly consolidate: ConsolidateOptions;
  /** Dimension code → weight as typed; checked against the edition once it is known. */
  readonly weights?: ReadonlyMap<string, number>;
}

/** One template sheet of an input file and the sheet it became in the summary workbook. */
interface TakenSheet {
  readonly file: string;
  readonly from: string;
  readonly sheet: string;
  readonly district: string;
  readonly year?: number;
}

/**
 * `huishen consolidate FILES... -o summary.xlsx [--json] [--lang zh|en] [--city NAME] [--districts LIST|@FILE]
 * [--year N] [--normalise min-max|goalposts] [--weights A=2,B=1] [--html REPORT.html]`
 * → 0 no error or warning, 1 findings (or a file without a template sheet), 2 usage or unreadable input.
 */
export async function runConsolidate(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseOptions(argv);
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  const opts = await options(parsed.values, parsed.positionals);
  const zh = opts.lang === "zh";

  // Read every file first: one unreadable file stops the run before anything is written.
  const books: { file: string; wb: ExcelJS.Workbook }[] = [];
  let unreadable = 0;
  for (const file of opts.files) {
    const wb = await readInput(file, io);
    if (wb) books.push({ file, wb });
    else unreadable++;
  }
  if (unreadable > 0) {
    return 2;
  }

  // Copy every template sheet into the summary workbook under "<district> <year>".
  const registry = builtinRegistry();
  const out = newWorkbook();
  const taken: string[] = Object.values(CONSOLIDATION_SHEETS);
  const sources: DistrictSource[] = [];
  const sheets: TakenSheet[] = [];
  const problems: string[] = [];
  const templates: LoadedTemplate[] = [];
  const unreadableSheets: string[] = [];
  for (const { file, wb } of books) {
    const snapshots = snapshotWorkbook(wb);
    const renamed: SheetSnapshot[] = [];
    snapshots.forEach((s, i) => {
      if (!findMarker(s)) return;
      const read = readTemplateSheet(s, registry);
      if (read.ok) templates.push(read.value.template);
      else unreadableSheets.push(`${path.basename(file)}: ${describeFailure(read.error, opts.lang)}`);
      const district = read.ok ? read.value.district : "";
      const year = read.ok ? read.value.year : undefined;
      const wanted = district ? [district, year].filter((x) => x !== undefined).join(" ") : `${path.parse(file).name} ${s.name}`;
      const name = safeSheetName(wanted, taken);
      taken.push(name);
      copyWorksheet(wb.worksheets[i], out, name);
      renamed.push({ ...s, name });
      sheets.push({ file: path.basename(file), from: s.name, sheet: name, district, year });
    });
    if (renamed.length === 0) problems.push(describeFailure({ reason: "noMarker", sheet: file }, opts.lang));
    else sources.push({ snapshots: renamed, file: path.basename(file), inWorkbook: true });
  }

  const weights = opts.weights && dimensionWeights(opts.weights, mostCommon(templates), opts.lang);
  const c = consolidate(sources, { ...opts.consolidate, ...(weights ? { dimensionWeights: weights } : {}) }, registry);
  if (!c) {
    const reasons = [...problems, ...unreadableSheets];
    if (reasons.length === 0) reasons.push(zh ? "没有可汇总的汇审模板工作表。" : "No Huishen template sheet to consolidate.");
    io.err(`${reasons.join("\n")}\n`);
    return 2;
  }

  const plan = planConsolidation(c, snapshotWorkbook(out), opts.lang);
  const applied = await applyPlan(out, plan);
  putFirst(out, Object.values(CONSOLIDATION_SHEETS));
  try {
    await writeWorkbookFile(out, opts.output);
  } catch (e) {
    if (!(e instanceof XlsxWriteError)) throw e;
    io.err(`${e.message}\n`);
    return 2;
  }
  try {
    await fs.writeFile(opts.html, renderReportHtml(c, { problems }), "utf8");
  } catch (e) {
    io.err(zh ? `无法保存报告：${opts.html}（${errorText(e)}）\n` : `Cannot save the report: ${opts.html} (${errorText(e)})\n`);
    return 2;
  }

  const written = { chartsSkipped: applied.chartsSkipped };
  io.out(opts.json ? `${JSON.stringify({ ...toJson(c, sheets, problems, opts), ...written }, null, 2)}\n` : toText(c, sheets, problems, opts, written));
  if (problems.length > 0 && !opts.json) io.err(`${problems.join("\n")}\n`);
  return problems.length > 0 || c.findings.some((f) => f.severity !== "info") ? 1 : 0;
}

function parseOptions(argv: readonly string[]) {
  return parseCommandOptions(argv, {
    output: { type: "string", short: "o" },
    json: { type: "boolean" },
    lang: { type: "string" },
    city: { type: "string" },
    districts: { type: "string" },
    year: { type: "string" },
    normalise: { type: "string" },
    weights: { type: "string" },
    html: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
}

async function options(v: Record<string, string | boolean | undefined>, files: readonly string[]): Promise<Options> {
  const lang = parseLang(v.lang);
  const zh = lang === "zh";
  if (files.length === 0) throw new CliError("请指定要汇总的 .xlsx 文件。Name the district .xlsx files to consolidate.");
  const output = v.output;
  if (typeof output !== "string" || !output.toLowerCase().endsWith(".xlsx")) {
    throw new CliError("请用 -o 指定输出的 .xlsx 文件。Name the output .xlsx file with -o.");
  }
  const html = typeof v.html === "string" ? v.html : output.replace(/\.xlsx$/i, ".html");
  const inputs = new Set(files.map((f) => path.resolve(f)));
  for (const [what, p] of [["-o", output], ["--html", html]] as const) {
    if (inputs.has(path.resolve(p))) throw new CliError(`${what} 不能是输入文件之一（输入文件从不改动）。${what} must not be one of the input files (inputs are never changed).`);
  }
  if (path.resolve(html) === path.resolve(output)) throw new CliError("--html 不能与 -o 相同。--html must differ from -o.");

  let year: number | undefined;
  if (typeof v.year === "string") {
    year = parseYear(v.year);
    if (year === undefined) throw new CliError(`年度“${v.year}”不是四位年份。The year must have four digits.`);
  }
  let normalisation: Normalisation | undefined;
  if (typeof v.normalise === "string") {
    const n = v.normalise.trim().toLowerCase();
    if (n === "min-max" || n === "minmax") normalisation = "minmax";
    else if (n === "goalposts") normalisation = "goalposts";
    else throw new CliError(`--normalise 只能是 min-max 或 goalposts。--normalise is min-max or goalposts.`);
  }
  const city = typeof v.city === "string" && v.city.trim() ? v.city.trim() : undefined;
  const districtList = typeof v.districts === "string" ? await districtNames(v.districts, zh) : undefined;
  const weights = typeof v.weights === "string" ? parseWeights(v.weights) : undefined;
  return { files, output, html, json: v.json === true, lang, weights, consolidate: { year, city, districtList, normalisation } };
}


/** `荣昌区,渝中区` (Chinese commas and 、 too) or `@file.txt`, one name a line (blank lines and # comments skipped). */
async function districtNames(arg: string, zh: boolean): Promise<string[]> {
  let text = arg;
  if (arg.startsWith("@")) {
    const file = arg.slice(1);
    try {
      text = (await fs.readFile(file, "utf8")).replace(/^\uFEFF/, "");
    } catch (e) {
      throw new CliError(zh ? `无法读取区县名单：${file}（${errorText(e)}）` : `Cannot read the district list: ${file} (${errorText(e)})`);
    }
    text = text
      .split(/\r?\n/)
      .filter((l) => !l.trim().startsWith("#"))
      .join("\n");
  }
  const names = text.split(/[\n,，、]/).map((s) => s.trim()).filter((s) => s !== "");
  if (names.length === 0) throw new CliError("--districts 没有区县名称。--districts names no district.");
  return [...new Set(names)];
}

/** `A=2,B=1.5`: dimension code → weight ≥ 0. */
function parseWeights(arg: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of arg.split(/[,，]/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z0-9_]+)\s*[=＝:]\s*(\S+)$/.exec(part);
    const w = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(w) || w < 0) throw new CliError(`权重“${part}”应写成 维度代码=非负数，如 A=2。Write each weight as CODE=number ≥ 0, e.g. A=2.`);
    out.set(m[1].toUpperCase(), w);
  }
  if (out.size === 0) throw new CliError("--weights 没有权重。--weights gives no weight.");
  return out;
}

/** Every dimension of the edition: the ones named get their weight, the others keep the default 1. */
function dimensionWeights(given: ReadonlyMap<string, number>, t: LoadedTemplate | undefined, lang: Lang): Map<string, number> | undefined {
  if (!t) return undefined;
  const dims = t.template.dimensions.map((d) => d.code);
  const unknown = [...given.keys()].filter((k) => !dims.includes(k));
  if (unknown.length > 0) {
    throw new CliError(
      lang === "zh"
        ? `模板 ${t.key} 没有维度 ${unknown.join("、")}（维度代码：${dims.join("、")}）。`
        : `Template ${t.key} has no dimension ${unknown.join(", ")} (dimension codes: ${dims.join(", ")}).`,
    );
  }
  const weights = new Map(dims.map((d) => [d, given.get(d) ?? 1]));
  if ([...weights.values()].every((w) => w === 0)) throw new CliError("权重不能全为 0。The weights cannot all be 0.");
  return weights;
}

/** The edition most sheets use (the consolidation picks the same one). */
function mostCommon(templates: readonly LoadedTemplate[]): LoadedTemplate | undefined {
  const counts = new Map<string, { t: LoadedTemplate; n: number }>();
  for (const t of templates) {
    const c = counts.get(t.key);
    if (c) c.n++;
    else counts.set(t.key, { t, n: 1 });
  }
  let best: { t: LoadedTemplate; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.t;
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

/** An error's code (ENOENT, EACCES) or else its message: by shape, since Node's errors may come from another realm. */
function errorText(e: unknown): string {
  const code = e && typeof e === "object" ? (e as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : messageOf(e);
}

function messageOf(e: unknown): string {
  const message = e && typeof e === "object" ? (e as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message : String(e);
}

/** Districts in index order: best score first, unscored last. */
function byScore(c: Consolidation): number[] {
  const { scores } = c.index;
  return c.districts.map((_, i) => i).sort((a, b) => (scores[b] ?? -1) - (scores[a] ?? -1) || c.districts[a].name.localeCompare(c.districts[b].name, "zh-CN"));
}

function headline(c: Consolidation): string[] {
  const codes = HEADLINE.filter((code) => c.template.byCode.has(code));
  return codes.length > 0 ? codes : c.template.template.indicators.slice(0, 5).map((i) => i.code);
}

/** Districts behind a total: for a rate with counts, the ones giving both counts (the total is Σnumerator ÷ Σdenominator). */
function reporting(c: Consolidation, code: string): number {
  const ind = c.template.byCode.get(code);
  if (ind?.kind === "rate" && ind.numerator !== undefined && ind.denominator !== undefined) {
    return c.districts.filter((d) => d.figures.has(ind.numerator!) && d.figures.has(ind.denominator!)).length;
  }
  return c.districts.filter((d) => d.figures.has(code)).length;
}

function toText(c: Consolidation, sheets: readonly TakenSheet[], problems: readonly string[], opts: Options, written: { chartsSkipped: number }): string {
  const zh = opts.lang === "zh";
  const parts: string[] = [];
  const year = c.year ?? (zh ? "未定" : "unknown");
  parts.push(
    zh
      ? `汇总 ${c.districts.length} 个区县（${year} 年度，模板 ${c.template.key}，来自 ${opts.files.length} 个文件）`
      : `Consolidated ${c.districts.length} districts (year ${year}, template ${c.template.key}, from ${opts.files.length} files)`,
  );
  const where = (d: DistrictData) => (zh ? `${d.name}（${d.read.sheet} ← ${d.file ?? ""}）` : `${d.name} (${d.read.sheet} ← ${d.file ?? ""})`);
  parts.push((zh ? "区县：" : "Districts: ") + c.districts.map(where).join(zh ? "、" : ", "));
  if (c.city) parts.push((zh ? "市级：" : "City: ") + where(c.city));
  const leftOut = sheets.filter((s) => !c.districts.some((d) => d.read.sheet === s.sheet) && c.city?.read.sheet !== s.sheet);
  if (leftOut.length > 0) parts.push((zh ? "未计入：" : "Left out: ") + leftOut.map((s) => `${s.sheet} ← ${s.file}`).join(zh ? "、" : ", ") + (zh ? "（原因见问题清单）" : " (see the findings)"));
  parts.push("");

  parts.push(zh ? "全市合计（各区县填报数之和，比率为分子合计 ÷ 分母合计）：" : "Municipal totals (sums of what the districts report; rates as Σnumerator ÷ Σdenominator):");
  const rows = headline(c).map((code) => {
    const ind = c.template.byCode.get(code)!;
    const total = c.totals.get(code);
    return [code, zh ? ind.name.zh : ind.name.en, total === undefined ? "—" : formatFigure(ind, total, opts.lang), `${reporting(c, code)}/${c.districts.length}`];
  });
  parts.push(textTable(zh ? ["编码", "指标", "合计", "填报区县"] : ["Code", "Indicator", "Total", "Reported by"], rows), "");

  const top = byScore(c).filter((i) => c.index.scores[i] !== undefined).slice(0, 5);
  parts.push(zh ? "法治政府建设综合指数 前 5 名（名次区间：权重随机变动 ±20% 时的最好与最差名次）：" : "Composite index, top 5 (rank range: best and worst rank when the weights vary at random):");
  parts.push(
    top.length > 0
      ? textTable(
          zh ? ["名次", "区县", "得分", "名次区间"] : ["Rank", "District", "Score", "Rank range"],
          top.map((i) => {
            const s = c.index.stability[i];
            return [String(c.index.ranks[i] ?? "—"), c.districts[i].name, c.index.scores[i]!.toFixed(1), s ? `${s.best}–${s.worst}` : "—"];
          }),
        )
      : zh
        ? "没有可计分的区县。"
        : "No district could be scored.",
    "",
  );

  const n = countBySeverity(c.findings);
  parts.push(
    zh
      ? `问题：${SEVERITY_LABEL.zh.error} ${n.error} 项，${SEVERITY_LABEL.zh.warning} ${n.warning} 项，${SEVERITY_LABEL.zh.info} ${n.info} 项（详见“${CONSOLIDATION_SHEETS.findings}”工作表）`
      : `Findings: ${n.error} errors, ${n.warning} warnings, ${n.info} info (see the "${CONSOLIDATION_SHEETS.findings}" sheet)`,
  );
  if (problems.length > 0) parts.push((zh ? `另有 ${problems.length} 个文件没有模板工作表。` : `${problems.length} file(s) have no template sheet.`));
  parts.push(zh ? `已生成 ${opts.output} 和 ${opts.html}` : `Wrote ${opts.output} and ${opts.html}`);
  if (written.chartsSkipped > 0) {
    parts.push(zh ? `（.xlsx 文件无法写入图表，${written.chartsSkipped} 个图表见 ${opts.html}）` : `(.xlsx files written here cannot hold charts: ${written.chartsSkipped} chart(s) are in ${opts.html} instead)`);
  }
  return `${parts.join("\n")}\n`;
}

function toJson(c: Consolidation, sheets: readonly TakenSheet[], problems: readonly string[], opts: Options) {
  const district = (d: DistrictData) => ({ name: d.name, year: d.year ?? null, sheet: d.read.sheet, file: d.file ?? null });
  return {
    output: opts.output,
    html: opts.html,
    template: c.template.key,
    year: c.year ?? null,
    sheets: sheets.map((s) => ({ file: s.file, from: s.from, sheet: s.sheet, district: s.district, year: s.year ?? null })),
    problems,
    districts: c.districts.map(district),
    city: c.city ? district(c.city) : null,
    totals: Object.fromEntries(c.totals),
    index: {
      normalisation: c.settings.normalisation,
      weights: Object.fromEntries(c.settings.dimensionWeights),
      stability: c.settings.stability,
      districts: c.districts.map((d, i) => ({
        name: d.name,
        score: c.index.scores[i] ?? null,
        rank: c.index.ranks[i] ?? null,
        best: c.index.stability[i]?.best ?? null,
        worst: c.index.stability[i]?.worst ?? null,
      })),
    },
    counts: countBySeverity(c.findings),
    findings: c.findings.map((f) => findingJson(f, c.template, opts.lang)),
  };
}
