import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { ConsolidateOptions, Normalisation } from "../../core/consolidate";
import type { Lang } from "../../core/findings/format";
import { parseYear } from "../../core/sheet/read-template";
import type { LoadedTemplate } from "../../core/template/load";
import { errorText } from "../error-text";
import { COMMON_OPTIONS, readLimits } from "../common-options";
import { CliError, words } from "../io";
import { t as say } from "../text";
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
  if (files.length === 0) throw new CliError(words("arg.consolidateFiles"));
  const output = v.output;
  if (typeof output !== "string" || !output.toLowerCase().endsWith(".xlsx")) {
    throw new CliError(words("arg.output"));
  }
  const html = typeof v.html === "string" ? v.html : output.replace(/\.xlsx$/i, ".html");
  if (path.resolve(html) === path.resolve(output)) throw new CliError(words("arg.htmlIsOutput"));

  let year: number | undefined;
  if (typeof v.year === "string") {
    year = parseYear(v.year);
    if (year === undefined) throw new CliError(words("arg.year", { year: v.year }));
  }
  let normalisation: Normalisation | undefined;
  if (typeof v.normalise === "string") {
    const n = v.normalise.trim().toLowerCase();
    if (n === "min-max" || n === "minmax") normalisation = "minmax";
    else if (n === "goalposts") normalisation = "goalposts";
    else throw new CliError(words("arg.normalise"));
  }
  const city = typeof v.city === "string" && v.city.trim() ? v.city.trim() : undefined;
  const districtList = typeof v.districts === "string" ? await districtNames(v.districts) : undefined;
  const weights = typeof v.weights === "string" ? parseWeights(v.weights) : undefined;
  return { files, output, html, json: v.json === true, lang, weights, verbose: v.verbose === true, listFile: typeof v.districts === "string" && v.districts.startsWith("@") ? v.districts.slice(1) : undefined, limits: readLimits(v["max-size"]), consolidate: { year, city, districtList, normalisation } };
}


/** `荣昌区,渝中区` (Chinese commas and 、 too) or `@file.txt`, one name a line (blank lines and # comments skipped). */
async function districtNames(arg: string): Promise<string[]> {
  let text = arg;
  if (arg.startsWith("@")) {
    const file = arg.slice(1);
    try {
      text = (await fs.readFile(file, "utf8")).replace(/^\uFEFF/, "");
    } catch (e) {
      throw new CliError(words("consolidate.listUnreadable", { file, why: errorText(e) }));
    }
    text = text
      .split(/\r?\n/)
      .filter((l) => !l.trim().startsWith("#"))
      .join("\n");
  }
  const names = text.split(/[\n,，、]/).map((s) => s.trim()).filter((s) => s !== "");
  if (names.length === 0) throw new CliError(words("arg.noDistricts"));
  return [...new Set(names)];
}

/** `A=2,B=1.5`: dimension code → weight ≥ 0. */
function parseWeights(arg: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of arg.split(/[,，]/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z0-9_]+)\s*[=＝:]\s*(\S+)$/.exec(part);
    const w = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(w) || w < 0) throw new CliError(words("arg.weight", { part }));
    out.set(m[1].toUpperCase(), w);
  }
  if (out.size === 0) throw new CliError(words("arg.noWeights"));
  return out;
}

/** Every dimension of the edition: the ones named get their weight, the others keep the default 1. */
export function dimensionWeights(given: ReadonlyMap<string, number>, edition: LoadedTemplate | undefined): Map<string, number> | undefined {
  if (!edition) return undefined;
  const dims = edition.template.dimensions.map((d) => d.code);
  const unknown = [...given.keys()].filter((k) => !dims.includes(k));
  if (unknown.length > 0) {
    const template = edition.key;
    throw new CliError((lang) => say(lang, "arg.unknownDimension", { template, unknown: unknown.join(say(lang, "list.sep")), codes: dims.join(say(lang, "list.sep")) }));
  }
  const weights = new Map(dims.map((d) => [d, given.get(d) ?? 1]));
  if ([...weights.values()].every((w) => w === 0)) throw new CliError(words("arg.zeroWeights"));
  return weights;
}
