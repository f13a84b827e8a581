/**
 * Before ExcelJS sees a workbook: its parts' declared sizes are checked against a limit, every part
 * is unpacked in chunks and stopped where it inflates past what it declares, and for a read-only
 * action the worksheets it does not need (large, no Huishen marker, not one of Huishen's own) are
 * replaced by empty stand-ins. So the cost of opening any file is bounded by the limit, and a
 * template sheet beside a 200,000-row data sheet is read in the time the template takes.
 */
import { MARKER_PREFIX } from "../../core/sheet/layout";
import { readCentralDirectory, ZipFormatError, type ZipEntry } from "./zip/central-directory";
import { inflateEntry } from "./zip/inflate-entry";
import { storedEntry, writeZip, type RawEntry } from "./zip/write-zip";

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

export interface GuardedPackage {
  /** The package to load: the input itself when nothing was left out. */
  readonly bytes: Uint8Array;
  /** Names of the sheets replaced by empty stand-ins. */
  readonly skippedSheets: readonly string[];
  /**
   * Per sheet name, cells whose value ExcelJS would drop or misread: values under a merged range
   * (ExcelJS keeps only the top-left one) and date-typed cells (`t="d"`, which it reads as the year).
   */
  readonly rawCells: ReadonlyMap<string, ReadonlyMap<string, RawCell>>;
}

/** A sheet part under this size is kept without asking whether it is needed: small sheets cost nothing. */
const SMALL_SHEET = 1 * MiB;
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

  const byName = new Map(entries.map((e) => [normalise(e.name), e]));
  const workbook = byName.get("xl/workbook.xml");
  const rels = byName.get("xl/_rels/workbook.xml.rels");
  const relTargets = rels ? relationships(textOf(pkg, rels)) : [];
  const sheetNames = workbook ? sheetPartNames(textOf(pkg, workbook), relTargets) : new Map<string, string>();
  const sharedPath = relTargets.find((r) => r.type.endsWith("/sharedStrings"))?.target ?? "xl/sharedStrings.xml";
  const shared = byName.get(sharedPath);
  if (!shared && relTargets.some((r) => r.type.endsWith("/sharedStrings"))) throw new PackageError({ kind: "missingPart", part: sharedPath });
  const strings = shared ? sharedStrings(pkg, shared) : { texts: [], markers: new Set<number>() };

  const kept: ZipEntry[] = [];
  const skipped: ZipEntry[] = [];
  let usesSharedStrings = false;
  const rawCells = new Map<string, Map<string, RawCell>>();
  for (const e of entries) {
    const part = normalise(e.name);
    if (e === shared || e === workbook || e === rels) {
      kept.push(e);
      continue;
    }
    if (!isWorksheetPart(part, sheetNames)) {
      inflateEntry(pkg, e, () => undefined);
      kept.push(e);
      continue;
    }
    const scan = scanSheet(pkg, e, strings.markers);
    usesSharedStrings ||= scan.sharedRefs;
    const name = sheetNames.get(part) ?? part;
    const needed = opts.scope === "all" || e.size <= SMALL_SHEET || scan.marker || (opts.ownSheet?.(name) ?? false);
    (needed ? kept : skipped).push(e);
    if (needed && (scan.merges || scan.dates)) {
      const cells = lostCells(pkg, e, strings.texts);
      if (cells.size > 0) rawCells.set(name, cells);
    }
  }
  if (usesSharedStrings && !shared) throw new PackageError({ kind: "missingPart", part: sharedPath });
  const loaded = kept.reduce((n, e) => n + e.size, 0);
  if (loaded > limits.maxLoadedBytes) throw new PackageError({ kind: "tooLarge", bytes: loaded, limit: limits.maxLoadedBytes });
  if (skipped.length === 0) return { bytes: pkg, skippedSheets: [], rawCells };

  const left = new Set(skipped);
  const raw: RawEntry[] = entries.map((e) =>
    left.has(e)
      ? storedEntry(e.name, EMPTY_SHEET, e.time, e.date)
      : { name: e.name, method: e.method, crc32: e.crc32, size: e.size, data: pkg.subarray(e.dataOffset, e.dataOffset + e.compressedSize), time: e.time, date: e.date },
  );
  return { bytes: writeZip(raw), skippedSheets: skipped.map((e) => sheetNames.get(normalise(e.name)) ?? e.name), rawCells };
}

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

function normalise(name: string): string {
  return name.replace(/^\/+/, "").replace(/\\/g, "/");
}

/** A small part (workbook, relationships) as text. */
function textOf(pkg: Uint8Array, e: ZipEntry): string {
  const chunks: Uint8Array[] = [];
  inflateEntry(pkg, e, (c) => chunks.push(c.slice()));
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return utf8.decode(all);
}

/**
 * Feed a part's text to `onText` in pieces that end at `boundary` (`</row>`, `</si>`), so a cell is
 * never split between pieces. Latin-1 is enough: everything matched is ASCII. A piece without a
 * boundary for 4 MB (a pathological cell) is cut anyway.
 */
function scanText(pkg: Uint8Array, e: ZipEntry, boundary: string, onText: (text: string) => void): void {
  let carry = "";
  inflateEntry(pkg, e, (chunk) => {
    const text = carry + latin1.decode(chunk);
    const cut = text.lastIndexOf(boundary);
    if (cut >= 0) {
      onText(text.slice(0, cut + boundary.length));
      carry = text.slice(cut + boundary.length);
    } else if (text.length > 4 * MiB) {
      onText(text);
      carry = "";
    } else carry = text;
  });
  onText(carry);
}

/** The shared strings' plain texts (bytes as Latin-1, decoded later where used), and which are Huishen's template marker. */
function sharedStrings(pkg: Uint8Array, e: ZipEntry): { texts: string[]; markers: Set<number> } {
  const texts: string[] = [];
  const markers = new Set<number>();
  scanText(pkg, e, "</si>", (text) => {
    for (const m of text.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
      const plain = [...(m[1] ?? "").matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join("");
      if (plain.startsWith(MARKER_PREFIX)) markers.add(texts.length);
      texts.push(plain);
    }
  });
  return { texts, markers };
}

const SHARED_CELL = /<c\b[^>]*?\bt="s"[^>]*>\s*<v>(\d+)<\/v>/g;

/** Does the sheet carry the marker (shared or inline), use shared strings at all, merge cells, hold date-typed cells? */
function scanSheet(pkg: Uint8Array, e: ZipEntry, markers: ReadonlySet<number>): { marker: boolean; sharedRefs: boolean; merges: boolean; dates: boolean } {
  let marker = false;
  let sharedRefs = false;
  let merges = false;
  let dates = false;
  scanText(pkg, e, "</row>", (text) => {
    sharedRefs ||= text.includes('t="s"');
    merges ||= text.includes("<mergeCell ");
    dates ||= text.includes('t="d"');
    if (marker) return;
    if (text.includes(MARKER_PREFIX)) marker = true;
    else if (markers.size > 0) for (const m of text.matchAll(SHARED_CELL)) if (markers.has(Number(m[1]))) marker = true;
  });
  return { marker, sharedRefs, merges, dates };
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

/**
 * The values ExcelJS would lose on this sheet: every cell under a merged range but its top-left one,
 * and every date-typed cell. A second pass, made only on sheets that have either.
 */
function lostCells(pkg: Uint8Array, e: ZipEntry, strings: readonly string[]): Map<string, RawCell> {
  const candidates = new Map<string, RawCell>();
  const ranges: string[] = [];
  scanText(pkg, e, "</row>", (text) => {
    for (const m of text.matchAll(CELL)) {
      const r = attr(m[1], "r");
      const v = /<v>([^<]*)<\/v>/.exec(m[2] ?? "")?.[1];
      const type = attr(m[1], "t") ?? "n";
      if (!r) continue;
      if (type === "d" && v) candidates.set(r, { kind: "date", iso: v });
      else if (type === "n" && v && Number.isFinite(Number(v))) candidates.set(r, { kind: "number", value: Number(v) });
      else if (type === "s" && v) candidates.set(r, { kind: "text", value: utf8Text(strings[Number(v)] ?? "") });
      else if ((type === "str" || type === "inlineStr") && m[2]) candidates.set(r, { kind: "text", value: utf8Text(unescapeXml(m[2].replace(/<[^>]+>/g, ""))) });
    }
    for (const m of text.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)) ranges.push(m[1]);
  });
  const rects = ranges.flatMap((range) => {
    const [a, b] = range.split(":").map(cellPosition);
    return a && b ? [{ a, b }] : [];
  });
  const out = new Map<string, RawCell>();
  for (const [address, value] of candidates) {
    if (value.kind === "date") out.set(address, value);
    else if (rects.length > 0) {
      const p = cellPosition(address);
      if (p && rects.some(({ a, b }) => underMerge(p, a, b))) out.set(address, value);
    }
  }
  return out;
}

/** Latin-1 scanned text back to the UTF-8 it was. */
function utf8Text(latin: string): string {
  const bytes = new Uint8Array(latin.length);
  for (let i = 0; i < latin.length; i++) bytes[i] = latin.charCodeAt(i);
  return utf8.decode(bytes);
}

function cellPosition(address: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(address);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

/** Is `p` inside the merge from `a` to `b` and not its top-left cell? */
function underMerge(p: { row: number; col: number }, a: { row: number; col: number }, b: { row: number; col: number }): boolean {
  const inside = p.row >= a.row && p.row <= b.row && p.col >= a.col && p.col <= b.col;
  return inside && !(p.row === a.row && p.col === a.col);
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Package path, resolved from xl/. */
  readonly target: string;
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

function relationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].flatMap((m) => {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (!id || !target) return [];
    return [{ id, type: attr(m[0], "Type") ?? "", target: target.startsWith("/") ? normalise(target) : `xl/${target.replace(/^\.\//, "")}` }];
  });
}

/** Worksheet part path → the sheet's name, from workbook.xml and its relationships. */
function sheetPartNames(xml: string, rels: readonly Relationship[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const rid = /\br:id="([^"]*)"|\bid="([^"]*)"/.exec(m[0]);
    const rel = rels.find((r) => r.id === (rid?.[1] ?? rid?.[2]));
    if (name !== undefined && rel) out.set(rel.target, unescapeXml(name));
  }
  return out;
}

function isWorksheetPart(part: string, sheets: ReadonlyMap<string, string>): boolean {
  return sheets.has(part) || /^xl\/worksheets\/[^/]+\.xml$/.test(part);
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (whole, e: string) => {
    if (ENTITIES[e]) return ENTITIES[e];
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
