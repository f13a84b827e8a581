/**
 * What cannot be right inside a report's own text, from the figures read out of it: a rate stated
 * beside its counts that is not their ratio, parts stated under a total that break the template's
 * relations, one indicator stated twice with different values. Each finding carries the spans of
 * every figure involved. Precision-aware like the sheet checks: a rate off only by truncation or its
 * last digit is info; where the text does not give both counts the finding says it cannot be
 * determined (info), never an error.
 */
import { confront, type ValueEnv } from "../rules";
import type { LoadedTemplate } from "../template/load";
import type { Severity } from "../template/schema";
import type { ReadCandidate, TextSpan } from "./read-report";

export type TextFindingCode =
  | "text.rateInconsistent"
  | "text.rateRounding"
  | "text.rateUndetermined"
  | "text.relationFailed"
  | "text.statedTwice"
  | "text.shareInconsistent"
  | "text.shareRounding"
  | "text.changeInconsistent"
  | "text.changeRounding";

/**
 * A stated percentage against the ratio it should be, to the digits it was written with: rounded is
 * right, truncated or one off in the last digit is rounding (info), anything else inconsistent.
 */
export function judgeStated(stated: number, decimals: number, expected: number): "ok" | "rounding" | "inconsistent" {
  const unit = 10 ** -(decimals + 2);
  const diff = Math.abs(expected - stated);
  if (diff <= unit / 2 + 1e-12) return "ok";
  const truncated = Math.abs(Math.trunc(expected / unit + 1e-9 * Math.sign(expected)) * unit - stated) < unit / 1000;
  return truncated || diff < unit * 1.5 ? "rounding" : "inconsistent";
}

export interface FigureSpan {
  readonly code: string;
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  readonly value: number;
}

export interface TextFinding {
  readonly code: TextFindingCode;
  readonly severity: Severity;
  /** The indicator the finding is about first, then the others involved. */
  readonly codes: readonly string[];
  readonly figures: readonly FigureSpan[];
  readonly sentence: TextSpan;
  readonly actual?: number;
  readonly expected?: number;
  /** The template relation a `text.relationFailed` breaks. */
  readonly ruleId?: string;
  /** Why it cannot be determined (`text.rateUndetermined`). */
  readonly reason?: "countMissing" | "approximate" | "definition";
}

/** Words that give a rate a definition of its own: 含上年结转, 包括…, 按…口径/计算. */
const DEFINITION = /含上年|包括上年|结转|口径|按[^，。；]{1,12}(计算|统计)/;

const spanOf = (c: ReadCandidate): FigureSpan => ({ code: c.code, start: c.figure.start, end: c.figure.end, raw: c.figure.raw, value: c.value });

/** Read with confidence (or competing with another confident reading): what a check may rely on. */
const sure = (c: ReadCandidate) => c.confidence === "high" || c.doubt === "competing";

/** The candidate for `code` in one sentence, when it was read with confidence. */
function named(sentence: readonly ReadCandidate[], code: string): ReadCandidate | undefined {
  return sentence.find((c) => c.code === code && sure(c));
}

function rateFindings(sentence: readonly ReadCandidate[], t: LoadedTemplate): TextFinding[] {
  const out: TextFinding[] = [];
  for (const rate of sentence) {
    const ind = t.byCode.get(rate.code)!;
    if (ind.kind !== "rate" || !ind.numerator || !ind.denominator || !sure(rate)) continue;
    const num = named(sentence, ind.numerator);
    const den = named(sentence, ind.denominator);
    if (!num && !den) continue; // a rate stated alone: nothing to hold it to
    const base = { codes: [rate.code, ind.numerator, ind.denominator], sentence: rate.sentence, actual: rate.value };
    if (!num || !den) {
      out.push({ ...base, code: "text.rateUndetermined", severity: "info", figures: [rate, num ?? den!].map(spanOf), reason: "countMissing" });
      continue;
    }
    const figures = [rate, num, den].map(spanOf);
    // A definition stated beside the rate (含上年结转, 按…口径) makes the plain ratio doubtful.
    if (DEFINITION.test(rate.sentence.text)) {
      out.push({ ...base, code: "text.rateUndetermined", severity: "info", figures, reason: "definition" });
      continue;
    }
    if (num.figure.approximate || den.figure.approximate || rate.figure.approximate || den.value === 0) {
      out.push({ ...base, code: "text.rateUndetermined", severity: "info", figures, reason: "approximate" });
      continue;
    }
    const ratio = num.value / den.value;
    const judged = judgeStated(rate.value, rate.figure.decimals, ratio);
    if (judged === "ok") continue;
    out.push({ ...base, code: judged === "rounding" ? "text.rateRounding" : "text.rateInconsistent", severity: judged === "rounding" ? "info" : "warning", figures, expected: ratio });
  }
  return out;
}

function relationFindings(sentence: readonly ReadCandidate[], t: LoadedTemplate): TextFinding[] {
  const sure = sentence.filter((c) => c.confidence === "high");
  if (sure.length < 2) return [];
  const byCode = new Map(sure.map((c) => [c.code, c]));
  const env: ValueEnv = (code) => {
    const c = byCode.get(code);
    return c ? { value: c.value, approximate: c.figure.approximate !== undefined } : undefined;
  };
  const out: TextFinding[] = [];
  for (const outcome of confront(env, t.relations)) {
    if (outcome.status !== "fail") continue;
    const involved = outcome.rule.refs.map((code) => byCode.get(code)!);
    out.push({
      code: "text.relationFailed",
      severity: "warning",
      ruleId: outcome.rule.id,
      codes: outcome.rule.refs,
      figures: involved.map(spanOf),
      sentence: involved[0].sentence,
      ...(outcome.lhs !== undefined ? { actual: outcome.lhs } : {}),
      ...(outcome.rhs !== undefined ? { expected: outcome.rhs } : {}),
    });
  }
  return out;
}

/** One indicator with different values in different places of the report. */
function statedTwice(candidates: readonly ReadCandidate[]): TextFinding[] {
  const byCode = new Map<string, ReadCandidate[]>();
  for (const c of candidates.filter((x) => x.doubt === "competing")) byCode.set(c.code, [...(byCode.get(c.code) ?? []), c]);
  return [...byCode].map(([code, cs]) => ({ code: "text.statedTwice" as const, severity: "warning" as const, codes: [code], figures: cs.map(spanOf), sentence: cs[0].sentence }));
}

export function checkReportText(candidates: readonly ReadCandidate[], t: LoadedTemplate): TextFinding[] {
  const sentences = new Map<number, ReadCandidate[]>();
  for (const c of candidates) sentences.set(c.sentence.start, [...(sentences.get(c.sentence.start) ?? []), c]);
  const out: TextFinding[] = [];
  for (const sentence of sentences.values()) out.push(...rateFindings(sentence, t), ...relationFindings(sentence, t));
  out.push(...statedTwice(candidates));
  return out;
}
