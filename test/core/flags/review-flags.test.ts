import type { Finding } from "../../../src/core/findings/finding";
import { readFlagState } from "../../../src/core/flags/state";
import { COL, COLORS } from "../../../src/core/sheet/layout";
import { ACCEPTED_FILL, NOTE_PREFIX, clearFlagsPlan, flagPlan, type FlagReview } from "../../../src/core/sheet/plan-flags";
import { checkWorkbook } from "../../../src/core/check-workbook";
import { rongchang2024 } from "../../fixtures/reports";
import { reportSnapshot } from "../../helpers/report-sheets";
import { sheetWith } from "../../helpers/sheet-with";
import { applyToSnapshots } from "../review/memory-host";
import { planCells } from "../../../src/core/plan/plan-cells";

const cellOf = (rowOf: ReadonlyMap<string, number>, code: string) => `E${rowOf.get(code)! + 1}`;
const checkOf = (rowOf: ReadonlyMap<string, number>, code: string) => `H${rowOf.get(code)! + 1}`;
const rate = (fs: readonly Finding[], code: string) => fs.find((f) => f.code === "rate.inconsistent" && f.codes[2] === code)!;

describe("flags with review statuses", () => {
  const { snapshot, rowOf } = reportSnapshot(rongchang2024);
  const run = checkWorkbook([snapshot]);
  const e05 = rate(run.findings, "E05");
  const e03 = rate(run.findings, "E03");
  const explanation = "直接纠错数含上年结转案件";
  const reviews = new Map<string, FlagReview>([[e05.id, { status: "accepted", note: explanation }]]);
  const plan = flagPlan(run.sheets, run.findings, [snapshot], "zh", reviews);
  const sheet = plan.sheets.find((s) => s.name === snapshot.name)!;
  const fillAt = (a: string) => sheet.fills!.find((f) => f.address === a)?.color;
  const noteAt = (a: string) => sheet.notes!.find((n) => n.address === a)?.text;
  const checkAt = (a: string) => planCells(sheet).find((c) => c.address === a)?.value;

  it("gives a cell whose findings are all accepted a muted fill and a note saying 已确认 with the explanation", () => {
    // E05's own cell and E04's cell are flagged by E05's finding only.
    for (const code of ["E05", "E04"]) {
      expect(fillAt(cellOf(rowOf, code))).toBe(ACCEPTED_FILL);
      expect(noteAt(cellOf(rowOf, code))).toBe(`${NOTE_PREFIX}\n✓ 已确认：直接纠错率（E05）填报 22.22%，但 直接纠错数（E04） 58 ÷ 行政复议审结数（E02） 283 = 20.49%\n  说明：${explanation}`);
    }
    expect(checkAt(checkOf(rowOf, "E05"))).toBe(`✓ 已确认：${explanation}`);
  });

  it("keeps the open finding's colour, and puts it first in the note, on a cell shared with an accepted one", () => {
    // E02 is the denominator of E03 (open) and of E05 (accepted).
    const e02 = cellOf(rowOf, "E02");
    expect(fillAt(e02)).toBe(COLORS.warning);
    const lines = noteAt(e02)!.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(NOTE_PREFIX);
    expect(lines[1]).toMatch(/^⚠ 警告：行政复议审结率（E03）/);
    expect(lines[2]).toMatch(/^✓ 已确认：直接纠错率（E05）/);
    expect(lines[3]).toBe(`  说明：${explanation}`);
    expect(fillAt(cellOf(rowOf, "E03"))).toBe(COLORS.warning);
    expect(String(checkAt(checkOf(rowOf, "E03")))).toMatch(/^⚠ 行政复议审结率/);
  });

  it("takes the colour of the open finding, not the accepted worse one", () => {
    // E02 = 283.5 is both a non-integer count (error) and, with E01 and E03, an inconsistent rate (warning).
    const { snapshot: s, rowOf: rows } = sheetWith({ E01: 337, E02: 283.5, E03: { thisYear: 0.8529, format: "0.00%" } });
    const r = checkWorkbook([s]);
    const error = r.findings.find((f) => f.code === "value.nonInteger")!;
    const warning = rate(r.findings, "E03");
    const paint = (status: Map<string, FlagReview>) => flagPlan(r.sheets, r.findings, [s], "zh", status).sheets[0].fills!.find((f) => f.address === cellOf(rows, "E02"))!.color;
    expect(paint(new Map())).toBe(COLORS.error);
    expect(paint(new Map([[error.id, { status: "accepted", note: "按报告" }]]))).toBe(COLORS.warning);
    expect(paint(new Map([[warning.id, { status: "accepted", note: "按报告" }]]))).toBe(COLORS.error);
    expect(paint(new Map([[error.id, { status: "accepted", note: "a" }], [warning.id, { status: "accepted", note: "b" }]]))).toBe(ACCEPTED_FILL);
    // Sent back or fixed still colour the cell by severity.
    expect(paint(new Map([[error.id, { status: "sentBack", note: "请填整数" }]]))).toBe(COLORS.error);
    expect(paint(new Map([[error.id, { status: "fixed" }]]))).toBe(COLORS.error);
  });

  it("says in the note what was sent back, and in English on request", () => {
    const p = flagPlan(run.sheets, run.findings, [snapshot], "en", new Map([[e03.id, { status: "sentBack", note: "请更正为 83.98%" }], [e05.id, { status: "accepted", note: "carried over" }]]));
    const s = p.sheets[0];
    expect(s.notes!.find((n) => n.address === cellOf(rowOf, "E03"))!.text).toMatch(/\n {2}Sent back: 请更正为 83\.98%$/);
    expect(s.notes!.find((n) => n.address === cellOf(rowOf, "E05"))!.text).toMatch(/^汇审 Huishen\n✓ Accepted: .*\n {2}Explanation: carried over$/);
    expect(planCells(s).find((c) => c.address === checkOf(rowOf, "E05"))!.value).toBe("✓ Accepted: carried over");
  });

  it("without statuses, or with none accepted, paints exactly as before", () => {
    const plain = flagPlan(run.sheets, run.findings, [snapshot], "zh");
    expect(flagPlan(run.sheets, run.findings, [snapshot], "zh", new Map())).toEqual(plain);
    expect(flagPlan(run.sheets, run.findings, [snapshot], "zh", new Map(run.findings.map((f) => [f.id, { status: "open" }])))).toEqual(plain);
    expect(plain.sheets[0].fills!.map((f) => f.color)).not.toContain(ACCEPTED_FILL);
  });

  it("never replaces a person's own note nor writes a value into an input cell, and restores the earlier fill when cleared", () => {
    const mine = { [cellOf(rowOf, "E05")]: "我的批注：见报告第 3 页" };
    const green = snapshot.values.map((r, i) => r.map((_, c) => (i === rowOf.get("E05") && c === COL.thisYear ? "#00B050" : null)));
    const own = { ...snapshot, notes: mine, fills: green };
    const p = flagPlan(run.sheets, run.findings, [own], "zh", reviews);
    const s = p.sheets.find((x) => x.name === snapshot.name)!;
    expect(s.notes!.map((n) => n.address)).not.toContain(cellOf(rowOf, "E05"));
    expect(s.fills!.find((f) => f.address === cellOf(rowOf, "E05"))!.color).toBe(ACCEPTED_FILL);
    const written = new Set(planCells(s).map((c) => c.address));
    for (const code of rowOf.keys()) {
      expect(written.has(cellOf(rowOf, code))).toBe(false);
      expect(written.has(`F${rowOf.get(code)! + 1}`)).toBe(false);
    }
    expect([...written].every((a) => a.startsWith("H"))).toBe(true);
    const after = applyToSnapshots([own], p);
    expect(after[0].values.map((r) => r.filter((_, c) => c !== COL.check))).toEqual(own.values.map((r) => r.filter((_, c) => c !== COL.check)));
    expect(after[0].notes[cellOf(rowOf, "E05")]).toBe("我的批注：见报告第 3 页");
    expect(readFlagState(after).find((r) => r.address === cellOf(rowOf, "E05"))).toMatchObject({ fill: "#00B050", note: false });
    const cleared = applyToSnapshots(after, clearFlagsPlan(run.sheets, after));
    const e05Row = rowOf.get("E05")!;
    expect(cleared[0].fills[e05Row][COL.thisYear]).toBe("#00B050");
    expect(cleared[0].fills.flat().filter((f) => f === ACCEPTED_FILL)).toEqual([]);
  });
});
