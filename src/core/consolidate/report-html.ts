/**
 * The picture beside the summary workbook: ExcelJS cannot write charts, so `huishen consolidate` and the
 * workbench also write one self-contained HTML page (inline CSS and SVG, no script, nothing fetched) with the
 * composite index as a bar chart, each district's rank range, the normalised scores per dimension as
 * a colour-scaled table, and the finding counts. Pure: a Consolidation in, a string out.
 */
import type { Consolidation } from "./model";
import { stabilityDraws } from "./composite";
import { countBySeverity, type Finding } from "../findings/finding";
import type { Lang } from "../findings/format";
import { sheetLabel } from "../text/sheet-label";
import { MARKS, aside } from "../text/wording";

export interface ReportHtmlOptions {
  /** Problems outside the consolidation (a file without a template sheet), already worded. */
  readonly problems?: readonly string[];
  readonly generatedAt?: Date;
  /** The reader's language (zh-CN by default): Chinese, or Chinese then English, as the workbook's sheets. */
  readonly lang?: Lang;
}

type Words = { readonly zh: string; readonly en: string };

/** A heading: Chinese, and for an English reader the English beneath it. */
function heading(w: Words, lang: Lang): string {
  return lang === "en" ? `${escapeHtml(w.zh)}<small>${escapeHtml(w.en)}</small>` : escapeHtml(w.zh);
}

/** A label or a sentence, as the sheets word it (`sheetLabel`): Chinese, then the English for an English reader. */
function say(w: Words, lang: Lang): string {
  return escapeHtml(sheetLabel(w, lang, " "));
}

/** A district's place as the chart labels it: 第 3 名（1–5）, rank 3 (1–5). */
function placeText(rank: number | undefined, range: { best: number; worst: number } | undefined, lang: Lang): string {
  const spread = range ? aside(`${range.best}–${range.worst}`, lang) : "";
  return lang === "en" ? `rank ${rank ?? "—"}${spread}` : `第 ${rank ?? "—"} 名${spread}`;
}

const NORMALISATION = { minmax: "最小-最大 min-max", goalposts: "目标值 goalposts" } as const;
const SEVERITY = [
  { key: "error", zh: "错误", en: "errors", colour: "#F8CBAD" },
  { key: "warning", zh: "警告", en: "warnings", colour: "#FFE699" },
  { key: "info", zh: "提示", en: "info", colour: "#DDEBF7" },
] as const;

/** Every text goes through here, in elements and attributes alike. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

/** Excel's red–yellow–green colour scale over 0–100. */
export function scaleColour(score: number): string {
  const stops = [
    [0, [0xf8, 0x69, 0x6b]],
    [50, [0xff, 0xeb, 0x84]],
    [100, [0x63, 0xbe, 0x7b]],
  ] as const;
  const s = Math.max(0, Math.min(100, score));
  const [lo, hi] = s <= 50 ? [stops[0], stops[1]] : [stops[1], stops[2]];
  const t = (s - lo[0]) / (hi[0] - lo[0]);
  return `#${lo[1].map((c, i) => Math.round(c + (hi[1][i] - c) * t).toString(16).padStart(2, "0")).join("")}`;
}

/** Per district, per dimension of the edition: the weighted mean of its normalised indicator scores × 100. */
export function dimensionScores(c: Consolidation): (number | undefined)[][] {
  const dimensionOf = new Map(c.template.template.indicators.map((i) => [i.code, i.dimension]));
  return c.districts.map((_, d) =>
    c.template.template.dimensions.map((dim) => {
      let sum = 0;
      let weight = 0;
      for (const code of c.index.indicators) {
        const n = c.index.normalised[d]?.get(code);
        if (dimensionOf.get(code) !== dim.code || n === undefined) continue;
        const w = c.index.indicatorWeights.get(code) ?? 1;
        sum += w * n;
        weight += w;
      }
      return weight > 0 ? (100 * sum) / weight : undefined;
    }),
  );
}

export function renderReportHtml(c: Consolidation, opts: ReportHtmlOptions = {}): string {
  const lang = opts.lang ?? "zh";
  const t = c.template.template;
  const order = c.districts.map((_, i) => i).sort((a, b) => (c.index.scores[b] ?? -1) - (c.index.scores[a] ?? -1) || c.districts[a].name.localeCompare(c.districts[b].name, "zh-CN"));
  const title = `${t.title.zh}汇总报告${c.year ? `（${c.year} 年度）` : ""}`;
  const weights = t.dimensions.map((d) => `${d.code} ${d.name[lang]} ${fmt(c.settings.dimensionWeights.get(d.code) ?? 0)}`).join(MARKS[lang].list);
  const when = (opts.generatedAt ?? new Date()).toISOString().replace("T", " ").slice(0, 16);
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${heading({ zh: title, en: `${t.title.en} — consolidated report` }, lang)}</h1>
<p class="meta">${escapeHtml(
    sheetLabel(
      {
        zh: `${c.districts.length} 个区县 · 模板 ${c.template.key} · 归一化 ${NORMALISATION[c.settings.normalisation]} · 生成于 ${when} UTC`,
        en: `${c.districts.length} districts · template ${c.template.key} · generated ${when} UTC`,
      },
      lang,
      " · ",
    ),
  )}</p>
<h2>${heading({ zh: "法治政府建设综合指数", en: "Composite index" }, lang)}</h2>
<p class="note">${say(
    {
      zh: `得分 0–100，按区县填报的指标加权计算；名次区间为各维度权重随机变动 ±${Math.round(c.settings.stability.spread * 100)}%（${stabilityDraws(c.settings.stability.draws)} 次）时的最好与最差名次。`,
      en: "Score 0–100 over the indicators each district reports; the whisker spans the best and worst rank when the dimension weights vary at random.",
    },
    lang,
  )}</p>
${indexChart(c, order, lang)}
<p class="note">${escapeHtml(`${sheetLabel({ zh: "维度权重", en: "Dimension weights" }, lang, " ")}${MARKS[lang].colon}${weights}`)}</p>
<h2>${heading({ zh: "各维度归一化得分", en: "Normalised score per dimension (0–100)" }, lang)}</h2>
${dimensionTable(c, order, lang)}
<h2>${heading({ zh: "问题", en: "Findings" }, lang)}</h2>
${findingsSection(c.findings, c, opts.problems ?? [], lang)}
<footer>${say({ zh: "汇审 · 数值以汇总工作簿中的公式为准", en: "Huishen · The workbook's formulas are the reference for every number." }, lang)}</footer>
</body>
</html>
`;
}

const STYLE = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px auto;max-width:1000px;color:#222;padding:0 16px}
h1{font-size:22px;color:#1F4E79;margin-bottom:4px}h1 small,h2 small{display:block;font-size:13px;color:#666;font-weight:normal}
h2{font-size:17px;color:#1F4E79;border-bottom:2px solid #DDEBF7;padding-bottom:4px;margin-top:28px}
.meta,.note{color:#595959;font-size:13px}svg{max-width:100%;height:auto}svg text{font-size:12px;fill:#222}
svg .axis{stroke:#bbb}svg .grid{stroke:#eee}svg .whisker{stroke:#1F4E79;stroke-width:2}svg .dot{fill:#1F4E79}svg .muted{fill:#888}
table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{border:1px solid #d0d7e0;padding:4px 8px;text-align:right}
th{background:#1F4E79;color:#fff;font-weight:normal}th small{display:block;color:#DDEBF7}td.name,th.name{text-align:left;white-space:nowrap}th:first-child{white-space:nowrap}
td.blank{color:#999;text-align:center}.counts{display:flex;gap:12px;margin:8px 0}.count{padding:8px 16px;border-radius:4px;font-size:15px}
.count b{font-size:22px;margin-right:6px}footer{margin-top:32px;color:#888;font-size:12px}ul.problems li{color:#9C0006}`;

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, "");
}

/** Bars of the score (0–100) on the left, the rank range as a whisker with the rank as a dot on the right. */
function indexChart(c: Consolidation, order: readonly number[], lang: Lang): string {
  const n = c.districts.length;
  const rowH = 24;
  const top = 40;
  const label = 150;
  const barW = 440;
  const strip = { x: label + barW + 70, w: 180 };
  const width = strip.x + strip.w + 90;
  const height = top + n * rowH + 12;
  const sx = (s: number) => label + (s / 100) * barW;
  const rx = (r: number) => strip.x + (n <= 1 ? strip.w / 2 : ((r - 1) / (n - 1)) * strip.w);
  const parts: string[] = [];
  for (const s of [0, 25, 50, 75, 100]) {
    parts.push(`<line class="grid" x1="${sx(s)}" y1="${top - 4}" x2="${sx(s)}" y2="${height - 8}"/>`, `<text x="${sx(s)}" y="${top - 10}" text-anchor="middle" class="muted">${s}</text>`);
  }
  parts.push(`<text x="${label}" y="12" class="muted">${say({ zh: "得分", en: "Score" }, lang)}</text>`, `<text x="${strip.x}" y="12" class="muted">${say({ zh: "名次区间", en: "Rank range" }, lang)}</text>`);
  parts.push(`<text x="${strip.x}" y="${top - 10}" text-anchor="middle" class="muted">1</text>`, `<text x="${strip.x + strip.w}" y="${top - 10}" text-anchor="middle" class="muted">${n}</text>`);
  parts.push(`<line class="axis" x1="${strip.x}" y1="${top - 4}" x2="${strip.x}" y2="${height - 8}"/><line class="axis" x1="${strip.x + strip.w}" y1="${top - 4}" x2="${strip.x + strip.w}" y2="${height - 8}"/>`);
  order.forEach((i, k) => {
    const d = c.districts[i];
    const y = top + k * rowH;
    const mid = y + rowH / 2;
    const score = c.index.scores[i];
    const rank = c.index.ranks[i];
    const range = c.index.stability[i];
    parts.push(`<text x="${label - 8}" y="${mid + 4}" text-anchor="end">${escapeHtml(d.name)}</text>`);
    if (score === undefined) {
      parts.push(`<text x="${label + 4}" y="${mid + 4}" class="muted">${say({ zh: "未计分", en: "not scored" }, lang)}</text>`);
      return;
    }
    const tip = lang === "en" ? `${d.name}: ${score.toFixed(1)}, ${placeText(rank, range, lang)}` : `${d.name}：${score.toFixed(1)} 分，${placeText(rank, range, lang)}`;
    parts.push(
      `<rect class="bar" x="${label}" y="${y + 4}" width="${Math.max(1, sx(score) - label).toFixed(1)}" height="${rowH - 8}" fill="${scaleColour(score)}"><title>${escapeHtml(tip)}</title></rect>`,
      `<text x="${(sx(score) + 6).toFixed(1)}" y="${mid + 4}">${score.toFixed(1)}</text>`,
    );
    if (range) {
      parts.push(
        `<line class="whisker" x1="${rx(range.best).toFixed(1)}" y1="${mid}" x2="${rx(range.worst).toFixed(1)}" y2="${mid}"/>`,
        `<line class="whisker" x1="${rx(range.best).toFixed(1)}" y1="${mid - 5}" x2="${rx(range.best).toFixed(1)}" y2="${mid + 5}"/>`,
        `<line class="whisker" x1="${rx(range.worst).toFixed(1)}" y1="${mid - 5}" x2="${rx(range.worst).toFixed(1)}" y2="${mid + 5}"/>`,
      );
    }
    if (rank !== undefined) parts.push(`<circle class="dot" cx="${rx(rank).toFixed(1)}" cy="${mid}" r="4"/>`);
    parts.push(`<text x="${strip.x + strip.w + 10}" y="${mid + 4}">${escapeHtml(placeText(rank, range, lang))}</text>`);
  });
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${say({ zh: "综合指数", en: "Composite index" }, lang)}">
${parts.join("\n")}
</svg>`;
}

function dimensionTable(c: Consolidation, order: readonly number[], lang: Lang): string {
  const dims = c.template.template.dimensions;
  const scores = dimensionScores(c);
  const cell = (v: number | undefined) => (v === undefined ? `<td class="blank">—</td>` : `<td style="background:${scaleColour(v)}">${v.toFixed(1)}</td>`);
  const head = `<tr><th>${heading({ zh: "名次", en: "Rank" }, lang)}</th><th class="name">${heading({ zh: "区县", en: "District" }, lang)}</th><th>${heading({ zh: "综合", en: "Index" }, lang)}</th>${dims
    .map((d) => `<th title="${escapeHtml(d.name[lang])}">${heading({ zh: `${d.code} ${d.name.zh}`, en: d.name.en }, lang)}</th>`)
    .join("")}</tr>`;
  const rows = order.map((i) => `<tr><td>${c.index.ranks[i] ?? "—"}</td><td class="name">${escapeHtml(c.districts[i].name)}</td>${cell(c.index.scores[i])}${scores[i].map(cell).join("")}</tr>`);
  return `<table>\n${head}\n${rows.join("\n")}\n</table>`;
}

function findingsSection(findings: readonly Finding[], c: Consolidation, problems: readonly string[], lang: Lang): string {
  const total = countBySeverity(findings);
  const boxes = SEVERITY.map((s) => `<div class="count" style="background:${s.colour}"><b>${total[s.key]}</b>${say(s, lang)}</div>`).join("");
  const byDistrict = new Map<string, Record<Finding["severity"], number>>();
  for (const d of c.districts) byDistrict.set(d.name, { error: 0, warning: 0, info: 0 });
  for (const f of findings) {
    const key = f.district || f.sheet || "—";
    const row = byDistrict.get(key) ?? { error: 0, warning: 0, info: 0 };
    row[f.severity]++;
    byDistrict.set(key, row);
  }
  const rows = [...byDistrict].map(([name, n]) => `<tr><td class="name">${escapeHtml(name)}</td>${SEVERITY.map((s) => `<td>${n[s.key] || ""}</td>`).join("")}</tr>`);
  const head = `<tr><th class="name">${heading({ zh: "区县", en: "District" }, lang)}</th>${SEVERITY.map((s) => `<th>${heading(s, lang)}</th>`).join("")}</tr>`;
  const list = problems.length > 0 ? `<ul class="problems">${problems.map((p) => `<li>${escapeHtml(p)}</li>`).join("")}</ul>` : "";
  return `<div class="counts">${boxes}</div>\n${list}<table>\n${head}\n${rows.join("\n")}\n</table>\n<p class="note">${say({ zh: "每条问题的说明和单元格链接见汇总工作簿的“问题清单”工作表。", en: "Each finding, with a link to its cell, is on the workbook's 问题清单 sheet." }, lang)}</p>`;
}
