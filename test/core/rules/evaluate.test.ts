import { compareNumbers, evaluate, parseExpression, type EvalOptions, type Expr, type ValueEnv } from "../../../src/core/rules";
import { envOf, rongchang2024, yuzhong2023 } from "./figures";

function parse(text: string): Expr {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(`parse failed: ${r.error.message}`);
  return r.value;
}
const run = (text: string, env: ValueEnv = envOf({}), opts?: EvalOptions) => evaluate(parse(text), env, opts);
const numberOf = (text: string, env?: ValueEnv): number => {
  const r = run(text, env);
  if (r.kind !== "number") throw new Error(`expected a number from ${text}, got ${JSON.stringify(r)}`);
  return r.value;
};

describe("arithmetic and precedence", () => {
  it.each([
    ["1 + 2 * 3", 7],
    ["(1 + 2) * 3", 9],
    ["10 - 4 - 3", 3],
    ["24 / 4 / 2", 3],
    ["2 * -3", -6],
    ["-2 * 3 + 10", 4],
    ["--5", 5],
    ["+5 - -5", 10],
    ["1e3 + 0.5", 1000.5],
    ["100% + 50%", 1.5],
    ["-(1 + 2)", -3],
  ])("%s = %d", (text, expected) => {
    expect(numberOf(text)).toBe(expected);
  });

  it("reads figures from the report", () => {
    expect(numberOf("B09 + B10", envOf(rongchang2024))).toBe(10584);
    expect(numberOf("E01 - E02 - E04", envOf(rongchang2024))).toBe(-4);
  });
});

describe("comparisons", () => {
  it("passes the 荣昌 2024 parts-sum B08 = B09 + B10 (10584 = 9737 + 847)", () => {
    expect(run("B08 = B09 + B10", envOf(rongchang2024))).toEqual({ kind: "boolean", value: true, approximate: [] });
    expect(run("B08 == B09 + B10", envOf(rongchang2024))).toMatchObject({ value: true });
  });

  it("checks 渝中 2023 E11 <= E10 (17 <= 18) and rejects E11 = E10 + 1", () => {
    const env = envOf(yuzhong2023);
    expect(run("E11 <= E10", env)).toMatchObject({ kind: "boolean", value: true });
    expect(run("E11 = E10 + 1", env)).toMatchObject({ kind: "boolean", value: false });
    expect(run("E11 / E10 <= 1", env)).toMatchObject({ value: true });
    expect(run("E11 / E10 < 94.45%", env)).toMatchObject({ value: true });
    expect(run("E11 / E10 > 94.44%", env)).toMatchObject({ value: true });
  });

  it.each([
    ["3 < 4", true],
    ["4 < 4", false],
    ["4 <= 4", true],
    ["5 <= 4", false],
    ["5 > 4", true],
    ["4 > 4", false],
    ["4 >= 4", true],
    ["3 >= 4", false],
    ["4 = 4", true],
    ["4 <> 4", false],
    ["4 != 5", true],
    ["-1 < 0", true],
  ])("%s is %s", (text, expected) => {
    expect(run(text)).toMatchObject({ kind: "boolean", value: expected });
  });

  it("absorbs float noise: 0.1 + 0.2 = 0.3", () => {
    expect(run("0.1 + 0.2 = 0.3")).toMatchObject({ value: true });
    expect(run("0.1 + 0.2 <> 0.3")).toMatchObject({ value: false });
    expect(run("0.1 + 0.2 > 0.3")).toMatchObject({ value: false });
    expect(run("0.3 = 0.30001")).toMatchObject({ value: false });
  });

  it("allows 1e-9 of float noise at ordinary magnitudes, and no more", () => {
    expect(compareNumbers("=", 1, 1 + 5e-10)).toBe(true);
    expect(compareNumbers("=", 1, 1 + 2e-9)).toBe(false);
    expect(compareNumbers("<", 1, 1 + 2e-9)).toBe(true);
  });

  it("scales the float allowance with magnitude, so large amounts still compare equal", () => {
    // 123456789.12 + 0.01 differs from 123456789.13 by 1.5e-8 in doubles: above a fixed 1e-9.
    expect(run("123456789.12 + 0.01 = 123456789.13")).toMatchObject({ value: true });
    expect(run("123456789.12 = 123456789.13")).toMatchObject({ value: false });
  });
});

describe("tolerance", () => {
  const env = envOf({ B08: 10585, B09: 9737, B10: 847 }); // off by one

  it("lets = pass within the tolerance and fail beyond it", () => {
    expect(run("B08 = B09 + B10", env)).toMatchObject({ value: false });
    expect(run("B08 = B09 + B10", env, { tolerance: 1 })).toMatchObject({ value: true });
    expect(run("B08 = B09 + B10", env, { tolerance: 0.5 })).toMatchObject({ value: false });
    expect(run("B08 <> B09 + B10", env, { tolerance: 1 })).toMatchObject({ value: false });
  });

  it("lets <= and >= pass within the tolerance; < and > need a gap larger than it", () => {
    expect(run("B08 <= B09 + B10", env, { tolerance: 1 })).toMatchObject({ value: true });
    expect(run("B09 + B10 >= B08", env, { tolerance: 1 })).toMatchObject({ value: true });
    expect(run("B09 + B10 < B08", env)).toMatchObject({ value: true });
    expect(run("B09 + B10 < B08", env, { tolerance: 1 })).toMatchObject({ value: false });
    expect(run("B08 > B09 + B10", env, { tolerance: 1 })).toMatchObject({ value: false });
    expect(run("B08 > B09 + B10", env, { tolerance: 0.5 })).toMatchObject({ value: true });
  });

  it("keeps the six operators consistent: < is not >=, > is not <=, <> is not =", () => {
    for (const [a, b] of [[1, 1], [1, 1.5], [1, 2], [2, 1], [1, 1 + 1e-12]]) {
      for (const t of [0, 0.5, 1]) {
        expect(compareNumbers("<", a, b, t)).toBe(!compareNumbers(">=", a, b, t));
        expect(compareNumbers(">", a, b, t)).toBe(!compareNumbers("<=", a, b, t));
        expect(compareNumbers("<>", a, b, t)).toBe(!compareNumbers("=", a, b, t));
      }
    }
  });
});

describe("functions", () => {
  const env = envOf({ ...rongchang2024, ...yuzhong2023, C11: 100, C12: 40, C13: 30, C14: 20 });

  it("SUM adds its arguments", () => {
    expect(numberOf("SUM(C12, C13, C14)", env)).toBe(90);
    expect(run("SUM(C12, C13, C14) <= C11", env)).toMatchObject({ value: true });
    expect(run("SUM(C12, C13, C14) <= C11", envOf({ C11: 80, C12: 40, C13: 30, C14: 20 }))).toMatchObject({ value: false });
  });

  it("SUM ignores blanks like Excel, but is missing when every argument is blank", () => {
    const partial = envOf({ C11: 100, C12: 40, C14: 20 });
    expect(numberOf("SUM(C12, C13, C14)", partial)).toBe(60);
    expect(run("SUM(C13, C15)", partial)).toEqual({ kind: "missing", codes: ["C13", "C15"], approximate: [] });
  });

  it("C12 + C13 + C14 is missing when any part is blank (only SUM, MIN and MAX skip blanks)", () => {
    expect(run("C12 + C13 + C14 <= C11", envOf({ C11: 100, C12: 40, C14: 20 }))).toEqual({ kind: "missing", codes: ["C13"], approximate: [] });
  });

  it("MIN and MAX pick the extremes, skipping blanks", () => {
    expect(numberOf("MIN(E11, E10)", env)).toBe(17);
    expect(numberOf("MAX(E11, E10, 20)", env)).toBe(20);
    expect(numberOf("MIN(E11, X01)", env)).toBe(17);
    expect(numberOf("MAX(X01, E10)", env)).toBe(18);
    expect(run("MIN(X01, X02)", env)).toMatchObject({ kind: "missing", codes: ["X01", "X02"] });
    expect(run("MIN(E11, E10) >= 0", env)).toMatchObject({ value: true });
  });

  it("ABS measures the gap of a parts-sum", () => {
    expect(numberOf("ABS(B08 - (B09 + B10))", envOf({ B08: 10580, B09: 9737, B10: 847 }))).toBe(4);
    expect(run("ABS(B08 - (B09 + B10)) <= 1", env)).toMatchObject({ value: true });
  });

  it("ROUND rounds halves away from zero, like Excel, with negative digits too", () => {
    expect(numberOf("ROUND(E11 / E10, 4)", env)).toBe(0.9444);
    expect(run("ROUND(E11 / E10, 4) = 0.9444", env)).toMatchObject({ value: true });
    expect(numberOf("ROUND(2.675, 2)")).toBe(2.68);
    expect(numberOf("ROUND(-2.5, 0)")).toBe(-3);
    expect(numberOf("ROUND(1.005, 2)")).toBe(1.01);
    expect(numberOf("ROUND(1234.5, -2)")).toBe(1200);
    expect(numberOf("ROUND(0.00000012345, 9)")).toBe(1.23e-7);
    expect(numberOf("ROUND(2.5, 0.9)")).toBe(3);
  });

  it("IF chooses a branch and evaluates only that one", () => {
    expect(numberOf("IF(E10 > 0, E11 / E10, 0)", env)).toBeCloseTo(17 / 18, 12);
    expect(numberOf("IF(A01 > 0, A02 / A01, 0)", envOf({ A01: 0, A02: 5 }))).toBe(0);
    expect(run("IF(A01 > 0, A02 / A01, 0) <= 1", envOf({ A01: 0 }))).toMatchObject({ kind: "boolean", value: true });
    expect(run("IF(A01 > 0, A02 > 1, A03 > 1)", envOf({ A01: 1, A02: 2 }))).toMatchObject({ kind: "boolean", value: true });
    expect(run("IF(A01 > 0, 1, 2)", envOf({}))).toMatchObject({ kind: "missing", codes: ["A01"] });
  });

  it("AND, OR and NOT combine conditions", () => {
    const e = envOf({ A03: 10, A04: 8, A06: 5, A07: 6 });
    expect(run("AND(A04 <= A03, A07 <= A06)", e)).toMatchObject({ value: false });
    expect(run("AND(A04 <= A03, A07 > A06)", e)).toMatchObject({ value: true });
    expect(run("OR(A04 <= A03, A07 <= A06)", e)).toMatchObject({ value: true });
    expect(run("OR(A04 > A03, A07 <= A06)", e)).toMatchObject({ value: false });
    expect(run("NOT(A07 <= A06)", e)).toMatchObject({ value: true });
    expect(run("not(A04 <= A03)", e)).toMatchObject({ value: false });
  });

  it("AND and OR are missing when any operand is missing, even if the others decide", () => {
    const e = envOf({ A03: 10, A04: 8 });
    expect(run("AND(A04 > A03, A07 <= A06)", e)).toEqual({ kind: "missing", codes: ["A07", "A06"], approximate: [] });
    expect(run("OR(A04 <= A03, A07 <= A06)", e)).toMatchObject({ kind: "missing", codes: ["A07", "A06"] });
  });
});

describe("missing, errors and approximate figures", () => {
  it("treats blanks as not reported, never 0", () => {
    expect(run("A04 <= A03", envOf({ A03: 5 }))).toEqual({ kind: "missing", codes: ["A04"], approximate: [] });
    expect(run("-A01 < 0", envOf({}))).toMatchObject({ kind: "missing", codes: ["A01"] });
    expect(run("ABS(A01) >= 0", envOf({}))).toMatchObject({ kind: "missing", codes: ["A01"] });
    expect(run("ROUND(A01, 2) = 0", envOf({}))).toMatchObject({ kind: "missing", codes: ["A01"] });
  });

  it("lists every blank code once", () => {
    expect(run("A01 + A02 + A01 > A03", envOf({ A03: 1 }))).toMatchObject({ kind: "missing", codes: ["A01", "A02"] });
  });

  it("reports division by zero as an error, not Infinity", () => {
    expect(run("E11 / E10 <= 1", envOf({ E10: 0, E11: 17 }))).toEqual({ kind: "error", message: "division by zero", approximate: [] });
    expect(run("1 / 0")).toMatchObject({ kind: "error", message: "division by zero" });
    expect(run("E11 / E10 <= 1", envOf({ E10: 0 }))).toMatchObject({ kind: "missing", codes: ["E11"] });
  });

  it("reports a result too large for a double as an error", () => {
    expect(run("1e300 * 1e300 > 0")).toEqual({ kind: "error", message: "number out of range", approximate: [] });
  });

  it("reports a non-finite figure from the environment as an error", () => {
    expect(run("A01 > 0", envOf({ A01: NaN }))).toMatchObject({ kind: "error", message: "A01 is not a finite number" });
  });

  it("reports a condition used as a number in a hand-built tree as an error", () => {
    const bad: Expr = {
      type: "binary",
      op: "+",
      left: { type: "number", value: 1, pos: 0 },
      right: { type: "compare", op: "<", left: { type: "number", value: 1, pos: 0 }, right: { type: "number", value: 2, pos: 0 }, pos: 0 },
      pos: 0,
    };
    expect(evaluate(bad, envOf({}))).toEqual({ kind: "error", message: "expected a number, got a condition", approximate: [] });
    const noArgs: Expr = { type: "call", name: "ABS", args: [], pos: 0 };
    expect(evaluate(noArgs, envOf({}))).toMatchObject({ kind: "error", message: "wrong number of arguments for ABS" });
  });

  it("names the approximate figures a result was computed from", () => {
    const env = envOf({ E01: 337, E02: 283, E04: 58 }, ["E02"]);
    expect(run("E02 <= E01", env)).toEqual({ kind: "boolean", value: true, approximate: ["E02"] });
    expect(run("E04 <= E01", env)).toEqual({ kind: "boolean", value: true, approximate: [] });
  });

  it("does not count approximate figures in an IF branch that was not taken", () => {
    const env = envOf({ A01: 0, A02: 50 }, ["A02"]);
    expect(run("IF(A01 > 0, A02, 0) >= 0", env)).toMatchObject({ value: true, approximate: [] });
  });
});
