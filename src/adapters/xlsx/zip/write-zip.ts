/**
 * Writing a zip package from entries whose compressed bytes are already known: the guarded reader
 * copies a workbook's parts unchanged (no re-compression) and puts small stand-ins where a part is
 * not needed, and the writer packs the parts ExcelJS renders. Also: stamping every entry of a package
 * with one time, for reproducible outputs.
 */
import { readCentralDirectory } from "./central-directory";
import { crc32 } from "./crc32";

export interface RawEntry {
  readonly name: string;
  readonly method: number;
  readonly crc32: number;
  readonly size: number;
  readonly data: Uint8Array;
  readonly time: number;
  readonly date: number;
}

const encoder = new TextEncoder();

/** A part stored as is (method 0), for small stand-ins. */
export function storedEntry(name: string, text: string, time = 0, date = 0x21): RawEntry {
  const data = encoder.encode(text);
  return { name, method: 0, crc32: crc32(data), size: data.length, data, time, date };
}

/**
 * The fields a local header and its central record share, in the same order (version needed, flags
 * with UTF-8 names, method, time, date, CRC, sizes, name length), written from `at`.
 */
function writeShared(view: DataView, at: number, e: RawEntry, nameLength: number): void {
  view.setUint16(at, 20, true);
  view.setUint16(at + 2, 0x800, true);
  view.setUint16(at + 4, e.method, true);
  view.setUint16(at + 6, e.time, true);
  view.setUint16(at + 8, e.date, true);
  view.setUint32(at + 10, e.crc32, true);
  view.setUint32(at + 14, e.data.length, true);
  view.setUint32(at + 18, e.size, true);
  view.setUint16(at + 22, nameLength, true);
}

/** One zip package of `entries`, in order; names in UTF-8, sizes in the local headers (no data descriptors). */
export function writeZip(entries: readonly RawEntry[]): Uint8Array {
  const names = entries.map((e) => encoder.encode(e.name));
  const localSize = entries.reduce((n, e, i) => n + 30 + names[i].length + e.data.length, 0);
  const centralSize = names.reduce((n, name) => n + 46 + name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((e, i) => {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    writeShared(view, at + 4, e, names[i].length);
    view.setUint16(at + 28, 0, true);
    out.set(names[i], at + 30);
    out.set(e.data, at + 30 + names[i].length);
    at += 30 + names[i].length + e.data.length;
  });
  const cdStart = at;
  entries.forEach((e, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: version 2.0
    writeShared(view, at + 6, e, names[i].length);
    view.setUint32(at + 42, offsets[i], true);
    out.set(names[i], at + 46);
    at += 46 + names[i].length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - cdStart, true);
  view.setUint32(at + 16, cdStart, true);
  return out;
}

/** MS-DOS time and date fields (local time as written; 2 s resolution), for a UTC instant. */
export function dosTime(d: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, d.getUTCFullYear()));
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** Give every entry of a package the same modification time, in place: the only bytes that differ between two runs. */
export function stampZipTimes(bytes: Uint8Array, at: Date): Uint8Array {
  const { time, date } = dosTime(at);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of readCentralDirectory(bytes)) {
    view.setUint16(e.centralOffset + 12, time, true);
    view.setUint16(e.centralOffset + 14, date, true);
    view.setUint16(e.localOffset + 10, time, true);
    view.setUint16(e.localOffset + 12, date, true);
  }
  return bytes;
}
