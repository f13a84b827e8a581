import { SheetReader } from "../../../src/core/check-workbook";
import { consolidate, planConsolidation, readConsolidationSettings } from "../../../src/core/consolidate";
import { renderFinding } from "../../../src/core/findings/render";
import type { SheetSnapshot } from "../../../src/core/grid";
import { templateSheetPlan } from "../../../src/core/sheet/plan-template";
import { loadTemplateOrThrow } from "../../../src/core/template/from-data";
import { TemplateRegistry, standardTemplate } from "../../../src/core/template/registry";
import standard2024 from "../../../src/core/template/editions/standard-2024.json";
import { bazhou2023, rongchang2024, shuimogou2024, yuzhong2023 } from "../../fixtures/reports";
import { reportSheets } from "../../helpers/consolidate-reports";
import { snapshotFromPlan } from "../../helpers/plan-grid";

const renamed = (s: SheetSnapshot, name: string): SheetSnapshot => ({ ...s, name });
/** The meta row's district cell (B2) set to `district`. */
const withDistrict = (s: SheetSnapshot, district: string): SheetSnapshot => ({ ...s, values: s.values.map((row, r) => (r === 1 ? row.map((v, c) => (c === 1 ? district : v)) : row)) });

describe("gathering district sheets", () => {
  it("takes a district once: a second sheet of 荣昌区 2024 is a finding naming the sheet kept", () => {
    const [rc, yz] = reportSheets([rongchang2024, yuzhong2023]);
    const c = consolidate([{ snapshots: [rc, yz, renamed(rc, "荣昌区 2024 副本")], inWorkbook: true }])!;
    expect(c.districts.map((d) => d.name)).toEqual(["荣昌区", "渝中区"]);
    const dup = c.findings.filter((f) => f.code === "gather.duplicate");
    expect(dup).toHaveLength(1);
    expect(dup[0].sheet).toBe("荣昌区 2024 副本");
    expect(renderFinding(dup[0], c.template)).toBe("荣昌区 2024 年度已有工作表“荣昌区 2024”纳入汇总，本表未纳入");
    // The left-out copy is still checked: its own inconsistent rates are findings on its sheet.
    expect(c.findings.filter((f) => f.sheet === "荣昌区 2024 副本" && f.code === "rate.inconsistent")).toHaveLength(4);
  });

  it("prefers the sheet of the consolidation year when a district has several years", () => {
    const [yz] = reportSheets([yuzhong2023]);
    const yz2024 = { ...renamed(yz, "渝中区 2024"), values: yz.values.map((row, r) => (r === 1 ? row.map((v, c) => (c === 4 ? 2024 : v)) : row)) };
    const c = consolidate([{ snapshots: [yz, yz2024], inWorkbook: true }])!;
    expect(c.year).toBe(2024);
    expect(c.districts.map((d) => d.read.sheet)).toEqual(["渝中区 2024"]);
    expect(c.findings.find((f) => f.code === "gather.duplicate")?.sheet).toBe("渝中区 2023");
  });

  it("leaves out a sheet with no district name, with an error on its district cell", () => {
    const [rc, yz] = reportSheets([rongchang2024, yuzhong2023]);
    const c = consolidate([{ snapshots: [rc, withDistrict(yz, "")], inWorkbook: true }])!;
    expect(c.districts.map((d) => d.name)).toEqual(["荣昌区"]);
    const f = c.findings.filter((x) => x.sheet === "渝中区 2023" && (x.code === "gather.noDistrict" || x.code === "sheet.noDistrict"));
    expect(f.map((x) => [x.code, x.severity, x.cells[0]?.address])).toEqual([["gather.noDistrict", "error", "B2"]]);
  });

  it("leaves out a sheet of another edition and names both editions", () => {
    const older = loadTemplateOrThrow({ ...standard2024, version: "2023.1" });
    const registry = new TemplateRegistry([standardTemplate(), older]);
    const [rc, yz] = reportSheets([rongchang2024, yuzhong2023]);
    const old = { ...snapshotFromPlan(templateSheetPlan(older, { sheetName: "旧版", district: "大足区", year: 2024 }).plan) };
    const unknown = { ...snapshotFromPlan(templateSheetPlan(older, { sheetName: "未知版", district: "永川区", year: 2024 }).plan) };
    const unknownMarked = { ...unknown, values: unknown.values.map((row) => row.map((v) => (typeof v === "string" && v.startsWith("HUISHEN-TEMPLATE:") ? "HUISHEN-TEMPLATE:standard@1999.9" : v))) };
    const c = consolidate([{ snapshots: [rc, yz, old, unknownMarked], inWorkbook: true }], {}, new SheetReader(registry))!;
    expect(c.template.key).toBe("standard@2024.1");
    expect(c.districts.map((d) => d.name)).toEqual(["荣昌区", "渝中区"]);
    const editions = c.findings.filter((f) => f.code === "gather.otherEdition").map((f) => [f.sheet, renderFinding(f, c.template)]);
    expect(editions).toEqual(
      expect.arrayContaining([
        ["旧版", "本表使用模板 standard@2023.1，与汇总所用的 standard@2024.1 不同，未纳入汇总"],
        ["未知版", "本表使用模板 standard@1999.9，与汇总所用的 standard@2024.1 不同，未纳入汇总"],
      ]),
    );
    expect(editions).toHaveLength(2);
  });

  it("names the listed districts that sent nothing", () => {
    const sheets = reportSheets([rongchang2024, yuzhong2023, bazhou2023, shuimogou2024]);
    const c = consolidate([{ snapshots: sheets, inWorkbook: true }], { districtList: ["荣昌区", "渝中区", "大足区", " 永川区 ", ""] })!;
    const missing = c.findings.filter((f) => f.code === "gather.missingDistrict");
    expect(missing.map((f) => f.district)).toEqual(["大足区", "永川区"]);
    expect(missing.map((f) => renderFinding(f, c.template, "en"))).toEqual(['"大足区" is on the district list but has no sheet', '"永川区" is on the district list but has no sheet']);
  });

  it("gathers from files too, and gives the same ids as when the sheets are in the workbook", () => {
    const [rc, yz] = reportSheets([rongchang2024, yuzhong2023]);
    const inBook = consolidate([{ snapshots: [rc, yz], inWorkbook: true }])!;
    const fromFiles = consolidate([
      { snapshots: [], inWorkbook: true },
      { snapshots: [rc], file: "荣昌.xlsx", inWorkbook: false },
      { snapshots: [yz], file: "渝中.xlsx", inWorkbook: false },
    ])!;
    expect(fromFiles.districts.map((d) => [d.name, d.file, d.inWorkbook])).toEqual([
      ["荣昌区", "荣昌.xlsx", false],
      ["渝中区", "渝中.xlsx", false],
    ]);
    expect(fromFiles.findings.map((f) => f.id).sort()).toEqual(inBook.findings.map((f) => f.id).sort());
  });

  it("keeps the options it ran with in the summary, so a later re-check finds the same findings", () => {
    const sheets = reportSheets([rongchang2024, yuzhong2023]);
    const options = { city: "重庆市", districtList: ["荣昌区", "渝中区", "大足区"] };
    const c = consolidate([{ snapshots: sheets, inWorkbook: true }], options)!;
    const summary = planConsolidation(c, sheets).sheets.find((s) => s.name === "汇总表")!;
    const written = [...sheets, snapshotFromPlan(summary)];
    expect(readConsolidationSettings(written)).toEqual({ ...options, year: 2024, normalisation: undefined });
    expect(readConsolidationSettings(sheets)).toBeUndefined();
    const again = consolidate([{ snapshots: written, inWorkbook: true }], readConsolidationSettings(written))!;
    expect(again.findings.map((f) => f.id)).toEqual(c.findings.map((f) => f.id));
  });

  it("has nothing to consolidate without a template sheet", () => {
    expect(consolidate([{ snapshots: [{ name: "Sheet1", values: [["hello"]] }], inWorkbook: true }])).toBeUndefined();
  });
});
