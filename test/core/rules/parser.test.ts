import { formatExpr, parseExpression, references, type Expr } from "../../../src/core/rules";

/** Parses or fails the test with the parser's own message. */
function parse(text: string): Expr {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(`parse failed: ${r.error.message}`);
  return r.value;
}
const canonical = (text: string): string => formatExpr(parse(text));
const problem = (text: string) => {
  const r = parseExpression(text);
  if (r.ok) throw new Error(`expected a parse problem for ${text}, got ${formatExpr(r.value)}`);
  return r.error;
};

describe("parseExpression: structure", () => {
  it("reads a comparison of two codes with positions", () => {
    expect(parse("A04 <= A03")).toEqual({
      type: "compare",
      op: "<=",
      left: { type: "ref", code: "A04", pos: 0 },
      right: { type: "ref", code: "A03", pos: 7 },
      pos: 4,
    });
  });

  it("binds * and / tighter than + and -", () => {
    expect(canonical("A01 + A02 * A03")).toBe("A01 + A02 * A03");
    const e = parse("A01 + A02 * A03");
    expect(e).toMatchObject({ type: "binary", op: "+", right: { type: "binary", op: "*" } });
    expect(parse("A01 / A02 - A03")).toMatchObject({ type: "binary", op: "-", left: { type: "binary", op: "/" } });
  });

  it("binds arithmetic tighter than comparison", () => {
    expect(parse("B08 = B09 + B10")).toMatchObject({
      type: "compare",
      op: "=",
      left: { type: "ref", code: "B08" },
      right: { type: "binary", op: "+" },
    });
  });

  it("associates - and / to the left", () => {
    expect(parse("A01 - A02 - A03")).toMatchObject({
      type: "binary",
      op: "-",
      left: { type: "binary", op: "-", left: { code: "A01" }, right: { code: "A02" } },
      right: { code: "A03" },
    });
    expect(parse("A01 / A02 / A03")).toMatchObject({ op: "/", left: { op: "/" }, right: { code: "A03" } });
  });

  it("keeps explicit parentheses on the right of a minus", () => {
    expect(parse("B08 - (B09 + B10)")).toMatchObject({ op: "-", left: { code: "B08" }, right: { op: "+" } });
    expect(canonical("ABS(B08 - (B09 + B10)) <= 1")).toBe("ABS(B08 - (B09 + B10)) <= 1");
  });

  it("binds unary minus tighter than multiplication", () => {
    expect(parse("-A01 * 2")).toMatchObject({ type: "binary", op: "*", left: { type: "unary", op: "-", pos: 0 } });
    expect(parse("-A01 < 0")).toMatchObject({ type: "compare", op: "<", left: { type: "unary", op: "-" }, right: { value: 0 } });
    expect(parse("2 * -A01")).toMatchObject({ op: "*", right: { type: "unary", op: "-" } });
    expect(parse("+A01")).toMatchObject({ type: "unary", op: "+", arg: { code: "A01" } });
  });

  it("reads decimals, exponents and percent literals", () => {
    expect(parse("0.5")).toEqual({ type: "number", value: 0.5, pos: 0 });
    expect(parse("1e3")).toEqual({ type: "number", value: 1000, pos: 0 });
    expect(parse(".25")).toEqual({ type: "number", value: 0.25, pos: 0 });
    expect(parse("100%")).toEqual({ type: "number", value: 1, percent: true, pos: 0 });
    expect(parse("94.44%")).toMatchObject({ value: 0.9444 });
    expect(parse("2.5e1%")).toMatchObject({ value: 0.25 });
  });

  it("reads functions case-insensitively and upper-cases their names", () => {
    expect(parse("sum(C12, C13, C14) <= C11")).toMatchObject({
      left: { type: "call", name: "SUM", args: [{ code: "C12" }, { code: "C13" }, { code: "C14" }], pos: 0 },
    });
    expect(canonical("Max(A01, A02) > 0")).toBe("MAX(A01, A02) > 0");
  });

  it("treats an identifier not followed by ( as a code, keeping its case", () => {
    expect(parse("x_1 > 0")).toMatchObject({ left: { type: "ref", code: "x_1" } });
  });
});

describe("parseExpression: spellings Chinese users type", () => {
  it("accepts == and = alike, and <>, != and ≠ alike", () => {
    expect(parse("B08 == B09 + B10")).toMatchObject({ op: "=" });
    expect(parse("A01 <> A02")).toMatchObject({ op: "<>" });
    expect(parse("A01 != A02")).toMatchObject({ op: "<>" });
    expect(parse("A01 ≠ A02")).toMatchObject({ op: "<>" });
  });

  it("accepts ≤, ≥ and full-width ＜＝ ＞＝ ＜ ＞ ＝", () => {
    expect(parse("E02≤E01")).toMatchObject({ op: "<=", left: { code: "E02" }, right: { code: "E01" } });
    expect(parse("E01≥E02")).toMatchObject({ op: ">=" });
    expect(parse("E02＜＝E01")).toMatchObject({ op: "<=", right: { pos: 5 } });
    expect(parse("E01＞＝E02")).toMatchObject({ op: ">=" });
    expect(parse("E02＜E01")).toMatchObject({ op: "<" });
    expect(parse("B08＝B09＋B10")).toMatchObject({ op: "=", right: { op: "+" } });
  });

  it("accepts full-width parentheses, commas, digits and percent, keeping source offsets", () => {
    expect(canonical("ＳＵＭ（C12，C13）≤C11")).toBe("SUM(C12, C13) <= C11");
    expect(parse("E11／E10 ≥ ９０％")).toMatchObject({ op: ">=", right: { value: 0.9, percent: true, pos: 10 } });
  });

  it("ignores ASCII and full-width (U+3000) spaces, tabs and newlines", () => {
    expect(parse("\tA04\u3000<=\u3000A03\n")).toMatchObject({ op: "<=", left: { code: "A04", pos: 1 }, right: { code: "A03", pos: 8 } });
  });
});

describe("parseExpression: problems are returned, never thrown", () => {
  it.each([
    ["(A01 + A02", 'unclosed "(" at 0', 0],
    ["A01 + A02)", 'unexpected ")" at 9', 9],
    ["SUM(A01, A02 <= A03", 'unclosed "(" at 3', 3],
    ["A01 +", 'missing value after "+" at 4', 4],
    ["A01 <=", 'missing value after "<=" at 4', 4],
    ["SUM(A01,", 'missing value after "," at 7', 7],
    ["SUM(A01,,A02)", 'unexpected "," at 8', 8],
    ["A01 A02", 'unexpected "A02" at 4', 4],
    ["A01 * / A02", 'unexpected "/" at 6', 6],
    ["()", 'unexpected ")" at 1', 1],
    ["", "empty expression", 0],
    ["   ", "empty expression", 0],
    ["FOO(A01) > 0", "unknown function FOO at 0", 0],
    ["A01 # A02", 'unexpected "#" at 4', 4],
    ["A01 > 占位", 'unexpected "占" at 6', 6],
    ["A01 > 1e", 'malformed number "1e" at 6', 6],
    ["2A01 > 0", 'malformed number "2A01" at 0', 0],
    ["A01 > 1.2.3", 'malformed number "1.2.3" at 6', 6],
    ["A01 > 1e999", 'number out of range "1e999" at 6', 6],
    ["A01 % 2", 'unexpected "%" at 4', 4],
    ["0 <= A01 <= 1", 'comparisons cannot be chained: "<=" at 9', 9],
  ])("%j → %s", (text, message, position) => {
    expect(problem(text)).toEqual({ message, position });
  });

  it.each([
    ["IF(A01 > 0, A02) > 0", "expected 3 arguments for IF at 0, got 2"],
    ["ABS(A01, A02) > 0", "expected 1 argument for ABS at 0, got 2"],
    ["NOT() ", "expected 1 argument for NOT at 0, got 0"],
    ["ROUND(A01) > 0", "expected 2 arguments for ROUND at 0, got 1"],
    ["SUM() > 0", "expected at least 1 argument for SUM at 0, got 0"],
  ])("checks arity from the registry: %s", (text, message) => {
    expect(problem(text)).toEqual({ message, position: 0 });
  });

  it("rejects a condition where a number is needed, and a number where a condition is needed", () => {
    expect(problem("A01 + (A02 > 0)")).toEqual({ message: '">" at 11 is a condition, where a number is needed', position: 11 });
    expect(problem("AND(A01, A02 > 0)")).toEqual({ message: "A01 at 4 is a number, where a condition is needed", position: 4 });
    expect(problem("NOT(A01 + 1)")).toEqual({ message: '"+" at 8 is a number, where a condition is needed', position: 8 });
    expect(problem("(A01 < A02) = (A03 < A04)")).toMatchObject({ position: 5 });
    expect(problem("IF(A01 > 0, A02, A03 > 0)")).toEqual({ message: "IF at 0 mixes a number and a condition in its branches", position: 0 });
  });
});

describe("formatExpr", () => {
  it.each([
    ["SUM( C12,C13 ,C14 )<=C11", "SUM(C12, C13, C14) <= C11"],
    ["C12+C13+C14<=C11", "C12 + C13 + C14 <= C11"],
    ["(A01 + A02) * A03", "(A01 + A02) * A03"],
    ["((A01)) * (A02 / A03)", "A01 * (A02 / A03)"],
    ["A01 - (A02 - A03)", "A01 - (A02 - A03)"],
    ["-(A01 + A02) < 0", "-(A01 + A02) < 0"],
    ["A01 == A02", "A01 = A02"],
    ["A01 != A02", "A01 <> A02"],
    ["E11 / E10 >= 94.44%", "E11 / E10 >= 94.44%"],
    ["ROUND(E11 / E10, 4) = 0.9444", "ROUND(E11 / E10, 4) = 0.9444"],
    ["and(a04<=a03 , not(a07>a06))", "AND(a04 <= a03, NOT(a07 > a06))"],
    ["IF(A01 > 0, A02 / A01, 0) <= 1", "IF(A01 > 0, A02 / A01, 0) <= 1"],
  ])("prints %j as %j", (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  it("prints text that parses back to the same tree (up to positions)", () => {
    const strip = (e: Expr): unknown => JSON.parse(JSON.stringify(e, (k, v) => (k === "pos" ? undefined : v)));
    for (const text of ["A01 - (A02 - A03) * -A04 / 2", "OR(A01 < 1e-7, MIN(A02, A03) >= 50%)", "1e21 > A01"]) {
      const once = parse(text);
      expect(strip(parse(formatExpr(once)))).toEqual(strip(once));
    }
  });
});

describe("references", () => {
  it("lists each code once, in order of appearance", () => {
    expect(references(parse("ABS(B08 - (B09 + B10)) <= 1"))).toEqual(["B08", "B09", "B10"]);
    expect(references(parse("IF(A01 > 0, A02 / A01, A03) <= A02"))).toEqual(["A01", "A02", "A03"]);
    expect(references(parse("1 < 2"))).toEqual([]);
  });
});
