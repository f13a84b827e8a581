/** Shared helpers for the .xlsx adapter tests: temp dirs, reading raw parts of a saved file. */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { inflateRawSync } from "zlib";
import type * as ExcelJS from "exceljs";

/** A fresh temp dir per test file; removed by the returned cleanup. */
export function tempDir(prefix = "huishen-xlsx-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * One part of a zip package as text (e.g. "xl/worksheets/sheet1.xml"), read through the
 * central directory: enough to assert on the XML ExcelJS wrote without another dependency.
 */
export function zipPart(zip: Buffer, name: string): string | undefined {
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip");
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let e = 0; e < entries; e++) {
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const entryName = zip.toString("utf8", p + 46, p + 46 + nameLen);
    if (entryName === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      return (method === 0 ? data : inflateRawSync(data)).toString("utf8");
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return undefined;
}

/** The text of an ExcelJS note, whether set as a string or read back as a model. */
export function noteText(cell: ExcelJS.Cell): string | undefined {
  const n = cell.note as unknown;
  if (n === undefined || n === null) return undefined;
  if (typeof n === "string") return n;
  const texts = (n as { texts?: { text: string }[] }).texts;
  return texts?.map((t) => t.text).join("");
}

/** The solid fill colour (ARGB) of a cell, or undefined. */
export function fillColour(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  if (!f || f.type !== "pattern" || f.pattern !== "solid") return undefined;
  return f.fgColor?.argb;
}

export interface DataValidationsLike {
  model: Record<string, ExcelJS.DataValidation | undefined>;
}

/** `ws.dataValidations` exists at run time but not in ExcelJS 4.4's type declarations. */
export function validationsOf(ws: ExcelJS.Worksheet): DataValidationsLike["model"] {
  return (ws as unknown as { dataValidations: DataValidationsLike }).dataValidations.model;
}

export function protectionOf(ws: ExcelJS.Worksheet): Record<string, unknown> | null | undefined {
  return (ws as unknown as { sheetProtection?: Record<string, unknown> | null }).sheetProtection;
}
