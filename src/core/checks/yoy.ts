import type { Finding } from "../findings/finding";
import { makeFinding } from "../findings/make";
import type { TemplateSheetRead } from "../sheet/read-template";

/**
 * Year-over-year jumps where last year is filled: counts and amounts that at least doubled or
 * halved (the template's ratio), rates that moved by at least the template's percentage points.
 */
export function checkYearOverYear(read: TemplateSheetRead): Finding[] {
  const { countRatio, ratePoints } = read.template.template.yoy;
  const out: Finding[] = [];
  for (const e of read.entries.values()) {
    const now = e.thisYear;
    const before = e.lastYear;
    if (now.status !== "value" || before.status !== "value" || now.approximate || before.approximate) continue;
    if (now.value < 0 || before.value < 0) continue;
    const isRate = e.indicator.kind === "rate";
    const jumped = isRate
      ? Math.abs(now.value - before.value) >= ratePoints - 1e-12
      : before.value > 0 && (now.value >= before.value * countRatio || now.value <= before.value / countRatio);
    if (!jumped) continue;
    out.push(
      makeFinding(read, {
        code: "yoy.jump",
        codes: [e.indicator.code],
        cells: [now.cell, before.cell],
        actual: now.value,
        expected: before.value,
        scope: "yoy",
        details: { lastYear: before.value, measure: isRate ? "points" : "ratio", threshold: isRate ? ratePoints : countRatio },
      }),
    );
  }
  return out;
}
