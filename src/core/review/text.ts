import { subjectOf, type Finding } from "../findings/finding";
import type { Lang } from "../findings/format";
import { renderFinding } from "../findings/render";
import type { LoadedTemplate } from "../template/load";

/** The templates findings were made against, by `id@version` (what `Finding.template` names). */
export type TemplateLookup = ReadonlyMap<string, LoadedTemplate>;

/** A finding's message; a finding of a template Huishen does not know falls back to its code and indicators. */
export function findingMessage(f: Finding, templates: TemplateLookup, lang: Lang = "zh"): string {
  const t = templates.get(f.template);
  return t ? renderFinding(f, t, lang) : `${f.code} ${f.codes.join(", ")}`.trim();
}

/** The indicator a finding, or a log row about one, is about (see `subjectOf`). */
export function subjectCode(f: { readonly code: string; readonly codes: readonly string[]; readonly subject?: string }): string {
  return f.subject ?? subjectOf(f.code, f.codes);
}

/** An indicator's name in the reader's language, "" when the template or code is unknown. */
export function indicatorName(templates: TemplateLookup, templateKey: string, code: string, lang: Lang): string {
  const ind = templates.get(templateKey)?.byCode.get(code);
  return ind ? ind.name[lang] : "";
}
