import { CONSOLIDATION_SHEETS } from "./consolidate/layout";
import { FLAG_SHEET } from "./flags/state";
import { REVIEW_SHEET } from "./review/log";
import { OPINION_PREFIX } from "./review/opinion-sheet";
import { SUMMARY_SHEET } from "./review/summary-sheet";

const OWN = new Set<string>([FLAG_SHEET, REVIEW_SHEET, SUMMARY_SHEET, ...Object.values(CONSOLIDATION_SHEETS)]);

/** Is this one of the sheets Huishen writes (flag state, review log, summaries, reports)? Readers must never skip these. */
export function isOwnSheetName(name: string): boolean {
  return OWN.has(name) || name.startsWith(OPINION_PREFIX);
}
