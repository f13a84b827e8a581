/**
 * An .xlsx file's sheets as snapshots, or why it cannot be read, as the pane and the workbench list
 * a district file: in the pane's own chunk (district-file.ts loads it on demand) or in the workbench's
 * worker. Read from the sheets' XML (`snapshotBytes`): no workbook is built for a file only read.
 */
import type { FileSnapshot } from "../../core/host";
import { snapshotBytes, XlsxReadError } from "./read-package";

export async function snapshotFile(bytes: Uint8Array, name: string): Promise<FileSnapshot> {
  try {
    return { ok: true, sheets: snapshotBytes(bytes, name) };
  } catch (e) {
    return { ok: false, ...readFailure(e) };
  }
}

/** Why a file could not be opened, in the two kinds the pane names. */
export function readFailure(e: unknown): Omit<Extract<FileSnapshot, { ok: false }>, "ok"> {
  if (e instanceof XlsxReadError) return { reason: e.reason === "notXlsx" ? "notXlsx" : "unreadable", hint: e.hint };
  return { reason: "unreadable", hint: e instanceof Error ? { zh: e.message, en: e.message } : undefined };
}
