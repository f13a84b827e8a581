/**
 * .xlsx files on disk as ExcelJS workbooks (Node): reading through the package guard, writing through
 * `atomicWrite`, both unpacking and packing with Node's zlib; the unpacked parts go to ExcelJS's parsers
 * as they are (`loadParts`). A command that only reads takes snapshots instead (`file-bytes.ts`).
 * The xlsx adapter itself only turns bytes into workbooks and back, so the pane never pulls in `fs`.
 */
import type * as ExcelJS from "exceljs";
import { openWorkbook, type OpenOptions } from "../adapters/xlsx";
import type { GuardedPackage } from "../adapters/xlsx/package-guard";
import { openGuarded } from "../adapters/xlsx/read";
import { guardBytes, snapshotGuarded } from "../adapters/xlsx/read-package";
import { xmlCopyable } from "../adapters/xlsx/xml-copies";
import type { SheetSnapshot } from "../core/grid";
import { findMarker } from "../core/sheet/read-template";
import { loadParts } from "../adapters/xlsx/load-parts";
import { packWorkbook } from "../adapters/xlsx/pack-workbook";
import { atomicWrite } from "./atomic-write";
import { fileBytes } from "./file-bytes";
import { nativeZip } from "./native-zip";

/** Open an .xlsx file; rejects with `XlsxReadError`. */
export async function openWorkbookFile(path: string, opts: OpenOptions = {}): Promise<ExcelJS.Workbook> {
  return openWorkbook(fileBytes(path), path, { ...opts, codec: nativeZip, loader: loadParts });
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
  // Its sheets as read already (the same snapshots ExcelJS's reading gives, in the same order).
  return { pkg, sheets, wb: await openGuarded(pkg, path, { loader: loadParts }) };
}

/** Save to `target` through a temporary file and a rename (see `atomicWrite`); throws `FileWriteError`. */
export async function writeWorkbookFile(wb: ExcelJS.Workbook, target: string, at?: Date): Promise<void> {
  await atomicWrite(target, await packWorkbook(wb, nativeZip, at));
}
