import { addressOf } from "../../../src/core/grid";
import { findMarker, identifyTemplateSheet, readTemplateSheet } from "../../../src/core/sheet/read-template";
import { templateSheetPlan } from "../../../src/core/sheet/plan-template";
import { COL, safeSheetName } from "../../../src/core/sheet/layout";
import { builtinRegistry, standardTemplate } from "../../../src/core/template/registry";
import { TemplateRegistry } from "../../../src/core/template/registry";
import { checkWorkbook, SheetReader } from "../../../src/core/check-workbook";
import { rongchang2024 } from "../../fixtures/reports";
import { reportSnapshot } from "../../helpers/report-sheets";
import { snapshotFromPlan } from "../../helpers/plan-grid";

const t = standardTemplate();

describe("the template sheet plan", () => {
  const { plan, rowOf } = templateSheetPlan(t, { sheetName: "荣昌区 2024", district: "荣昌区", year: 2024 });
  const cell = (address: string) => plan.cells!.find((c) => c.address === address);

  it("has one row per indicator, grouped under its dimension, in template order", () => {
    expect(rowOf.size).toBe(92);
    // 4 fixed rows, then 8 dimension rows interleaved: A01 sits after the A heading.
    expect(rowOf.get("A01")).toBe(5);
    expect(rowOf.get("B01")).toBe(5 + 8 + 1);
    expect(cell(`A${rowOf.get("B01")!}`)!.value).toMatch(/^B 政务服务与营商环境/);
  });

  it("is a 统计报表: identification from the edition, reporting unit, year and units, a footer to sign and date", () => {
    expect(cell("H1")!.value).toBe("表号：法治 1 表\n制定机关：市委全面依法治市委员会办公室");
    expect(cell("A2")!.value).toBe("填报单位\n（盖章）");
    expect([cell("B2")!.value, cell("E2")!.value]).toEqual(["荣昌区", 2024]);
    expect([cell("G2")!.value, cell("H2")!.value]).toEqual(["计量单位", "见各指标“单位”栏，金额为万元"]);
    const last = Math.max(...rowOf.values()) + 1; // 1-based last indicator row
    const labels = plan.cells!.filter((c) => Number(c.address.replace(/^[A-Z]+/, "")) > last && typeof c.value === "string").map((c) => c.value);
    expect(labels).toEqual(["单位负责人：", "统计负责人：", "填表人：", "联系电话：", "报出日期："]);
    const date = plan.inputRules!.find((r) => r.type === "date")!;
    expect(date).toMatchObject({ operator: "between", min: 36526, max: 73415, errorStyle: "stop" });
    expect(cell(date.range)).toMatchObject({ numberFormat: 'yyyy"年"m"月"d"日"', style: { locked: false } });
  });

  it("hides the dimension column (each section header names it), keeps names Chinese, sizes wrapped rows, prints A4 portrait one page wide", () => {
    expect(plan.columns!.find((c) => c.index === COL.dimension)).toMatchObject({ hidden: true });
    expect(cell(`C${rowOf.get("E03")! + 1}`)!.value).toBe("行政复议审结率");
    expect(templateSheetPlan(t, { sheetName: "x", lang: "en" }).plan.cells!.find((c) => c.address === `C${rowOf.get("E03")! + 1}`)!.value).toBe("行政复议审结率\nReconsideration conclusion rate");
    // The instructions run over two lines at the sheet's width: the row is two lines tall.
    expect(plan.rows!.find((r) => r.index === 2)!.height).toBe(33);
    expect(plan.print).toEqual({ orientation: "portrait", titleRows: { first: 3, last: 3 }, area: expect.stringMatching(/^A1:I\d+$/), header: "法治政府建设年度指标（2024 版）填报表" });
  });

  it("reads the district of a sheet written before the form layout (labelled 区县)", () => {
    const snapshot = snapshotFromPlan(plan);
    const values = snapshot.values.map((r) => [...r]);
    values[1][0] = "区县 District";
    const read = readTemplateSheet({ ...snapshot, values }, builtinRegistry());
    expect(read.ok && read.value.district).toBe("荣昌区");
  });

  it("writes a live rate formula over this year's numerator and denominator, blank until both are filled", () => {
    const r = rowOf.get("E03")! + 1;
    const e01 = rowOf.get("E01")! + 1;
    const e02 = rowOf.get("E02")! + 1;
    expect(cell(`G${r}`)).toMatchObject({ formula: `IF(OR(E${e02}="",E${e01}=""),"",IFERROR(E${e02}/E${e01},""))`, numberFormat: "0.00%" });
    expect(cell(`G${rowOf.get("B14")! + 1}`)!.formula).toBeUndefined();
  });

  it("unlocks only the inputs (district, year, both values, remarks) and protects the sheet", () => {
    const unlocked = plan.cells!.filter((c) => c.style?.locked === false).map((c) => c.address.replace(/\d+/, ""));
    // B:C district, E year and both values, I remarks; D:E and G:H the footer's names, telephone and date.
    expect(new Set(unlocked)).toEqual(new Set(["B", "C", "D", "E", "F", "G", "H", "I"]));
    expect(plan.protect).toBe(true);
    expect(cell(`A${rowOf.get("E03")! + 1}`)!.style?.locked).toBeUndefined();
  });

  it("validates inputs by kind: whole counts ≥ 0, rates between 0 and 100 %, a four-digit year", () => {
    const v = (code: string) => plan.inputRules!.find((x) => x.range.startsWith(`E${rowOf.get(code)! + 1}:`))!;
    expect(v("E01")).toMatchObject({ type: "whole", min: 0, errorStyle: "warning" });
    expect(v("E03")).toMatchObject({ type: "decimal", min: 0, max: 1 });
    expect(v("G09")).toMatchObject({ type: "decimal", min: 0 });
    expect(plan.inputRules!.find((x) => x.range === "E2")).toMatchObject({ type: "whole", min: 2000, max: 2100 });
  });

  it("carries a hidden marker naming the template id and version", () => {
    expect(cell("J1")!.value).toBe("HUISHEN-TEMPLATE:standard@2024.1");
    expect(plan.columns!.find((c) => c.index === 9)!.hidden).toBe(true);
    expect(findMarker(snapshotFromPlan(plan))).toMatchObject({ id: "standard", version: "2024.1", row: 0, col: 9 });
  });

  it("reads back its own district and year", () => {
    const read = readTemplateSheet(snapshotFromPlan(plan), builtinRegistry());
    expect(read.ok && [read.value.district, read.value.year, read.value.entries.size, read.value.missing]).toEqual(["荣昌区", 2024, 92, []]);
  });

  it("is identified (edition, district, year, their cells) without its rows being read, as the full read finds them", () => {
    const { snapshot } = reportSnapshot(rongchang2024);
    const identity = identifyTemplateSheet(snapshot, builtinRegistry());
    const read = readTemplateSheet(snapshot, builtinRegistry());
    if (!identity.ok || !read.ok) throw new Error("unread");
    expect([identity.value.district, identity.value.year, identity.value.template.key, identity.value.columns]).toEqual(["荣昌区", 2024, read.value.template.key, read.value.columns]);
    const at = (p: { row: number; col: number } | undefined) => p && addressOf(p.row, p.col);
    expect([at(identity.value.districtAt), at(identity.value.yearAt)]).toEqual([read.value.districtCell?.address, read.value.yearCell?.address]);
    expect([read.value.districtCell?.address, read.value.yearCell?.address]).toEqual([expect.stringMatching(/^[A-Z]+\d+$/), expect.stringMatching(/^[A-Z]+\d+$/)]);
    expect(identifyTemplateSheet({ name: "封面", values: [["说明"]] }, builtinRegistry())).toEqual({ ok: false, error: { reason: "noMarker", sheet: "封面" } });
  });
});

describe("reading a filled sheet back", () => {
  it("locates rows by code, so inserted, hidden and re-sorted rows still read", () => {
    const { snapshot } = reportSnapshot(rongchang2024);
    const n = snapshot.values.length;
    // A person sorted the body by indicator name descending, inserted a note row and hid a row.
    const order = [...Array(n - 4).keys()].map((i) => i + 4).sort((a, b) => String(snapshot.values[b][COL.name]).localeCompare(String(snapshot.values[a][COL.name])));
    const rows = [0, 1, 2, 3, -1, ...order];
    const moved = {
      ...snapshot,
      values: rows.map((r) => (r < 0 ? ["", "", "我加的说明行"] : snapshot.values[r])),
      numberFormats: rows.map((r) => (r < 0 ? [] : snapshot.numberFormats[r])),
      hiddenRows: [10],
    };
    const before = checkWorkbook([snapshot]).findings.map((f) => f.id).sort();
    const after = checkWorkbook([moved]).findings;
    expect(after.map((f) => f.id).sort()).toEqual(before);
    const e03 = after.find((f) => f.code === "rate.inconsistent" && f.codes[2] === "E03")!;
    const row = Number(e03.cells[0].address.slice(1)) - 1;
    expect(moved.values[row][COL.code]).toBe("E03");
  });

  it("reads a code typed in lower case or with spaces around it as the template's code", () => {
    const { snapshot } = reportSnapshot(rongchang2024);
    const rowOfCode = (s: typeof snapshot, code: string) => s.values.findIndex((r) => r[COL.code] === code);
    const e03 = rowOfCode(snapshot, "E03");
    const retyped = { ...snapshot, values: snapshot.values.map((r, i) => (i === e03 ? Object.assign([...r], { [COL.code]: " e03 " }) : r)) };
    const read = readTemplateSheet(retyped, builtinRegistry());
    if (!read.ok) throw new Error("unread");
    expect(read.value.missing).toEqual([]);
    expect(read.value.entries.rowAt(read.value.entries.positionOf("E03"))).toBe(e03);
    expect(checkWorkbook([retyped]).findings.map((f) => f.id)).toEqual(checkWorkbook([snapshot]).findings.map((f) => f.id));
  });

  it("finds every indicator row a person's merge covers the inputs of, and nothing for merges elsewhere", () => {
    const { snapshot } = reportSnapshot(rongchang2024);
    const row = (code: string) => snapshot.values.findIndex((r) => r[COL.code] === code) + 1;
    const col = (c: number) => String.fromCharCode(65 + c);
    const last = snapshot.values.reduce((n, r, i) => (typeof r[COL.code] === "string" && /^[A-Z]\d\d$/.test(r[COL.code] as string) ? i + 1 : n), 0);
    const merges = [
      `${col(COL.thisYear)}${row("E02")}:${col(COL.thisYear)}${row("E04")}`, // three rows' this-year cells
      `${col(COL.lastYear)}${last - 1}:${col(COL.lastYear)}${last + 3}`, // the last two indicator rows and below
      `A1:${col(COL.check)}1`, // the title, above the header
      `${col(COL.remarks)}${row("E02")}:${col(COL.remarks)}${row("E05")}`, // remarks only: no input
    ];
    const read = readTemplateSheet({ ...snapshot, merges }, builtinRegistry());
    if (!read.ok) throw new Error("unread");
    const codeAt = (r: number) => snapshot.values[r - 1][COL.code];
    expect(read.value.mergedInputs.map((m) => [m.range, m.codes])).toEqual([
      [merges[0], ["E02", "E03", "E04"]],
      [merges[1], [codeAt(last - 1), codeAt(last)]],
    ]);
    expect(read.value.mergedInputs[0].cells.map((c) => c.address)).toEqual([row("E02"), row("E03"), row("E04")].map((r) => `${col(COL.thisYear)}${r}`));
  });

  it("gives the same finding ids when the same workbook is validated again", () => {
    const a = checkWorkbook([reportSnapshot(rongchang2024).snapshot]).findings.map((f) => f.id);
    const b = checkWorkbook([reportSnapshot(rongchang2024).snapshot]).findings.map((f) => f.id);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
  });

  it("keeps a finding's id when its figure is corrected, but changes the value signature", () => {
    const find = (v: number) =>
      checkWorkbook([reportSnapshot(rongchang2024, (values, rowOf) => (values[rowOf.get("E02")!][COL.thisYear] = v)).snapshot]).findings.find((f) => f.code === "rate.inconsistent" && f.codes[2] === "E03")!;
    const a = find(283);
    const b = find(280);
    expect(b.id).toBe(a.id);
    expect(b.valueKey).not.toBe(a.valueKey);
  });

  it("reports a sheet of an unknown template version, and ignores sheets without a marker", () => {
    const { snapshot } = reportSnapshot(rongchang2024);
    const other = { ...snapshot, name: "旧版", values: snapshot.values.map((r, i) => (i === 0 ? r.map((v) => (v === "HUISHEN-TEMPLATE:standard@2024.1" ? "HUISHEN-TEMPLATE:standard@2019.1" : v)) : r)) };
    const run = checkWorkbook([{ name: "封面", values: [["说明"]] }, other]);
    expect(run.sheets).toEqual([]);
    expect(run.failures).toEqual([{ reason: "unknownTemplate", sheet: "旧版", id: "standard", version: "2019.1", knownVersions: ["2024.1"] }]);
    expect(checkWorkbook([other], new SheetReader(new TemplateRegistry())).failures[0]).toMatchObject({ knownVersions: [] });
  });

  it("warns about a deleted indicator row and a duplicated one", () => {
    const { snapshot, rowOf } = reportSnapshot(rongchang2024);
    const values = snapshot.values.filter((_, i) => i !== rowOf.get("H06"));
    values.push([...snapshot.values[rowOf.get("A01")!]]);
    const codes = checkWorkbook([{ ...snapshot, values }]).findings.filter((f) => f.code.startsWith("sheet.")).map((f) => `${f.code}@${f.codes[0]}`);
    expect(codes.sort()).toEqual(["sheet.duplicateIndicator@A01", "sheet.missingIndicator@H06"]);
  });

  it("lists duplicated codes in the order of their first rows, each with every row it is on", () => {
    const { snapshot, rowOf } = reportSnapshot(rongchang2024);
    // B02 repeated before A01 is: still listed after A01, whose first row comes first.
    const values = [...snapshot.values, [...snapshot.values[rowOf.get("B02")!]], [...snapshot.values[rowOf.get("A01")!]], [...snapshot.values[rowOf.get("B02")!]]];
    const read = readTemplateSheet({ ...snapshot, values }, builtinRegistry());
    if (!read.ok) throw new Error("unread");
    const n = snapshot.values.length;
    expect(read.value.duplicates).toEqual([
      { code: "A01", rows: [rowOf.get("A01"), n + 1] },
      { code: "B02", rows: [rowOf.get("B02"), n, n + 2] },
    ]);
  });
});

describe("sheet names", () => {
  it("makes a unique, Excel-safe name", () => {
    expect(safeSheetName("荣昌区 2024", ["荣昌区 2024"])).toBe("荣昌区 2024 (2)");
    expect(safeSheetName("a/b:c", [])).toBe("a-b-c");
    expect(safeSheetName("x".repeat(40), [])).toHaveLength(31);
  });
});
