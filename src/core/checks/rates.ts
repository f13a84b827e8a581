import { isComparisonOf } from "../rules";
import type { Finding } from "../findings/finding";
import { makeFinding } from "../findings/make";
import type { TemplateSheetRead } from "../sheet/read-template";
import type { ReportedCell } from "../values/types";

/** An exact, non-negative figure: what a rate can be checked against. */
function exact(cell: ReportedCell | undefined): (ReportedCell & { status: "value" }) | undefined {
  return cell && cell.status === "value" && !cell.approximate && cell.value >= 0 ? (cell as ReportedCell & { status: "value" }) : undefined;
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
  for (const ind of template.template.indicators) {
    if (ind.kind !== "rate" || !ind.numerator || !ind.denominator) continue;
    const num = exact(read.entries.get(ind.numerator)?.thisYear);
    const den = exact(read.entries.get(ind.denominator)?.thisYear);
    if (!num || !den) continue;
    const rateCell = read.entries.get(ind.code)?.thisYear;
    const codes = [ind.numerator, ind.denominator, ind.code];
    const counts = { numerator: num.value, denominator: den.value };

    if (num.value > den.value) {
      const coveredByRelation = template.relations.some((r) => isComparisonOf(r.ast, "<=", ind.numerator!, ind.denominator!));
      if (!coveredByRelation) {
        out.push(makeFinding(read, { code: "rate.numeratorAboveDenominator", codes, cells: [num.cell, den.cell], actual: num.value, expected: den.value, details: counts }));
      }
      continue;
    }
    const stated = exact(rateCell);
    if (!stated || stated.value > 1) continue;
    if (den.value === 0) {
      out.push(makeFinding(read, { code: "rate.zeroDenominator", codes, cells: [stated.cell, den.cell], actual: stated.value, details: {} }));
      continue;
    }
    const ratio = num.value / den.value;
    if (Math.abs(ratio - stated.value) >= stated.resolution * (1 - 1e-9)) {
      out.push(
        makeFinding(read, {
          code: "rate.inconsistent",
          codes,
          cells: [stated.cell, num.cell, den.cell],
          actual: stated.value,
          expected: ratio,
          raw: stated.raw,
          details: { ...counts, resolution: stated.resolution },
        }),
      );
    }
  }
  return out;
}
