/**
 * What the 汇总 section shows after a run, worked out from the consolidation: a few municipal
 * figures, the top of the composite index, findings by severity, and which sheets were left out.
 */
import type { Consolidation } from "../core/consolidate";
import { countBySeverity, type Finding } from "../core/findings/finding";
import type { Severity } from "../core/template/schema";
import type { MessageKey } from "./i18n";

export interface Headline {
  readonly code: string;
  readonly name: { readonly zh: string; readonly en: string };
  /** The municipal figure in its unit (rates as Σnumerator ÷ Σdenominator). */
  readonly value: number;
  /** Districts whose figures went into it. */
  readonly reporting: number;
}

export interface IndexRow {
  readonly rank: number;
  readonly district: string;
  readonly score: number;
  /** Best and worst rank over the random weight draws. */
  readonly range?: { readonly best: number; readonly worst: number };
}

/** A sentence of the "left out" note, as a message key and its parameters. */
export interface Line {
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface ConsolidateSummary {
  readonly year?: number;
  readonly districts: number;
  readonly city?: string;
  readonly headline: readonly Headline[];
  readonly indexTop: readonly IndexRow[];
  readonly stability: { readonly draws: number; readonly spread: number };
  readonly counts: Record<Severity, number>;
  readonly findings: readonly Finding[];
  /** Sheets that did not take part, each with its reason. */
  readonly leftOut: readonly Line[];
  /** Sheets of another year that still took part. */
  readonly otherYear: readonly string[];
  /** Listed districts with no sheet. */
  readonly missing: readonly string[];
}

/**
 * Up to `max` municipal figures: those most districts contributed to (a rate counts the districts
 * reporting both its counts), rates before counts on a tie, then template order.
 */
export function headlineFigures(c: Consolidation, max = 4): Headline[] {
  const order = new Map(c.template.template.indicators.map((ind, i) => [ind.code, i]));
  const rows: Headline[] = [];
  for (const ind of c.template.template.indicators) {
    const value = c.totals.get(ind.code);
    if (value === undefined) continue;
    const reporting =
      ind.kind === "rate" && ind.numerator && ind.denominator
        ? c.districts.filter((d) => d.figures.has(ind.numerator!) && d.figures.has(ind.denominator!)).length
        : c.districts.filter((d) => d.figures.has(ind.code)).length;
    rows.push({ code: ind.code, name: ind.name, value, reporting });
  }
  const isRate = (code: string) => (c.template.byCode.get(code)?.kind === "rate" ? 0 : 1);
  return rows.sort((a, b) => b.reporting - a.reporting || isRate(a.code) - isRate(b.code) || order.get(a.code)! - order.get(b.code)!).slice(0, max);
}

/** The districts with the best composite index ranks, at most `max` (ties share a rank and may all show). */
export function indexTop(c: Consolidation, max = 5): IndexRow[] {
  const rows: IndexRow[] = [];
  c.districts.forEach((d, i) => {
    const rank = c.index.ranks[i];
    const score = c.index.scores[i];
    if (rank === undefined || score === undefined) return;
    const s = c.index.stability[i];
    rows.push({ rank, district: d.name, score, ...(s ? { range: { best: s.best, worst: s.worst } } : {}) });
  });
  return rows.sort((a, b) => a.rank - b.rank || b.score - a.score).slice(0, max);
}

/** Why each sheet that did not take part was left out (gathering findings). */
export function leftOutLines(findings: readonly Finding[]): Line[] {
  const lines: Line[] = [];
  for (const f of findings) {
    switch (f.code) {
      case "gather.duplicate":
        lines.push({ key: "consolidate.leftDuplicate", params: { sheet: f.sheet, district: f.district, kept: f.details.keptSheet } });
        break;
      case "gather.otherEdition":
        lines.push({ key: "consolidate.leftOtherEdition", params: { sheet: f.sheet, edition: f.details.edition, expected: f.details.expected } });
        break;
      case "gather.noHeader":
        lines.push({ key: "consolidate.leftNoHeader", params: { sheet: f.sheet } });
        break;
      case "gather.noDistrict":
        lines.push({ key: "consolidate.leftNoDistrict", params: { sheet: f.sheet } });
        break;
      default:
        break;
    }
  }
  return lines;
}

export function summarise(c: Consolidation): ConsolidateSummary {
  return {
    year: c.year,
    districts: c.districts.length,
    city: c.city?.name,
    headline: headlineFigures(c),
    indexTop: indexTop(c),
    stability: { draws: c.settings.stability.draws, spread: Math.round(c.settings.stability.spread * 100) },
    counts: countBySeverity(c.findings),
    findings: c.findings,
    leftOut: leftOutLines(c.findings),
    otherYear: c.findings.filter((f) => f.code === "gather.otherYear").map((f) => f.sheet),
    missing: c.findings.filter((f) => f.code === "gather.missingDistrict").map((f) => f.district),
  };
}
