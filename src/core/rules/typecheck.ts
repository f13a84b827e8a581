import { assertNever, formatExpr, type Expr } from "./ast";
import { lookupFunction } from "./functions";
import type { ParseProblem } from "./lexer";
import { err, ok, type Result } from "../result";
import type { ValueType } from "./value";

/** How a node is named in a message: its operator, function name, code or number. */
function describe(e: Expr): string {
  switch (e.type) {
    case "number":
    case "ref":
      return formatExpr(e);
    case "call":
      return e.name;
    case "unary":
    case "binary":
    case "compare":
      return `"${e.op}"`;
    default:
      return assertNever(e);
  }
}

const mismatch = (e: Expr, got: ValueType): ParseProblem => ({
  message:
    got === "boolean"
      ? `${describe(e)} at ${e.pos} is a condition, where a number is needed`
      : `${describe(e)} at ${e.pos} is a number, where a condition is needed`,
  position: e.pos,
});

/**
 * The kind of value an expression yields, or why it mixes numbers and conditions
 * (`A01 + (A02 > 0)`, `AND(A01, A02)`). Checked once when a rule is read, so such
 * mistakes show up when the template loads, not as an error on every report.
 */
export function typeOf(expr: Expr): Result<ValueType, ParseProblem> {
  const expect = (e: Expr, want: ValueType): ParseProblem | undefined => {
    const t = typeOf(e);
    if (!t.ok) return t.error;
    return t.value === want ? undefined : mismatch(e, t.value);
  };
  switch (expr.type) {
    case "number":
    case "ref":
      return ok("number");
    case "unary": {
      const p = expect(expr.arg, "number");
      return p ? err(p) : ok("number");
    }
    case "binary":
    case "compare": {
      const p = expect(expr.left, "number") ?? expect(expr.right, "number");
      return p ? err(p) : ok(expr.type === "binary" ? "number" : "boolean");
    }
    case "call": {
      const def = lookupFunction(expr.name);
      if (!def) return err({ message: `unknown function ${expr.name} at ${expr.pos}`, position: expr.pos });
      const types: ValueType[] = [];
      for (const [i, arg] of expr.args.entries()) {
        const t = typeOf(arg);
        if (!t.ok) return t;
        const want = def.argType(i);
        if (want !== "any" && t.value !== want) return err(mismatch(arg, t.value));
        types.push(t.value);
      }
      if (def.returns !== "branches") return ok(def.returns);
      const [, first, second] = types;
      if (first !== second) {
        return err({ message: `${expr.name} at ${expr.pos} mixes a number and a condition in its branches`, position: expr.pos });
      }
      return ok(first ?? "number");
    }
    default:
      return assertNever(expr);
  }
}
