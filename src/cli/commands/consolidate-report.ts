import { CONSOLIDATION_SHEETS, type Consolidation, type DistrictData } from "../../core/consolidate";
import { indexRowOrder } from "../../core/consolidate/plan-index";
import { countBySeverity } from "../../core/findings/finding";
import { formatFigure } from "../../core/findings/format";
import { findingJson } from "../finding-json";
import { t } from "../text";
import { textTable } from "../text-table";
import type { Options } from "./consolidate-options";

/** Indicators the text summary totals, when the edition has them: reconsideration, court appearance, mediation. */
const HEADLINE = ["E01", "E02", "E03", "E12", "F04", "C08"] as const;

/** One template sheet of an input file and the sheet it became in the summary workbook. */
export interface TakenSheet {
  readonly file: string;
  readonly from: string;
  readonly sheet: string;
  readonly district: string;
  readonly year?: number;
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

export function toText(c: Consolidation, sheets: readonly TakenSheet[], problems: readonly string[], opts: Options, written: { chartsSkipped: number }): string {
  const lang = opts.lang;
  const sep = t(lang, "list.sep");
  const parts: string[] = [];
  parts.push(t(lang, "consolidate.title", { districts: c.districts.length, year: c.year ?? t(lang, "consolidate.yearUnknown"), template: c.template.key, files: opts.files.length }));
  const where = (d: DistrictData) => t(lang, "consolidate.where", { district: d.name, sheet: d.read.sheet, file: d.file ?? "" });
  parts.push(t(lang, "consolidate.districts", { list: c.districts.map(where).join(sep) }));
  if (c.city) parts.push(t(lang, "consolidate.city", { where: where(c.city) }));
  const leftOut = sheets.filter((s) => !c.districts.some((d) => d.read.sheet === s.sheet) && c.city?.read.sheet !== s.sheet);
  if (leftOut.length > 0) parts.push(t(lang, "consolidate.leftOut", { list: leftOut.map((s) => `${s.sheet} ← ${s.file}`).join(sep) }));
  parts.push("");

  parts.push(t(lang, "consolidate.totals"));
  const rows = headline(c).map((code) => {
    const ind = c.template.byCode.get(code)!;
    const total = c.totals.get(code);
    return [code, ind.name[lang], total === undefined ? "—" : formatFigure(ind, total, lang), `${reporting(c, code)}/${c.districts.length}`];
  });
  parts.push(textTable([t(lang, "consolidate.head.code"), t(lang, "consolidate.head.indicator"), t(lang, "consolidate.head.total"), t(lang, "consolidate.head.reporting")], rows), "");

  const top = indexRowOrder(c.index).filter((i) => c.index.scores[i] !== undefined).slice(0, 5);
  parts.push(t(lang, "consolidate.top"));
  parts.push(
    top.length > 0
      ? textTable(
          [t(lang, "consolidate.head.rank"), t(lang, "consolidate.head.district"), t(lang, "consolidate.head.score"), t(lang, "consolidate.head.range")],
          top.map((i) => {
            const s = c.index.stability[i];
            return [String(c.index.ranks[i] ?? "—"), c.districts[i].name, c.index.scores[i]!.toFixed(1), s ? `${s.best}–${s.worst}` : "—"];
          }),
        )
      : t(lang, "consolidate.noScore"),
    "",
  );

  parts.push(t(lang, "consolidate.findings", { ...countBySeverity(c.findings), sheet: CONSOLIDATION_SHEETS.findings }));
  if (problems.length > 0) parts.push(t(lang, "consolidate.noTemplate", { count: problems.length }));
  parts.push(t(lang, "consolidate.wrote", { output: opts.output, html: opts.html }));
  if (written.chartsSkipped > 0) parts.push(t(lang, "consolidate.charts", { count: written.chartsSkipped, html: opts.html }));
  return `${parts.join("\n")}\n`;
}

export function toJson(c: Consolidation, sheets: readonly TakenSheet[], problems: readonly string[], opts: Options) {
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
    findings: c.findings.map((f) => findingJson(f, new Map([[c.template.key, c.template]]), opts.lang)),
  };
}
