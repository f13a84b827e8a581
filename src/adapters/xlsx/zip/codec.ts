/**
 * A native raw-deflate codec, where the platform has one that runs synchronously: Node's zlib, handed
 * in by the command line. The browser has none (its `DecompressionStream` is asynchronous and cannot
 * stop at a size), so the pane and the workbench go without and use pako; the parts unpack to the same bytes.
 */
export interface ZipCodec {
  /** `data` unpacked, or "tooLong" as soon as it would pass `limit` bytes; throws on damaged data. */
  inflateRaw(data: Uint8Array, limit: number): Uint8Array | "tooLong";
  deflateRaw(data: Uint8Array): Uint8Array;
  /** A native CRC-32, where the platform has one (the adapter's own in JavaScript otherwise). */
  crc32?(data: Uint8Array): number;
}
