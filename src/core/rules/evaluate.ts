import { assertNever, type CompareOp, type Expr } from "./ast";
import { checkArity, lookupFunction } from "./functions";
import { bool, failure, gather, num, type Value } from "./value";

export type { Value, ValueType } from "./value";

/** One reported figure. `approximate`: written with 余, 以上, 多 or 约, so only a bound. */
export interface EnvValue {
  readonly value: number;
  readonly approximate: boolean;
}
/** Looks an indicator up; `undefined` means not reported (blank), which is never the same as 0. */
export type ValueEnv = (code: string) => EnvValue | undefined;

/** A value plus the codes whose approximate figures it was computed from (only those actually read). */
export type EvalResult = Value & { readonly approximate: readonly string[] };

export interface EvalOptions {
  /** Absolute slack for comparisons, in the indicators' own unit. Default 0. */
  readonly tolerance?: number;
}

const NONE: readonly string[] = Object.freeze([]);

/** Absolute float-noise allowance: what the brief calls the fixed epsilon. */
export const FLOAT_EPSILON = 1e-9;
/** Relative allowance, which takes over above |x| = 1000 (a few hundred ulps of a double). */
export const FLOAT_RELATIVE = 1e-12;

/**
 * Compares with slack `s = tolerance + max(1e-9, 1e-12 × max(|a|, |b|))`: two figures within
 * `s` count as equal, and the order operators stay consistent with that equality:
 *   a = b  iff |a − b| ≤ s        a <> b iff |a − b| > s
 *   a <= b iff a ≤ b + s          a < b  iff a < b − s   (clearly below, i.e. not a >= b)
 *   a >= b iff a ≥ b − s          a > b  iff a > b + s   (clearly above, i.e. not a <= b)
 * The allowance grows with magnitude because amounts in 万元 can reach 1e8, where one unit in
 * the last place of a double (1.5e-8) already exceeds 1e-9; at 1e8 it is 1e-4, still far
 * below any figure staff can type there.
 */
export function compareNumbers(op: CompareOp, a: number, b: number, tolerance = 0): boolean {
  const s = tolerance + Math.max(FLOAT_EPSILON, FLOAT_RELATIVE * Math.max(Math.abs(a), Math.abs(b)));
  switch (op) {
    case "=":
      return Math.abs(a - b) <= s;
    case "<>":
      return Math.abs(a - b) > s;
    case "<=":
      return a <= b + s;
    case "<":
      return a < b - s;
    case ">=":
      return a >= b - s;
    case ">":
      return a > b + s;
    default:
      return assertNever(op);
  }
}

function arithmetic(op: "+" | "-" | "*" | "/", a: number, b: number): Value {
  switch (op) {
    case "+":
      return num(a + b);
    case "-":
      return num(a - b);
    case "*":
      return num(a * b);
    case "/":
      return b === 0 ? failure("division by zero") : num(a / b);
    default:
      return assertNever(op);
  }
}

/**
 * Evaluates an expression against one report's figures. Missing operands give `missing`
 * (SUM, MIN and MAX skip them unless all are missing); division by zero and a condition used
 * as a number give `error`. Never throws.
 */
export function evaluate(expr: Expr, env: ValueEnv, opts: EvalOptions = {}): EvalResult {
  const tolerance = opts.tolerance ?? 0;
  // Made only when an approximate figure is read: a check evaluates thousands of rules that read none.
  let approximate: Set<string> | undefined;

  const run = (e: Expr): Value => {
    switch (e.type) {
      case "number":
        return num(e.value);
      case "ref": {
        const v = env(e.code);
        if (v === undefined) return { kind: "missing", codes: [e.code] };
        if (!Number.isFinite(v.value)) return failure(`${e.code} is not a finite number`);
        if (v.approximate) (approximate ??= new Set()).add(e.code);
        return num(v.value);
      }
      case "unary": {
        const g = gather([run(e.arg)], "number");
        if (!g.ok) return g.result;
        return num(e.op === "-" ? -g.items[0] : g.items[0]);
      }
      case "binary":
      case "compare": {
        const g = gather([run(e.left), run(e.right)], "number");
        if (!g.ok) return g.result;
        const [a, b] = g.items;
        return e.type === "binary" ? arithmetic(e.op, a, b) : bool(compareNumbers(e.op, a, b, tolerance));
      }
      case "call": {
        const def = lookupFunction(e.name);
        if (!def) return failure(`unknown function ${e.name}`);
        return checkArity(def, e.args.length) ?? def.apply(e.args.map((a) => () => run(a)));
      }
      default:
        return assertNever(e);
    }
  };

  const value = run(expr);
  return { ...value, approximate: approximate ? [...approximate] : NONE };
}
