import { assertNever, type Expr } from "./ast";
import { compareNumbers } from "./evaluate";
import { roundExcel } from "./functions";
import { typeOf } from "./typecheck";

/**
 * Figures for the quick verdict: the exact figure; NaN for an approximate one (余, 以上 — only a bound);
 * undefined for one not reported.
 */
export type FigureLookup = (code: string) => number | undefined;

/** A rule compiled to closures over plain numbers: 1 or 0 for a condition, NaN for "the full evaluation must say". */
type Quick = (figure: FigureLookup) => number;

/**
 * A rule compiled to closures over plain numbers, deciding it without building a value per node: a
 * sheet's 23 relations over 1,000 districts are 23,000 evaluations, and the tree-walking evaluator
 * builds a dozen objects for each.
 */
export interface QuickRule {
  /**
   * 1: the rule holds; 0: it fails — each exactly as `confrontRule` decides it (same arithmetic, same
   * comparisons with their slack, IF taking one branch), every figure it read being reported and
   * exact. NaN: the full evaluation must say — a figure not reported or approximate, a division by zero,
   * a number out of range. `zero`: a blank counts as 0, as the rule's missing policy says.
   */
  readonly verdict: (figure: FigureLookup) => number;
  /** A comparison's two sides, for a failure's lhs and rhs (numbers wherever the verdict is 0 or 1). */
  readonly sides?: readonly [left: (figure: FigureLookup) => number, right: (figure: FigureLookup) => number];
}

/**
 * Undefined for a rule the full evaluation must always run (one that mixes numbers and conditions, or
 * calls a function unknown here).
 */
export function quickRule(ast: Expr, missing: "na" | "zero", tolerance: number): QuickRule | undefined {
  if (!typeOf(ast).ok) return undefined;
  const verdict = compile(ast, missing, tolerance);
  if (!verdict) return undefined;
  // A comparison compiles only where both its sides do.
  return ast.type === "compare" ? { verdict, sides: [compile(ast.left, missing, tolerance)!, compile(ast.right, missing, tolerance)!] } : { verdict };
}

function compile(e: Expr, missing: "na" | "zero", tolerance: number): Quick | undefined {
  const sub = (x: Expr) => compile(x, missing, tolerance);
  // Both operands, then combined: as the full evaluation, neither is skipped.
  const pair = (l: Expr, r: Expr, combine: (a: number, b: number) => number): Quick | undefined => {
    const [left, right] = [sub(l), sub(r)];
    return left && right ? (f) => combine(left(f), right(f)) : undefined;
  };
  switch (e.type) {
    case "number": {
      const v = Number.isFinite(e.value) ? e.value : NaN;
      return () => v;
    }
    case "ref": {
      const { code } = e;
      const blank = missing === "zero" ? 0 : NaN;
      return (figure) => {
        const v = figure(code);
        return v === undefined ? blank : Number.isFinite(v) ? v : NaN;
      };
    }
    case "unary": {
      const arg = sub(e.arg);
      if (!arg) return undefined;
      return e.op === "-" ? (f) => -arg(f) : arg;
    }
    case "binary": {
      const op = e.op;
      return pair(e.left, e.right, (a, b) => {
        // Division by zero and results out of range are errors to the full evaluation: undecided here.
        const r = op === "+" ? a + b : op === "-" ? a - b : op === "*" ? a * b : b === 0 ? NaN : a / b;
        return Number.isFinite(r) ? r : NaN;
      });
    }
    case "compare": {
      const op = e.op;
      return pair(e.left, e.right, (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : compareNumbers(op, a, b, tolerance) ? 1 : 0));
    }
    case "call":
      return call(e.name.toUpperCase(), e.args.map(sub));
    default:
      return assertNever(e);
  }
}

/** The functions as the full evaluation defines them (`functions.ts`), every argument required. */
function call(name: string, args: readonly (Quick | undefined)[]): Quick | undefined {
  if (!args.every((a): a is Quick => a !== undefined)) return undefined;
  const all = (f: FigureLookup): number[] | undefined => {
    const xs = args.map((a) => a(f));
    return xs.some(Number.isNaN) ? undefined : xs;
  };
  const numeric = (fn: (xs: number[]) => number): Quick => (f) => {
    const xs = all(f);
    if (!xs) return NaN;
    const r = fn(xs);
    return Number.isFinite(r) ? r : NaN;
  };
  const logical = (fn: (xs: number[]) => boolean): Quick => (f) => {
    const xs = all(f);
    return xs ? (fn(xs) ? 1 : 0) : NaN;
  };
  switch (name) {
    case "SUM":
      return args.length >= 1 ? numeric((xs) => xs.reduce((a, b) => a + b, 0)) : undefined;
    case "MIN":
      return args.length >= 1 ? numeric((xs) => xs.reduce((a, b) => Math.min(a, b), Infinity)) : undefined;
    case "MAX":
      return args.length >= 1 ? numeric((xs) => xs.reduce((a, b) => Math.max(a, b), -Infinity)) : undefined;
    case "ABS":
      return args.length === 1 ? numeric(([x]) => Math.abs(x)) : undefined;
    case "ROUND":
      return args.length === 2 ? numeric(([x, digits]) => roundExcel(x, digits)) : undefined;
    case "AND":
      return args.length >= 1 ? logical((xs) => xs.every((x) => x === 1)) : undefined;
    case "OR":
      return args.length >= 1 ? logical((xs) => xs.some((x) => x === 1)) : undefined;
    case "NOT":
      return args.length === 1 ? logical(([x]) => x !== 1) : undefined;
    case "IF": {
      if (args.length !== 3) return undefined;
      const [cond, then, otherwise] = args;
      // Only the branch taken is evaluated, as in the full evaluation (IF(A01 > 0, A02 / A01, 0)).
      return (f) => {
        const c = cond(f);
        return Number.isNaN(c) ? NaN : c === 1 ? then(f) : otherwise(f);
      };
    }
    default:
      return undefined;
  }
}
