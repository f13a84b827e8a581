/**
 * The consolidation's sheets in the reader's language, as the fill-in form is: Chinese words only for a
 * Chinese office (what it prints and files), Chinese then English for an English reader.
 */
import { CONSOLIDATION_SHEETS, planConsolidation } from "../../../src/core/consolidate";
import type { Lang } from "../../../src/core/findings/format";
import type { SheetPlan } from "../../../src/core/plan/write-plan";
import { allReports } from "../../fixtures/reports";
import { consolidateReports } from "../../helpers/consolidate-reports";

const { c, sheets } = consolidateReports(allReports);
const planned = (lang: Lang) => new Map(planConsolidation(c, sheets, lang).sheets.map((s) => [s.name, s]));
const text = (plan: SheetPlan | undefined, address: string) => String(plan?.cells?.find((w) => w.address === address)?.value ?? "");

/** Words of the sheet's own making in these rows (titles, headers, legends); the hidden machine marker aside. */
const labels = (plan: SheetPlan | undefined, rows: readonly number[]) =>
  (plan?.cells ?? [])
    .filter((w) => typeof w.value === "string" && !w.value.startsWith("HUISHEN-") && rows.includes(Number(/\d+$/.exec(w.address)![0])))
    .map((w) => String(w.value));

describe("the consolidation's sheets speak the reader's language", () => {
  it("in Chinese: titles, headers, totals and legends without English words", () => {
    const zh = planned("zh");
    expect(text(zh.get(CONSOLIDATION_SHEETS.summary), "A1")).toBe("法治政府建设年度指标（2024 版）汇总表（2024 年度）");
    expect(text(zh.get(CONSOLIDATION_SHEETS.ranks), "A1")).toBe("各指标排名（2024 年度）");
    expect(text(zh.get(CONSOLIDATION_SHEETS.findings), "A1")).toBe("问题清单");
    const own = [
      ...labels(zh.get(CONSOLIDATION_SHEETS.summary), [1, 2, 3, 4]),
      ...labels(zh.get(CONSOLIDATION_SHEETS.ranks), [1, 2, 3, 4]),
      ...labels(zh.get(CONSOLIDATION_SHEETS.index), [1, 2, 3, 5]),
      ...labels(zh.get(CONSOLIDATION_SHEETS.findings), [1, 2, 3]),
    ];
    expect(own.length).toBeGreaterThan(100);
    // Codes (E03), RANK.EQ and the template's key may stay; English words may not.
    expect(own.filter((s) => /\b(?!RANK\b|EQ\b)[A-Za-z]{3,}\b/.test(s.replace(/standard@[\d.]+/g, "")))).toEqual([]);
  });

  it("in English: the Chinese first, then the English", () => {
    const en = planned("en");
    expect(text(en.get(CONSOLIDATION_SHEETS.summary), "A1")).toBe("法治政府建设年度指标（2024 版）汇总表（2024 年度）  Consolidated indicators");
    expect(text(en.get(CONSOLIDATION_SHEETS.findings), "C3")).toBe("区县\nDistrict");
    expect(text(en.get(CONSOLIDATION_SHEETS.index), "A5")).toBe("区县\nDistrict");
  });
});
