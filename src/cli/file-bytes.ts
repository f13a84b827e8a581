/**
 * An input file's bytes, and its sheets read from their XML (`snapshotBytes`): what a command that only
 * reads needs, without ExcelJS (`workbook-files.ts` opens and saves workbooks with it).
 */
import { readFileSync, statSync } from "node:fs";
import { snapshotBytes, XlsxReadError, type ReadOptions } from "../adapters/xlsx/read-package";
import type { SheetSnapshot } from "../core/grid";
import { errorCode } from "./error-text";
import { nativeZip } from "./native-zip";

/** An .xlsx file's sheets as snapshots, read from their XML without ExcelJS (for a command that only reads); throws `XlsxReadError`. */
export function snapshotWorkbookFile(path: string, opts: ReadOptions = {}): SheetSnapshot[] {
  return snapshotBytes(fileBytes(path), path, { ...opts, codec: nativeZip });
}

/**
 * The file's bytes, read synchronously (a command reads its files one after another anyway; an
 * asynchronous read idled a turn of Node's thread pool per file); why it cannot be read as `XlsxReadError`.
 */
export function fileBytes(path: string): Buffer {
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new XlsxReadError("notXlsx", path, { zh: "这是一个文件夹", en: "it is a folder" });
    if (!st.isFile()) throw new XlsxReadError("notXlsx", path, { zh: "不是普通文件", en: "not a regular file" });
    return readFileSync(path);
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    const code = errorCode(e);
    if (code === "ENOENT" || code === "ENOTDIR") throw new XlsxReadError("notFound", path, undefined, code);
    if (code === "EACCES" || code === "EPERM") throw new XlsxReadError("noAccess", path, undefined, code);
    if (code === "EBUSY") throw new XlsxReadError("unreadable", path, { zh: "文件被其他程序占用", en: "another program holds the file" }, code);
    throw new XlsxReadError("unreadable", path, undefined, code ?? (e instanceof Error ? e.message : String(e)));
  }
}
