/**
 * Saving a workbook from the command line: its parts rendered without ExcelJS's zip library
 * (`renderParts`) and packed by a native codec. Node only: the renderer uses ExcelJS's own modules,
 * absent from its one-file browser build.
 */
import type * as ExcelJS from "exceljs";
import { renderParts, type RenderedPart } from "./render-parts";
import { prepareForWrite } from "./write";
import type { ZipCodec } from "./zip/codec";
import { crc32 } from "./zip/crc32";
import { dosTime, writeZip } from "./zip/write-zip";

/**
 * The workbook as .xlsx bytes packed by `codec`, holding the parts ExcelJS's writer would. With `at`,
 * the document's modification time and every zip entry's time are `at`, so the same inputs give the same bytes.
 */
export async function packWorkbook(wb: ExcelJS.Workbook, codec: ZipCodec, at?: Date): Promise<Buffer> {
  prepareForWrite(wb, at);
  const packed = packParts(await renderParts(wb), codec, at ?? new Date());
  return Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
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
