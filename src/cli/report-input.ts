/**
 * A report's text from a file: .txt (UTF-8, else GB18030 — what Chinese Windows saves), .html saved
 * from a government website (text only), .docx (mammoth), .pdf with a text layer (pdf.js). A scanned
 * PDF, a legacy .doc/.wps or anything else is a clear message in the reader's language (exit 2).
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { extname } from "node:path";
import { decodeText } from "../core/report/decode-text";
import { htmlToText } from "../core/report/html-text";
import { RunError, words } from "./io";

async function docxText(bytes: Buffer): Promise<string> {
  const mammoth = await import("mammoth");
  return (await mammoth.extractRawText({ buffer: bytes })).value;
}

async function pdfText(bytes: Buffer): Promise<string> {
  // The legacy build runs on Node 20. pdf.js is an ES module, which Node (≥ 20.19) loads with its own
  // require; taken from `createRequire` so a test runner's module system does not stand in between.
  const pdfjs = createRequire(__filename)("pdfjs-dist/legacy/build/pdf.mjs") as typeof import("pdfjs-dist");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str + (it.hasEOL ? "\n" : "") : "")).join(""));
  }
  await doc.destroy();
  return pages.join("\n");
}

export async function readReportFile(file: string): Promise<string> {
  const ext = extname(file).toLowerCase();
  if (![".txt", ".html", ".htm", ".docx", ".pdf"].includes(ext)) {
    throw new RunError(words(ext === ".doc" || ext === ".wps" ? "extract.legacyWord" : "extract.unsupported", { file }));
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new RunError(words("extract.unreadable", { file }), e instanceof Error ? e.message : String(e));
  }
  try {
    if (ext === ".txt") return decodeText(bytes);
    if (ext === ".html" || ext === ".htm") return htmlToText(decodeText(bytes));
    if (ext === ".docx") return await docxText(bytes);
    const text = await pdfText(bytes);
    if (text.replace(/\s/g, "") === "") throw new RunError(words("extract.scanned", { file }));
    return text;
  } catch (e) {
    if (e instanceof RunError) throw e;
    throw new RunError(words("extract.damaged", { file }), e instanceof Error ? e.message : String(e));
  }
}
