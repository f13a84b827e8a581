/**
 * A guarded package's sheets as snapshots, read from their XML without ExcelJS: what
 * `snapshotWorkbook(openWorkbook(bytes))` gives, in a tenth of the time and without a workbook held in
 * memory, for a command that only reads (checking a file, reading a district's figures). A workbook
 * that will be written back is still opened with ExcelJS. No Node built-ins.
 */
import type { SheetSnapshot } from "../../core/grid";
import { utf8, type GuardedPackage, type UnpackedPart } from "./package-guard";
import { NO_STYLES, readCellStyles } from "./package-styles";
import { snapshotSheetXml } from "./snapshot-xml";
import { attr, elements, elementText, relationships, stringItemText, type Relationship } from "./xml-read";

/** Every worksheet in tab order (hidden ones too), as `snapshotWorkbook` lists them; throws `PackageError` where ExcelJS would refuse the file. */
export function snapshotPackage(pkg: GuardedPackage): SheetSnapshot[] {
  const textOf = partTexts(pkg);
  const workbook = textOf("xl/workbook.xml") ?? "";
  const styles = textOf("xl/styles.xml");
  const shared = {
    styles: styles === undefined ? NO_STYLES : readCellStyles(styles),
    strings: pkg.strings,
    // As ExcelJS reads it: only "1" counts.
    date1904: attr(/<workbookPr\b[^>]*>/.exec(workbook)?.[0] ?? "", "date1904") === "1",
  };
  const sheets: SheetSnapshot[] = [];
  for (const { name, part } of workbookSheets(workbook, textOf)) {
    // ExcelJS reads worksheets named as Excel names them (sheetN.xml); chart sheets and others are no worksheet to it.
    const number = part && /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(part)?.[1];
    const xml = number ? textOf(part) : undefined;
    if (name === undefined || xml === undefined) continue;
    const sheetRels = byId(relationships(textOf(`xl/worksheets/_rels/sheet${number}.xml.rels`) ?? "", "xl/worksheets"));
    sheets.push(
      snapshotSheetXml(xml, {
        ...shared,
        name,
        notes: notesOf(sheetRels, textOf),
        linkedCells: linkedCells(xml, sheetRels),
        rawCells: pkg.rawCells.get(name),
      }),
    );
  }
  return sheets;
}

/** The workbook's `<sheet>` entries in tab order: name, visibility and the part each points at. */
export function workbookSheets(workbook: string, textOf: (name: string) => string | undefined): { name?: string; state?: string; part?: string }[] {
  const rels = byId(relationships(textOf("xl/_rels/workbook.xml.rels") ?? "", "xl"));
  return [...elements(elementText(workbook, "sheets") ?? "", "sheet")].map(({ tag }) => ({
    name: attr(tag, "name"),
    state: attr(tag, "state"),
    part: rels.get(attr(tag, "r:id") ?? "")?.target,
  }));
}

/** The package's parts by name, as text (decoded where the guard did not). */
export function partTexts(pkg: GuardedPackage): (name: string) => string | undefined {
  const parts = new Map<string, UnpackedPart>();
  for (const p of pkg.parts) parts.set(p.name.replace(/^\/+/, "").replace(/\\/g, "/"), p);
  return (name) => {
    const p = parts.get(name);
    return p ? (p.text ?? utf8.decode(p.data)) : undefined;
  };
}

function byId(rels: readonly Relationship[]): Map<string, Relationship> {
  return new Map(rels.map((r) => [r.id, r]));
}

/** The sheet's notes by cell: its comments part's texts (runs joined). */
function notesOf(rels: ReadonlyMap<string, Relationship>, textOf: (name: string) => string | undefined): Map<string, string> {
  const notes = new Map<string, string>();
  for (const rel of rels.values()) {
    if (!rel.type.endsWith("/comments") || rel.external) continue;
    for (const { tag, body } of elements(textOf(rel.target) ?? "", "comment")) {
      const ref = attr(tag, "ref");
      const text = stringItemText(elementText(body, "text") ?? "");
      if (ref && text) notes.set(ref, text);
    }
  }
  return notes;
}

/** Cells with a link to somewhere outside the workbook (its relationship known): ExcelJS reads them as links. */
function linkedCells(xml: string, rels: ReadonlyMap<string, Relationship>): Set<string> {
  const cells = new Set<string>();
  if (!xml.includes("<hyperlink")) return cells;
  for (const { tag } of elements(elementText(xml, "hyperlinks") ?? "", "hyperlink")) {
    const ref = attr(tag, "ref");
    const id = attr(tag, "r:id");
    if (ref && id && rels.has(id)) cells.add(ref);
  }
  return cells;
}
