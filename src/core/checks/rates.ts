import { isComparisonOf } from "../rules";
import type { Finding } from "../findings/finding";
import { makeFinding } from "../findings/make";
import { THIS_YEAR, type EntryTable } from "../sheet/entry-table";
import type { TemplateSheetRead } from "../sheet/read-template";

/** The slot of a code's figure this year where it is exact and non-negative (what a rate can be checked against), else −1. */
function exact(t: EntryTable, code: string): number {
  const slot = t.slotOf(code, THIS_YEAR);
  const v = t.figureAt(slot);
  return v !== undefined && v >= 0 && !t.approximateAt(slot) ? slot : -1;
}

/**
 * Rates against their numerator and denominator (this year's figures): numerator ≤ denominator,
 * a reported rate over a zero denominator, and a reported rate that is not the ratio.
 * A stated rate is consistent when it is the true ratio rounded, truncated or rounded up to the
 * digits it was written with: |ratio − stated| < one unit of its last digit.
 */
export function checkRates(read: TemplateSheetRead): Finding[] {
  const out: Finding[] = [];
  const { template } = read;
  const t = read.entries;
  for (const ind of template.template.indicators) {
    if (ind.kind !== "rate" || !ind.numerator || !ind.denominator) continue;
    const numSlot = exact(t, ind.numerator);
    const denSlot = exact(t, ind.denominator);
    if (numSlot < 0 || denSlot < 0) continue;
    const num = t.valueAt(numSlot);
    const den = t.valueAt(denSlot);
    // Built only for a finding: most rates pass.
    const codes = () => [ind.numerator!, ind.denominator!, ind.code];

    if (num > den) {
      const coveredByRelation = template.relations.some((r) => isComparisonOf(r.ast, "<=", ind.numerator!, ind.denominator!));
      if (!coveredByRelation) {
        out.push(makeFinding(read, { code: "rate.numeratorAboveDenominator", codes: codes(), cells: [t.refAt(numSlot)!, t.refAt(denSlot)!], actual: num, expected: den, details: { numerator: num, denominator: den } }));
      }
      continue;
    }
    const statedSlot = exact(t, ind.code);
    if (statedSlot < 0 || t.valueAt(statedSlot) > 1) continue;
    const stated = t.valueAt(statedSlot);
    if (den === 0) {
      out.push(makeFinding(read, { code: "rate.zeroDenominator", codes: codes(), cells: [t.refAt(statedSlot)!, t.refAt(denSlot)!], actual: stated, details: {} }));
      continue;
    }
    const ratio = num / den;
    const resolution = t.resolutionAt(statedSlot);
    if (Math.abs(ratio - stated) >= resolution * (1 - 1e-9)) {
      out.push(
        makeFinding(read, {
          code: "rate.inconsistent",
          codes: codes(),
          cells: [t.refAt(statedSlot)!, t.refAt(numSlot)!, t.refAt(denSlot)!],
          actual: stated,
          expected: ratio,
          raw: t.rawAt(statedSlot),
          details: { numerator: num, denominator: den, resolution },
        }),
      );
    }
  }
  return out;
}
