import type { SheetSnapshot } from "../../../src/core/grid";
import { COL } from "../../../src/core/sheet/layout";
import {
  REVIEW_SHEET,
  SYSTEM_REVIEWER,
  decisionProblemText,
  loadReview,
  planDecision,
  planReviewRefresh,
  readReviewLog,
  reviewState,
  reviewSummary,
  type Decision,
  type ReviewState,
} from "../../../src/core/review";
import { rongchang2024, yuzhong2023 } from "../../fixtures/reports";
import { reportSnapshot } from "../../helpers/report-sheets";
import { applyToSnapshots, type MemorySheet } from "./memory-host";

const T1 = "2025-03-01T09:00:00+08:00";
const T2 = "2025-03-01T10:00:00+08:00";
const T3 = "2025-03-02T09:30:00+08:00";
const T4 = "2025-03-03T16:45:00+08:00";
const T5 = "2025-03-04T08:00:00+08:00";

const { snapshot, rowOf } = reportSnapshot(rongchang2024);
const SHEET = snapshot.name;

/** The rate.inconsistent finding about a rate code (E03, E05, …). */
function rateId(state: ReviewState, rate: string): string {
  const r = state.items.find((x) => x.finding.code === "rate.inconsistent" && x.finding.codes[2] === rate);
  if (!r) throw new Error(`no rate.inconsistent finding for ${rate}`);
  return r.finding.id;
}
const statusOf = (state: ReviewState) => Object.fromEntries(state.items.map((r) => [`${r.finding.code}@${r.finding.codes.at(-1)}`, r.reopened ? "open (reopened)" : r.status]));

function decide(sheets: readonly SheetSnapshot[], findingId: string, decision: Decision, who: string, at: string): MemorySheet[] {
  const r = planDecision({ sheets }, findingId, decision, who, at);
  if (!r.ok) throw new Error(decisionProblemText(r.error));
  return applyToSnapshots(sheets, r.value.plan);
}
function refresh(sheets: readonly SheetSnapshot[], at: string) {
  const r = planReviewRefresh({ sheets }, at);
  return { ...r, sheets: applyToSnapshots(sheets, r.plan) };
}
function typeThisYear(sheets: MemorySheet[], code: string, value: number): MemorySheet[] {
  const copy = sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) }));
  copy.find((s) => s.name === SHEET)!.values[rowOf.get(code)!][COL.thisYear] = value;
  return copy;
}

describe("reconciling decisions with the findings of 荣昌 2024", () => {
  const start = applyToSnapshots([snapshot], { sheets: [] });
  const initial = loadReview({ sheets: start }, T1).state;
  const E03 = rateId(initial, "E03");
  const E05 = rateId(initial, "E05");

  it("starts with every finding open and nothing to log", () => {
    expect(statusOf(initial)).toEqual({
      "rate.inconsistent@D10": "open",
      "rate.inconsistent@E03": "open",
      "rate.inconsistent@E05": "open",
      "rate.inconsistent@F04": "open",
      "value.approximate@A07": "open",
    });
    expect(initial.events).toEqual([]);
    expect(initial.closed).toEqual([]);
  });

  // One workbook's history, step by step; each step's sheets feed the next.
  let afterDecisions: MemorySheet[];
  it("accepting E05 with an explanation and sending E03 back records two rows and two statuses", () => {
    let sheets = decide(start, E05, { status: "accepted", note: "直接纠错数含上年结转案件，比率按报告原文" }, "张三", T1);
    sheets = decide(sheets, E03, { status: "sentBack", note: "审结率应为 283 ÷ 337 = 83.98%，请核实后更正" }, "李四", T2);
    const log = readReviewLog(sheets);
    expect(log.map((e) => [e.findingId, e.status, e.who, e.at])).toEqual([
      [E05, "accepted", "张三", T1],
      [E03, "sentBack", "李四", T2],
    ]);
    expect(log[1]).toMatchObject({ district: "荣昌区", year: 2024, sheet: SHEET, codes: ["E02", "E01", "E03"], valueKey: "E02=283|E01=337|E03=0.8529", findingCode: "rate.inconsistent" });
    expect(log[1].message).toContain("行政复议审结率（E03）填报 85.29%");
    expect(sheets.find((s) => s.name === REVIEW_SHEET)!.visibility).toBe("veryHidden");
    const { state } = loadReview({ sheets }, T2);
    expect(statusOf(state)).toMatchObject({ "rate.inconsistent@E03": "sentBack", "rate.inconsistent@E05": "accepted", "rate.inconsistent@D10": "open" });
    expect(state.items.find((r) => r.finding.id === E05)!.decision!.note).toBe("直接纠错数含上年结转案件，比率按报告原文");
    afterDecisions = sheets;
  });

  it("re-checking an unchanged workbook keeps every status and appends nothing, however often", () => {
    const once = refresh(afterDecisions, T3);
    expect(once.state.events).toEqual([]);
    expect(once.plan.sheets.map((s) => s.name)).not.toContain(REVIEW_SHEET);
    const twice = refresh(once.sheets, T4);
    expect(statusOf(twice.state)).toEqual(statusOf(loadReview({ sheets: afterDecisions }, T2).state));
    expect(readReviewLog(twice.sheets)).toHaveLength(2);
  });

  let afterFix: MemorySheet[];
  it("correcting E03's figure closes its finding, with one closed event that a second re-check does not repeat", () => {
    // 283 ÷ 337 = 83.976…%: typed as 83.98 % the rate is consistent.
    const corrected = typeThisYear(afterDecisions, "E03", 0.8398);
    const first = refresh(corrected, T3);
    expect(first.state.events.map((e) => [e.findingId, e.status, e.who])).toEqual([[E03, "closed", SYSTEM_REVIEWER]]);
    expect(first.state.items.map((r) => r.finding.id)).not.toContain(E03);
    const closed = first.state.closed.find((c) => c.findingId === E03)!;
    expect(closed.decision).toMatchObject({ status: "sentBack", who: "李四" });
    expect(closed.last).toMatchObject({ status: "closed", at: T3, district: "荣昌区", sheet: SHEET });
    const second = refresh(first.sheets, T4);
    expect(second.state.events).toEqual([]);
    expect(second.state.closed.map((c) => c.findingId)).toEqual([E03]);
    expect(readReviewLog(second.sheets).filter((e) => e.findingId === E03).map((e) => e.status)).toEqual(["sentBack", "closed"]);
    // The accepted one is untouched by the other correction.
    expect(statusOf(second.state)["rate.inconsistent@E05"]).toBe("accepted");
    afterFix = second.sheets;
  });

  let afterReopen: MemorySheet[];
  it("changing E05's typed rate to another wrong value reopens it, keeping the decision that no longer holds", () => {
    const changed = typeThisYear(afterFix, "E05", 0.25);
    const r = refresh(changed, T4);
    expect(r.state.events.map((e) => [e.findingId, e.status, e.valueKey])).toEqual([[E05, "reopened", "E04=58|E02=283|E05=0.25"]]);
    expect(r.state.events[0].note).toBe("数值已改变：E04=58|E02=283|E05=0.2222 → E04=58|E02=283|E05=0.25");
    const e05 = r.state.items.find((x) => x.finding.id === E05)!;
    expect([e05.status, e05.reopened, e05.decision]).toEqual(["open", true, undefined]);
    expect(e05.previous).toMatchObject({ status: "accepted", who: "张三" });
    expect(refresh(r.sheets, T5).state.events).toEqual([]);
    afterReopen = r.sheets;
  });

  it("deciding again adds to the history: accepted, reopened, sent back, and every earlier row stays as written", () => {
    const before = readReviewLog(afterReopen);
    const sheets = decide(afterReopen, E05, { status: "sentBack", note: "请按 58 ÷ 283 重新计算直接纠错率" }, "张三", T5);
    const log = readReviewLog(sheets);
    expect(log.slice(0, before.length)).toEqual(before);
    const { state } = loadReview({ sheets }, T5);
    const e05 = state.items.find((x) => x.finding.id === E05)!;
    expect(e05.history.map((e) => e.status)).toEqual(["accepted", "reopened", "sentBack"]);
    expect([e05.status, e05.reopened]).toEqual(["sentBack", false]);
    expect(state.events).toEqual([]);
  });

  it("a closed finding that comes back is reopened once", () => {
    const back = typeThisYear(afterFix, "E03", 0.8529);
    const r = refresh(back, T4);
    expect(r.state.events.map((e) => [e.findingId, e.status])).toEqual([[E03, "reopened"]]);
    expect(r.state.events[0].note).toMatch(/^问题再次出现/);
    const e03 = r.state.items.find((x) => x.finding.id === E03)!;
    expect([e03.status, e03.reopened, e03.previous?.status]).toEqual(["open", true, "sentBack"]);
    expect(r.state.closed).toEqual([]);
    expect(refresh(r.sheets, T5).state.events).toEqual([]);
  });
});

describe("decisions that cannot be recorded", () => {
  const sheets = [reportSnapshot(rongchang2024).snapshot];
  const id = loadReview({ sheets }, T1).state.items[0].finding.id;

  it("needs an explanation to accept, a correction to send back, and a reviewer", () => {
    const problem = (d: Decision, who = "张三") => {
      const r = planDecision({ sheets }, id, d, who, T1);
      return r.ok ? undefined : r.error;
    };
    expect(problem({ status: "accepted" })).toEqual({ code: "explanationRequired" });
    expect(problem({ status: "accepted", note: "   " })).toEqual({ code: "explanationRequired" });
    expect(problem({ status: "sentBack", note: "" })).toEqual({ code: "correctionRequired" });
    expect(problem({ status: "fixed" })).toBeUndefined();
    expect(problem({ status: "fixed" }, " ")).toEqual({ code: "reviewerRequired" });
    expect(decisionProblemText({ code: "explanationRequired" })).toBe("确认无误需要填写说明：为什么这个数值是对的。");
    expect(decisionProblemText({ code: "correctionRequired" }, "en")).toBe("Sending back needs a note saying what to correct.");
  });

  it("refuses a finding that does not occur, and throws on a time that is not ISO 8601 (a programmer's mistake)", () => {
    const r = planDecision({ sheets }, "F0000000000000000", { status: "fixed" }, "张三", T1);
    expect(r).toEqual({ ok: false, error: { code: "unknownFinding", findingId: "F0000000000000000" } });
    expect(decisionProblemText(r.ok ? ({} as never) : r.error)).toContain("F0000000000000000");
    expect(() => planDecision({ sheets }, id, { status: "fixed" }, "张三", "2025/03/01 10:00")).toThrow(/ISO 8601/);
  });
});

describe("reviewSummary", () => {
  it("counts by district and status, reopened as part of open, closed from the log", () => {
    const rc = reportSnapshot(rongchang2024).snapshot;
    const yz = reportSnapshot(yuzhong2023).snapshot;
    let sheets = applyToSnapshots([rc, yz], { sheets: [] });
    const { state } = loadReview({ sheets }, T1);
    const id = (d: string, code: string) => state.items.find((r) => r.finding.district === d && r.finding.code === code)!.finding.id;
    sheets = decide(sheets, rateId(state, "E03"), { status: "sentBack", note: "请更正" }, "李四", T1);
    sheets = decide(sheets, rateId(state, "E05"), { status: "accepted", note: "口径不同" }, "李四", T1);
    sheets = decide(sheets, rateId(state, "D10"), { status: "fixed" }, "李四", T1);
    sheets = decide(sheets, id("渝中区", "yoy.jump"), { status: "accepted", note: "上年基数小" }, "李四", T1);
    // F04 decided, then its figure changes (reopened); A07 decided, then the finding goes (closed).
    sheets = decide(sheets, rateId(state, "F04"), { status: "accepted", note: "按报告" }, "李四", T1);
    sheets = decide(sheets, id("荣昌区", "value.approximate"), { status: "accepted", note: "报告原文为40余个" }, "李四", T1);
    sheets = typeThisYear(sheets, "F04", 0.97);
    sheets = typeThisYear(sheets, "A07", 40);
    const after = loadReview({ sheets }, T2);
    expect(after.summary.byDistrict).toEqual([
      { district: "荣昌区", counts: { open: 1, reopened: 1, sentBack: 1, fixed: 1, accepted: 1, closed: 1, total: 5 } },
      { district: "渝中区", counts: { open: 1, reopened: 0, sentBack: 0, fixed: 0, accepted: 1, closed: 0, total: 2 } },
    ]);
    expect(after.summary.total).toEqual({ open: 2, reopened: 1, sentBack: 1, fixed: 1, accepted: 2, closed: 1, total: 7 });
    expect(after.summary.outstanding).toBe(4);
    expect(reviewSummary({ items: [], closed: [], events: [] }).byDistrict).toEqual([]);
  });
});

describe("reviewState on any list of findings", () => {
  it("treats the first of two findings with the same id as the finding, and logs nothing for undecided ones that vanish", () => {
    const sheets = [reportSnapshot(rongchang2024).snapshot];
    const { found } = loadReview({ sheets }, T1);
    const [f] = found.findings;
    const state = reviewState([f, f], [], { at: T1, templates: found.templates });
    expect(state.items).toHaveLength(1);
    expect(reviewState([], [], { at: T1, templates: found.templates })).toEqual({ items: [], closed: [], events: [] });
  });
});
