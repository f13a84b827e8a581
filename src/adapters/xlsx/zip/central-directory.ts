/**
 * The table of contents of a zip package, read from its central directory without inflating
 * anything: what an .xlsx holds and how large each part says it is, before a byte is unpacked.
 * Pure (bytes in, entries out), so the browser and Node read packages the same way.
 */

export interface ZipEntry {
  readonly name: string;
  /** General purpose flags; bit 3 means sizes follow the data, bit 11 means a UTF-8 name. */
  readonly flags: number;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc32: number;
  /** MS-DOS modification time and date, as stored. */
  readonly time: number;
  readonly date: number;
  readonly compressedSize: number;
  /** As the package declares it: checked while inflating, since a hostile file can lie. */
  readonly size: number;
  /** Offset of the entry's compressed bytes in the package. */
  readonly dataOffset: number;
  /** Offsets of the entry's local header and central record (for patching times). */
  readonly localOffset: number;
  readonly centralOffset: number;
}

/** Why a package's table of contents cannot be trusted; the caller words it for people. */
export class ZipFormatError extends Error {
  override readonly name = "ZipFormatError";
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

/** The end-of-central-directory record: the last 22 bytes, or earlier behind an archive comment. */
function findEnd(b: Uint8Array): number {
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
    if (u32(b, at) === EOCD) return at;
  }
  throw new ZipFormatError("end of central directory not found (truncated download?)");
}

/** Every entry of the package, in central-directory order. Throws `ZipFormatError`, never reads past the buffer. */
export function readCentralDirectory(b: Uint8Array): ZipEntry[] {
  if (b.length < 22) throw new ZipFormatError("too short for a zip package");
  const end = findEnd(b);
  const count = u16(b, end + 10);
  const cdOffset = u32(b, end + 16);
  if (cdOffset === ZIP64_MARK || count === 0xffff) throw new ZipFormatError("zip64 packages are not supported");
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || u32(b, at) !== CENTRAL) throw new ZipFormatError(`central record ${i + 1} is damaged`);
    const flags = u16(b, at + 8);
    const nameLength = u16(b, at + 28);
    const next = at + 46 + nameLength + u16(b, at + 30) + u16(b, at + 32);
    if (next > b.length) throw new ZipFormatError(`central record ${i + 1} runs past the end`);
    const nameBytes = b.subarray(at + 46, at + 46 + nameLength);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    const compressedSize = u32(b, at + 20);
    const size = u32(b, at + 24);
    const localOffset = u32(b, at + 42);
    if (compressedSize === ZIP64_MARK || size === ZIP64_MARK || localOffset === ZIP64_MARK) throw new ZipFormatError("zip64 packages are not supported");
    if (localOffset + 30 > b.length || u32(b, localOffset) !== LOCAL) throw new ZipFormatError(`local header of "${name}" is damaged`);
    const dataOffset = localOffset + 30 + u16(b, localOffset + 26) + u16(b, localOffset + 28);
    if (dataOffset + compressedSize > b.length) throw new ZipFormatError(`"${name}" runs past the end of the file (truncated download?)`);
    entries.push({ name, flags, method: u16(b, at + 10), crc32: u32(b, at + 16), time: u16(b, at + 12), date: u16(b, at + 14), compressedSize, size, dataOffset, localOffset, centralOffset: at });
    at = next;
  }
  return entries;
}
