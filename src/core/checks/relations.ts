import { confront, formatExpr, type FigureLookup, type ValueEnv } from "../rules";
import type { Finding } from "../findings/finding";
import { makeFinding } from "../findings/make";
import { THIS_YEAR } from "../sheet/entry-table";
import type { TemplateSheetRead } from "../sheet/read-template";
import type { TemplateRelation } from "../template/load";

/** This year's figures as the rule engine sees them: blank and unreadable cells are missing, never 0. */
export function thisYearEnv(read: TemplateSheetRead): ValueEnv {
  const t = read.entries;
  return (code) => {
    const slot = t.slotOf(code, THIS_YEAR);
    const value = t.figureAt(slot);
    return value === undefined ? undefined : { value, approximate: t.approximateAt(slot) };
  };
}

/** A rule as its findings show it, written once per rule (a run's thousands of failures share a few rules). */
const shown = new WeakMap<TemplateRelation, string>();

function shownExpr(rule: TemplateRelation): string {
  let text = shown.get(rule);
  if (text === undefined) shown.set(rule, (text = formatExpr(rule.ast)));
  return text;
}

/** This year's figures as plain numbers for the rules' quick verdict: NaN where approximate, undefined where not a figure. */
function thisYearFigures(read: TemplateSheetRead): FigureLookup {
  const t = read.entries;
  return (code) => {
    const slot = t.slotOf(code, THIS_YEAR);
    const value = t.figureAt(slot);
    return value === undefined ? undefined : t.approximateAt(slot) ? NaN : value;
  };
}

/** The template's relation rules (parts against totals, sums) over this year's figures. */
export function checkRelations(read: TemplateSheetRead): Finding[] {
  const out: Finding[] = [];
  const cellOf = (code: string) => read.entries.refAt(read.entries.slotOf(code, THIS_YEAR));
  const relations = read.template.relations;
  // One outcome per relation, in order; most pass, and nothing is built for them.
  confront(thisYearEnv(read), relations, thisYearFigures(read)).forEach((outcome, i) => {
    if (outcome.status !== "fail" && outcome.status !== "invalid") return;
    const rule = relations[i];
    const base = { ruleId: rule.id, codes: rule.refs, cells: rule.refs.map(cellOf), severity: rule.severity };
    if (outcome.status === "fail") {
      out.push(
        makeFinding(read, {
          ...base,
          code: "relation.failed",
          actual: outcome.lhs,
          expected: outcome.rhs,
          details: { expr: shownExpr(rule), kind: rule.kind, lhs: outcome.lhs, rhs: outcome.rhs, values: outcome.values },
        }),
      );
    } else {
      out.push(makeFinding(read, { ...base, severity: "error", code: "rule.invalid", details: { expr: rule.expr, problem: outcome.problem.message } }));
    }
  });
  return out;
}
