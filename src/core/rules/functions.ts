import { bool, failure, gather, num, type Value, type ValueType } from "./value";

/** An argument, evaluated on demand so IF only evaluates the branch it takes. */
export type Thunk = () => Value;

export interface FunctionDef {
  readonly name: string;
  readonly minArgs: number;
  /** `Infinity` for variadic functions. */
  readonly maxArgs: number;
  /** The kind argument `index` must have; IF's branches accept either, as long as they agree. */
  argType(index: number): ValueType | "any";
  /** The result kind; "branches" for IF, whose result is whatever its branches give. */
  readonly returns: ValueType | "branches";
  apply(args: readonly Thunk[]): Value;
}

const force = (args: readonly Thunk[]): Value[] => args.map((a) => a());

/** A function of numbers, evaluated strictly (every argument, even if an earlier one is missing). */
function numeric(name: string, minArgs: number, maxArgs: number, skipMissing: boolean, fn: (xs: number[]) => number): FunctionDef {
  return {
    name,
    minArgs,
    maxArgs,
    argType: () => "number",
    returns: "number",
    apply: (args) => {
      const g = gather(force(args), "number", skipMissing);
      return g.ok ? num(fn(g.items)) : g.result;
    },
  };
}

/**
 * A logical function. All arguments are evaluated (no short-circuit) so a missing operand
 * always makes the result missing, as the rules' missing policy expects.
 */
function logical(name: string, minArgs: number, maxArgs: number, fn: (xs: boolean[]) => boolean): FunctionDef {
  return {
    name,
    minArgs,
    maxArgs,
    argType: () => "boolean",
    returns: "boolean",
    apply: (args) => {
      const g = gather(force(args), "boolean");
      return g.ok ? bool(fn(g.items)) : g.result;
    },
  };
}

/** Moves the decimal point by text, so ROUND(2.675, 2) is 2.68 as in Excel, not 2.67 from 267.49999… */
function shift(x: number, places: number): number {
  const [mantissa, exponent = "0"] = String(x).split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** Excel's ROUND: halves away from zero; digits are truncated to an integer and may be negative. */
export function roundExcel(x: number, digits: number): number {
  const d = Math.trunc(digits);
  return Math.sign(x) * shift(Math.round(shift(Math.abs(x), d)), -d);
}

const IF: FunctionDef = {
  name: "IF",
  minArgs: 3,
  maxArgs: 3,
  argType: (i) => (i === 0 ? "boolean" : "any"),
  returns: "branches",
  apply: ([cond, then, otherwise]) => {
    const c = gather([cond()], "boolean");
    if (!c.ok) return c.result;
    // Lazy, so IF(A01 > 0, A02 / A01, 0) does not divide by zero when A01 is 0.
    return c.items[0] ? then() : otherwise();
  },
};

const DEFINITIONS: readonly FunctionDef[] = [
  numeric("SUM", 1, Infinity, true, (xs) => xs.reduce((a, b) => a + b, 0)),
  numeric("MIN", 1, Infinity, true, (xs) => xs.reduce((a, b) => Math.min(a, b), Infinity)),
  numeric("MAX", 1, Infinity, true, (xs) => xs.reduce((a, b) => Math.max(a, b), -Infinity)),
  numeric("ABS", 1, 1, false, ([x]) => Math.abs(x)),
  numeric("ROUND", 2, 2, false, ([x, digits]) => roundExcel(x, digits)),
  IF,
  logical("AND", 1, Infinity, (xs) => xs.every(Boolean)),
  logical("OR", 1, Infinity, (xs) => xs.some(Boolean)),
  logical("NOT", 1, 1, ([x]) => !x),
];

const REGISTRY: ReadonlyMap<string, FunctionDef> = new Map(DEFINITIONS.map((d) => [d.name, d]));

/** Looks a function up by name, case-insensitively. */
export function lookupFunction(name: string): FunctionDef | undefined {
  return REGISTRY.get(name.toUpperCase());
}

/** Names of all functions, for help text. */
export const functionNames = (): string[] => [...REGISTRY.keys()];

/** Guards hand-built trees: the parser already rejects calls with the wrong number of arguments. */
export function checkArity(def: FunctionDef, count: number): Value | undefined {
  return count < def.minArgs || count > def.maxArgs ? failure(`wrong number of arguments for ${def.name}`) : undefined;
}
