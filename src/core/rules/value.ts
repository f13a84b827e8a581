/** What an expression evaluates to. Missing is a value, not an error: a blank is "not reported", never 0. */
export type Value =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "boolean"; readonly value: boolean }
  /** `codes`: the unreported indicators that made the result unknowable. */
  | { readonly kind: "missing"; readonly codes: readonly string[] }
  | { readonly kind: "error"; readonly message: string };

/** The two kinds a well-formed expression can have. Conditions are "boolean". */
export type ValueType = "number" | "boolean";

export const num = (value: number): Value =>
  Number.isFinite(value) ? { kind: "number", value } : { kind: "error", message: "number out of range" };
export const bool = (value: boolean): Value => ({ kind: "boolean", value });
export const failure = (message: string): Value => ({ kind: "error", message });

const typeName = (t: ValueType): string => (t === "number" ? "a number" : "a condition");

/**
 * Operands of an operator or function, checked together: the first error wins; otherwise any
 * missing operand makes the result missing (listing every missing code). With `skipMissing`
 * (SUM, MIN, MAX, like Excel ignoring blanks) missing operands are dropped instead, unless all are.
 */
export function gather<T extends ValueType>(
  values: readonly Value[],
  type: T,
  skipMissing = false,
): { ok: true; items: (T extends "number" ? number : boolean)[] } | { ok: false; result: Value } {
  const items: (number | boolean)[] = [];
  const missing = new Set<string>();
  for (const v of values) {
    if (v.kind === "error") return { ok: false, result: v };
    if (v.kind === "missing") v.codes.forEach((c) => missing.add(c));
    else if (v.kind !== type) return { ok: false, result: failure(`expected ${typeName(type)}, got ${typeName(v.kind)}`) };
    else items.push(v.value);
  }
  if (missing.size > 0 && (!skipMissing || items.length === 0)) return { ok: false, result: { kind: "missing", codes: [...missing] } };
  return { ok: true, items: items as (T extends "number" ? number : boolean)[] };
}
