import type { CellRef, IndicatorCode } from "../brand";
import { LAST_YEAR, THIS_YEAR } from "../sheet/entry-table";
import type { TemplateSheetRead } from "../sheet/read-template";
import type { Severity } from "../template/schema";
import { subjectOf, type Finding, type FindingCode, type FindingDetails, type RequiredFields } from "./finding";
import { BUILTIN_RULES, type TemplateRuleCode } from "./builtin-rules";
import { stableId } from "./stable-id";
import { flat } from "../text/flat";

/** A template rule's finding names its rule and severity; a built-in one takes them from `BUILTIN_RULES`. */
type RuleOf<C extends FindingCode> = C extends TemplateRuleCode ? { readonly severity: Severity; readonly ruleId: string } : { readonly severity?: never; readonly ruleId?: never };

export type FindingSpec<C extends FindingCode> = RuleOf<C> & RequiredFields<C> & {
  readonly code: C;
  readonly codes: readonly string[];
  readonly cells: readonly (CellRef | undefined)[];
  readonly details: FindingDetails[C];
  readonly expected?: number;
  readonly actual?: number;
  readonly raw?: string;
  /** Which cells of the codes' rows the finding is about: this year's (the default), last year's, or both (a change). */
  readonly scope?: CellScope;
};

export type CellScope = "thisYear" | "lastYear" | "yoy";

function ruleOf(spec: { readonly code: FindingCode; readonly severity?: Severity; readonly ruleId?: string }): { ruleId: string; severity: Severity } {
  if (spec.ruleId !== undefined && spec.severity !== undefined) return { ruleId: spec.ruleId, severity: spec.severity };
  return BUILTIN_RULES[spec.code as Exclude<FindingCode, TemplateRuleCode>];
}

/** A finding on a district's sheet, with its stable id and the signature of the values involved. */
export function makeFinding<C extends FindingCode>(read: TemplateSheetRead, spec: FindingSpec<C>): Finding<C> {
  const district = read.district || read.sheet;
  const { ruleId, severity } = ruleOf(spec);
  return {
    id: stableId([read.template.key, district, read.year, ruleId, spec.code, spec.scope], spec.codes),
    code: spec.code,
    severity,
    ruleId,
    district,
    year: read.year,
    sheet: read.sheet,
    template: read.template.key,
    // Codes are shared, not copied: a rule's findings in every district name the same ones, and a finding is never changed.
    codes: spec.codes as readonly IndicatorCode[],
    subject: subjectOf(spec.code, spec.codes),
    cells: definedCells(spec.cells),
    expected: spec.expected,
    actual: spec.actual,
    raw: spec.raw,
    valueKey: valueKey(read, spec.codes, spec.scope),
    details: spec.details,
  } as Finding<C>;
}

/** What the involved cells hold, as typed: `E01=337|E02=283`. */
function valueKey(read: TemplateSheetRead, codes: readonly string[], scope: CellScope | undefined): string {
  const t = read.entries;
  let key = "";
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    const p = t.positionOf(code);
    const typed =
      p < 0 ? "" : scope === "lastYear" ? t.rawAt(2 * p + LAST_YEAR) : scope === "yoy" ? `${t.rawAt(2 * p + THIS_YEAR)}/${t.rawAt(2 * p + LAST_YEAR)}` : t.rawAt(2 * p + THIS_YEAR);
    key += `${i === 0 ? "" : "|"}${code}=${typed}`;
  }
  return flat(key);
}

/** The cells given, without the undefined ones; the same array where none is (most findings). */
function definedCells(cells: readonly (CellRef | undefined)[]): readonly CellRef[] {
  return cells.includes(undefined) ? cells.filter((c): c is CellRef => c !== undefined) : (cells as readonly CellRef[]);
}

/** A finding about a sheet as a whole or a district with no readable sheet (consolidation's gathering). */
export type WorkbookFindingSpec<C extends FindingCode> = Omit<FindingSpec<C>, "codes" | "scope"> & {
  /** Tells apart findings of one rule about the same sheet (a weights-sheet row, say); joins the id. */
  readonly scope?: string;
  readonly template: string;
  readonly district: string;
  readonly year?: number;
  /** "" for a district that has no sheet at all. */
  readonly sheet: string;
  readonly codes?: readonly string[];
};

export function makeWorkbookFinding<C extends FindingCode>(spec: WorkbookFindingSpec<C>): Finding<C> {
  const codes = spec.codes ?? [];
  const { ruleId, severity } = ruleOf(spec);
  return {
    // `scope` joins the id only where given, so the ids of findings made before it existed stay the same.
    id: stableId([spec.template, spec.district, spec.year, ruleId, spec.code, spec.sheet, ...codes, ...(spec.scope !== undefined ? [spec.scope] : [])]),
    code: spec.code,
    severity,
    ruleId,
    district: spec.district,
    year: spec.year,
    sheet: spec.sheet,
    template: spec.template,
    codes: codes as readonly IndicatorCode[],
    subject: subjectOf(spec.code, codes),
    cells: definedCells(spec.cells),
    expected: spec.expected,
    actual: spec.actual,
    raw: spec.raw,
    valueKey: spec.raw ?? "",
    details: spec.details,
  } as Finding<C>;
}
