import { planCheck, planClear, planInsertTemplate } from "../../../src/core/check-job";
import { FLAG_SHEET, FlagRows, readFlagState } from "../../../src/core/flags/state";
import type { CellValue, SheetSnapshot } from "../../../src/core/grid";
import { interpretPlan } from "../../../src/core/plan/interpret";
import type { WritePlan } from "../../../src/core/plan/write-plan";
import { COL, COLORS } from "../../../src/core/sheet/layout";
import { NOTE_PREFIX } from "../../../src/core/sheet/plan-flags";
import { renderFinding } from "../../../src/core/findings/render";
import { rongchang2024 } from "../../fixtures/reports";
import { reportSnapshot } from "../../helpers/report-sheets";

/** Apply a plan to snapshots as the core's reference interpreter says it means. */
type Mutable = SheetSnapshot & { values: CellValue[][]; fills: (string | null)[][]; notes: Record<string, string> };
function applyToSnapshots(sheets: readonly SheetSnapshot[], plan: WritePlan): Mutable[] {
  return interpretPlan(sheets, plan) as unknown as Mutable[];
}

const e = (rowOf: ReadonlyMap<string, number>, code: string) => `E${rowOf.get(code)! + 1}`;

describe("flags that Huishen owns", () => {
  const { snapshot, rowOf } = reportSnapshot(rongchang2024);
  const name = snapshot.name;

  it("fills each flagged cell by severity, records its earlier fill, and keeps a person's own note", () => {
    const mine = { [e(rowOf, "E01")]: "我的批注：含上年结转" };
    const own = { ...snapshot, notes: mine, fills: snapshot.values.map((r, i) => r.map((_, c) => (i === rowOf.get("E03") && c === COL.thisYear ? "#00B050" : null))) };
    const { plan } = planCheck({ sheets: [own], activeSheet: name }, { scope: "active", lang: "zh" });
    const sheetPlan = plan.sheets.find((s) => s.name === name)!;
    expect(sheetPlan.fills!.find((f) => f.address === e(rowOf, "E03"))!.color).toBe(COLORS.warning);
    expect(sheetPlan.notes!.map((n) => n.address)).not.toContain(e(rowOf, "E01"));
    expect(sheetPlan.notes!.find((n) => n.address === e(rowOf, "E03"))!.text).toMatch(new RegExp(`^${NOTE_PREFIX}\\n⚠ 警告：行政复议审结率`));
    const after = applyToSnapshots([own], plan);
    const state = readFlagState(after);
    expect(state.find((r) => r.address === e(rowOf, "E03"))).toEqual({ sheet: name, address: e(rowOf, "E03"), fill: "#00B050", note: true });
    expect(state.find((r) => r.address === e(rowOf, "E01"))).toMatchObject({ note: false });
    expect(plan.sheets.find((s) => s.name === FLAG_SHEET)).toMatchObject({ mode: "create", visibility: "veryHidden" });
  });

  it("re-checking after a fix clears the flags that no longer apply and restores the earlier fill", () => {
    const own = { ...snapshot, fills: snapshot.values.map((r, i) => r.map((_, c) => (i === rowOf.get("E03") && c === COL.thisYear ? "#00B050" : null))) };
    let sheets = applyToSnapshots([own], planCheck({ sheets: [own], activeSheet: name }, { scope: "all", lang: "zh" }).plan);
    // The clerk corrects 审结率 to 83.98 %.
    sheets[0].values[rowOf.get("E03")!][COL.thisYear] = 0.8398;
    const { run, plan } = planCheck({ sheets, activeSheet: name }, { scope: "all", lang: "zh" });
    expect(run.findings.filter((f) => f.code === "rate.inconsistent").map((f) => f.codes[2]).sort()).toEqual(["D10", "E05", "F04"]);
    sheets = applyToSnapshots(sheets, plan);
    const [r, c] = [rowOf.get("E03")!, COL.thisYear];
    expect(sheets[0].fills![r][c]).toBe("#00B050");
    // E02 and E01 are still flagged by E05 (E04 / E02): only cells no finding touches are released.
    expect(sheets[0].notes![e(rowOf, "E03")]).toBeUndefined();
    expect(readFlagState(sheets).some((x) => x.address === e(rowOf, "E03"))).toBe(false);
    expect(sheets[0].values[r][COL.check]).toBe("✓");
  });

  it("清除标记 removes only what Huishen added: its fills and notes, the check column, the state", () => {
    const mine = { [e(rowOf, "E01")]: "我的批注" };
    const own = { ...snapshot, notes: mine, fills: snapshot.values.map((r, i) => r.map((_, c) => (i === rowOf.get("B08") && c === COL.thisYear ? "#FFFF00" : null))) };
    const flagged = applyToSnapshots([own], planCheck({ sheets: [own], activeSheet: name }, { scope: "all", lang: "zh" }).plan);
    const cleared = applyToSnapshots(flagged, planClear({ sheets: flagged }));
    const sheet = cleared.find((s) => s.name === name)!;
    expect(sheet.fills!.flat().filter((f) => f !== null)).toEqual(["#FFFF00"]);
    expect(sheet.notes).toEqual(mine);
    expect(sheet.values.slice(4).map((row) => row[COL.check] ?? "").filter(Boolean)).toEqual([]);
    expect(readFlagState(cleared)).toEqual([]);
    const inputs = (v: readonly (readonly CellValue[])[]) => v.map((row) => row.filter((_, c) => c !== COL.check));
    expect(inputs(sheet.values)).toEqual(inputs(own.values));
  });

  it("records the template's white input fill where the host cannot read fills (Excel 2019), so clearing restores it", () => {
    const { plan } = planCheck({ sheets: [snapshot], activeSheet: name }, { scope: "active", lang: "zh" });
    const state = readFlagState(applyToSnapshots([snapshot], plan));
    expect(state.find((r) => r.address === e(rowOf, "E03"))!.fill).toBe(COLORS.input);
  });

  it("checking only the active sheet keeps the flags of other sheets", () => {
    const other = { ...reportSnapshot(rongchang2024).snapshot, name: "荣昌区 2024 (2)" };
    const both = applyToSnapshots([snapshot, other], planCheck({ sheets: [snapshot, other], activeSheet: name }, { scope: "all", lang: "zh" }).plan);
    const again = planCheck({ sheets: both, activeSheet: name }, { scope: "active", lang: "zh" });
    expect(again.plan.sheets.map((s) => s.name)).toEqual([name, FLAG_SHEET]);
    const state = readFlagState(applyToSnapshots(both, again.plan));
    expect(state.filter((r) => r.sheet === other.name).length).toBe(readFlagState(both).filter((r) => r.sheet === other.name).length);
  });
});

describe("the state sheet's rows", () => {
  it("are cut to the rows added below their capacity and grow past it", () => {
    const under = new FlagRows([{ sheet: "区县甲", address: "E9", fill: "#FFFFFF", note: true }], 5);
    under.add("区县乙", "E12", null, false);
    expect(under.columns()).toEqual([["区县甲", "区县乙"], ["E9", "E12"], ["#FFFFFF", ""], ["1", ""]]);
    const over = new FlagRows([], 1);
    for (const address of ["E9", "E10", "E11"]) over.add("区县甲", address, null, true);
    expect(over.length).toBe(3);
    expect(over.columns()[1]).toEqual(["E9", "E10", "E11"]);
  });
});

describe("inserting a template", () => {
  it("names the sheet after district and year and finds an existing sheet for the same district and year", () => {
    const { snapshot } = reportSnapshot(rongchang2024);
    const first = planInsertTemplate({ sheets: [] }, { templateKey: "standard@2024.1", district: "荣昌区", year: 2024 });
    expect([first.sheetName, first.duplicates]).toEqual(["荣昌区 2024", []]);
    const filled = { ...snapshot, name: "荣昌区 2024" };
    filled.values[1][1] = "荣昌区";
    filled.values[1][4] = 2024;
    const second = planInsertTemplate({ sheets: [filled] }, { templateKey: "standard@2024.1", district: "荣昌区", year: 2024 });
    expect([second.sheetName, second.duplicates]).toEqual(["荣昌区 2024 (2)", ["荣昌区 2024"]]);
    expect(second.plan.sheets[0].mode).toBe("create");
  });
});

describe("a cell's note and its row's verdict", () => {
  it("say its one finding as the findings sheet words it: mark, severity and message; mark and message", () => {
    const { snapshot, rowOf } = reportSnapshot(rongchang2024);
    const values = snapshot.values.map((r) => [...r]);
    values[rowOf.get("B01")!][COL.thisYear] = "约一百";
    const sheets = [{ ...snapshot, values }];
    for (const [lang, head] of [["zh", "✗ 错误："], ["en", "✗ error: "]] as const) {
      const { run, plan } = planCheck({ sheets, activeSheet: snapshot.name }, { scope: "all", lang });
      const f = run.findings.find((x) => x.code === "value.unparsable")!;
      expect(run.findings.filter((x) => x.subject === f.subject)).toEqual([f]);
      const message = renderFinding(f, run.sheets[0].template, lang);
      expect(message.length).toBeGreaterThan(5);
      const [after] = applyToSnapshots(sheets, plan);
      expect(after.notes[e(rowOf, "B01")]).toBe(`${NOTE_PREFIX}\n${head}${message}`);
      expect(after.values[rowOf.get("B01")!][COL.check]).toBe(`✗ ${message}`);
    }
  });

  it("of a row with two findings say the worst one and how many more; the note says both, worst first", () => {
    const { snapshot, rowOf } = reportSnapshot(rongchang2024);
    const values = snapshot.values.map((r) => [...r]);
    values[rowOf.get("B01")!][COL.thisYear] = "约-3";
    const sheets = [{ ...snapshot, values }];
    for (const [lang, more, heads] of [["zh", "（另 1 项）", ["✗ 错误：", "ℹ 提示："]], ["en", " (+1 more)", ["✗ error: ", "ℹ info: "]]] as const) {
      const { run, plan } = planCheck({ sheets, activeSheet: snapshot.name }, { scope: "all", lang });
      const own = run.findings.filter((x) => x.subject === "B01");
      expect(own.map((f) => f.code)).toEqual(["value.negative", "value.approximate"]);
      const [negative, approximate] = own.map((f) => renderFinding(f, run.sheets[0].template, lang));
      const [after] = applyToSnapshots(sheets, plan);
      expect(after.values[rowOf.get("B01")!][COL.check]).toBe(`✗ ${negative}${more}`);
      expect(after.notes[e(rowOf, "B01")]).toBe(`${NOTE_PREFIX}\n${heads[0]}${negative}\n${heads[1]}${approximate}`);
    }
  });
});

describe("flag notes in English", () => {
  it("read \"⚠ Warning: …\" with an English colon", () => {
    const { snapshot } = reportSnapshot(rongchang2024);
    const { plan } = planCheck({ sheets: [snapshot], activeSheet: snapshot.name }, { scope: "all", lang: "en" });
    const notes = plan.sheets.flatMap((s) => s.notes ?? []).map((n) => n.text.split("\n")[1]);
    expect(notes.length).toBeGreaterThan(0);
    for (const line of notes) expect(line).toMatch(/^[✗⚠ℹ] \w+: /);
  });
});
