import { CONSOLIDATION_SHEETS, type Consolidation, type DistrictData } from "../../core/consolidate";
import { indexRowOrder } from "../../core/consolidate/plan-index";
import { countBySeverity } from "../../core/findings/finding";
import { formatFigure } from "../../core/findings/format";
import { SEVERITY_LABEL } from "../../core/findings/render";
import { findingJson } from "../finding-json";
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

  const top = indexRowOrder(c.index).filter((i) => c.index.scores[i] !== undefined).slice(0, 5);
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
