import standard from "../../../src/core/template/editions/standard-2024.json";
import { loadTemplate } from "../../../src/core/template/from-data";
import { TemplateSchema } from "../../../src/core/template/schema";
import { builtinRegistry, standardTemplate } from "../../../src/core/template/registry";

const clone = () => JSON.parse(JSON.stringify(standard));
const problemsOf = (input: unknown) => {
  const r = loadTemplate(input);
  if (r.ok) throw new Error("expected the template to be rejected");
  return r.error.map((p) => `${p.path}: ${p.message}`);
};

describe("the standard template", () => {
  it("is what the schema makes of it, every default written out: so the program reads it without the schema and gets the same template", () => {
    expect(TemplateSchema.parse(clone())).toStrictEqual(standard);
    const fromData = loadTemplate(clone());
    if (!fromData.ok) throw new Error("the shipped edition fails the schema");
    expect(standardTemplate().template).toStrictEqual(fromData.value.template);
    expect(standardTemplate().relations).toEqual(fromData.value.relations);
  });

  it("holds the whole standard template, as the city publishes it: 8 dimensions, 92 indicators, 23 rates, 23 relations", () => {
    const t = standardTemplate();
    expect(t.template.dimensions.map((d) => d.code).join("")).toBe("ABCDEFGH");
    expect(t.template.indicators).toHaveLength(92);
    expect(t.template.indicators.filter((i) => i.kind === "rate")).toHaveLength(23);
    expect(t.relations.map((r) => r.id)).toHaveLength(23);
    expect(t.key).toBe("standard@2024.1");
  });

  it("defines 审结率 E03 as E02 / E01 and 败诉率 E15 as lower-is-better", () => {
    const t = standardTemplate();
    expect(t.byCode.get("E03")).toMatchObject({ kind: "rate", numerator: "E02", denominator: "E01", direction: "up" });
    expect(t.byCode.get("E15")).toMatchObject({ direction: "down" });
    expect(t.byCode.get("G09")).toMatchObject({ kind: "amount", unit: "万元" });
  });

  it("keeps reported-only rates without counts: 群众诉求满意率, 建议提案办复率 and 满意率", () => {
    const reportedOnly = standardTemplate().template.indicators.filter((i) => i.kind === "rate" && !i.numerator).map((i) => i.code);
    expect(reportedOnly).toEqual(["B14", "G07", "G08"]);
  });

  it("makes E02 ≤ E01 a warning (cases carried over) and the other parts-against-totals errors", () => {
    const rel = standardTemplate().relations;
    expect(rel.find((r) => r.id === "E02-le-E01")!.severity).toBe("warning");
    expect(rel.filter((r) => r.severity === "error")).toHaveLength(22);
    expect(rel.find((r) => r.id === "B08-eq-sum")!.expr).toBe("B08 = B09 + B10");
  });

  it("is found in the built-in registry by id and version, and unknown versions are told apart", () => {
    const reg = builtinRegistry();
    expect(reg.get("standard", "2024.1")).toBe(standardTemplate());
    expect(reg.get("standard", "2099.1")).toBeUndefined();
    expect(reg.versionsOf("standard")).toEqual(["2024.1"]);
  });
});

describe("loading a template that is wrong", () => {
  it("names an unknown numerator code", () => {
    const t = clone();
    t.indicators.find((i: { code: string }) => i.code === "E03").numerator = "X99";
    expect(problemsOf(t)).toContainEqual(expect.stringMatching(/^indicators\[\d+\]\.numerator: unknown indicator code X99 in rate E03$/));
  });

  it("names a relation that refers to an unknown code", () => {
    const t = clone();
    t.relations[0].expr = "A04 <= Z01";
    expect(problemsOf(t).join("\n")).toMatch(/relations\[0\]\.expr: A04-le-A03: .*Z01/);
  });

  it("names a relation with bad syntax", () => {
    const t = clone();
    t.relations[1].expr = "A07 <= (A06";
    expect(problemsOf(t)[0]).toMatch(/^relations\[1\]\.expr: /);
  });

  it("reports schema breaks with their path: a missing unit and a bad kind", () => {
    const t = clone();
    delete t.indicators[0].unit;
    t.indicators[1].kind = "ratio";
    const problems = problemsOf(t);
    expect(problems).toContainEqual(expect.stringMatching(/^indicators\[0\]\.unit: /));
    expect(problems).toContainEqual(expect.stringMatching(/^indicators\[1\]\.kind: /));
  });

  it("rejects duplicate codes, unknown dimensions and a rate over another rate", () => {
    const t = clone();
    t.indicators[1].code = "A01";
    t.indicators[2].dimension = "Z";
    t.indicators.find((i: { code: string }) => i.code === "A08").denominator = "B03";
    const problems = problemsOf(t).join("\n");
    expect(problems).toMatch(/duplicate indicator code A01/);
    expect(problems).toMatch(/unknown dimension Z for A03/);
    expect(problems).toMatch(/denominator of A08 is B03, a rate/);
  });

  it("rejects a rate with a numerator but no denominator, and a count with a numerator", () => {
    const t = clone();
    delete t.indicators.find((i: { code: string }) => i.code === "B03").denominator;
    t.indicators[0].numerator = "A02";
    const problems = problemsOf(t).join("\n");
    expect(problems).toMatch(/rate B03 needs both a numerator and a denominator/);
    expect(problems).toMatch(/A01 is a count: only rates have a numerator/);
  });
});
