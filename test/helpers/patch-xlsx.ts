import { deflateRawSync } from "zlib";
import { readCentralDirectory } from "../../src/adapters/xlsx/zip/central-directory";
import { crc32 } from "../../src/adapters/xlsx/zip/crc32";
import { inflateEntry } from "../../src/adapters/xlsx/zip/inflate-entry";
import { writeZip, type RawEntry } from "../../src/adapters/xlsx/zip/write-zip";

/** A part of a package as text. */
export function partText(pkg: Uint8Array, name: string): string {
  const e = readCentralDirectory(pkg).find((x) => x.name === name);
  if (!e) throw new Error(`no part ${name}`);
  const chunks: Buffer[] = [];
  inflateEntry(pkg, e, (c) => chunks.push(Buffer.from(c)));
  return Buffer.concat(chunks).toString("utf8");
}

/** The package with one part's XML edited, as another program (or a careless hand) would write it. */
export function patchPart(pkg: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array {
  const entries: RawEntry[] = readCentralDirectory(pkg).map((e) => {
    const data = e.name === name ? Buffer.from(edit(partText(pkg, name)), "utf8") : undefined;
    if (!data) return { ...e, data: pkg.subarray(e.dataOffset, e.dataOffset + e.compressedSize) };
    return { name: e.name, method: 8, crc32: crc32(data), size: data.length, data: deflateRawSync(data), time: e.time, date: e.date };
  });
  return writeZip(entries);
}
