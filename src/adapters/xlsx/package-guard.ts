/**
 * Before ExcelJS sees a workbook: its parts' declared sizes are checked against a limit, every part
 * is unpacked (a large one first as a stream) and stopped where it inflates past what it declares, and
 * for a read-only action the worksheets it does not need (large, no Huishen marker, not one of
 * Huishen's own) are replaced by empty stand-ins. So the cost of opening any file is bounded by the
 * limit, and a template sheet beside a 200,000-row data sheet is read in the time the template takes.
 * ExcelJS gets the parts already unpacked (stored in a package again, or given as they are to a `loader`),
 * with the text of those the guard decoded; the snapshot reader (`snapshot-package.ts`) reads them as they are.
 */
import { MARKER_PREFIX } from "../../core/sheet/layout";
import { readCentralDirectory, ZipFormatError, type ZipEntry } from "./zip/central-directory";
import type { ZipCodec } from "./zip/codec";
import { inflateEntry, inflateWhole } from "./zip/inflate-entry";
import { storedEntry, type RawEntry } from "./zip/write-zip";
import { attr, relationships, stringItemText, xmlDecode, type Relationship } from "./xml-read";

const MiB = 1024 * 1024;

/** How much a workbook may unpack to. Documented in the README ("Known limits"); `--max-size` scales both. */
export interface PackageLimits {
  /** What ExcelJS may parse: every part kept, in bytes unpacked. Opened and checked, peak memory is about 15 times this (under 1 GiB at the limit; `npm run bench`). */
  readonly maxLoadedBytes: number;
  /** Everything the package declares, unpacked (parts only scanned included). */
  readonly maxPackageBytes: number;
}

export const DEFAULT_LIMITS: PackageLimits = { maxLoadedBytes: 48 * MiB, maxPackageBytes: 192 * MiB };

/** Limits for `--max-size N` (MB of what is parsed); the scan limit keeps its ratio. */
export function limitsForLoadedMiB(mib: number): PackageLimits {
  return { maxLoadedBytes: mib * MiB, maxPackageBytes: mib * MiB * (DEFAULT_LIMITS.maxPackageBytes / DEFAULT_LIMITS.maxLoadedBytes) };
}

/** "all": every sheet is kept (the workbook will be written back); "needed": only what a check reads. */
export type SheetScope = "all" | "needed";

export interface GuardOptions {
  readonly scope: SheetScope;
  readonly limits?: PackageLimits;
  /** Huishen's own sheets (flag state, review log, summaries): kept whatever their size. */
  readonly ownSheet?: (name: string) => boolean;
  /** A native codec to unpack with (Node's zlib, from the command line); pako without one. */
  readonly codec?: ZipCodec;
}

export type PackageProblem =
  | { readonly kind: "damaged"; readonly detail: string }
  | { readonly kind: "missingPart"; readonly part: string }
  | { readonly kind: "tooLarge"; readonly bytes: number; readonly limit: number };

export class PackageError extends Error {
  override readonly name = "PackageError";
  constructor(readonly problem: PackageProblem) {
    super(problem.kind === "damaged" ? problem.detail : problem.kind === "missingPart" ? `missing ${problem.part}` : `unpacks to ${problem.bytes} bytes, limit ${problem.limit}`);
  }
}

/** A cell value as the file holds it, where ExcelJS loses it. */
export type RawCell = { readonly kind: "number"; readonly value: number } | { readonly kind: "text"; readonly value: string } | { readonly kind: "date"; readonly iso: string };

/** A part of the package to load, unpacked (stored, method 0), with its text where the guard decoded it. */
export interface UnpackedPart extends RawEntry {
  readonly text?: string;
}

export interface GuardedPackage {
  /** The parts to load, in the package's order: every part kept, unpacked; a part left out is an empty stand-in. */
  readonly parts: readonly UnpackedPart[];
  /** Names of the sheets replaced by empty stand-ins. */
  readonly skippedSheets: readonly string[];
  /**
   * Per sheet name, cells whose value ExcelJS would drop or misread: values under a merged range
   * (ExcelJS keeps only the top-left one) and date-typed cells (`t="d"`, which it reads as the year).
   */
  readonly rawCells: ReadonlyMap<string, ReadonlyMap<string, RawCell>>;
  /** The shared strings' texts (a rich string's runs joined), as a cell reads them. */
  readonly strings: readonly string[];
}

/** A sheet part under this size is kept without asking whether it is needed: small sheets cost nothing. Any part under it is unpacked whole. */
const SMALL_PART = 1 * MiB;
const EMPTY_SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

/** Check a package and keep what `opts.scope` needs; throws `PackageError`. */
export function guardPackage(pkg: Uint8Array, opts: GuardOptions): GuardedPackage {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  try {
    return guard(pkg, opts, limits);
  } catch (e) {
    if (e instanceof ZipFormatError) throw new PackageError({ kind: "damaged", detail: e.message });
    throw e;
  }
}

function guard(pkg: Uint8Array, opts: GuardOptions, limits: PackageLimits): GuardedPackage {
  const entries = readCentralDirectory(pkg);
  const declared = entries.reduce((n, e) => n + e.size, 0);
  const scanLimit = opts.scope === "all" ? limits.maxLoadedBytes : limits.maxPackageBytes;
  if (declared > scanLimit) throw new PackageError({ kind: "tooLarge", bytes: declared, limit: scanLimit });

  // Each part is unpacked whole once and handed to ExcelJS stored, so it is never unpacked twice. A large
  // part is first scanned as a stream and unpacked whole only once it is known to be kept within the limit.
  const content = new Map<ZipEntry, Uint8Array>();
  const unpacked = (e: ZipEntry) => {
    let bytes = content.get(e);
    if (!bytes) content.set(e, (bytes = inflateWhole(pkg, e, opts.codec)));
    return bytes;
  };
  // Decoded once: the text scanned here is the text ExcelJS parses.
  const decoded = new Map<ZipEntry, string>();
  const textOf = (e: ZipEntry) => {
    let text = decoded.get(e);
    if (text === undefined) decoded.set(e, (text = utf8.decode(unpacked(e))));
    return text;
  };
  const scanned = (e: ZipEntry): PartText => (e.size <= SMALL_PART ? (_boundary, onText) => onText(textOf(e)) : streamOf(pkg, e));

  const byName = new Map(entries.map((e) => [normalise(e.name), e]));
  const workbook = byName.get("xl/workbook.xml");
  const rels = byName.get("xl/_rels/workbook.xml.rels");
  const relTargets = rels ? relationships(textOf(rels), "xl") : [];
  const sheetNames = workbook ? sheetPartNames(textOf(workbook), relTargets) : new Map<string, string>();
  const sharedPath = relTargets.find((r) => r.type.endsWith("/sharedStrings"))?.target ?? "xl/sharedStrings.xml";
  const shared = byName.get(sharedPath);
  if (!shared && relTargets.some((r) => r.type.endsWith("/sharedStrings"))) throw new PackageError({ kind: "missingPart", part: sharedPath });
  const strings = shared ? sharedStrings(scanned(shared)) : { texts: [], markers: new Set<number>() };

  const skipped = new Set<ZipEntry>();
  let usesSharedStrings = false;
  const rawCells = new Map<string, Map<string, RawCell>>();
  for (const e of entries) {
    const part = normalise(e.name);
    if (!isWorksheetPart(part, sheetNames)) continue;
    const text = scanned(e);
    const scan = scanSheet(text, strings.markers);
    usesSharedStrings ||= scan.sharedRefs;
    const name = sheetNames.get(part) ?? part;
    const needed = opts.scope === "all" || e.size <= SMALL_PART || scan.marker || (opts.ownSheet?.(name) ?? false);
    if (!needed) skipped.add(e);
    else if (scan.merges.length > 0 || scan.dates) {
      const cells = lostCells(text, strings.texts, scan.merges, scan.dates);
      if (cells.size > 0) rawCells.set(name, cells);
    }
  }
  if (usesSharedStrings && !shared) throw new PackageError({ kind: "missingPart", part: sharedPath });
  const loaded = entries.reduce((n, e) => n + (skipped.has(e) ? 0 : e.size), 0);
  if (loaded > limits.maxLoadedBytes) throw new PackageError({ kind: "tooLarge", bytes: loaded, limit: limits.maxLoadedBytes });

  const parts: UnpackedPart[] = entries.map((e) =>
    skipped.has(e)
      ? { ...storedEntry(e.name, EMPTY_SHEET, e.time, e.date), text: EMPTY_SHEET }
      : { name: e.name, method: 0, crc32: e.crc32, size: e.size, data: unpacked(e), time: e.time, date: e.date, text: decoded.get(e) },
  );
  return { parts, skippedSheets: [...skipped].map((e) => sheetNames.get(normalise(e.name)) ?? e.name), rawCells, strings: strings.texts };
}

/** A byte order mark is kept, as JSZip keeps it for ExcelJS's parser (which skips it); the scans do not care. `loadParts` decodes with it what was not scanned. */
export const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

function normalise(name: string): string {
  return name.replace(/^\/+/, "").replace(/\\/g, "/");
}

/**
 * A part's text, handed to `onText` in pieces that end at `boundary` (`</row>`, `</si>`), so a cell is
 * never split between pieces.
 */
type PartText = (boundary: string, onText: (text: string) => void) => void;

/** A large part unpacked as it is read, never whole. A piece without a boundary for 4 MB (a pathological cell) is cut anyway. */
function streamOf(pkg: Uint8Array, e: ZipEntry): PartText {
  return (boundary, onText) => {
    let carry = "";
    // The bytes of a character split between two chunks, decoded with the next one. (A decoder in
    // streaming mode would do this too, several times slower.)
    let split: Uint8Array | undefined;
    inflateEntry(pkg, e, (chunk) => {
      const bytes = split ? concat(split, chunk) : chunk;
      const whole = bytes.length - splitCharacter(bytes);
      split = whole < bytes.length ? bytes.slice(whole) : undefined;
      const text = carry + utf8.decode(bytes.subarray(0, whole));
      const cut = text.lastIndexOf(boundary);
      if (cut >= 0) {
        onText(text.slice(0, cut + boundary.length));
        carry = text.slice(cut + boundary.length);
      } else if (text.length > 4 * MiB) {
        onText(text);
        carry = "";
      } else carry = text;
    });
    onText(carry + (split ? utf8.decode(split) : ""));
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** How many bytes at the end of UTF-8 `bytes` start a character that is not complete (0–3). */
export function splitCharacter(bytes: Uint8Array): number {
  let lead = bytes.length - 1;
  while (lead >= 0 && bytes.length - lead < 4 && (bytes[lead] & 0xc0) === 0x80) lead--; // continuation bytes
  if (lead < 0) return 0;
  const b = bytes[lead];
  const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  return length > bytes.length - lead ? bytes.length - lead : 0;
}

/** The shared strings' texts, and which are Huishen's template marker. */
function sharedStrings(part: PartText): { texts: string[]; markers: Set<number> } {
  const texts: string[] = [];
  const markers = new Set<number>();
  part("</si>", (text) => {
    for (const m of text.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
      const plain = stringItemText(m[1] ?? "");
      if (plain.startsWith(MARKER_PREFIX)) markers.add(texts.length);
      texts.push(plain);
    }
  });
  return { texts, markers };
}

const SHARED_CELL = /<c\b[^>]*?\bt="s"[^>]*>\s*<v>(\d+)<\/v>/g;

/** Does the sheet carry the marker (shared or inline), use shared strings at all, hold date-typed cells; which cells does it merge? */
function scanSheet(part: PartText, markers: ReadonlySet<number>): { marker: boolean; sharedRefs: boolean; merges: Rect[]; dates: boolean } {
  let marker = false;
  let sharedRefs = false;
  const merges: Rect[] = [];
  let dates = false;
  part("</row>", (text) => {
    sharedRefs ||= text.includes('t="s"');
    if (text.includes("<mergeCell ")) merges.push(...mergedRects(text));
    dates ||= text.includes('t="d"');
    if (marker) return;
    if (text.includes(MARKER_PREFIX)) marker = true;
    else if (markers.size > 0) {
      for (const m of text.matchAll(SHARED_CELL)) {
        if (!markers.has(Number(m[1]))) continue;
        marker = true;
        break;
      }
    }
  });
  return { marker, sharedRefs, merges, dates };
}

interface Position {
  readonly row: number;
  readonly col: number;
}

/** A merged range, from its top-left to its bottom-right cell. */
interface Rect {
  readonly a: Position;
  readonly b: Position;
}

function mergedRects(text: string): Rect[] {
  return [...text.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)].flatMap((m) => {
    const [a, b] = m[1].split(":").map(cellPosition);
    return a && b ? [{ a, b }] : [];
  });
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;

/**
 * The values ExcelJS would lose on this sheet: every cell under one of its merged ranges but the
 * top-left one, and every date-typed cell. A second pass, made only on sheets that have either; on a
 * sheet without dates, only the rows a merge spans are looked into (a template's title, headings and
 * foot: a tenth of its cells, and this pass was a third of the guard's time).
 */
function lostCells(part: PartText, strings: readonly string[], merges: readonly Rect[], dates: boolean): Map<string, RawCell> {
  const out = new Map<string, RawCell>();
  const scan = (text: string) => {
    for (const m of text.matchAll(CELL)) {
      const r = attr(m[1], "r");
      if (!r) continue;
      const type = attr(m[1], "t") ?? "n";
      if (type !== "d") {
        const p = merges.length > 0 ? cellPosition(r) : undefined;
        if (!p || !merges.some(({ a, b }) => underMerge(p, a, b))) continue;
      }
      const v = /<v>([^<]*)<\/v>/.exec(m[2] ?? "")?.[1];
      if (type === "d" && v) out.set(r, { kind: "date", iso: v });
      else if (type === "n" && v && Number.isFinite(Number(v))) out.set(r, { kind: "number", value: Number(v) });
      else if (type === "s" && v) out.set(r, { kind: "text", value: strings[Number(v)] ?? "" });
      else if ((type === "str" || type === "inlineStr") && m[2]) out.set(r, { kind: "text", value: xmlDecode(m[2].replace(/<[^>]+>/g, "")) });
    }
  };
  const spanned = (row: number) => merges.some(({ a, b }) => row >= a.row && row <= b.row);
  part("</row>", (text) => {
    if (dates) return scan(text);
    let from = 0;
    for (const m of text.matchAll(ROW)) {
      // Whatever lies outside whole rows (a row cut off in a piece) is looked into as before.
      scan(text.slice(from, m.index));
      from = m.index + m[0].length;
      // A row without a plain number is looked into too.
      const row = Number(attr(m[1], "r"));
      if (m[2] !== undefined && (!Number.isInteger(row) || spanned(row))) scan(m[2]);
    }
    scan(text.slice(from));
  });
  return out;
}

function cellPosition(address: string): Position | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(address);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

/** Is `p` inside the merge from `a` to `b` and not its top-left cell? */
function underMerge(p: Position, a: Position, b: Position): boolean {
  const inside = p.row >= a.row && p.row <= b.row && p.col >= a.col && p.col <= b.col;
  return inside && !(p.row === a.row && p.col === a.col);
}

/** Worksheet part path → the sheet's name, from workbook.xml and its relationships. */
function sheetPartNames(xml: string, rels: readonly Relationship[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const rid = attr(m[0], "r:id") ?? attr(m[0], "id");
    const rel = rels.find((r) => r.id === rid);
    if (name !== undefined && rel) out.set(rel.target, name);
  }
  return out;
}

function isWorksheetPart(part: string, sheets: ReadonlyMap<string, string>): boolean {
  return sheets.has(part) || /^xl\/worksheets\/[^/]+\.xml$/.test(part);
}
