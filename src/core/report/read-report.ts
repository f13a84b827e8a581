/**
 * A report's figures mapped to the template's indicators by the phrasings the edition gives
 * (`reading`): each candidate with its value in the template's stored scale, the figure as written
 * and its span, the sentence it came from, and a confidence. `high` only when one indicator's phrase
 * stands right before the figure, its unit and context agree, and nothing competes; otherwise `low`
 * with the alternatives for a person to pick — never a silent guess.
 */
import type { LoadedTemplate } from "../template/load";
import type { Indicator, Reading } from "../template/schema";
import { findFigures, type TextFigure } from "./figures";
import { findTables, type TextTable } from "./text-tables";

export interface TextSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface ReadCandidate {
  readonly code: string;
  /** In the template's stored scale: rates as fractions, amounts in the indicator's unit (万元). */
  readonly value: number;
  readonly figure: TextFigure;
  readonly sentence: TextSpan;
  readonly confidence: "high" | "low";
  /** Other indicators this figure could be, or other values stated for this indicator. */
  readonly alternatives: readonly string[];
  /** Why the confidence is low, for the person who decides. */
  readonly doubt?: "phrase" | "unit" | "ambiguous" | "competing" | "scope";
}

const SENTENCE_END = /[。！？!?\n]/;
const CLAUSE_END = /[，,；;：:]/;
/** A phrase ending this close before the figure names it (受理行政复议申请337件; 审结率为85.29%). */
const NEAR = 4;

function spanAround(text: string, at: number, end: RegExp, from = 0, to = text.length): { start: number; end: number } {
  let s = at;
  while (s > from && !end.test(text[s - 1])) s--;
  let e = at;
  while (e < to && !end.test(text[e])) e++;
  return { start: s, end: e };
}

/** Whether a figure can be this indicator's: a rate is a percentage, an amount is in 元, a count neither. */
function kindFits(ind: Indicator, f: TextFigure): boolean {
  if (ind.kind === "rate") return f.kind === "percent";
  const money = /元/.test(f.unit);
  return f.kind === "number" && (ind.kind === "amount" ? money : !money);
}

/** The value in the template's stored scale. */
function storedValue(ind: Indicator, f: TextFigure): number {
  if (ind.kind === "amount" && ind.unit === "万元") return Number((f.value / 1e4).toPrecision(12));
  return f.value;
}

/** Measure words reports use for the same unit: 5名 法律顾问 are 5 人; 10件 cases may be 10宗 or 10起. */
const SAME_UNIT: Readonly<Record<string, readonly string[]>> = { 人: ["人", "名", "位"], 件: ["件", "宗", "起"], 个: ["个", "家"] };

/** A count's unit agrees when the figure names the same measure word (人 or 名 for 人, not 人次). */
function unitAgrees(ind: Indicator, f: TextFigure): boolean {
  if (ind.kind === "rate") return true;
  if (ind.kind === "amount") return /元/.test(f.unit);
  const unit = f.unit.replace(/^[万亿]/, "");
  return (SAME_UNIT[ind.unit] ?? [ind.unit]).includes(unit);
}

interface Scored {
  readonly code: string;
  readonly score: number;
  /** Characters between the phrase and the figure; negative when the phrase follows it. */
  readonly gap: number;
}

function phraseScore(reading: Reading, before: string, after: string): { score: number; gap: number } | undefined {
  let best: { score: number; gap: number } | undefined;
  for (const p of reading.phrases) {
    const b = before.lastIndexOf(p);
    if (b >= 0) {
      // A remark in brackets between name and figure (审结率（含上年结转）为85.29%) does not part them.
      const gap = before.slice(b + p.length).replace(/（[^）]*）|\([^)]*\)/g, "").length;
      const score = 10 + p.length - Math.min(gap, 12) * 0.5;
      if (!best || score > best.score) best = { score, gap };
    }
    const a = after.indexOf(p);
    if (a >= 0) {
      const score = 5 + p.length - Math.min(a, 12) * 0.5;
      if (!best || score > best.score) best = { score, gap: -1 - a };
    }
  }
  return best;
}

/** What a figure is read by: the words before and after it, its sentence, and the text its context words are sought in. */
interface FigureContext {
  readonly before: string;
  readonly after: string;
  readonly sentence: TextSpan;
  readonly context: string;
}

/** In prose: the clause around the figure, up to its neighbours. */
function proseContext(text: string, figures: readonly TextFigure[], i: number): FigureContext {
  const f = figures[i];
  const sentence = spanAround(text, f.start, SENTENCE_END);
  const clause = spanAround(text, f.start, CLAUSE_END, sentence.start, sentence.end);
  const prev = figures[i - 1];
  const next = figures[i + 1];
  const sentenceText = text.slice(sentence.start, sentence.end);
  return {
    before: text.slice(Math.max(clause.start, prev && prev.end <= f.start ? prev.end : clause.start), f.start),
    after: text.slice(f.end, Math.min(clause.end, next && next.start >= f.end ? next.start : clause.end)),
    sentence: { ...sentence, text: sentenceText },
    context: sentenceText,
  };
}

const YEAR = /(19|20)\d{2}/;

/** A figure of the nation, province or city beside a district's own (全市受理…): not the district's figure without a person. */
const WIDER_SCOPE = /全国|全省|全市|全自治区|国家级|省级|市级/;

/**
 * In a table pasted as text: the column's header then the row's label stand before the figure; the
 * row is its sentence. Undefined for a header or label cell, and for a figure under an earlier
 * year's column when the header names several years (last year's figures are not this year's).
 */
function tableContext(text: string, tables: readonly TextTable[], f: TextFigure): FigureContext | "skip" | undefined {
  const table = tables.find((t) => f.start >= t.start && f.end <= t.end);
  if (!table) return undefined;
  const r = table.rows.findIndex((row) => row.some((c) => f.start >= c.start && f.end <= c.end));
  const row = table.rows[r];
  const c = row?.findIndex((cell) => f.start >= cell.start && f.end <= cell.end) ?? -1;
  if (r <= 0 || c <= 0) return "skip";
  const header = table.rows[0];
  const years = header.map((h) => Number(YEAR.exec(h.text)?.[0] ?? NaN)).filter((y) => !Number.isNaN(y));
  const year = Number(YEAR.exec(header[c]?.text ?? "")?.[0] ?? NaN);
  if (years.length > 1 && year < Math.max(...years)) return "skip";
  const line = { start: row[0].start, end: row[row.length - 1].end };
  const lineText = text.slice(line.start, line.end);
  return { before: `${header[c]?.text ?? ""}${row[0].text}`, after: "", sentence: { ...line, text: lineText }, context: `${header.map((h) => h.text).join(" ")} ${lineText}` };
}

export function readReport(text: string, t: LoadedTemplate): ReadCandidate[] {
  const figures = findFigures(text).filter((f) => f.kind !== "points" && f.change === undefined);
  const tables = findTables(text);
  const mapped: (ReadCandidate & { readonly score: number })[] = [];
  figures.forEach((f, i) => {
    const inTable = tableContext(text, tables, f);
    if (inTable === "skip") return;
    const { before, after, sentence, context } = inTable ?? proseContext(text, figures, i);

    const scored: Scored[] = [];
    for (const [code, reading] of Object.entries(t.template.reading)) {
      const ind = t.byCode.get(code)!;
      if (!kindFits(ind, f)) continue;
      // Ruled out by words around this figure itself (not its neighbours in a list: 行政执法事项9322项、综合行政执法事项6239项).
      const own = before + after.split(/[、和及与]/)[0];
      if (reading.exclude?.some((w) => own.includes(w))) continue;
      // Without context words, any sentence may hold the figure.
      if (reading.context?.length && !reading.context.some((w) => context.includes(w))) continue;
      const s = phraseScore(reading, before, after);
      if (s) scored.push({ code, ...s });
    }
    if (scored.length === 0) return;
    scored.sort((a, b) => b.score - a.score);
    const [best, ...rest] = scored;
    // Close scores, or names listed together before one figure (审查率、备案通过率100%; 办复率和满意率均达100%).
    const listed = (s: Scored) => s.gap > 0 && /^[、和及与]/.test(before.slice(before.length - s.gap));
    const close = rest.filter((s) => s.score >= best.score - 1 || listed(s)).map((s) => s.code);
    const ind = t.byCode.get(best.code)!;
    const doubt =
      close.length > 0 ? "ambiguous" : WIDER_SCOPE.test(before) ? "scope" : best.gap < 0 || best.gap > NEAR ? "phrase" : unitAgrees(ind, f) ? undefined : "unit";
    mapped.push({
      code: best.code,
      value: storedValue(ind, f),
      figure: f,
      sentence,
      confidence: doubt ? "low" : "high",
      alternatives: close,
      ...(doubt ? { doubt } : {}),
      score: best.score,
    });
  });
  return competing(mapped).map(({ score: _score, ...c }) => c);
}

/**
 * Two figures read with confidence for one indicator, with different values: neither is taken
 * without a person. (Weak mappings do not compete: they are already for a person to confirm.)
 */
function competing<C extends ReadCandidate>(candidates: C[]): C[] {
  const values = new Map<string, Set<number>>();
  for (const c of candidates) if (c.confidence === "high") values.set(c.code, (values.get(c.code) ?? new Set()).add(c.value));
  return candidates.map((c) => (c.confidence === "high" && (values.get(c.code)?.size ?? 0) > 1 ? { ...c, confidence: "low", doubt: "competing" } : c));
}
