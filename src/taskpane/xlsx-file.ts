/**
 * A district's .xlsx read in the pane with ExcelJS (the browser build; see webpack.config.js).
 * Loaded on demand (`import()` in district-file.ts), so ExcelJS stays out of the pane's first bundle.
 */
import type { SheetSnapshot } from "../core/grid";
import { openWorkbook, XlsxReadError, type Hint } from "../adapters/xlsx/read";
import { snapshotWorkbook } from "../adapters/xlsx/snapshot";

export type XlsxOutcome =
  | { readonly ok: true; readonly sheets: SheetSnapshot[] }
  | { readonly ok: false; readonly reason: "notXlsx" | "unreadable"; readonly hint?: Hint };

/** Every sheet of the workbook in `bytes` as a snapshot, or why it cannot be read. */
export async function snapshotXlsx(bytes: Uint8Array, name: string): Promise<XlsxOutcome> {
  try {
    const wb = await openWorkbook(bytes, name);
    return { ok: true, sheets: snapshotWorkbook(wb) };
  } catch (e) {
    if (e instanceof XlsxReadError) return { ok: false, reason: e.reason === "notXlsx" ? "notXlsx" : "unreadable", hint: e.hint };
    return { ok: false, reason: "unreadable", hint: e instanceof Error ? { zh: e.message, en: e.message } : undefined };
  }
}
