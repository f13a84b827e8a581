import { checkWorkbook } from "../../../src/core/check-workbook";
import { compareFindings, sortFindings, type Finding } from "../../../src/core/findings/finding";
import { seededRandom } from "../../../src/core/consolidate/stats";
import { standardTemplate } from "../../../src/core/template/registry";
import { generatedDistrict } from "../../../bench/generate";

describe("sorting findings", () => {
  it("gives the comparator's order, ties kept in their first order, names compared by locale", () => {
    const t = standardTemplate();
    const found = checkWorkbook(Array.from({ length: 30 }, (_, i) => generatedDistrict(t, i))).findings;
    const random = seededRandom(3);
    const shuffled = [...found].sort(() => random() - 0.5);
    // Names that differ as text but not to the collator (é composed and decomposed), and Latin beside Han.
    const renamed = shuffled.map((f, i): Finding => (i % 7 === 0 ? { ...f, sheet: i % 2 ? "Caf\u00e9" : "Cafe\u0301" } : i % 11 === 0 ? { ...f, sheet: "b 区" } : f));
    expect(sortFindings(renamed)).toEqual([...renamed].sort(compareFindings));
    expect(sortFindings(renamed).map((f) => f.id)).toEqual([...renamed].sort(compareFindings).map((f) => f.id));
    expect(found.length).toBeGreaterThan(100);
  });
});
