import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { ConsolidateOptions, Normalisation } from "../../core/consolidate";
import type { Lang } from "../../core/findings/format";
import { parseYear } from "../../core/sheet/read-template";
import type { LoadedTemplate } from "../../core/template/load";
import { errorText } from "../error-text";
import { COMMON_OPTIONS, readLimits } from "../common-options";
import { CliError } from "../io";
import { t } from "../text";
import type { PackageLimits } from "../../adapters/xlsx/package-guard";
import { parseCommandOptions, parseLang } from "../options";

/** What `huishen consolidate` was asked to do, checked. */
export interface Options {
  readonly files: readonly string[];
  readonly output: string;
  readonly html: string;
  readonly json: boolean;
  readonly lang: Lang;
  readonly consolidate: ConsolidateOptions;
  /** Dimension code → weight as typed; checked against the edition once it is known. */
  readonly weights?: ReadonlyMap<string, number>;
  readonly verbose: boolean;
  /** The district list file of `--districts @FILE`: an input like the workbooks, never an output. */
  readonly listFile?: string;
  readonly limits?: PackageLimits;
}

export function parseOptions(argv: readonly string[]) {
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
    ...COMMON_OPTIONS,
    help: { type: "boolean", short: "h" },
  });
}

export async function options(v: Record<string, string | boolean | undefined>, files: readonly string[]): Promise<Options> {
  const lang = parseLang(v.lang);
  if (files.length === 0) throw new CliError("请指定要汇总的 .xlsx 文件。Name the district .xlsx files to consolidate.");
  const output = v.output;
  if (typeof output !== "string" || !output.toLowerCase().endsWith(".xlsx")) {
    throw new CliError("请用 -o 指定输出的 .xlsx 文件。Name the output .xlsx file with -o.");
  }
  const html = typeof v.html === "string" ? v.html : output.replace(/\.xlsx$/i, ".html");
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
  const districtList = typeof v.districts === "string" ? await districtNames(v.districts, lang) : undefined;
  const weights = typeof v.weights === "string" ? parseWeights(v.weights) : undefined;
  return { files, output, html, json: v.json === true, lang, weights, verbose: v.verbose === true, listFile: typeof v.districts === "string" && v.districts.startsWith("@") ? v.districts.slice(1) : undefined, limits: readLimits(v["max-size"]), consolidate: { year, city, districtList, normalisation } };
}


/** `荣昌区,渝中区` (Chinese commas and 、 too) or `@file.txt`, one name a line (blank lines and # comments skipped). */
async function districtNames(arg: string, lang: Lang): Promise<string[]> {
  let text = arg;
  if (arg.startsWith("@")) {
    const file = arg.slice(1);
    try {
      text = (await fs.readFile(file, "utf8")).replace(/^\uFEFF/, "");
    } catch (e) {
      throw new CliError(t(lang, "consolidate.listUnreadable", { file, why: errorText(e) }));
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
export function dimensionWeights(given: ReadonlyMap<string, number>, t: LoadedTemplate | undefined, lang: Lang): Map<string, number> | undefined {
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
