import { seededRandom } from "../../../src/core/consolidate/stats";
import { compileRule, confront, confrontRule, parseExpression, quickRule, type CompiledRule, type Expr, type FigureLookup, type ValueEnv } from "../../../src/core/rules";
import { standardTemplate } from "../../../src/core/template/registry";

const CODES = ["A01", "A02", "A03", "A04"];
const KNOWN = new Set(CODES);

/** A random well-typed expression: every operator and function of the language, blanks and zeros likely. */
function expression(random: () => number, type: "number" | "boolean", depth: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const num = () => expression(random, "number", depth + 1);
  const cond = () => expression(random, "boolean", depth + 1);
  const leaf = depth >= 3 || random() < 0.3;
  if (type === "number") {
    if (leaf) return random() < 0.7 ? pick(CODES) : pick(["0", "1", "2.5", "100", "0.3"]);
    return pick([
      () => `(${num()} ${pick(["+", "-", "*", "/"])} ${num()})`,
      () => `-${num()}`,
      () => `${pick(["SUM", "MIN", "MAX"])}(${num()}, ${num()}, ${num()})`,
      () => `ABS(${num()})`,
      () => `ROUND(${num()}, ${pick(["0", "1", "2", "-1"])})`,
      () => `IF(${cond()}, ${num()}, ${num()})`,
    ])();
  }
  if (leaf) return `${num()} ${pick(["=", "<>", "<", "<=", ">", ">="])} ${num()}`;
  return pick([
    () => `${num()} ${pick(["=", "<>", "<", "<=", ">", ">="])} ${num()}`,
    () => `${pick(["AND", "OR"])}(${cond()}, ${cond()})`,
    () => `NOT(${cond()})`,
    () => `IF(${cond()}, ${cond()}, ${cond()})`,
  ])();
}

/** One report: each code exact (often 0 or equal to another), blank or approximate. */
function report(random: () => number): { env: ValueEnv; figure: FigureLookup } {
  const values = new Map<string, { value: number; approximate: boolean } | undefined>();
  for (const code of CODES) {
    const r = random();
    if (r < 0.15) values.set(code, undefined);
    else values.set(code, { value: [0, 1, 3, 7.5, 100, -2][Math.floor(random() * 6)], approximate: r > 0.9 });
  }
  return {
    env: (code) => values.get(code),
    figure: (code) => {
      const v = values.get(code);
      return v === undefined ? undefined : v.approximate ? NaN : v.value;
    },
  };
}

describe("the quick verdict on a rule", () => {
  it("passes or fails a rule only where the full evaluation does, with the same failure, and always decides when every figure is exact (20,000 random rules and reports)", () => {
    const random = seededRandom(2024);
    let passes = 0;
    let fails = 0;
    let undecided = 0;
    for (let i = 0; i < 20000; i++) {
      const compiled = compileRule({ id: `R${i}`, expr: expression(random, "boolean", 0), severity: "error", missing: random() < 0.3 ? "zero" : "na", tolerance: random() < 0.2 ? 0.5 : 0 }, KNOWN);
      if (!compiled.ok) throw new Error(compiled.error.message);
      const rule = compiled.value;
      const quick = quickRule(rule.ast, rule.missing, rule.tolerance)!;
      const { env, figure } = report(random);
      const full = confrontRule(env, rule);
      const v = quick.verdict(figure);
      if (v === 1) expect([rule.expr, full.status]).toEqual([rule.expr, "pass"]);
      // A quick failure is the full one: the values read, a comparison's two sides.
      if (v === 0) expect([rule.expr, confront(env, [rule], figure)[0]]).toEqual([rule.expr, full]);
      // Every figure the rule reads exact (or blank, where blanks count as 0): nothing for the full evaluation to add.
      const exact = rule.refs.every((c) => (figure(c) === undefined ? rule.missing === "zero" : !Number.isNaN(figure(c))));
      if (exact && full.status === "pass") expect([rule.expr, v]).toEqual([rule.expr, 1]);
      if (exact && full.status === "fail") expect([rule.expr, v]).toEqual([rule.expr, 0]);
      if (v === 1) passes++;
      else if (v === 0) fails++;
      else if (full.status === "pass" || full.status === "fail") undecided++;
    }
    // Every side was exercised: many quick passes and failures, and outcomes only the full evaluation could give (a SUM skipping a blank).
    expect(passes).toBeGreaterThan(3000);
    expect(fails).toBeGreaterThan(3000);
    expect(undecided).toBeGreaterThan(0);
  });

  it("leaves hand-built trees the parser would refuse to the full evaluation: numbers mixed with conditions, an unknown function", () => {
    const ref = (code: string): Expr => ({ type: "ref", code, pos: 0 });
    const one: Expr = { type: "number", value: 1, pos: 0 };
    const mixed: Expr = { type: "compare", op: ">", left: { type: "binary", op: "+", left: ref("A01"), right: { type: "compare", op: ">", left: ref("A02"), right: one, pos: 0 } }, right: one, pos: 0 } as Expr;
    const unknown: Expr = { type: "compare", op: ">", left: { type: "call", name: "MEDIAN", args: [ref("A01")], pos: 0 }, right: one, pos: 0 };
    expect([quickRule(mixed, "na", 0), quickRule(unknown, "na", 0)]).toEqual([undefined, undefined]);
    expect(parseExpression("A01 + (A02 > 1) > 1").ok).toBe(false);
  });

  it("gives the template's relations the same outcomes as the full evaluation, failures with their values", () => {
    const t = standardTemplate();
    const random = seededRandom(7);
    const codes = [...new Set(t.relations.flatMap((r: CompiledRule) => r.refs))];
    for (let i = 0; i < 200; i++) {
      const values = new Map(codes.map((c) => [c, random() < 0.1 ? undefined : { value: Math.round(random() * 50), approximate: random() < 0.05 }]));
      const env: ValueEnv = (c) => values.get(c);
      const figure: FigureLookup = (c) => {
        const v = values.get(c);
        return v === undefined ? undefined : v.approximate ? NaN : v.value;
      };
      expect(confront(env, t.relations, figure)).toEqual(confront(env, t.relations));
    }
  });
});
