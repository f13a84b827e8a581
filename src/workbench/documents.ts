/**
 * The workbooks open in the workbench, as the page lists them, and the file names it gives them.
 * Pure: no engine, no React (useDocuments.ts holds them in state).
 */
import type { Severity } from "../core/template/schema";
import type { WorkbookSummary } from "./engine/protocol";

export type DocProblem = "notXlsx" | "unreadable" | "legacy";

interface DocBase {
  readonly id: string;
  /** The file's name, or the name given to a new workbook. */
  readonly name: string;
}

export type Doc =
  | (DocBase & { readonly status: "reading" })
  | (DocBase & { readonly status: "error"; readonly problem: DocProblem; readonly hint?: { readonly zh: string; readonly en: string } })
  | (DocBase & {
      readonly status: "open";
      /** Opened from a file a person chose, or started in the page. */
      readonly origin: "file" | "new";
      readonly templateSheets: readonly string[];
      readonly counts: Readonly<Record<Severity, number>>;
      /** The file as it was chosen (never changed): what a consolidation inserts. */
      readonly bytes?: Uint8Array;
      /** Written to since it was opened or last downloaded. */
      readonly dirty: boolean;
    });

export type OpenDoc = Extract<Doc, { status: "open" }>;

export function isOpen(d: Doc): d is OpenDoc {
  return d.status === "open";
}

/** WPS's own spreadsheet formats and legacy Excel: WPS saves them as .xlsx on request. */
const LEGACY = /\.(et|ett|xls|xlt)$/i;

export function isLegacySpreadsheet(name: string): boolean {
  return LEGACY.test(name);
}

/** A downloaded copy never takes the original's name: `荣昌区.xlsx` → `荣昌区-汇审.xlsx`. */
export function downloadName(doc: OpenDoc): string {
  if (doc.origin === "new") return doc.name;
  const base = doc.name.replace(/\.xlsx$/i, "");
  return `${base}-汇审.xlsx`;
}

/** District files a consolidation can take: opened from files, with at least one fill-in sheet. */
export function districtDocs(docs: readonly Doc[]): OpenDoc[] {
  return docs.filter(isOpen).filter((d) => d.origin === "file" && d.templateSheets.length > 0 && d.bytes !== undefined);
}

export function withSummary(doc: OpenDoc, summary: WorkbookSummary): OpenDoc {
  return { ...doc, templateSheets: summary.templateSheets, counts: summary.counts };
}
