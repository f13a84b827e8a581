/**
 * A template given as data from outside the program (parsed JSON): the schema first, which also fills
 * in its defaults, then the cross-references (`checkTemplate`). The only module that runs the schema.
 */
import { err, type Result } from "../result";
import { checkTemplate, templateOrThrow, type LoadedTemplate, type TemplateProblem } from "./load";
import { TemplateSchema } from "./schema";

export function loadTemplate(input: unknown): Result<LoadedTemplate, TemplateProblem[]> {
  const parsed = TemplateSchema.safeParse(input);
  if (!parsed.success) return err(parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  return checkTemplate(parsed.data);
}

/** Like `loadTemplate`, where a broken template is a programmer error (tests, fixtures). */
export function loadTemplateOrThrow(input: unknown): LoadedTemplate {
  return templateOrThrow(loadTemplate(input));
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === "number" ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), "") || "(template)";
}
