/**
 * A report's text read in the pane (and the workbench): .txt (UTF-8, else GB18030), .html (text only),
 * .docx (mammoth's browser build, loaded on first use). A PDF is named: the pane does not carry pdf.js;
 * `huishen extract` reads PDFs, or the report can be saved as .docx from WPS or Word.
 */
import { decodeText } from "../core/report/decode-text";
import { htmlToText } from "../core/report/html-text";
import { bytesOf } from "./district-file";

export type ReportFileProblem = "pdf" | "legacyWord" | "unsupported" | "unreadable";

export type ReportText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: ReportFileProblem; readonly detail?: string };

export async function readReportFile(file: File): Promise<ReportText> {
  const name = file.name.toLowerCase();
  const ext = name.slice(name.lastIndexOf("."));
  if (ext === ".pdf") return { ok: false, problem: "pdf" };
  if (ext === ".doc" || ext === ".wps") return { ok: false, problem: "legacyWord" };
  if (![".txt", ".html", ".htm", ".docx"].includes(ext)) return { ok: false, problem: "unsupported" };
  try {
    const bytes = await bytesOf(file);
    if (ext === ".txt") return { ok: true, text: decodeText(bytes) };
    if (ext === ".docx") {
      const mammoth = await import(/* webpackChunkName: "docx" */ "mammoth");
      const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      return { ok: true, text: (await mammoth.extractRawText({ arrayBuffer })).value };
    }
    return { ok: true, text: htmlToText(decodeText(bytes)) };
  } catch (e) {
    return { ok: false, problem: "unreadable", detail: e instanceof Error ? e.message : String(e) };
  }
}
