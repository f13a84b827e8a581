import type { CellRef, IndicatorCode } from "../brand";
import type { Severity } from "../template/schema";
import type { ParseFailure } from "../values/types";
import type { WeightsProblem } from "../consolidate/weights";

/**
 * Findings are data: a union tagged by `code`, with the structured fields each code needs.
 * Text is rendered late, in the reader's language (see `render.ts`).
 */
export interface FindingDetails {
  "value.unparsable": { reason: ParseFailure };
  "value.negative": Record<string, never>;
  "value.nonInteger": Record<string, never>;
  "value.approximate": Record<string, never>;
  "value.percentPoints": Record<string, never>;
  /** Zero-width spaces and the like were removed before the figure was read. */
  "value.invisibleCharacters": Record<string, never>;
  /** A formula in an input cell saved without its result: the value is unknown until recalculated. */
  "value.uncachedFormula": Record<string, never>;
  "rate.outOfRange": Record<string, never>;
  "rate.numeratorAboveDenominator": { numerator: number; denominator: number };
  "rate.inconsistent": { numerator: number; denominator: number; resolution: number };
  "rate.zeroDenominator": Record<string, never>;
  "relation.failed": { expr: string; kind: "part-of-total" | "parts-sum" | "custom"; lhs?: number; rhs?: number; values: Record<string, number> };
  "rule.invalid": { expr: string; problem: string };
  "yoy.jump": { lastYear: number; measure: "ratio" | "points"; threshold: number };
  "sheet.noDistrict": Record<string, never>;
  "sheet.noYear": Record<string, never>;
  "sheet.missingIndicator": Record<string, never>;
  "sheet.duplicateIndicator": { rows: number[] };
  /** A merged range over input cells: only its top-left value shows, the rest is hidden. */
  "sheet.mergedInput": { range: string };
  // Consolidation: which sheets take part.
  "gather.duplicate": { keptSheet: string };
  "gather.otherEdition": { edition: string; expected: string };
  "gather.noHeader": Record<string, never>;
  "gather.noDistrict": Record<string, never>;
  "gather.otherYear": { consolidationYear: number };
  "gather.missingDistrict": Record<string, never>;
  // Consolidation: a district against its peers.
  /** Modified z-score 0.6745·|x − median| / MAD (or the mean-absolute-deviation fallback when MAD is 0). */
  "peer.outlier": { median: number; score: number; scale: "mad" | "meanAbsolute"; threshold: number; peers: number };
  /** Hidiroglou–Berthelot: this year / last year out of line with the other districts' ratios. */
  "peer.yoyOutlier": { ratio: number; medianRatio: number; lastYear: number; peers: number };
  "peer.missing": { reported: number; districts: number; median: number };
  /** Something on the aggregator's weights sheet that cannot be used (the default is used instead). */
  "index.weights": { problem: WeightsProblem };
  /** A city-level figure against the sum of its districts (expected = the sum). */
  "city.sumMismatch": { sum: number; reporting: number; districts: number };
}

export type FindingCode = keyof FindingDetails;

interface FindingBase {
  /** Stable across re-validation of the same workbook: a review decision is keyed by it. */
  readonly id: string;
  readonly severity: Severity;
  /** The rule that produced it: `builtin.*` or a template relation's id. */
  readonly ruleId: string;
  readonly district: string;
  readonly year?: number;
  readonly sheet: string;
  /** `id@version` of the template the sheet was filled in. */
  readonly template: string;
  readonly codes: readonly IndicatorCode[];
  /** The indicator the finding is about (the row it belongs to): a rate finding's rate, else its first code; "" for none. */
  readonly subject: string;
  readonly cells: readonly CellRef[];
  /** What the figure should be (a computed rate, a bound), in the stored scale. */
  readonly expected?: number;
  /** What was found, in the stored scale (rates as fractions). */
  readonly actual?: number;
  /** The text a person typed, when the finding is about one cell. */
  readonly raw?: string;
  /** The values involved, as typed: a review reopens when this changes. */
  readonly valueKey: string;
}

/** Codes whose finding always states the figure found (`actual`); `rate.inconsistent` also what it should be. */
export type MeasuredCode =
  | "value.approximate"
  | "value.percentPoints"
  | "value.invisibleCharacters"
  | "rate.outOfRange"
  | "rate.inconsistent"
  | "rate.zeroDenominator"
  | "yoy.jump"
  | "peer.outlier"
  | "peer.yoyOutlier"
  | "city.sumMismatch";
export type ExpectedCode = "rate.inconsistent";

/** The fields a code always carries, required by its type: messages never need `!`. */
export type RequiredFields<K extends FindingCode> = (K extends MeasuredCode ? { readonly actual: number } : unknown) & (K extends ExpectedCode ? { readonly expected: number } : unknown);

export type Finding<C extends FindingCode = FindingCode> = {
  [K in C]: FindingBase & { readonly code: K; readonly details: FindingDetails[K] } & RequiredFields<K>;
}[C];

/**
 * The one rule for a finding's subject: a rate finding names numerator, denominator and rate, and is
 * about the rate; every other finding is about its first code.
 */
export function subjectOf(code: string, codes: readonly string[]): string {
  return (code.startsWith("rate.") && codes.length === 3 ? codes[2] : codes[0]) ?? "";
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; within a severity by sheet and first code. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.sheet.localeCompare(b.sheet) ||
    (a.codes[0] ?? "").localeCompare(b.codes[0] ?? "") ||
    a.code.localeCompare(b.code)
  );
}

/**
 * The findings in `compareFindings` order, each name compared once: a run's thousands of findings share
 * a few hundred sheet names and codes, and comparing them by locale in every step of the sort was most
 * of its time. Equal-comparing names share a rank, and the sort is stable, as with the comparator.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const sheet = localeRanks(findings.map((f) => f.sheet));
  const subject = localeRanks(findings.map((f) => f.codes[0] ?? ""));
  const code = localeRanks(findings.map((f) => f.code));
  const keyed = findings.map((f) => ({ f, severity: SEVERITY_ORDER[f.severity], sheet: sheet.get(f.sheet)!, subject: subject.get(f.codes[0] ?? "")!, code: code.get(f.code)! }));
  keyed.sort((a, b) => a.severity - b.severity || a.sheet - b.sheet || a.subject - b.subject || a.code - b.code);
  return keyed.map((k) => k.f);
}

/**
 * Each distinct string's place in `localeCompare` order; strings that compare equal share one. One
 * collator compares them all (`localeCompare` is this collator's `compare`, looked up per call): a
 * province's run sorts 10,000 sheet names.
 */
function localeRanks(strings: readonly string[]): Map<string, number> {
  const distinct = [...new Set(strings)].sort(COLLATOR.compare);
  const ranks = new Map<string, number>();
  distinct.forEach((s, i) => ranks.set(s, i > 0 && COLLATOR.compare(s, distinct[i - 1]) === 0 ? ranks.get(distinct[i - 1])! : i));
  return ranks;
}

const COLLATOR = new Intl.Collator();

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
