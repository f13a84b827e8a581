import type { Finding } from "../findings/finding";
import { makeFinding } from "../findings/make";
import { LAST_YEAR, THIS_YEAR } from "../sheet/entry-table";
import type { TemplateSheetRead } from "../sheet/read-template";

/**
 * Year-over-year jumps where last year is filled: counts and amounts that at least doubled or
 * halved (the template's ratio), rates that moved by at least the template's percentage points.
 */
export function checkYearOverYear(read: TemplateSheetRead): Finding[] {
  const { countRatio, ratePoints } = read.template.template.yoy;
  const out: Finding[] = [];
  const t = read.entries;
  for (let p = 0; p < t.size; p++) {
    const nowSlot = 2 * p + THIS_YEAR;
    const beforeSlot = 2 * p + LAST_YEAR;
    const now = t.figureAt(nowSlot);
    const before = t.figureAt(beforeSlot);
    if (now === undefined || before === undefined || t.approximateAt(nowSlot) || t.approximateAt(beforeSlot)) continue;
    if (now < 0 || before < 0) continue;
    const indicator = t.indicatorAt(p);
    const isRate = indicator.kind === "rate";
    const jumped = isRate ? Math.abs(now - before) >= ratePoints - 1e-12 : before > 0 && (now >= before * countRatio || now <= before / countRatio);
    if (!jumped) continue;
    out.push(
      makeFinding(read, {
        code: "yoy.jump",
        codes: [indicator.code],
        cells: [t.refAt(nowSlot)!, t.refAt(beforeSlot)!],
        actual: now,
        expected: before,
        scope: "yoy",
        details: { lastYear: before, measure: isRate ? "points" : "ratio", threshold: isRate ? ratePoints : countRatio },
      }),
    );
  }
  return out;
}
