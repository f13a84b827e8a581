/** New workbooks, and saving workbooks to bytes or files. */
import { promises as fs } from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { compactValidations } from "./validation";

export const CREATOR = "汇审 Huishen";

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const now = new Date();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = now;
  wb.modified = now;
  return wb;
}

export type XlsxWriteFailure = "busy" | "unwritable";

/** Why a workbook could not be saved; `message` is bilingual (zh-CN / en). */
export class XlsxWriteError extends Error {
  override readonly name = "XlsxWriteError";
  constructor(
    readonly reason: XlsxWriteFailure,
    readonly target: string,
    options?: { cause?: unknown },
  ) {
    super(
      reason === "busy"
        ? `无法保存，文件可能正在 Excel 中打开：${target} / Cannot save, the file may be open in Excel: ${target}`
        : `无法保存文件：${target} / Cannot save the file: ${target}`,
      options,
    );
  }
}

/** Fix-ups ExcelJS needs before it serialises (see `compactValidations`). */
function prepareForWrite(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) compactValidations(ws);
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  prepareForWrite(wb);
  // ExcelJS types this as its own ArrayBuffer-shaped `Buffer`; in Node it is a Node Buffer.
  const out: unknown = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

/**
 * Save to `target` through a temporary file in the same folder and a rename, so a failure
 * half way never leaves a truncated workbook where a person's file was.
 */
export async function writeWorkbookFile(wb: ExcelJS.Workbook, target: string): Promise<void> {
  const bytes = await toBuffer(wb);
  const tmp = path.join(path.dirname(target), `.~${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const code = e && typeof e === "object" ? (e as { code?: unknown }).code : undefined;
    // Windows refuses to replace a file Excel holds open (EBUSY / EPERM).
    throw new XlsxWriteError(code === "EBUSY" || code === "EPERM" ? "busy" : "unwritable", target, { cause: e });
  }
}
