import type { Finding } from "../core/findings/finding";
import type { Lang } from "../core/findings/format";
import { findingMessage, type TemplateLookup } from "../core/review/text";

/** A finding as the `--json` output gives it: its data, and its message in the chosen language. */
export function findingJson(f: Finding, templates: TemplateLookup, lang: Lang) {
  return {
    id: f.id,
    code: f.code,
    severity: f.severity,
    rule: f.ruleId,
    district: f.district,
    year: f.year ?? null,
    sheet: f.sheet,
    codes: f.codes,
    cells: f.cells.map((c) => `${c.sheet}!${c.address}`),
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    raw: f.raw ?? null,
    details: f.details,
    message: findingMessage(f, templates, lang),
  };
}
