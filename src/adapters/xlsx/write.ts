/** New workbooks, and saving workbooks to bytes or files. */
import type * as ExcelJS from "exceljs";
import { Workbook } from "./exceljs";
import { compactValidations } from "./validation";
import type { ZipCodec } from "./zip/codec";
import { renderParts, type RenderedPart } from "./render-parts";
import { crc32 } from "./zip/crc32";
import { dosTime, stampZipTimes, writeZip } from "./zip/write-zip";

export const CREATOR = "汇审 Huishen";

/** A new workbook created `at` (the caller's clock: `SOURCE_DATE_EPOCH` in reproducible runs). */
export function newWorkbook(at: Date = new Date()): ExcelJS.Workbook {
  const wb = new Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = at;
  wb.modified = at;
  return wb;
}

/** Fix-ups ExcelJS needs before it serialises (see `compactValidations`). */
function prepareForWrite(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) compactValidations(ws);
}

/** JSZip deflating with pako at level 1: a few per cent larger, several times faster than its default, for outputs people open once. */
const PAKO_LEVEL_1 = { zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as unknown as ExcelJS.XlsxWriteOptions;

/**
 * The workbook as .xlsx bytes, packed by `codec` when there is one (Node's zlib, from the command line).
 * With `at`, the document's modification time and every zip entry's time are `at`, so the same inputs
 * give the same bytes.
 */
export async function toBuffer(wb: ExcelJS.Workbook, at?: Date, codec?: ZipCodec): Promise<Buffer> {
  prepareForWrite(wb);
  if (at) {
    wb.modified = at;
    wb.lastModifiedBy = CREATOR;
  }
  if (codec) {
    const packed = packParts(await renderParts(wb), codec, at ?? new Date());
    return Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  }
  // ExcelJS types this as its own ArrayBuffer-shaped `Buffer`; in Node it is a Node Buffer.
  const out: unknown = await wb.xlsx.writeBuffer(PAKO_LEVEL_1);
  const bytes = Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
  return at ? (stampZipTimes(bytes, at) as Buffer) : bytes;
}

/** A package of the parts, each deflated by `codec` where that makes it smaller, all dated `at`. */
function packParts(parts: readonly RenderedPart[], codec: ZipCodec, at: Date): Uint8Array {
  const { time, date } = dosTime(at);
  return writeZip(
    parts.map(({ name, data }) => {
      const packed = codec.deflateRaw(data);
      const deflated = packed.length < data.length;
      return { name, method: deflated ? 8 : 0, crc32: (codec.crc32 ?? crc32)(data), size: data.length, data: deflated ? packed : data, time, date };
    }),
  );
}
