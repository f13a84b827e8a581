import type { SheetSnapshot } from "./grid";
import type { WritePlan } from "./plan/write-plan";

/**
 * What the task pane's sections need from a workbook host. Two hosts implement it: Excel, through
 * the add-in's adapter (src/adapters/office), and a file opened in the offline workbench page
 * (src/workbench, over the xlsx adapter in a Web Worker). Components receive a host as a prop,
 * tests a fake.
 */
export interface HostCapabilities {
  /** ExcelApi 1.18: cell notes. */
  readonly notes: boolean;
  /** ExcelApi 1.10: comments, the fallback for notes. */
  readonly comments: boolean;
  /** ExcelApi 1.9: `getCellProperties` / `setCellProperties` for whole ranges in one call. */
  readonly cellProperties: boolean;
  /** ExcelApi 1.13: `insertWorksheetsFromBase64`. */
  readonly insertFromBase64: boolean;
  /** ExcelApi 1.8: data validation. Optional; undefined counts as supported (the manifest floor is 1.7, Excel 2019 has 1.8). */
  readonly dataValidation?: boolean;
  /** ExcelApi 1.13: `Range.getMergedAreasOrNullObject`, so a merge over input cells is found. Optional; undefined counts as unsupported. */
  readonly mergedAreas?: boolean;
  /** ExcelApi 1.9: `Worksheet.pageLayout`, so sheets print one page wide with their header rows repeated. Optional; undefined counts as unsupported. */
  readonly pageLayout?: boolean;
  /** A person types into the workbook and `onSheetChanged` reports it (live checking). Optional; undefined counts as yes (Excel). */
  readonly edits?: boolean;
}

export interface WorkbookRead {
  readonly sheets: readonly SheetSnapshot[];
  readonly activeSheet: string;
  /** Optional: names of the sheets read that are hidden or very hidden. */
  readonly hiddenSheets?: readonly string[];
}

export interface ApplyStats {
  readonly syncs: number;
  readonly cellsWritten: number;
  readonly chunks: number;
  /** Optional: how the plan's notes were written — cell notes (1.18), comments (1.10), or not at all (the check column carries the text). */
  readonly notesAs?: "notes" | "comments" | "none";
  /** Optional: notes written (as notes or comments). */
  readonly notesWritten?: number;
  /** Optional: notes not written — no notes/comments API, or a person's own comment already on the cell. */
  readonly notesSkipped?: number;
  /** Optional: validations not applied because the host lacks ExcelApi 1.8. */
  readonly validationsSkipped?: number;
}

/** An .xlsx file's sheets read for the pane (a district file to consolidate), or why they cannot be. */
export type FileSnapshot =
  | { readonly ok: true; readonly sheets: SheetSnapshot[] }
  | { readonly ok: false; readonly reason: "notXlsx" | "unreadable"; readonly hint?: { readonly zh: string; readonly en: string } };

export interface WorkbookHost {
  readonly capabilities: HostCapabilities;
  /** Every sheet (or the named ones), values, number formats, fills and notes, in one round trip. */
  read(opts?: { readonly sheets?: readonly string[] }): Promise<WorkbookRead>;
  /** Names of all sheets, in order (cheap: no cell data). */
  sheetNames(): Promise<string[]>;
  /** Apply a write plan in as few syncs as the payload allows. */
  apply(plan: WritePlan, onProgress?: (done: number, total: number) => void): Promise<ApplyStats>;
  /** Select cells (the first one activated) on a sheet, activating the sheet. */
  select(sheet: string, addresses: readonly string[]): Promise<void>;
  /**
   * Insert sheets of another workbook (an .xlsx as base64) at the end of this one, in one round trip;
   * resolves to the names Excel gave them (a clashing name gets a suffix, e.g. "荣昌区 2024 (2)").
   * Only where `capabilities.insertFromBase64` (ExcelApi 1.13); optional for hosts without it.
   */
  insertSheets?(file: { readonly name: string; readonly base64: string }, sheetNames: readonly string[]): Promise<string[]>;
  /**
   * Read a file's sheets off the page's main thread. Optional: the workbench does it in its worker;
   * without it the pane reads the file itself.
   */
  snapshotFile?(name: string, bytes: Uint8Array): Promise<FileSnapshot>;
  /** Call `handler` with the sheet's name after a person edits it; resolves to an unsubscribe. */
  onSheetChanged(handler: (sheet: string) => void): Promise<() => Promise<void>>;
}
