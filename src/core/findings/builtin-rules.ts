import type { Severity } from "../template/schema";
import type { FindingCode } from "./finding";

/** Codes whose rule and severity come from the template (a relation that failed, or could not run). */
export type TemplateRuleCode = "relation.failed" | "rule.invalid";

/**
 * Every built-in finding's rule id and severity, in one table: call sites name the code only, so a
 * severity is changed here once, and a new code without a row does not compile.
 */
export const BUILTIN_RULES: { readonly [C in Exclude<FindingCode, TemplateRuleCode>]: { readonly ruleId: string; readonly severity: Severity } } = {
  "value.unparsable": { ruleId: "builtin.value.parse", severity: "error" },
  "value.negative": { ruleId: "builtin.value.sign", severity: "error" },
  "value.nonInteger": { ruleId: "builtin.value.integer", severity: "error" },
  "value.approximate": { ruleId: "builtin.value.approximate", severity: "info" },
  "value.percentPoints": { ruleId: "builtin.value.percentPoints", severity: "info" },
  "value.invisibleCharacters": { ruleId: "builtin.value.invisible", severity: "info" },
  "value.uncachedFormula": { ruleId: "builtin.value.uncached", severity: "warning" },
  "rate.outOfRange": { ruleId: "builtin.rate.range", severity: "error" },
  "rate.numeratorAboveDenominator": { ruleId: "builtin.rate.numerator", severity: "error" },
  "rate.inconsistent": { ruleId: "builtin.rate.consistency", severity: "warning" },
  "rate.zeroDenominator": { ruleId: "builtin.rate.zeroDenominator", severity: "warning" },
  "yoy.jump": { ruleId: "builtin.yoy", severity: "warning" },
  "sheet.noDistrict": { ruleId: "builtin.sheet.district", severity: "warning" },
  "sheet.noYear": { ruleId: "builtin.sheet.year", severity: "warning" },
  "sheet.missingIndicator": { ruleId: "builtin.sheet.rows", severity: "warning" },
  "sheet.duplicateIndicator": { ruleId: "builtin.sheet.rows", severity: "warning" },
  "sheet.mergedInput": { ruleId: "builtin.sheet.merge", severity: "error" },
  "gather.duplicate": { ruleId: "builtin.gather.duplicate", severity: "warning" },
  "gather.otherEdition": { ruleId: "builtin.gather.edition", severity: "warning" },
  "gather.noHeader": { ruleId: "builtin.gather.header", severity: "error" },
  "gather.noDistrict": { ruleId: "builtin.gather.district", severity: "error" },
  "gather.otherYear": { ruleId: "builtin.gather.year", severity: "warning" },
  "gather.missingDistrict": { ruleId: "builtin.gather.list", severity: "warning" },
  "peer.outlier": { ruleId: "builtin.peer.outlier", severity: "warning" },
  "peer.yoyOutlier": { ruleId: "builtin.peer.hb", severity: "warning" },
  "peer.missing": { ruleId: "builtin.peer.missing", severity: "info" },
  "index.weights": { ruleId: "builtin.index.weights", severity: "warning" },
  "city.sumMismatch": { ruleId: "builtin.city.sum", severity: "warning" },
};
