/**
 * Opening .xlsx files and buffers with ExcelJS, with one typed error for every way a file
 * can fail to open, so the CLI can tell a person what to do instead of printing a JSZip trace.
 */
import { promises as fs } from "fs";
import * as ExcelJS from "exceljs";

export { snapshotSheet, snapshotWorkbook, cellValueOf, cellFormulaOf } from "./snapshot";

export type XlsxReadFailure = "notFound" | "notXlsx" | "unreadable";

/** A detail in both languages, appended to the message. */
export interface Hint {
  readonly zh: string;
  readonly en: string;
}

function message(reason: XlsxReadFailure, where: string, hint?: Hint): string {
  const zh = hint ? `（${hint.zh}）` : "";
  const en = hint ? ` (${hint.en})` : "";
  switch (reason) {
    case "notFound":
      return `找不到文件：${where} / File not found: ${where}`;
    case "notXlsx":
      return `不是 .xlsx 工作簿${zh}：${where} / Not an .xlsx workbook${en}: ${where}`;
    case "unreadable":
      return `无法读取工作簿，文件可能已损坏或无权访问${zh}：${where} / Cannot read the workbook, the file may be damaged or not accessible${en}: ${where}`;
  }
}

/** Why a workbook could not be opened; `message` is bilingual (zh-CN / en). */
export class XlsxReadError extends Error {
  override readonly name = "XlsxReadError";
  constructor(
    readonly reason: XlsxReadFailure,
    /** The file path, or "(buffer)" when reading from memory. */
    readonly source: string,
    readonly hint?: Hint,
    options?: { cause?: unknown },
  ) {
    super(message(reason, source, hint), options);
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4": every .xlsx is a zip package
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .xls, and password-encrypted .xlsx

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

function errorCode(e: unknown): string | undefined {
  return e && typeof e === "object" && typeof (e as { code?: unknown }).code === "string"
    ? (e as { code: string }).code
    : undefined;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Load a workbook from bytes. The first bytes decide "not an .xlsx" (CSV, .xls, random
 * bytes) before ExcelJS runs, because JSZip's messages do not separate "not a zip" from
 * "a damaged zip" reliably.
 */
export async function readWorkbookBuffer(
  buf: Uint8Array,
  source = "(buffer)",
): Promise<ExcelJS.Workbook> {
  if (startsWith(buf, OLE2_MAGIC)) {
    throw new XlsxReadError(
      "notXlsx",
      source,
      {
        zh: "可能是旧版 .xls 或设置了打开密码的工作簿，请在 Excel 中另存为 .xlsx",
        en: "maybe a legacy .xls or a password-protected workbook; save it as .xlsx in Excel",
      },
    );
  }
  if (!startsWith(buf, ZIP_MAGIC)) {
    throw new XlsxReadError("notXlsx", source, { zh: "文件内容不是 .xlsx 格式", en: "the content is not in .xlsx format" });
  }
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS declares its own `Buffer` (an ArrayBuffer shape); at run time it takes a Node Buffer.
    await wb.xlsx.load(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) as unknown as Parameters<
      ExcelJS.Xlsx["load"]
    >[0]);
  } catch (e) {
    // A zip that JSZip or the XML parsers cannot read: truncated download, damaged file.
    const detail = errorText(e);
    throw new XlsxReadError("unreadable", source, { zh: detail, en: detail }, { cause: e });
  }
  if (wb.worksheets.length === 0) {
    // A valid zip without a workbook part (a .docx, a plain .zip) loads as an empty workbook.
    throw new XlsxReadError("notXlsx", source, { zh: "压缩包中没有工作表", en: "the package holds no worksheet" });
  }
  return wb;
}

/** Open an .xlsx file; rejects with `XlsxReadError` (notFound, notXlsx, unreadable). */
export async function readWorkbookFile(path: string): Promise<ExcelJS.Workbook> {
  let bytes: Buffer;
  try {
    const st = await fs.stat(path);
    if (!st.isFile()) throw new XlsxReadError("unreadable", path, { zh: "不是文件", en: "not a file" });
    bytes = await fs.readFile(path);
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    const code = errorCode(e);
    if (code === "ENOENT" || code === "ENOTDIR") throw new XlsxReadError("notFound", path, undefined, { cause: e });
    const detail = code ?? errorText(e);
    throw new XlsxReadError("unreadable", path, { zh: detail, en: detail }, { cause: e });
  }
  return readWorkbookBuffer(bytes, path);
}
