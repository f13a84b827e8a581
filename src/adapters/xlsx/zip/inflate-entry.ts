/**
 * Unpacking one zip entry, in chunks or whole, never more than it declares: a part that inflates past
 * its declared size (a zip bomb lying about its sizes) is stopped at that size, not after filling memory.
 */
import { Inflate } from "pako";
import { ZipFormatError, type ZipEntry } from "./central-directory";
import type { ZipCodec } from "./codec";

const CHUNK = 64 * 1024;

class TooLong extends Error {}
const tooLong = (e: ZipEntry) => new ZipFormatError(`"${e.name}" unpacks to more than the ${e.size} bytes it declares`);

/** Feed the entry's content to `onChunk` in pieces; throws `ZipFormatError` when the data is damaged or its size is not the declared one. */
export function inflateEntry(pkg: Uint8Array, e: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
  const data = pkg.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  if (e.method === 0) {
    if (data.length !== e.size) throw new ZipFormatError(`"${e.name}" is not the size it declares`);
    for (let at = 0; at < data.length; at += CHUNK) onChunk(data.subarray(at, at + CHUNK));
    return;
  }
  if (e.method !== 8) throw new ZipFormatError(`"${e.name}" uses compression method ${e.method}`);
  let seen = 0;
  const inflate = new Inflate({ raw: true, chunkSize: CHUNK });
  inflate.onData = (chunk) => {
    seen += chunk.length;
    if (seen > e.size) throw new TooLong();
    onChunk(chunk);
  };
  try {
    inflate.push(data, true);
  } catch (x) {
    if (x instanceof TooLong) throw tooLong(e);
    throw new ZipFormatError(`"${e.name}" cannot be unpacked: ${x instanceof Error ? x.message : String(x)}`);
  }
  if (inflate.err) throw new ZipFormatError(`"${e.name}" cannot be unpacked: ${inflate.msg || `zlib error ${inflate.err}`}`);
  if (!inflate.ended || seen !== e.size) throw new ZipFormatError(`"${e.name}" unpacks to ${seen} bytes, not the ${e.size} it declares`);
}

/**
 * The entry's whole content, checked as `inflateEntry` checks it: by the native codec when there is
 * one, else by pako in chunks joined once.
 */
export function inflateWhole(pkg: Uint8Array, e: ZipEntry, codec?: ZipCodec): Uint8Array {
  const data = pkg.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  if (e.method === 8 && codec) {
    let out: Uint8Array | "tooLong";
    try {
      out = codec.inflateRaw(data, e.size);
    } catch (x) {
      throw new ZipFormatError(`"${e.name}" cannot be unpacked: ${x instanceof Error ? x.message : String(x)}`);
    }
    if (out === "tooLong") throw tooLong(e);
    if (out.length !== e.size) throw new ZipFormatError(`"${e.name}" unpacks to ${out.length} bytes, not the ${e.size} it declares`);
    return out;
  }
  if (e.method === 0 && data.length === e.size) return data;
  const all = new Uint8Array(e.size);
  let at = 0;
  inflateEntry(pkg, e, (chunk) => {
    all.set(chunk, at);
    at += chunk.length;
  });
  return all;
}
