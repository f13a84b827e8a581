import { planConsolidation } from "../../../src/core/consolidate";
import { consolidateReports } from "../../helpers/consolidate-reports";
import type { SheetSnapshot } from "../../../src/core/grid";
import type { SheetPlan } from "../../../src/core/plan/write-plan";
import {
  OPINION_PREFIX,
  SUMMARY_SHEET,
  decisionProblemText,
  loadReview,
  ownReviewSheets,
  planDecision,
  planReviewRefresh,
  planReviewReport,
  type Decision,
} from "../../../src/core/review";
import { COLORS } from "../../../src/core/sheet/layout";
import { ACCEPTED_FILL } from "../../../src/core/sheet/plan-flags";
import { rongchang2024, yuzhong2023 } from "../../fixtures/reports";
import { reportSnapshot } from "../../helpers/report-sheets";
import { applyToSnapshots, type MemorySheet } from "./memory-host";

const T1 = "2025-03-01T09:00:00+08:00";
const T2 = "2025-03-05T17:30:00+08:00";

function decide(sheets: readonly SheetSnapshot[], pick: (code: string, codes: readonly string[]) => boolean, decision: Decision, who = "李四"): MemorySheet[] {
  const { state } = loadReview({ sheets }, T1);
  const item = state.items.find((r) => pick(r.finding.code, r.finding.codes))!;
  const r = planDecision({ sheets }, item.finding.id, decision, who, T1);
  if (!r.ok) throw new Error(decisionProblemText(r.error));
  return applyToSnapshots(sheets, r.value.plan);
}
const rateOf = (rate: string) => (code: string, codes: readonly string[]) => code === "rate.inconsistent" && codes[2] === rate;
const table = (sheet: MemorySheet, fromRow: number) => sheet.values.slice(fromRow).filter((r) => r.some((v) => v !== ""));
const cellsAt = (plan: SheetPlan, address: string) => plan.cells!.find((c) => c.address === address);

/** 荣昌 2024 and 渝中 2023 in one workbook: E03 and F04 sent back, E05 accepted, 渝中's yoy jump accepted. */
function reviewed(): MemorySheet[] {
  let sheets = applyToSnapshots([reportSnapshot(rongchang2024).snapshot, reportSnapshot(yuzhong2023).snapshot], { sheets: [] });
  sheets = decide(sheets, rateOf("E03"), { status: "sentBack", note: "审结率应为 83.98%，请更正" });
  sheets = decide(sheets, rateOf("F04"), { status: "sentBack", note: "请核对调解成功数" }, "王五");
  sheets = decide(sheets, rateOf("E05"), { status: "accepted", note: "含上年结转" });
  sheets = decide(sheets, (code) => code === "yoy.jump", { status: "accepted", note: "上年基数小" });
  return sheets;
}

describe("the 审核汇总 sheet", () => {
  const sheets = reviewed();
  const { plan } = planReviewReport({ sheets }, T2);
  const summaryPlan = plan.sheets[0];
  const after = applyToSnapshots(sheets, plan);
  const summary = after.find((s) => s.name === SUMMARY_SHEET)!;

  it("is Huishen's own sheet, replaced each time, saying when it was generated", () => {
    expect(summaryPlan).toMatchObject({ name: SUMMARY_SHEET, mode: "replace" });
    expect(summary.values[1].slice(0, 2)).toEqual(["生成时间", "2025-03-05 17:30"]);
    expect(ownReviewSheets(after).map((s) => s.name)).toEqual([SUMMARY_SHEET, `${OPINION_PREFIX}荣昌区`]);
  });

  it("counts by district and status, with the totals as formulas whose cached results are the counts", () => {
    expect(table(summary, 3).slice(0, 4).map((r) => r.slice(0, 8))).toEqual([
      ["区县", "待处理", "其中重新打开", "退回修改", "已更正", "确认无误", "已关闭", "合计"],
      ["荣昌区", 2, 0, 2, 0, 1, 0, 5],
      ["渝中区", 1, 0, 0, 0, 1, 0, 2],
      ["合计", 3, 0, 2, 0, 2, 0, 7],
    ]);
    expect(cellsAt(summaryPlan, "H5")).toMatchObject({ formula: "B5+SUM(D5:G5)", result: 5 });
    expect(cellsAt(summaryPlan, "B7")).toMatchObject({ formula: "SUM(B5:B6)", result: 3 });
    expect(cellsAt(summaryPlan, "H7")).toMatchObject({ formula: "B7+SUM(D7:G7)", result: 7 });
  });

  it("lists every finding under review, sent back first, with the decision", () => {
    const header = summary.values.findIndex((r) => r[0] === "区县" && r[1] === "状态");
    const lines = table(summary, header + 1);
    expect(lines.map((l) => [l[0], l[1], l[2]])).toEqual([
      ["荣昌区", "退回修改", "E03 行政复议审结率"],
      ["荣昌区", "退回修改", "F04 调解成功率"],
      ["荣昌区", "待处理", "A07 法治督察问题整改数"],
      ["荣昌区", "待处理", "D10 行政执法事项综合率"],
      ["荣昌区", "确认无误", "E05 直接纠错率"],
      ["渝中区", "待处理", "G01 主动公开政府信息条数"],
      ["渝中区", "确认无误", "E12 行政机关负责人出庭应诉率"],
    ]);
    expect(lines[0].slice(5, 8)).toEqual(["李四", "2025-03-01 09:00", "审结率应为 83.98%，请更正"]);
    expect(String(lines[0][8])).toContain("行政复议审结率（E03）填报 85.29%");
  });

  it("avoids a person's own sheet named 审核汇总, and reuses its own next time", () => {
    const theirs: SheetSnapshot = { name: SUMMARY_SHEET, values: [["我的汇总"]] };
    const first = planReviewReport({ sheets: [...sheets, theirs] }, T2).plan.sheets[0];
    expect(first.name).toBe(`${SUMMARY_SHEET} (2)`);
    const withOurs = applyToSnapshots([...sheets, theirs], { sheets: [first] });
    expect(planReviewReport({ sheets: withOurs }, T2).plan.sheets[0]).toMatchObject({ name: `${SUMMARY_SHEET} (2)`, mode: "replace" });
    expect(withOurs.find((s) => s.name === SUMMARY_SHEET)!.values).toEqual([["我的汇总"]]);
  });
});

describe("the 审核意见 sheets", () => {
  const sheets = reviewed();
  const { plan, opinions } = planReviewReport({ sheets }, T2);
  const after = applyToSnapshots(sheets, plan);

  it("exist only for districts with something sent back, numbered and ready to mail", () => {
    expect(opinions.map((o) => [o.district, o.sheetName, o.items])).toEqual([["荣昌区", "审核意见-荣昌区", 2]]);
    const sheet = after.find((s) => s.name === "审核意见-荣昌区")!;
    expect(sheet.values[0][0]).toBe("荣昌区 2024 年度指标审核意见（退回修改）");
    expect(sheet.values[1].slice(0, 5)).toEqual(["区县", "荣昌区", "", "年度", "2024"]);
    expect(sheet.values[2][0]).toMatch(/^以下 2 个问题经审核退回/);
    const rows = table(sheet, 4).map((r) => r.slice(0, 10));
    expect(rows.map((r) => r.slice(0, 6))).toEqual([
      [1, "E03", "行政复议审结率", "荣昌区 2024", `E${reportSnapshot(rongchang2024).rowOf.get("E03")! + 1}`, "85.29%"],
      [2, "F04", "调解成功率", "荣昌区 2024", `E${reportSnapshot(rongchang2024).rowOf.get("F04")! + 1}`, "99.01%"],
    ]);
    expect(rows[0].slice(7)).toEqual(["审结率应为 83.98%，请更正", "李四", "2025-03-01 09:00"]);
    expect(rows[1].slice(7)).toEqual(["请核对调解成功数", "王五", "2025-03-01 09:00"]);
    expect(String(rows[1][6])).toContain("调解成功率（F04）填报 99.01%");
  });

  it("regenerates a district's earlier sheet saying nothing is sent back once its findings are decided otherwise", () => {
    let later = decide(after, rateOf("E03"), { status: "accepted", note: "已与区县核实" });
    later = decide(later, rateOf("F04"), { status: "fixed" });
    const again = planReviewReport({ sheets: later }, T2);
    expect(again.opinions.map((o) => [o.sheetName, o.items])).toEqual([["审核意见-荣昌区", 0]]);
    const sheet = applyToSnapshots(later, again.plan).find((s) => s.name === "审核意见-荣昌区")!;
    expect(sheet.values[2][0]).toBe("目前没有退回修改的问题。");
    expect(table(sheet, 4)).toEqual([]);
  });

  it("never writes into the district sheets", () => {
    expect(plan.sheets.map((s) => s.name).sort()).toEqual(["审核意见-荣昌区", SUMMARY_SHEET]);
    expect(plan.sheets.every((s) => s.mode === "replace")).toBe(true);
  });
});

describe("refreshing the review in the pane", () => {
  it("repaints the flags with statuses and regenerates 审核汇总 without touching a value a person typed", () => {
    const sheets = reviewed();
    const { plan, summary } = planReviewRefresh({ sheets }, T2);
    expect(summary.total).toMatchObject({ sentBack: 2, accepted: 2, open: 3 });
    expect(plan.sheets.map((s) => [s.name, s.mode])).toEqual([
      ["荣昌区 2024", "update"],
      ["渝中区 2023", "update"],
      ["汇审标记", "update"],
      [SUMMARY_SHEET, "replace"],
    ]);
    const after = applyToSnapshots(sheets, plan);
    const { rowOf } = reportSnapshot(rongchang2024);
    const fills = after.find((s) => s.name === "荣昌区 2024")!.fills;
    expect([fills[rowOf.get("E05")!][4], fills[rowOf.get("E03")!][4]]).toEqual([ACCEPTED_FILL, COLORS.warning]);
    for (const name of ["荣昌区 2024", "渝中区 2023"]) {
      const cut = (s: SheetSnapshot) => s.values.map((r) => r.filter((_, c) => c !== 7));
      expect(cut(after.find((s) => s.name === name)!)).toEqual(cut(sheets.find((s) => s.name === name)!));
    }
  });
});

describe("print set-up of the sheets Huishen writes", () => {
  it("the review sheets and every consolidation sheet print on A4 with their header rows repeated and a print area", () => {
    const { plan: review } = planReviewReport({ sheets: reviewed() }, T2);
    const { c, sheets } = consolidateReports([rongchang2024, yuzhong2023]);
    const consolidation = planConsolidation(c, sheets, "zh");
    const written = [...review.sheets, ...consolidation.sheets].filter((s) => s.mode !== "update" && s.visibility === undefined);
    expect(written.map((s) => s.name)).toEqual(expect.arrayContaining(["审核汇总", "审核意见-荣昌区", "汇总表", "排名", "综合指数", "指数权重", "问题清单"]));
    for (const s of written) {
      expect([s.name, s.print?.titleRows !== undefined, /^A1:[A-Z]+\d+$/.test(s.print?.area ?? "")]).toEqual([s.name, true, true]);
      expect(s.print!.header.length).toBeGreaterThan(0);
    }
  });
});
