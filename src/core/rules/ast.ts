/**
 * The syntax tree of the rule language. Nodes are plain data so rules can be stored,
 * compared and printed; every consumer walks them with one exhaustive `switch`.
 *
 * `pos` is a UTF-16 offset into the source text: the start of a number, reference,
 * call or unary operator, and the operator itself for binary nodes and comparisons
 * (the token that best identifies the node in a message).
 */

export type UnaryOp = "-" | "+";
export type ArithOp = "+" | "-" | "*" | "/";
export type CompareOp = "=" | "<>" | "<" | "<=" | ">" | ">=";

export type Expr =
  /** `percent`: written as `90%`, so messages can print it back the way it was typed. */
  | { readonly type: "number"; readonly value: number; readonly percent?: boolean; readonly pos: number }
  | { readonly type: "ref"; readonly code: string; readonly pos: number }
  | { readonly type: "unary"; readonly op: UnaryOp; readonly arg: Expr; readonly pos: number }
  | { readonly type: "binary"; readonly op: ArithOp; readonly left: Expr; readonly right: Expr; readonly pos: number }
  | { readonly type: "compare"; readonly op: CompareOp; readonly left: Expr; readonly right: Expr; readonly pos: number }
  /** `name` is upper-cased: function names are case-insensitive, like Excel's. */
  | { readonly type: "call"; readonly name: string; readonly args: readonly Expr[]; readonly pos: number };

/** Compile-time proof that a `switch` handled every node type. */
export function assertNever(x: never): never {
  throw new Error(`unhandled node ${JSON.stringify(x)}`);
}

/** The indicator codes an expression reads, each once, in order of appearance. */
export function references(expr: Expr): string[] {
  const seen = new Set<string>();
  const walk = (e: Expr): void => {
    switch (e.type) {
      case "number":
        return;
      case "ref":
        seen.add(e.code);
        return;
      case "unary":
        return walk(e.arg);
      case "binary":
      case "compare":
        walk(e.left);
        return walk(e.right);
      case "call":
        return e.args.forEach(walk);
      default:
        return assertNever(e);
    }
  };
  walk(expr);
  return [...seen];
}

/** Binding strength, mirroring the parser, so printing adds only the parentheses it needs. */
function precedence(e: Expr): number {
  switch (e.type) {
    case "compare":
      return 1;
    case "binary":
      return e.op === "+" || e.op === "-" ? 2 : 3;
    case "unary":
      return 4;
    case "number":
    case "ref":
    case "call":
      return 5;
    default:
      return assertNever(e);
  }
}

/** Round-trip float noise away (94.44% stored as 0.9444 must print as 94.44%, not 94.44000000000001%). */
const clean = (n: number): string => String(Number(n.toPrecision(15)));

/**
 * Canonical text of an expression, e.g. `SUM(C12, C13, C14) <= C11`: single spaces around
 * binary operators, `=` and `<>` for (in)equality, upper-case function names. Parentheses
 * appear only where the tree needs them, so parsing the output gives back the same tree.
 */
export function formatExpr(expr: Expr): string {
  const sub = (child: Expr, parens: boolean): string => (parens ? `(${formatExpr(child)})` : formatExpr(child));
  switch (expr.type) {
    case "number":
      return expr.percent ? `${clean(expr.value * 100)}%` : clean(expr.value);
    case "ref":
      return expr.code;
    case "unary":
      return expr.op + sub(expr.arg, precedence(expr.arg) < 4);
    case "binary":
    case "compare": {
      const p = precedence(expr);
      // Arithmetic is left-associative, so only an equal-strength right child needs parentheses;
      // comparisons do not chain, so a comparison inside one is always parenthesised.
      const leftParens = expr.type === "compare" ? precedence(expr.left) <= p : precedence(expr.left) < p;
      return `${sub(expr.left, leftParens)} ${expr.op} ${sub(expr.right, precedence(expr.right) <= p)}`;
    }
    case "call":
      return `${expr.name}(${expr.args.map((a) => formatExpr(a)).join(", ")})`;
    default:
      return assertNever(expr);
  }
}
