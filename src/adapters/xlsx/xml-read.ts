/**
 * Reading the parts of a package as text, without an XML library: the package guard and the snapshot
 * reader look into parts whose shape the OOXML schema fixes (a worksheet's rows and cells, the shared
 * strings, the styles), so expressions over the text do, as an XML parser would hand the same text on.
 * No Node built-ins: the pane and the workbench use it too.
 */

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };

/** Text or an attribute value as an XML parser hands it on: the five entities and character references replaced. */
export function xmlDecode(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(lt|gt|quot|apos|amp|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (whole, e: string) => {
    if (ENTITIES[e]) return ENTITIES[e];
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const attributes = new Map<string, RegExp>();

/** An attribute's value in a tag's text, decoded; each name's expression is compiled once. */
export function attr(tag: string, name: string): string | undefined {
  let re = attributes.get(name);
  if (!re) attributes.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  if (!m) return undefined;
  return xmlDecode(m[1] ?? m[2]);
}

/** The text between `<name …>` and `</name>`, or undefined where there is none (an empty `<name/>` gives ""). */
export function elementText(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${name}>)`).exec(xml);
  return m ? (m[2] ?? "") : undefined;
}

/** Each `<name …>…</name>` or `<name …/>` in `xml`: its tag's attributes' text and its content ("" when empty). */
export function* elements(xml: string, name: string): Generator<{ tag: string; body: string }> {
  const re = new RegExp(`<${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${name}>)`, "g");
  for (const m of xml.matchAll(re)) yield { tag: m[1], body: m[2] ?? "" };
}

/** A cell tag's address, type and style as written (entities left as they are), and its other attributes' text. */
export interface CellTag {
  r?: string;
  t?: string;
  s?: string;
  /** Every other attribute, as the tag has it (` name="value"` each). */
  rest: string;
}

/**
 * A `<c>` tag's attributes, read by hand: a sheet has thousands of cells, and an expression per
 * attribute was a tenth of reading one.
 */
export function cellTag(attrs: string): CellTag {
  const out: CellTag = { rest: "" };
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    if (attrs.charCodeAt(i) <= 32) {
      i++;
      continue;
    }
    const eq = attrs.indexOf("=", i);
    if (eq < 0) break;
    let q = eq + 1;
    while (q < n && attrs.charCodeAt(q) <= 32) q++;
    const quote = attrs[q];
    if (quote !== '"' && quote !== "'") break;
    const end = attrs.indexOf(quote, q + 1);
    if (end < 0) break;
    const name = attrs.slice(i, eq).trim();
    const value = attrs.slice(q + 1, end);
    if (name === "r") out.r = value;
    else if (name === "t") out.t = value;
    else if (name === "s") out.s = value;
    else out.rest += ` ${attrs.slice(i, end + 1)}`;
    i = end + 1;
  }
  return out;
}

/** The 1-based column of an address such as "AB12" or "$AB$12"; undefined for anything else. */
export function addressColumn(address: string): number | undefined {
  let col = 0;
  let i = address.charCodeAt(0) === 36 ? 1 : 0; // $
  const start = i;
  for (; i < address.length && i - start < 4; i++) {
    const c = address.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  if (i === start || i - start > 3) return undefined;
  if (address.charCodeAt(i) === 36) i++;
  if (i >= address.length) return undefined;
  for (; i < address.length; i++) {
    const d = address.charCodeAt(i);
    if (d < 48 || d > 57) return undefined;
  }
  return col;
}

/** The rows' part of a worksheet (`<sheetData>`'s content), found by search: a lazy expression walked the whole part. */
export function sheetDataOf(xml: string): string {
  const open = xml.indexOf("<sheetData");
  if (open < 0) return "";
  const start = xml.indexOf(">", open);
  if (xml[start - 1] === "/") return "";
  const end = xml.lastIndexOf("</sheetData>");
  return end > start ? xml.slice(start + 1, end) : "";
}

/** "1" and "true" (XML's booleans as ExcelJS reads them). */
export function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

/**
 * What a run of text shows, as ExcelJS reads `<t>`: the pieces joined and each `_xHHHH_` escape (a
 * character XML cannot hold) turned back into its character.
 */
export function runText(text: string): string {
  return xmlDecode(text).replace(/_x([0-9A-F]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * A rich or plain string's text (`<si>`, `<is>`, a note's `<text>`): its runs' `<t>` joined, phonetic
 * guides (`<rPh>`, the reading of a name) left out.
 */
export function stringItemText(body: string): string {
  const plain = body.includes("<rPh") ? body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : body;
  let text = "";
  for (const m of plain.matchAll(/<t\b[^>]*?(?:\/>|>([^<]*)<\/t>)/g)) text += runText(m[1] ?? "");
  return text;
}

/** A package path from a relationship's target: relative to the part's folder, or absolute from the package's root. */
export function resolveTarget(folder: string, target: string): string {
  if (target.startsWith("/")) return target.replace(/^\/+/, "");
  const parts = folder.split("/").filter(Boolean);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The package path it points at (external targets as written). */
  readonly target: string;
  readonly external: boolean;
}

/** A relationships part's entries; `folder` is the folder of the part they belong to ("xl" for the workbook's). */
export function relationships(xml: string, folder: string): Relationship[] {
  const out: Relationship[] = [];
  for (const { tag } of elements(xml, "Relationship")) {
    const id = attr(tag, "Id");
    const target = attr(tag, "Target");
    if (!id || target === undefined) continue;
    const external = attr(tag, "TargetMode") === "External";
    out.push({ id, type: attr(tag, "Type") ?? "", target: external ? target : resolveTarget(folder, target), external });
  }
  return out;
}
