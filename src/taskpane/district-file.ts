/**
 * District files picked in the 汇总 section: read in the pane (ExcelJS, loaded on first use), their
 * template sheets found by marker, kept with their bytes so they can be inserted into the workbook.
 */
import type { SheetSnapshot } from "../core/grid";
import type { WorkbookHost } from "../core/host";
import { findMarker } from "../core/sheet/read-template";

export type FileProblem = "notXlsx" | "unreadable" | "noTemplate";

interface FileBase {
  /** Unique within the pane (two picks of the same name are two entries). */
  readonly id: string;
  readonly name: string;
}

export type PickedFile =
  | (FileBase & { readonly status: "reading" })
  | (FileBase & {
      readonly status: "ok";
      readonly sheets: readonly SheetSnapshot[];
      /** Sheets carrying Huishen's marker, in tab order: what is consolidated (and inserted). */
      readonly templateSheets: readonly string[];
      readonly bytes: Uint8Array;
    })
  | (FileBase & { readonly status: "error"; readonly problem: FileProblem; readonly detail?: { readonly zh: string; readonly en: string } });

export type ReadyFile = Extract<PickedFile, { status: "ok" }>;

/** Names of the sheets that carry Huishen's template marker (readable or not: the consolidation reports the rest). */
export function templateSheetNames(sheets: readonly SheetSnapshot[]): string[] {
  return sheets.filter((s) => findMarker(s) !== undefined).map((s) => s.name);
}

/** A file's bytes: `Blob.arrayBuffer` where the browser has it, else a FileReader. */
export function bytesOf(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(file);
  });
}

type SnapshotFile = NonNullable<WorkbookHost["snapshotFile"]>;

/** ExcelJS in a chunk of the pane's own, loaded on the first file a person picks. */
const snapshotInPane: SnapshotFile = async (name, bytes) => (await import(/* webpackChunkName: "xlsx" */ "../adapters/xlsx/snapshot-file")).snapshotFile(bytes, name);

/**
 * Read a picked file into the entry the pane lists: its template sheets, or why it cannot be used.
 * Read by the host where it can (the workbench's worker), else in the pane.
 */
export async function readDistrictFile(id: string, file: File, snapshot: SnapshotFile = snapshotInPane): Promise<Exclude<PickedFile, { status: "reading" }>> {
  let bytes: Uint8Array;
  try {
    bytes = await bytesOf(file);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { id, name: file.name, status: "error", problem: "unreadable", detail: { zh: detail, en: detail } };
  }
  const read = await snapshot(file.name, bytes);
  if (!read.ok) return { id, name: file.name, status: "error", problem: read.reason, detail: read.hint };
  const templateSheets = templateSheetNames(read.sheets);
  if (templateSheets.length === 0) return { id, name: file.name, status: "error", problem: "noTemplate" };
  return { id, name: file.name, status: "ok", sheets: read.sheets, templateSheets, bytes };
}

/** Bytes as base64 (what `insertWorksheetsFromBase64` takes), in slices so large files do not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  return btoa(binary);
}
