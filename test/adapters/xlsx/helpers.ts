/** Shared helpers for the .xlsx adapter tests: temp dirs, reading raw parts of a saved file. */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { inflateRawSync } from "zlib";
import type * as ExcelJS from "exceljs";
import type { CellWrite, ChartSpec, SheetPlan } from "../../../src/core/plan/write-plan";
import { templateSheetPlan } from "../../../src/core/sheet/plan-template";
import { standardTemplate } from "../../../src/core/template/registry";
import { rongchang2024, shuimogou2024, yuzhong2023, type ReportFixture } from "../../fixtures/reports";

/** A fresh temp dir per test file; removed by the returned cleanup. */
export function tempDir(prefix = "huishen-xlsx-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * One part of a zip package as text (e.g. "xl/worksheets/sheet1.xml"), read through the
 * central directory: enough to assert on the XML ExcelJS wrote without another dependency.
 */
export function zipPart(zip: Buffer, name: string): string | undefined {
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip");
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let e = 0; e < entries; e++) {
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const entryName = zip.toString("utf8", p + 46, p + 46 + nameLen);
    if (entryName === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      return (method === 0 ? data : inflateRawSync(data)).toString("utf8");
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return undefined;
}

/** The text of an ExcelJS note, whether set as a string or read back as a model. */
export function noteText(cell: ExcelJS.Cell): string | undefined {
  const n = cell.note as unknown;
  if (n === undefined || n === null) return undefined;
  if (typeof n === "string") return n;
  const texts = (n as { texts?: { text: string }[] }).texts;
  return texts?.map((t) => t.text).join("");
}

/** The solid fill colour (ARGB) of a cell, or undefined. */
export function fillColour(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  if (!f || f.type !== "pattern" || f.pattern !== "solid") return undefined;
  return f.fgColor?.argb;
}

export interface DataValidationsLike {
  model: Record<string, ExcelJS.DataValidation | undefined>;
}

/** `ws.dataValidations` exists at run time but not in ExcelJS 4.4's type declarations. */
export function validationsOf(ws: ExcelJS.Worksheet): DataValidationsLike["model"] {
  return (ws as unknown as { dataValidations: DataValidationsLike }).dataValidations.model;
}

export function protectionOf(ws: ExcelJS.Worksheet): Record<string, unknown> | null | undefined {
  return (ws as unknown as { sheetProtection?: Record<string, unknown> | null }).sheetProtection;
}

// ---------------------------------------------------------------------------------------------
// A consolidation summary sheet over real reports (shared with test/adapters/office)

/** The three real reports that state 行政复议申请 (E01): 荣昌区 2024 337, 渝中区 2023 159, 水磨沟区 2024 133. */
export const E01_REPORTS = [rongchang2024, yuzhong2023, shuimogou2024] as const;

export const SUMMARY_SHEET = "汇总表";
export const SUMMARY_SCALE = { range: "B4:B6", low: "#F8696B", mid: "#FFEB84", high: "#63BE7B" } as const;
export const SUMMARY_CHART: ChartSpec = {
  name: "E01排名",
  title: "行政复议申请（件）",
  categories: "A4:A6",
  values: "B4:B6",
  seriesName: "行政复议申请",
  from: "E3",
  to: "L20",
};

/** The template sheet name of a report, as `buildReportsWorkbook` names it. */
export function districtSheet(r: ReportFixture): string {
  return `${r.district} ${r.year}`;
}

/** 1-based row of an indicator on a standard template sheet (E01 → 63), found by its code cell. */
export function templateRow(code: string): number {
  const { plan } = templateSheetPlan(standardTemplate(), { sheetName: "S" });
  const cell = plan.cells?.find((c) => c.value === code && c.address.startsWith("A"));
  if (!cell) throw new Error(`no row for ${code}`);
  return Number(cell.address.slice(1));
}

/** The report's E01 (a plain number in all three). */
export function e01(r: ReportFixture): number {
  const f = r.figures.find((x) => x.code === "E01");
  if (typeof f?.thisYear !== "number") throw new Error(`${r.id}: E01 is not a number`);
  return f.thisYear;
}

/**
 * A summary sheet as the consolidation writes one: per district its E01 as a formula into the
 * district's sheet (cached result = the report's figure), a HYPERLINK back to the cell, a colour
 * scale over the figures and a bar chart of them.
 */
export function e01SummaryPlan(mode: SheetPlan["mode"], extra: Partial<SheetPlan> = {}): SheetPlan {
  const row = templateRow("E01");
  const cells: CellWrite[] = [
    { address: "A1", value: "行政复议申请 汇总", style: { bold: true, fontSize: 14 } },
    { address: "A3", value: "区县", style: { bold: true } },
    { address: "B3", value: "行政复议申请（件）", style: { bold: true } },
    { address: "C3", value: "来源", style: { bold: true } },
  ];
  E01_REPORTS.forEach((r, i) => {
    const n = 4 + i;
    const sheet = districtSheet(r);
    cells.push(
      { address: `A${n}`, value: r.district },
      { address: `B${n}`, formula: `'${sheet}'!E${row}`, result: e01(r), numberFormat: "0" },
      { address: `C${n}`, formula: `HYPERLINK("#'${sheet}'!E${row}","E${row}")`, result: `E${row}` },
    );
  });
  return { name: SUMMARY_SHEET, mode, cells, colorScales: [{ ...SUMMARY_SCALE }], charts: [SUMMARY_CHART], ...extra };
}
