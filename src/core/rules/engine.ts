import { assertNever, formatExpr, references, type CompareOp, type Expr } from "./ast";
import { evaluate, type ValueEnv } from "./evaluate";
import { parseExpression } from "./parser";
import { err, ok, type Result } from "../result";
import { quickRule, type FigureLookup, type QuickRule } from "./quick";
import { typeOf } from "./typecheck";

/** A rule as data (R `validate` style): what must hold, how bad it is when it does not, how to treat blanks. */
export interface RuleSpec {
  readonly id: string;
  readonly expr: string;
  readonly severity: "error" | "warning" | "info";
  /** `na` (default): a blank makes the rule not applicable. `zero`: blanks count as 0. */
  readonly missing?: "na" | "zero";
  /** Absolute slack for comparisons (see `compareNumbers`). Default 0. */
  readonly tolerance?: number;
}

/** A rule ready to run: parsed once, defaults filled in. */
export interface CompiledRule extends RuleSpec {
  readonly missing: "na" | "zero";
  readonly tolerance: number;
  readonly ast: Expr;
  /** Codes the rule reads, in order of appearance. */
  readonly refs: readonly string[];
}

/** Why a rule cannot run: at load time (syntax, codes, not a condition) or on one report (evaluation). */
export interface RuleProblem {
  readonly ruleId: string;
  readonly expr: string;
  readonly problem: "syntax" | "unknownCode" | "notABoolean" | "evaluation";
  readonly message: string;
  readonly position?: number;
  readonly codes?: readonly string[];
}

export type RuleOutcome =
  | { readonly rule: CompiledRule; readonly status: "pass" }
  /** `values`: the referenced codes' figures as evaluated; `lhs`/`rhs` when the rule is one comparison. */
  | { readonly rule: CompiledRule; readonly status: "fail"; readonly values: Readonly<Record<string, number>>; readonly lhs?: number; readonly rhs?: number }
  /** Not checkable: `codes` are the blank ones, or the approximate ones (a bound such as 50余 cannot be checked exactly). */
  | { readonly rule: CompiledRule; readonly status: "na"; readonly reason: "missing" | "approximate"; readonly codes: readonly string[] }
  | { readonly rule: CompiledRule; readonly status: "invalid"; readonly problem: RuleProblem };

export interface RuleSummary {
  readonly ruleId: string;
  readonly pass: number;
  readonly fail: number;
  readonly na: number;
  readonly invalid: number;
}

/** Parses a rule and checks it against the template's codes; a rule must be a condition, not a number. */
export function compileRule(rule: RuleSpec, knownCodes: ReadonlySet<string>): Result<CompiledRule, RuleProblem> {
  const base = { ruleId: rule.id, expr: rule.expr };
  const parsed = parseExpression(rule.expr);
  if (!parsed.ok) return err({ ...base, problem: "syntax", message: parsed.error.message, position: parsed.error.position });
  const ast = parsed.value;

  const refs = references(ast);
  const unknown = refs.filter((c) => !knownCodes.has(c));
  if (unknown.length > 0) {
    const position = firstPosition(ast, unknown[0]);
    const noun = unknown.length === 1 ? "code" : "codes";
    return err({ ...base, problem: "unknownCode", message: `unknown indicator ${noun} ${unknown.join(", ")} at ${position}`, position, codes: unknown });
  }

  const type = typeOf(ast);
  if (type.ok && type.value !== "boolean") {
    return err({
      ...base,
      problem: "notABoolean",
      message: `${formatExpr(ast)} is a number, not a condition; write a comparison such as A04 <= A03`,
      position: ast.pos,
    });
  }

  return ok({
    id: rule.id,
    expr: rule.expr,
    severity: rule.severity,
    missing: rule.missing ?? "na",
    tolerance: rule.tolerance ?? 0,
    ast,
    refs,
  });
}

/** Compiles many rules, keeping the good ones and listing the rest, so one typo does not stop the others. */
export function compileRules(specs: readonly RuleSpec[], knownCodes: ReadonlySet<string>): { rules: CompiledRule[]; problems: RuleProblem[] } {
  const rules: CompiledRule[] = [];
  const problems: RuleProblem[] = [];
  for (const spec of specs) {
    const r = compileRule(spec, knownCodes);
    if (r.ok) rules.push(r.value);
    else problems.push(r.error);
  }
  return { rules, problems };
}

function firstPosition(expr: Expr, code: string): number {
  switch (expr.type) {
    case "ref":
      return expr.code === code ? expr.pos : -1;
    case "number":
      return -1;
    case "unary":
      return firstPosition(expr.arg, code);
    case "binary":
    case "compare": {
      const l = firstPosition(expr.left, code);
      return l >= 0 ? l : firstPosition(expr.right, code);
    }
    case "call":
      return expr.args.map((a) => firstPosition(a, code)).find((p) => p >= 0) ?? -1;
    default:
      return assertNever(expr);
  }
}

/** The figures as a rule reads them: with the `zero` policy a blank is 0, so SUM, IF and comparisons all see the same 0. */
function effectiveEnv(env: ValueEnv, rule: CompiledRule): ValueEnv {
  return rule.missing === "zero" ? (code) => env(code) ?? { value: 0, approximate: false } : env;
}

/** Checks one rule on one report. */
export function confrontRule(env: ValueEnv, rule: CompiledRule): RuleOutcome {
  const effective = effectiveEnv(env, rule);
  const opts = { tolerance: rule.tolerance };
  const result = evaluate(rule.ast, effective, opts);
  switch (result.kind) {
    case "error":
      return {
        rule,
        status: "invalid",
        problem: { ruleId: rule.id, expr: rule.expr, problem: "evaluation", message: result.message },
      };
    case "missing":
      return { rule, status: "na", reason: "missing", codes: result.codes };
    case "number":
      return {
        rule,
        status: "invalid",
        problem: { ruleId: rule.id, expr: rule.expr, problem: "notABoolean", message: `${formatExpr(rule.ast)} is a number, not a condition` },
      };
    case "boolean":
      break;
  }
  // A bound such as 50余 could pass or fail depending on the true figure: do not judge it.
  if (result.approximate.length > 0) return { rule, status: "na", reason: "approximate", codes: result.approximate };
  if (result.value) return { rule, status: "pass" };
  if (rule.ast.type !== "compare") return failed(rule, effective);
  const lhs = evaluate(rule.ast.left, effective, opts);
  const rhs = evaluate(rule.ast.right, effective, opts);
  return failed(rule, effective, lhs.kind === "number" ? lhs.value : undefined, rhs.kind === "number" ? rhs.value : undefined);
}

/** A failing rule's outcome: the figures of the codes it reads, and a comparison's two sides where they are numbers. */
function failed(rule: CompiledRule, effective: ValueEnv, lhs?: number, rhs?: number): RuleOutcome {
  const values: Record<string, number> = {};
  for (const code of rule.refs) {
    const v = effective(code);
    if (v) values[code] = v.value;
  }
  if (rule.ast.type !== "compare") return { rule, status: "fail", values };
  return { rule, status: "fail", values, ...(lhs !== undefined ? { lhs } : {}), ...(rhs !== undefined ? { rhs } : {}) };
}

/**
 * Checks every rule on one report, in order. With `figure` (the same report's figures as plain numbers,
 * see `QuickRule`), a rule over exact figures is decided without the full evaluation, whether it passes
 * or fails; a failure's outcome is the one `confrontRule` gives.
 */
export function confront(env: ValueEnv, rules: readonly CompiledRule[], figure?: FigureLookup): RuleOutcome[] {
  return rules.map((rule) => {
    const quick = figure && quickOf(rule);
    if (quick) {
      const verdict = quick.verdict(figure);
      if (verdict === 1) return { rule, status: "pass" };
      if (verdict === 0) return failed(rule, effectiveEnv(env, rule), quick.sides?.[0](figure), quick.sides?.[1](figure));
    }
    return confrontRule(env, rule);
  });
}

/** Each rule compiled for quick verdicts once (templates and their rules are loaded once). */
const quick = new WeakMap<CompiledRule, QuickRule | undefined>();

function quickOf(rule: CompiledRule): QuickRule | undefined {
  if (!quick.has(rule)) quick.set(rule, quickRule(rule.ast, rule.missing, rule.tolerance));
  return quick.get(rule);
}

/** Counts per rule across many confrontations (e.g. one per district), in order of first appearance. */
export function summary(outcomes: readonly RuleOutcome[]): RuleSummary[] {
  const rows = new Map<string, { ruleId: string; pass: number; fail: number; na: number; invalid: number }>();
  for (const o of outcomes) {
    let row = rows.get(o.rule.id);
    if (!row) {
      row = { ruleId: o.rule.id, pass: 0, fail: 0, na: 0, invalid: 0 };
      rows.set(o.rule.id, row);
    }
    row[o.status]++;
  }
  return [...rows.values()];
}

const MIRROR: Readonly<Record<CompareOp, CompareOp>> = { "=": "=", "<>": "<>", "<": ">", "<=": ">=", ">": "<", ">=": "<=" };

/**
 * True when the rule is `left op right` over two bare codes, or the same comparison mirrored
 * (`E10 >= E11` for `E11 <= E10`, `E10 = E11` for `E11 = E10`): both mean exactly the same
 * under `compareNumbers`. Lets callers skip a built-in check a template rule already makes.
 */
export function isComparisonOf(ast: Expr, op: CompareOp, leftCode: string, rightCode: string): boolean {
  if (ast.type !== "compare" || ast.left.type !== "ref" || ast.right.type !== "ref") return false;
  const [l, r] = [ast.left.code, ast.right.code];
  if (ast.op === op && l === leftCode && r === rightCode) return true;
  return ast.op === MIRROR[op] && l === rightCode && r === leftCode;
}
