import type { Finding } from "../core/findings/finding";
import type { Lang } from "../core/findings/format";
import { renderFinding } from "../core/findings/render";
import type { LoadedTemplate } from "../core/template/load";

/** A finding as the `--json` output gives it: its data, and its message in the chosen language. */
export function findingJson(f: Finding, template: LoadedTemplate, lang: Lang) {
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
    message: renderFinding(f, template, lang),
  };
}
