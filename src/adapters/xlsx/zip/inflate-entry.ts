/**
 * Unpacking one zip entry in chunks, never more than it declares: a part that inflates past its
 * declared size (a zip bomb lying about its sizes) is stopped at that size, not after filling memory.
 */
import { Inflate } from "pako";
import { ZipFormatError, type ZipEntry } from "./central-directory";

const CHUNK = 64 * 1024;

class TooLong extends Error {}

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
    if (x instanceof TooLong) throw new ZipFormatError(`"${e.name}" unpacks to more than the ${e.size} bytes it declares`);
    throw new ZipFormatError(`"${e.name}" cannot be unpacked: ${x instanceof Error ? x.message : String(x)}`);
  }
  if (inflate.err) throw new ZipFormatError(`"${e.name}" cannot be unpacked: ${inflate.msg || `zlib error ${inflate.err}`}`);
  if (!inflate.ended || seen !== e.size) throw new ZipFormatError(`"${e.name}" unpacks to ${seen} bytes, not the ${e.size} it declares`);
}
