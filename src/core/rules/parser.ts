import type { ArithOp, CompareOp, Expr } from "./ast";
import { lookupFunction, type FunctionDef } from "./functions";
import { tokenize, type ParseProblem, type Token } from "./lexer";
import { err, ok, type Result } from "../result";
import { typeOf } from "./typecheck";

export type { ParseProblem } from "./lexer";

/** Internal only: unwinds the recursive descent; `parseExpression` turns it into a returned error. */
class Stop {
  constructor(readonly problem: ParseProblem) {}
}
function stop(message: string, position: number): never {
  throw new Stop({ message, position });
}

// Binding powers: comparison < additive < multiplicative < unary.
const COMPARE_BP = 10;
const UNARY_BP = 40;
const infixPower = (op: ArithOp | CompareOp): number =>
  op === "+" || op === "-" ? 20 : op === "*" || op === "/" ? 30 : COMPARE_BP;
const isCompare = (op: ArithOp | CompareOp): op is CompareOp => infixPower(op) === COMPARE_BP;

const quoted = (t: Token): string => `"${t.text}"`;

function arityMessage(def: FunctionDef, got: number, pos: number): string {
  const plural = (n: number): string => `${n} argument${n === 1 ? "" : "s"}`;
  const wanted =
    def.minArgs === def.maxArgs
      ? plural(def.minArgs)
      : def.maxArgs === Infinity
        ? `at least ${plural(def.minArgs)}`
        : `${def.minArgs} to ${plural(def.maxArgs)}`;
  return `expected ${wanted} for ${def.name} at ${pos}, got ${got}`;
}

/** A Pratt parser over the token list: prefix forms in `primary`, infix operators in `expression`. */
class Parser {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.i];
  }
  private next(): Token {
    return this.tokens[this.i++];
  }

  /** A token that cannot appear here; at the end, blame the operator left without an operand. */
  private unexpected(t: Token): never {
    if (t.kind !== "end") return stop(`unexpected ${quoted(t)} at ${t.pos}`, t.pos);
    const prev = this.tokens[this.i - 1];
    if (!prev) return stop("empty expression", 0);
    if (prev.kind === "(") return stop(`unclosed ${quoted(prev)} at ${prev.pos}`, prev.pos);
    if (prev.kind === "op" || prev.kind === ",") return stop(`missing value after ${quoted(prev)} at ${prev.pos}`, prev.pos);
    return stop(`unexpected end of expression at ${t.pos}`, t.pos);
  }

  /** The closing `)` of the `(` at `open`: an end of text means that `(` was never closed. */
  private close(open: Token): void {
    const t = this.next();
    if (t.kind === ")") return;
    if (t.kind === "end") stop(`unclosed ${quoted(open)} at ${open.pos}`, open.pos);
    this.i--;
    return this.unexpected(t);
  }

  parseAll(): Expr {
    const e = this.expression(0);
    const t = this.peek();
    if (t.kind !== "end") this.unexpected(t);
    return e;
  }

  private expression(minBp: number): Expr {
    let left = this.primary();
    let compared = false;
    for (;;) {
      const t = this.peek();
      if (t.kind !== "op") return left;
      const bp = infixPower(t.op);
      if (bp <= minBp) return left;
      // `0 <= A01 <= 1` reads naturally but means nothing here; say so instead of guessing.
      if (compared && isCompare(t.op)) stop(`comparisons cannot be chained: ${quoted(t)} at ${t.pos}`, t.pos);
      this.next();
      const right = this.expression(bp);
      if (isCompare(t.op)) {
        left = { type: "compare", op: t.op, left, right, pos: t.pos };
        compared = true;
      } else {
        left = { type: "binary", op: t.op, left, right, pos: t.pos };
      }
    }
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case "number":
        return t.percent ? { type: "number", value: t.value, percent: true, pos: t.pos } : { type: "number", value: t.value, pos: t.pos };
      case "ident":
        return this.peek().kind === "(" ? this.call(t) : { type: "ref", code: t.name, pos: t.pos };
      case "(": {
        const inner = this.expression(0);
        this.close(t);
        return inner;
      }
      case "op":
        if (t.op === "-" || t.op === "+") return { type: "unary", op: t.op, arg: this.expression(UNARY_BP), pos: t.pos };
        return this.unexpected(t);
      default:
        this.i--;
        return this.unexpected(t);
    }
  }

  private call(name: Token & { kind: "ident" }): Expr {
    const def = lookupFunction(name.name);
    if (!def) stop(`unknown function ${name.text} at ${name.pos}`, name.pos);
    const open = this.next();
    const args: Expr[] = [];
    if (this.peek().kind === ")") this.next();
    else {
      for (;;) {
        args.push(this.expression(0));
        if (this.peek().kind !== ",") break;
        this.next();
      }
      this.close(open);
    }
    if (args.length < def.minArgs || args.length > def.maxArgs) stop(arityMessage(def, args.length, name.pos), name.pos);
    return { type: "call", name: name.name.toUpperCase(), args, pos: name.pos };
  }
}

/**
 * Reads a rule such as `SUM(C12, C13, C14) <= C11`. Syntax, unknown functions, argument counts
 * and number/condition mix-ups are all reported here, as a returned problem — never thrown.
 */
export function parseExpression(text: string): Result<Expr, ParseProblem> {
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  let expr: Expr;
  try {
    expr = new Parser(tokens.value).parseAll();
  } catch (e) {
    if (e instanceof Stop) return err(e.problem);
    throw e;
  }
  const type = typeOf(expr);
  return type.ok ? ok(expr) : type;
}
