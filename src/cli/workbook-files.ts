/**
 * .xlsx files on disk (Node): reading through the package guard, writing through `atomicWrite`, both
 * unpacking and packing with Node's zlib; the unpacked parts go to ExcelJS's parsers as they are (`loadParts`),
 * or, for a command that only reads, to the snapshot reader.
 * The xlsx adapter itself only turns bytes into workbooks and back, so the pane never pulls in `fs`.
 */
import { readFileSync, statSync } from "node:fs";
import type * as ExcelJS from "exceljs";
import { openWorkbook, snapshotBytes, snapshotWorkbook, XlsxReadError, type OpenOptions } from "../adapters/xlsx";
import type { GuardedPackage } from "../adapters/xlsx/package-guard";
import { openGuarded } from "../adapters/xlsx/read";
import { guardBytes, snapshotGuarded } from "../adapters/xlsx/read-package";
import { xmlCopyable } from "../adapters/xlsx/xml-copies";
import type { SheetSnapshot } from "../core/grid";
import { findMarker } from "../core/sheet/read-template";
import { loadParts } from "../adapters/xlsx/load-parts";
import { packWorkbook } from "../adapters/xlsx/pack-workbook";
import { atomicWrite } from "./atomic-write";
import { errorCode } from "./error-text";
import { nativeZip } from "./native-zip";

/**
 * Open an .xlsx file; rejects with `XlsxReadError`. Read synchronously: a command reads its files one
 * after another anyway, and an asynchronous read left the process idle for a turn of Node's thread pool
 * per file (60 ms of a 38-file consolidation's first run).
 */
export async function openWorkbookFile(path: string, opts: OpenOptions = {}): Promise<ExcelJS.Workbook> {
  return openWorkbook(fileBytes(path), path, { ...opts, codec: nativeZip, loader: loadParts });
}

/** An .xlsx file's sheets as snapshots, read from their XML without ExcelJS (for a command that only reads); throws `XlsxReadError`. */
export function snapshotWorkbookFile(path: string, opts: OpenOptions = {}): SheetSnapshot[] {
  return snapshotBytes(fileBytes(path), path, { ...opts, codec: nativeZip });
}

/** A district's file for a consolidation: its sheets, and an ExcelJS workbook only where a template sheet cannot be copied as XML. */
export interface DistrictFileRead {
  readonly pkg: GuardedPackage;
  readonly sheets: readonly SheetSnapshot[];
  /** Set when a template sheet links parts an XML copy does not carry (`xmlCopyable`): every sheet is then copied from it. */
  readonly wb?: ExcelJS.Workbook;
}

/** Read a district's file to copy its template sheets into a summary; throws `XlsxReadError`. */
export async function readDistrictFile(path: string, opts: OpenOptions = {}): Promise<DistrictFileRead> {
  const pkg = guardBytes(fileBytes(path), path, { ...opts, scope: "all", codec: nativeZip });
  const sheets = snapshotGuarded(pkg, path);
  if (sheets.every((s) => !findMarker(s) || xmlCopyable(pkg, s.name))) return { pkg, sheets };
  const wb = await openGuarded(pkg, path, { loader: loadParts });
  return { pkg, sheets: snapshotWorkbook(wb), wb };
}

/** The file's bytes; why it cannot be read as `XlsxReadError`. */
function fileBytes(path: string): Buffer {
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

/** Save to `target` through a temporary file and a rename (see `atomicWrite`); throws `FileWriteError`. */
export async function writeWorkbookFile(wb: ExcelJS.Workbook, target: string, at?: Date): Promise<void> {
  await atomicWrite(target, await packWorkbook(wb, nativeZip, at));
}
