import { createHash } from "node:crypto";
import { applyPlan, snapshotWorkbook } from "../../../src/adapters/xlsx";
import type { CellValue, SheetSnapshot } from "../../../src/core/grid";
import { checkReviewLog, loadReview, logProblemText, planReviewReport, REVIEW_SHEET, reviewLogPlan, type LogProblem } from "../../../src/core/review";
import type { ReviewEntry } from "../../../src/core/review/entry";
import { sha256Hex } from "../../../src/core/review/sha256";
import { buildReportsWorkbook } from "../../fixtures/build-workbook";
import { rongchang2024 } from "../../fixtures/reports";
import { snapshotFromPlan } from "../../helpers/plan-grid";

const entry = (i: number, over: Partial<ReviewEntry> = {}): ReviewEntry => ({
  at: new Date(Date.UTC(2025, 2, 1, 9, 0, i)).toISOString(),
  findingId: "F0123456789abcdef",
  status: i % 2 ? "accepted" : "sentBack",
  note: `第 ${i} 条说明`,
  who: "李四",
  valueKey: "E01=337",
  district: "荣昌区",
  year: 2024,
  sheet: "荣昌区 2024",
  codes: ["E01", "E02", "E03"],
  cells: ["E7", "E8"],
  message: "行政复议审结率不符",
  findingCode: "rate.inconsistent",
  ...over,
});

/** The log sheet as a host reads it back after `entries` were appended. */
function logSheet(entries: readonly ReviewEntry[]): SheetSnapshot & { values: CellValue[][] } {
  return snapshotFromPlan(reviewLogPlan(entries, [])!);
}

const kinds = (problems: readonly LogProblem[]) => problems.map((p) => [p.kind, "row" in p ? p.row : p.rows]);

describe("SHA-256", () => {
  test.each(["", "abc", "汇审审核", "a".repeat(55), "a".repeat(56), "a".repeat(64), "x".repeat(1000)])("matches Node's crypto for %j", (text) => {
    expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });
});

describe("the review log is tamper-evident", () => {
  const three = [entry(1), entry(2), entry(3)];

  test("an untouched log checks clean", () => {
    const s = logSheet(three);
    expect(checkReviewLog([s])).toMatchObject({ problems: [], rows: [2, 3, 4] });
  });

  test("an edited note breaks the chain at that row", () => {
    const s = logSheet(three);
    s.values[3][3] = "改过的说明";
    const { problems } = checkReviewLog([s]);
    expect(kinds(problems)).toEqual([["brokenChain", 4]]);
    expect(logProblemText(problems[0], "zh")).toBe("第 4 行的校验码不符：该行或其前面的记录在写入后被改动、删除或插入");
    expect(logProblemText({ kind: "malformed", row: 7, missing: ["time", "status"] }, "en")).toBe("Row 7: time, status missing or unreadable; the row is not counted");
  });

  test("a deleted row breaks the chain where it was", () => {
    const s = logSheet(three);
    s.values.splice(2, 1);
    expect(kinds(checkReviewLog([s]).problems)).toEqual([["brokenChain", 3]]);
  });

  test("a row appended by hand has no digest; an accepted row dated before a later sent back is reported, and read in order", () => {
    const s = logSheet([entry(1), entry(2)]);
    const forged = [...s.values[2]];
    forged[0] = entry(0).at;
    forged[2] = "accepted";
    forged[13] = "";
    s.values.push(forged);
    const checked = checkReviewLog([s]);
    expect(kinds(checked.problems)).toEqual([
      ["noDigest", 4],
      ["timeBackwards", 4],
    ]);
    expect(checked.entries.map((e) => e.status)).toEqual(["accepted", "sentBack", "accepted"]);
  });

  test("a damaged row is reported, not skipped silently", () => {
    const s = logSheet(three);
    s.values[2][2] = "也许";
    expect(kinds(checkReviewLog([s]).problems)).toEqual([
      ["brokenChain", 3],
      ["malformed", 3],
    ]);
  });

  test("a row about a finding and district the workbook does not have is reported and left out of the counts", async () => {
    const wb = await buildReportsWorkbook([rongchang2024]);
    const sheets = snapshotWorkbook(wb);
    const forged = logSheet([entry(1, { findingId: "Fdeadbeefdeadbeef", district: "不存在区" })]);
    const review = loadReview({ sheets: [...sheets, { ...forged, name: REVIEW_SHEET }] }, "2025-03-02T00:00:00Z");
    expect(kinds(review.logProblems)).toEqual([["unknownFinding", 2]]);
    expect(review.summary.byDistrict.map((d) => d.district)).toEqual(["荣昌区"]);
  });

  test("100,000 rows: read, reconciled and reported without recursion or unbounded spreads", async () => {
    const wb = await buildReportsWorkbook([rongchang2024]);
    const sheets = snapshotWorkbook(wb);
    const ids = loadReview({ sheets }, "2025-03-01T00:00:00Z").state.items.map((r) => r.finding);
    const many = Array.from({ length: 100_000 }, (_, i) => {
      const f = ids[i % ids.length];
      return entry(i, { findingId: f.id, valueKey: f.valueKey, district: f.district, at: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString() });
    });
    const log = { ...logSheet(many), name: REVIEW_SHEET };
    expect(checkReviewLog([log]).problems).toEqual([]);
    const report = planReviewReport({ sheets: [...sheets, log] }, "2025-03-02T00:00:00Z");
    expect(report.review.summary.total.total).toBe(ids.length);
    await applyPlan(wb, report.plan);
  });
});
