/**
 * Review decisions through a real .xlsx: the adapter writes the log, flags and report sheets,
 * the file is saved and read back, and nothing is lost: every field of every audit row, the
 * Chinese text, the ISO times, the sheet's very hidden state; no input cell of a district sheet changes.
 */
import type * as ExcelJS from "exceljs";
import { applyPlan, openWorkbook, snapshotWorkbook, toBuffer } from "../../../src/adapters/xlsx";
import type { SheetSnapshot } from "../../../src/core/grid";
import {
  REVIEW_SHEET,
  SUMMARY_SHEET,
  decisionProblemText,
  loadReview,
  planDecision,
  planReviewRefresh,
  planReviewReport,
  readReviewLog,
  type Decision,
  type ReviewEntry,
} from "../../../src/core/review";
import { COL } from "../../../src/core/sheet/layout";
import { ACCEPTED_FILL } from "../../../src/core/sheet/plan-flags";
import { buildReportsWorkbook } from "../../fixtures/build-workbook";
import { rongchang2024, yuzhong2023 } from "../../fixtures/reports";
import { fillColour } from "./helpers";

const SHEETS = ["荣昌区 2024", "渝中区 2023"];

async function saveAndRead(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return openWorkbook(await toBuffer(wb));
}

async function decide(wb: ExcelJS.Workbook, pick: (f: { code: string; codes: readonly string[] }) => boolean, decision: Decision, who: string, at: string): Promise<ReviewEntry> {
  const sheets = snapshotWorkbook(wb);
  const item = loadReview({ sheets }, at).state.items.find((r) => pick(r.finding))!;
  const r = planDecision({ sheets }, item.finding.id, decision, who, at);
  if (!r.ok) throw new Error(decisionProblemText(r.error));
  await applyPlan(wb, r.value.plan);
  return r.value.entry;
}
const rate = (code: string) => (f: { code: string; codes: readonly string[] }) => f.code === "rate.inconsistent" && f.codes[2] === code;

/** Every cell of the district sheets but Huishen's check column: values and formulas. */
function inputs(sheets: readonly SheetSnapshot[]): string {
  return JSON.stringify(
    sheets.filter((s) => SHEETS.includes(s.name)).map((s) => ({ name: s.name, values: s.values.map((r) => r.filter((_, c) => c !== COL.check)), formulas: s.formulas!.map((r) => r.filter((_, c) => c !== COL.check)) })),
  );
}

describe("review decisions in a real .xlsx", () => {
  let wb: ExcelJS.Workbook;
  let before: SheetSnapshot[];
  const entries: ReviewEntry[] = [];
  // Leading "=", a fraction, quotes, line breaks: text a host could mistake for a formula or a date.
  const awkward = "=以报告原文为准：含上年结转案件 12 件；\n“审结”口径按 1/2 年度计，详见报告第 3 页。";

  beforeAll(async () => {
    wb = await saveAndRead(await buildReportsWorkbook([rongchang2024, yuzhong2023]));
    before = snapshotWorkbook(wb);
    entries.push(await decide(wb, rate("E05"), { status: "accepted", note: awkward }, "张三（法制科）", "2025-03-01T09:00:00+08:00"));
    entries.push(await decide(wb, rate("E03"), { status: "sentBack", note: "审结率应为 283 ÷ 337 = 83.98%" }, "李四", "2025-03-01T09:30:15.250Z"));
    entries.push(await decide(wb, (f) => f.code === "yoy.jump", { status: "fixed" }, "王五", "2025-03-02T08:00:00-05:00"));
    wb = await saveAndRead(wb);
  });

  it("reads back every field of every audit row exactly as written", () => {
    const log = readReviewLog(snapshotWorkbook(wb));
    expect(log).toEqual(entries);
    expect(log[0].note).toBe(awkward);
    expect(log.map((e) => e.at)).toEqual(["2025-03-01T09:00:00+08:00", "2025-03-01T09:30:15.250Z", "2025-03-02T08:00:00-05:00"]);
    expect(log[2]).toMatchObject({ district: "渝中区", year: 2023, sheet: "渝中区 2023", findingCode: "yoy.jump", note: "" });
  });

  it("keeps the log sheet very hidden, its times and notes as text", () => {
    const ws = wb.getWorksheet(REVIEW_SHEET)!;
    expect(ws.state).toBe("veryHidden");
    expect(ws.getCell("A2").value).toBe("2025-03-01T09:00:00+08:00");
    expect(ws.getCell("D2").value).toBe(awkward);
    expect(ws.getCell("D2").numFmt).toBe("@");
    expect(wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual(SHEETS);
  });

  it("changes no input cell of the district sheets, and mutes the accepted finding's cell", () => {
    const after = snapshotWorkbook(wb);
    expect(inputs(after)).toBe(inputs(before));
    const ws = wb.getWorksheet("荣昌区 2024")!;
    const row = (code: string) => ws.getColumn(COL.code + 1).values.findIndex((v) => v === code);
    expect(fillColour(ws.getCell(row("E05"), COL.thisYear + 1))).toBe(`FF${ACCEPTED_FILL.slice(1)}`);
    expect(fillColour(ws.getCell(row("E03"), COL.thisYear + 1))).toBe("FFFFE699");
    expect(String(ws.getCell(row("E05"), COL.check + 1).value)).toBe(`✓ 已确认：${awkward}`);
  });

  it("appends the closed event after a correction, keeps every earlier row, and writes the reports", async () => {
    const ws = wb.getWorksheet("荣昌区 2024")!;
    const e03 = ws.getColumn(COL.code + 1).values.findIndex((v) => v === "E03");
    ws.getCell(e03, COL.thisYear + 1).value = 0.8398;
    const at = "2025-03-03T10:00:00+08:00";
    const refresh = planReviewRefresh({ sheets: snapshotWorkbook(wb) }, at);
    expect(refresh.state.events.map((e) => e.status)).toEqual(["closed"]);
    await applyPlan(wb, refresh.plan);
    // Applying the reports twice replaces Huishen's own sheets instead of adding more.
    for (let i = 0; i < 2; i++) await applyPlan(wb, planReviewReport({ sheets: snapshotWorkbook(wb) }, at).plan);
    wb = await saveAndRead(wb);
    const log = readReviewLog(snapshotWorkbook(wb));
    expect(log.slice(0, 3)).toEqual(entries);
    expect(log.slice(3).map((e) => [e.status, e.at, e.who, e.findingId])).toEqual([["closed", at, "汇审 Huishen", entries[1].findingId]]);
    expect(wb.worksheets.map((w) => w.name).filter((n) => n === SUMMARY_SHEET)).toHaveLength(1);
    expect(planReviewRefresh({ sheets: snapshotWorkbook(wb) }, at).state.events).toEqual([]);
    // Only E03's typed rate changed, by the person: everything else as before.
    const now = snapshotWorkbook(wb);
    const rc = now.find((s) => s.name === "荣昌区 2024")!;
    expect(rc.values[e03 - 1][COL.thisYear]).toBe(0.8398);
    const put = (grid: SheetSnapshot["values"]) => grid.map((r, i) => (i === e03 - 1 ? r.map((v, c) => (c === COL.thisYear ? 0.8529 : v)) : r));
    const undo = now.map((s) => (s.name === "荣昌区 2024" ? { ...s, values: put(s.values), formulas: put(s.formulas!) } : s));
    expect(inputs(undo)).toBe(inputs(before));
  });
});
