/**
 * The consolidation's sheets in the reader's language, as the fill-in form is: Chinese words only for a
 * Chinese office (what it prints and files), Chinese then English for an English reader.
 */
import { CONSOLIDATION_SHEETS, planConsolidation } from "../../../src/core/consolidate";
import { renderReportHtml } from "../../../src/core/consolidate/report-html";
import type { Lang } from "../../../src/core/findings/format";
import type { SheetPlan } from "../../../src/core/plan/write-plan";
import { allReports } from "../../fixtures/reports";
import { consolidateReports } from "../../helpers/consolidate-reports";

const { c, sheets } = consolidateReports(allReports);
const ENGLISH_WORD = /\b(?!RANK\b|EQ\b|UTC\b)[A-Za-z]{3,}\b/;
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
      ...labels(zh.get(CONSOLIDATION_SHEETS.weights), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]),
    ];
    expect(own.length).toBeGreaterThan(100);
    // Codes (E03), RANK.EQ, the template's key and the normalisation choices (data, the same in both) may stay; English words may not.
    expect(own.filter((s) => ENGLISH_WORD.test(s.replace(/standard@[\d.]+|最小-最大 min-max|目标值 goalposts/g, "")))).toEqual([]);
  });

  it("in English: the Chinese first, then the English", () => {
    const en = planned("en");
    expect(text(en.get(CONSOLIDATION_SHEETS.summary), "A1")).toBe("法治政府建设年度指标（2024 版）汇总表（2024 年度）  Consolidated indicators");
    expect(text(en.get(CONSOLIDATION_SHEETS.findings), "C3")).toBe("区县\nDistrict");
    expect(text(en.get(CONSOLIDATION_SHEETS.index), "A5")).toBe("区县\nDistrict");
  });

  it("and so does the HTML report beside them: Chinese only for a Chinese reader, the English added for an English one", () => {
    const at = new Date("2025-03-01T08:00:00Z");
    const zh = renderReportHtml(c, { generatedAt: at });
    const en = renderReportHtml(c, { generatedAt: at, lang: "en" });
    // The visible words (markup, styles and the sheet names that the English sentences cite aside).
    const words = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<[^>]+>/g, " ").replace(/standard@[\d.]+|最小-最大 min-max|目标值 goalposts|&[a-z]+;/g, "");
    expect(words(zh).split(/\s+/).filter((w) => ENGLISH_WORD.test(w))).toEqual([]);
    expect(zh).toContain("<h2>法治政府建设综合指数</h2>");
    expect(zh).toMatch(/第 1 名（1–\d+）/);
    expect(en).toContain("<h2>法治政府建设综合指数<small>Composite index</small></h2>");
    expect(en).toMatch(/rank 1 \(1–\d+\)/);
    expect(en).toContain("生成于 2025-03-01 08:00 UTC · 5 districts · template standard@2024.1 · generated 2025-03-01 08:00 UTC");
  });
});
