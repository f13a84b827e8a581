/**
 * A template of the schema's shape checked for what the shape cannot say (codes that exist, rates over
 * counts, rules that compile) and made ready to use. No schema here: the editions the program ships are
 * held to it by their tests (in its normal form, so reading them without it gives the same template),
 * and so starting a command does not load the schema library; data from elsewhere goes through
 * `from-data.ts` first.
 */
import { compileRule, type CompiledRule } from "../rules";
import { err, ok, type Result } from "../result";
import type { Indicator, Relation, Template } from "./schema";

/** A relation compiled against the template's codes, keeping its template metadata. */
export type TemplateRelation = CompiledRule & Pick<Relation, "kind" | "message">;

/** A template of the schema's shape that passed every cross-reference check. */
export interface LoadedTemplate {
  readonly template: Template;
  /** `id@version`: what the sheet marker names. */
  readonly key: string;
  readonly byCode: ReadonlyMap<string, Indicator>;
  readonly relations: readonly TemplateRelation[];
}

/** One thing wrong with a template, naming where: `indicators[12].numerator: unknown indicator code X99`. */
export interface TemplateProblem {
  readonly path: string;
  readonly message: string;
}

export function templateKey(id: string, version: string): string {
  return `${id}@${version}`;
}

/** Check the cross-references of a template of the schema's shape. */
export function checkTemplate(t: Template): Result<LoadedTemplate, TemplateProblem[]> {
  const problems: TemplateProblem[] = [];
  const byCode = new Map<string, Indicator>();
  const dimensions = new Set<string>();

  t.dimensions.forEach((d, i) => {
    if (dimensions.has(d.code)) problems.push({ path: `dimensions[${i}].code`, message: `duplicate dimension code ${d.code}` });
    dimensions.add(d.code);
  });
  t.indicators.forEach((ind, i) => {
    if (byCode.has(ind.code)) problems.push({ path: `indicators[${i}].code`, message: `duplicate indicator code ${ind.code}` });
    byCode.set(ind.code, ind);
    if (!dimensions.has(ind.dimension)) {
      problems.push({ path: `indicators[${i}].dimension`, message: `unknown dimension ${ind.dimension} for ${ind.code}` });
    }
  });
  t.indicators.forEach((ind, i) => problems.push(...rateProblems(ind, i, byCode)));
  for (const code of Object.keys(t.reading)) {
    if (!byCode.has(code)) problems.push({ path: `reading.${code}`, message: `unknown indicator code ${code}` });
  }

  const relations: TemplateRelation[] = [];
  const relationIds = new Set<string>();
  const known = new Set(byCode.keys());
  t.relations.forEach((rel, i) => {
    if (relationIds.has(rel.id)) problems.push({ path: `relations[${i}].id`, message: `duplicate relation id ${rel.id}` });
    relationIds.add(rel.id);
    const compiled = compileRule(rel, known);
    if (compiled.ok) relations.push({ ...compiled.value, kind: rel.kind, message: rel.message });
    else problems.push({ path: `relations[${i}].expr`, message: `${rel.id}: ${compiled.error.message}` });
  });

  if (problems.length > 0) return err(problems);
  return ok({ template: t, key: templateKey(t.id, t.version), byCode, relations });
}

/** A template the program ships (held to the schema by its tests): a broken one is a programmer error. */
export function shippedTemplate(t: Template): LoadedTemplate {
  return templateOrThrow(checkTemplate(t));
}

/** The template, or an error listing its problems. */
export function templateOrThrow(r: Result<LoadedTemplate, TemplateProblem[]>): LoadedTemplate {
  if (!r.ok) throw new Error(`Invalid template:\n${formatTemplateProblems(r.error)}`);
  return r.value;
}

export function formatTemplateProblems(problems: readonly TemplateProblem[]): string {
  return problems.map((p) => `- ${p.path}: ${p.message}`).join("\n");
}

function rateProblems(ind: Indicator, i: number, byCode: ReadonlyMap<string, Indicator>): TemplateProblem[] {
  const at = (field: string) => `indicators[${i}].${field}`;
  const hasNum = ind.numerator !== undefined;
  const hasDen = ind.denominator !== undefined;
  if (ind.kind !== "rate") {
    return hasNum || hasDen ? [{ path: at("numerator"), message: `${ind.code} is a ${ind.kind}: only rates have a numerator and denominator` }] : [];
  }
  if (hasNum !== hasDen) {
    return [{ path: at(hasNum ? "denominator" : "numerator"), message: `rate ${ind.code} needs both a numerator and a denominator, or neither (reported only)` }];
  }
  const out: TemplateProblem[] = [];
  for (const field of ["numerator", "denominator"] as const) {
    const code = ind[field];
    if (code === undefined) continue;
    const target = byCode.get(code);
    if (!target) out.push({ path: at(field), message: `unknown indicator code ${code} in rate ${ind.code}` });
    else if (target.kind === "rate") out.push({ path: at(field), message: `${field} of ${ind.code} is ${code}, a rate: it must be a count or amount` });
  }
  if (hasNum && ind.numerator === ind.denominator) out.push({ path: at("denominator"), message: `rate ${ind.code} divides ${ind.numerator} by itself` });
  return out;
}
