/** Node's zlib as the xlsx adapter's codec: several times faster than pako at unpacking and packing workbooks. */
import * as zlib from "node:zlib";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { ZipCodec } from "../adapters/xlsx/zip/codec";

/**
 * Level 1, as the adapter's own writer uses: a few per cent larger than the default level, and what
 * people open once is written several times faster.
 */
const LEVEL = 1;

export const nativeZip: ZipCodec = {
  inflateRaw(data, limit) {
    try {
      // zlib stops as soon as the output passes maxOutputLength (at least 1: Node refuses 0).
      const out = inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
      return out.length > limit ? "tooLong" : out;
    } catch (e) {
      if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return "tooLong";
      throw e;
    }
  },
  deflateRaw: (data) => deflateRawSync(data, { level: LEVEL }),
  // Node 20.15 and later; before, the adapter computes it.
  ...(typeof zlib.crc32 === "function" ? { crc32: (data: Uint8Array) => zlib.crc32(data) } : {}),
};
