import {
  compileRule,
  compileRules,
  confront,
  isComparisonOf,
  parseExpression,
  summary,
  type CompiledRule,
  type Expr,
  type RuleSpec,
} from "../../../src/core/rules";
import { envOf, rongchang2024, yuzhong2023 } from "./figures";

const KNOWN = new Set(["A01", "A02", "A03", "A04", "A06", "A07", "B08", "B09", "B10", "C11", "C12", "C13", "C14", "E01", "E02", "E04", "E10", "E11"]);

function compile(spec: Partial<RuleSpec> & { expr: string }): CompiledRule {
  const r = compileRule({ id: spec.id ?? "r", severity: "error", ...spec }, KNOWN);
  if (!r.ok) throw new Error(`compile failed: ${r.error.message}`);
  return r.value;
}
function parse(text: string): Expr {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(`parse failed: ${r.error.message}`);
  return r.value;
}

describe("compileRule", () => {
  it("fills in the defaults and lists the codes the rule reads", () => {
    const rule = compile({ id: "B.sum", expr: "B08 = B09 + B10" });
    expect(rule).toMatchObject({ id: "B.sum", expr: "B08 = B09 + B10", severity: "error", missing: "na", tolerance: 0, refs: ["B08", "B09", "B10"] });
    expect(rule.ast).toMatchObject({ type: "compare", op: "=" });
    expect(compile({ expr: "A04 <= A03", missing: "zero", tolerance: 2, severity: "warning" })).toMatchObject({
      missing: "zero",
      tolerance: 2,
      severity: "warning",
    });
  });

  it("reports a syntax error with its position", () => {
    expect(compileRule({ id: "bad", expr: "A04 <= (A03", severity: "error" }, KNOWN)).toEqual({
      ok: false,
      error: { ruleId: "bad", expr: "A04 <= (A03", problem: "syntax", message: 'unclosed "(" at 7', position: 7 },
    });
  });

  it("reports codes the template does not define", () => {
    expect(compileRule({ id: "typo", expr: "A04 <= A99 + X01 + A03", severity: "error" }, KNOWN)).toEqual({
      ok: false,
      error: { ruleId: "typo", expr: "A04 <= A99 + X01 + A03", problem: "unknownCode", message: "unknown indicator codes A99, X01 at 7", position: 7, codes: ["A99", "X01"] },
    });
    expect(compileRule({ id: "lower", expr: "a04 <= A03", severity: "error" }, KNOWN)).toMatchObject({
      ok: false,
      error: { problem: "unknownCode", message: "unknown indicator code a04 at 0", codes: ["a04"] },
    });
  });

  it("rejects a rule that is a number rather than a condition", () => {
    expect(compileRule({ id: "n", expr: "SUM(C12, C13)", severity: "info" }, KNOWN)).toEqual({
      ok: false,
      error: {
        ruleId: "n",
        expr: "SUM(C12, C13)",
        problem: "notABoolean",
        message: "SUM(C12, C13) is a number, not a condition; write a comparison such as A04 <= A03",
        position: 0,
      },
    });
    expect(compileRule({ id: "if", expr: "IF(A01 > 0, A02, A03)", severity: "info" }, KNOWN)).toMatchObject({ ok: false, error: { problem: "notABoolean" } });
  });

  it("accepts boolean functions and IF with conditions as branches", () => {
    for (const expr of ["AND(A04 <= A03, A07 <= A06)", "OR(A01 > 0, A02 > 0)", "NOT(A01 < 0)", "IF(A01 > 0, A02 <= A01, A02 = 0)"]) {
      expect(compileRule({ id: "b", expr, severity: "error" }, KNOWN)).toMatchObject({ ok: true });
    }
  });
});

describe("compileRules", () => {
  it("keeps the good rules and lists the bad ones", () => {
    const { rules, problems } = compileRules(
      [
        { id: "ok1", expr: "A04 <= A03", severity: "error" },
        { id: "syntax", expr: "A04 <=", severity: "error" },
        { id: "ok2", expr: "E02 ≤ E01", severity: "warning" },
        { id: "code", expr: "Z01 > 0", severity: "error" },
      ],
      KNOWN,
    );
    expect(rules.map((r) => r.id)).toEqual(["ok1", "ok2"]);
    expect(problems.map((p) => [p.ruleId, p.problem])).toEqual([
      ["syntax", "syntax"],
      ["code", "unknownCode"],
    ]);
  });
});

describe("confront", () => {
  it("passes the 荣昌 2024 parts-sum and part-of-total rules", () => {
    const rules = [compile({ id: "B", expr: "B08 = B09 + B10" }), compile({ id: "E", expr: "E02 <= E01" }), compile({ id: "E4", expr: "E04 <= E01" })];
    expect(confront(envOf(rongchang2024), rules).map((o) => o.status)).toEqual(["pass", "pass", "pass"]);
  });

  it("flags a part above its total, with the figures and both sides", () => {
    const rule = compile({ id: "E.part", expr: "E02 <= E01" });
    expect(confront(envOf({ E01: 283, E02: 337 }), [rule])).toEqual([{ rule, status: "fail", values: { E02: 337, E01: 283 }, lhs: 337, rhs: 283 }]);
  });

  it("flags 渝中 2023 E11 = E10 + 1 (17 ≠ 19) with lhs 17 and rhs 19", () => {
    const [outcome] = confront(envOf(yuzhong2023), [compile({ expr: "E11 = E10 + 1" })]);
    expect(outcome).toMatchObject({ status: "fail", values: { E11: 17, E10: 18 }, lhs: 17, rhs: 19 });
  });

  it("gives no lhs or rhs when the rule is not a single comparison", () => {
    const [outcome] = confront(envOf({ A03: 10, A04: 12, A06: 5, A07: 4 }), [compile({ expr: "AND(A04 <= A03, A07 <= A06)" })]);
    expect(outcome).toEqual(expect.objectContaining({ status: "fail", values: { A04: 12, A03: 10, A07: 4, A06: 5 } }));
    expect(outcome).not.toHaveProperty("lhs");
    expect(outcome).not.toHaveProperty("rhs");
  });

  it("treats blanks as not reported, never 0, under the default na policy", () => {
    const rule = compile({ expr: "B08 = B09 + B10" });
    expect(confront(envOf({ B08: 10584, B09: 9737 }), [rule])).toEqual([{ rule, status: "na", reason: "missing", codes: ["B10"] }]);
  });

  it("counts blanks as 0 under the zero policy", () => {
    const rule = compile({ expr: "B08 = B09 + B10", missing: "zero" });
    expect(confront(envOf({ B08: 9737, B09: 9737 }), [rule])).toEqual([{ rule, status: "pass" }]);
    expect(confront(envOf({ B08: 10584, B09: 9737 }), [rule])).toEqual([{ rule, status: "fail", values: { B08: 10584, B09: 9737, B10: 0 }, lhs: 10584, rhs: 9737 }]);
  });

  it("lets SUM skip blank parts under the na policy and still catch parts above the total", () => {
    const rule = compile({ expr: "SUM(C12, C13, C14) <= C11" });
    expect(confront(envOf({ C11: 50, C12: 40, C14: 20 }), [rule])).toEqual([{ rule, status: "fail", values: { C12: 40, C14: 20, C11: 50 }, lhs: 60, rhs: 50 }]);
    expect(confront(envOf({ C11: 100, C12: 40, C14: 20 }), [rule])).toEqual([{ rule, status: "pass" }]);
  });

  it("does not judge a rule that reads an approximate figure (a lower bound such as 300余)", () => {
    const rule = compile({ expr: "E02 <= E01" });
    const env = envOf({ E01: 300, E02: 283 }, ["E01"]);
    expect(confront(env, [rule])).toEqual([{ rule, status: "na", reason: "approximate", codes: ["E01"] }]);
  });

  it("reports missing before approximate", () => {
    const rule = compile({ expr: "E02 <= E01" });
    expect(confront(envOf({ E01: 300 }, ["E01"]), [rule])).toEqual([{ rule, status: "na", reason: "missing", codes: ["E02"] }]);
  });

  it("passes within the rule's tolerance and fails beyond it", () => {
    const env = envOf({ B08: 10585, B09: 9737, B10: 847 });
    expect(confront(env, [compile({ expr: "B08 = B09 + B10", tolerance: 1 })])[0].status).toBe("pass");
    expect(confront(env, [compile({ expr: "B08 = B09 + B10", tolerance: 0 })])[0]).toMatchObject({ status: "fail", lhs: 10585, rhs: 10584 });
  });

  it("reports division by zero as an invalid outcome with an evaluation problem", () => {
    const rule = compile({ id: "E.rate", expr: "E11 / E10 <= 1" });
    expect(confront(envOf({ E10: 0, E11: 17 }), [rule])).toEqual([
      { rule, status: "invalid", problem: { ruleId: "E.rate", expr: "E11 / E10 <= 1", problem: "evaluation", message: "division by zero" } },
    ]);
  });

  it("reports a hand-built rule that yields a number as invalid", () => {
    const rule: CompiledRule = { ...compile({ expr: "A01 > 0" }), ast: parse("A01 + 1") };
    expect(confront(envOf({ A01: 1 }), [rule])[0]).toMatchObject({ status: "invalid", problem: { problem: "notABoolean" } });
  });
});

describe("summary", () => {
  it("counts outcomes per rule across several districts", () => {
    const rules = [
      compile({ id: "B.sum", expr: "B08 = B09 + B10" }),
      compile({ id: "E.part", expr: "E11 <= E10" }),
      compile({ id: "E.rate", expr: "E11 / E10 <= 1" }),
    ];
    const districts = [
      envOf({ ...rongchang2024, E10: 18, E11: 17 }), // pass, pass, pass
      envOf({ B08: 100, B09: 60, B10: 30, E10: 18, E11: 19 }), // fail, fail, fail
      envOf({ B08: 100, B09: 60, E10: 0, E11: 0 }), // na, pass, invalid
      envOf({ B08: 90, B09: 60, B10: 30, E10: 20, E11: 17 }, ["E11"]), // pass, na, na
    ];
    const outcomes = districts.flatMap((env) => confront(env, rules));
    expect(summary(outcomes)).toEqual([
      { ruleId: "B.sum", pass: 2, fail: 1, na: 1, invalid: 0 },
      { ruleId: "E.part", pass: 2, fail: 1, na: 1, invalid: 0 },
      { ruleId: "E.rate", pass: 1, fail: 1, na: 1, invalid: 1 },
    ]);
  });

  it("is empty for no outcomes", () => {
    expect(summary([])).toEqual([]);
  });
});

describe("isComparisonOf", () => {
  it("recognises exactly a comparison of the two codes", () => {
    expect(isComparisonOf(parse("E11 <= E10"), "<=", "E11", "E10")).toBe(true);
    expect(isComparisonOf(parse("E11＜＝E10"), "<=", "E11", "E10")).toBe(true);
    expect(isComparisonOf(parse("E11 <= E10"), "<", "E11", "E10")).toBe(false);
    expect(isComparisonOf(parse("E10 <= E11"), "<=", "E11", "E10")).toBe(false);
    expect(isComparisonOf(parse("E11 <= E10 + 0"), "<=", "E11", "E10")).toBe(false);
    expect(isComparisonOf(parse("AND(E11 <= E10)"), "<=", "E11", "E10")).toBe(false);
    expect(isComparisonOf(parse("E11 + 1 <= E10"), "<=", "E11", "E10")).toBe(false);
  });

  it("also recognises the mirrored form, which means the same", () => {
    expect(isComparisonOf(parse("E10 >= E11"), "<=", "E11", "E10")).toBe(true);
    expect(isComparisonOf(parse("E10 > E11"), "<", "E11", "E10")).toBe(true);
    expect(isComparisonOf(parse("E10 = E11"), "=", "E11", "E10")).toBe(true);
    expect(isComparisonOf(parse("E10 <= E11"), ">=", "E11", "E10")).toBe(true);
    expect(isComparisonOf(parse("E10 > E11"), "<=", "E11", "E10")).toBe(false);
  });
});
