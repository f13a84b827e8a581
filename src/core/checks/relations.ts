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
  const outcomes = confront(thisYearEnv(read), relations, thisYearFigures(read));
  for (let i = 0; i < outcomes.length; i++) {
    const outcome = outcomes[i];
    if (outcome.status !== "fail" && outcome.status !== "invalid") continue;
    const rule = relations[i];
    const cells = rule.refs.map(cellOf);
    if (outcome.status === "fail") {
      const { lhs, rhs, values } = outcome;
      const details = { expr: shownExpr(rule), kind: rule.kind, lhs, rhs, values };
      out.push(makeFinding(read, { ruleId: rule.id, codes: rule.refs, cells, severity: rule.severity, code: "relation.failed", actual: lhs, expected: rhs, details }));
    } else {
      const details = { expr: rule.expr, problem: outcome.problem.message };
      out.push(makeFinding(read, { ruleId: rule.id, codes: rule.refs, cells, severity: "error", code: "rule.invalid", details }));
    }
  }
  return out;
}
