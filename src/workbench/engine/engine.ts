/**
 * The workbench's engine: the workbooks a person opened, as ExcelJS workbooks, and what the page asks
 * of them — snapshots for the core, write plans applied, sheets copied in, bytes to download. It runs
 * in the page's Web Worker (worker.ts); tests call it directly. It never sees the original files:
 * it holds copies of their bytes, so nothing a person opened is ever changed.
 */
import type * as ExcelJS from "exceljs";
import { analyzeWorkbook } from "../../core/analysis";
import { countBySeverity } from "../../core/findings/finding";
import type { ApplyStats, WorkbookRead } from "../../core/host";
import type { WritePlan } from "../../core/plan/write-plan";
import { safeSheetName } from "../../core/sheet/layout";
import { findMarker } from "../../core/sheet/read-template";
import { blankTemplateWorkbook } from "../../adapters/xlsx/blank-template";
import { applyPlan, copyWorksheet, newWorkbook, openWorkbook, snapshotWorkbook, toBuffer } from "../../adapters/xlsx";
import { readFailure, snapshotFile } from "../../adapters/xlsx/snapshot-file";
import type { BlankTemplate, EngineApi, Opened, WorkbookSummary } from "./protocol";

function asBytes(buf: Uint8Array): Uint8Array {
  // A Node Buffer (or the `buffer` package's) is a Uint8Array subclass; the page wants a plain one.
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** The sheet a person last looked at: the workbook's saved active tab, else the first visible sheet. */
function activeSheetOf(wb: ExcelJS.Workbook): string {
  const visible = wb.worksheets.filter((ws) => ws.state === "visible");
  const tab = wb.views?.[0]?.activeTab;
  const saved = typeof tab === "number" ? wb.worksheets[tab] : undefined;
  return (saved && saved.state === "visible" ? saved : visible[0] ?? wb.worksheets[0])?.name ?? "";
}

function summaryOf(wb: ExcelJS.Workbook): WorkbookSummary {
  const sheets = snapshotWorkbook(wb);
  const templateSheets = sheets.filter((s) => findMarker(s) !== undefined).map((s) => s.name);
  return { templateSheets, counts: countBySeverity(templateSheets.length > 0 ? analyzeWorkbook(sheets).findings : []) };
}

export function createEngine(): EngineApi {
  const workbooks = new Map<string, ExcelJS.Workbook>();
  const get = (id: string): ExcelJS.Workbook => {
    const wb = workbooks.get(id);
    // Only a defect of the page gets here (an id it never opened): technical words, which the page puts
    // after "汇审引擎出错：" in the reader's language (EngineError).
    if (!wb) throw new Error(`no open workbook "${id}"`);
    return wb;
  };

  return {
    async open(id, name, bytes): Promise<Opened> {
      let wb: ExcelJS.Workbook;
      try {
        // Every sheet kept: the workbook is written back whole when a person downloads it.
        wb = await openWorkbook(bytes, name, { scope: "all" });
      } catch (e) {
        return { ok: false, ...readFailure(e) };
      }
      workbooks.set(id, wb);
      return { ok: true, ...summaryOf(wb) };
    },

    async summary(id) {
      return summaryOf(get(id));
    },

    async create(id) {
      workbooks.set(id, newWorkbook());
    },

    async read(id, sheets): Promise<WorkbookRead> {
      const wb = get(id);
      return {
        sheets: snapshotWorkbook(wb, sheets ? { sheets } : undefined),
        activeSheet: activeSheetOf(wb),
        hiddenSheets: wb.worksheets.filter((ws) => ws.state !== "visible").map((ws) => ws.name),
      };
    },

    async sheetNames(id) {
      return get(id).worksheets.map((ws) => ws.name);
    },

    async apply(id, plan: WritePlan): Promise<ApplyStats> {
      const report = await applyPlan(get(id), plan);
      return { syncs: 0, cellsWritten: report.cellsWritten, chunks: 1, notesAs: "notes", notesWritten: report.notes, notesSkipped: 0, validationsSkipped: 0 };
    },

    async insertSheets(id, bytes, sheetNames) {
      const target = get(id);
      const source = await openWorkbook(bytes, "(file)", { scope: "all" });
      const names: string[] = [];
      for (const wanted of sheetNames) {
        const ws = source.worksheets.find((s) => s.name === wanted);
        if (!ws) continue;
        // As Excel names an inserted sheet whose name is taken: "荣昌区 2024 (2)".
        const name = safeSheetName(wanted, target.worksheets.map((s) => s.name));
        copyWorksheet(ws, target, name);
        names.push(name);
      }
      return names;
    },

    async save(id) {
      return asBytes(await toBuffer(get(id)));
    },

    async close(id) {
      workbooks.delete(id);
    },

    snapshotFile: (name, bytes) => snapshotFile(bytes, name),

    async blankTemplate(district, year, lang): Promise<BlankTemplate> {
      const { workbook, sheetName, change } = await blankTemplateWorkbook(district, year, undefined, lang);
      return { bytes: asBytes(await toBuffer(workbook)), sheetName, ...(change ? { change } : {}) };
    },
  };
}
