/**
 * District sheets copied into a summary workbook as XML (`sheet-xml-copy.ts`) instead of through
 * ExcelJS's model: a 38-file consolidation's district sheets were most of reading, copying and writing
 * it. Each copy has a placeholder worksheet in the summary: ExcelJS writes its name, visibility, print
 * titles and notes (its comments and their drawing, the person's notes from the file and Huishen's), and
 * the copy's XML takes the place of the placeholder's. A sheet whose file links parts this does not
 * carry over (images, tables, links out of the workbook) is copied through ExcelJS instead
 * (`xmlCopyable`). Node only: ExcelJS's own parsers read the file's styles and notes.
 */
import type * as ExcelJS from "exceljs";
import { PlanError } from "../../core/plan/plan-error";
import type { SheetPlan, WritePlan } from "../../core/plan/write-plan";
import type { SheetSnapshot } from "../../core/grid";
import { solidFill } from "./cell-style";
import { inRange, sheetRenamer } from "./copy-sheet";
import { ValueType } from "./exceljs";
import type { GuardedPackage } from "./package-guard";
import { copySheetXml, type SheetXmlCopy, type TargetIds } from "./sheet-xml-copy";
import { partTexts, workbookSheets } from "./snapshot-package";
import { attr, elements, elementText, relationships, runText } from "./xml-read";

/* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS's parsers, not in its typings */
type Parser<T> = new () => { parseStream(chunks: Iterable<string>): Promise<T> };
interface SourceStyles {
  getStyleModel(id: number): Partial<ExcelJS.Style> | null;
  model: { dxfs?: object[] };
}
interface NoteModel {
  ref: string;
  note: object;
}
const StylesXform = require("exceljs/lib/xlsx/xform/style/styles-xform") as new () => SourceStyles & { parseStream(c: Iterable<string>): Promise<unknown> };
const CommentsXform = require("exceljs/lib/xlsx/xform/comment/comments-xform") as Parser<{ comments: NoteModel[] }>;
const VmlNotesXform = require("exceljs/lib/xlsx/xform/comment/vml-notes-xform") as Parser<{ comments: object[] }>;
/* eslint-enable @typescript-eslint/no-require-imports */

/** The summary's style table and shared strings while it is written (ExcelJS's, after `prepareModel`). */
export interface TargetTables {
  readonly styles: {
    addStyleModel(model: Partial<ExcelJS.Style>, cellType: number): number;
    addDxfStyle(style: object): number;
  };
  readonly sharedStrings: { add(text: string): number };
}

interface XmlCopy {
  readonly copy: Omit<SheetXmlCopy, "plan" | "notesDrawingId">;
  readonly styles: SourceStyles;
  plan?: SheetXmlCopy["plan"];
}

const copiesOf = new WeakMap<ExcelJS.Workbook, Map<string, XmlCopy>>();

/** Where the sheet called `name` is in the package: its part, its number among the sheets, its visibility. */
function sheetPart(pkg: GuardedPackage, name: string) {
  const text = partTexts(pkg);
  const workbook = text("xl/workbook.xml") ?? "";
  const sheets = workbookSheets(workbook, text);
  const index = sheets.findIndex((s) => s.name === name);
  const part = sheets[index]?.part;
  return part ? { part, index, state: sheets[index].state, workbook, text } : undefined;
}

const CARRIED = /\/(comments|vmlDrawing|printerSettings)$/;

/**
 * Can the sheet be copied as XML: it relates to nothing but its notes and printer settings, refers to
 * no relationship elsewhere (a link out of the workbook, a drawing), and its workbook counts dates from
 * 1900 as the summary does (a 1904 workbook's dates would move four years).
 */
export function xmlCopyable(pkg: GuardedPackage, name: string): boolean {
  const at = sheetPart(pkg, name);
  if (!at) return false;
  if (/<workbookPr\b[^>]*\sdate1904="(?:1|true)"/.test(at.workbook)) return false;
  const xml = at.text(at.part);
  if (xml === undefined) return false;
  const rels = relationships(at.text(relsPath(at.part)) ?? "", folder(at.part));
  if (!rels.every((r) => CARRIED.test(r.type))) return false;
  // Every r:id sits on the page setup or the notes' drawing.
  for (let at = xml.indexOf("r:id="); at >= 0; at = xml.indexOf("r:id=", at + 5)) {
    const tag = /^<([\w:]+)/.exec(xml.slice(xml.lastIndexOf("<", at), at))?.[1];
    if (tag !== "pageSetup" && tag !== "legacyDrawing") return false;
  }
  return true;
}

function folder(part: string): string {
  return part.slice(0, part.lastIndexOf("/"));
}

function relsPath(part: string): string {
  return `${folder(part)}/_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;
}

const stylesByText = new Map<string, Promise<SourceStyles>>();

/** A file's style table, parsed once for every file that has the same (districts fill one template). */
function sourceStyles(text: string): Promise<SourceStyles> {
  const known = stylesByText.get(text);
  if (known) return known;
  const styles = (async () => {
    const x = new StylesXform();
    await x.parseStream([text]);
    return x;
  })();
  if (stylesByText.size > 16) stylesByText.clear();
  stylesByText.set(text, styles);
  return styles;
}

/**
 * Add `sheet` of the district file `pkg` to `out` as `name`, as XML (check `xmlCopyable` first): a
 * placeholder worksheet with the sheet's visibility, print titles and notes, its XML kept for writing.
 */
export async function addXmlCopy(pkg: GuardedPackage, sheet: SheetSnapshot, out: ExcelJS.Workbook, name: string): Promise<ExcelJS.Worksheet> {
  const at = sheetPart(pkg, sheet.name);
  if (!at) throw new Error(`addXmlCopy: no sheet "${sheet.name}"`);
  const ws = out.addWorksheet(name);
  if (at.state === "hidden" || at.state === "veryHidden") ws.state = at.state;
  printRanges(at.workbook, at.index, ws);
  await copyNotes(at.text, at.part, ws);
  // Values the file holds under merged ranges: the copy keeps them and leaves those ranges unmerged.
  const hidden = [...(pkg.rawCells.get(sheet.name) ?? new Map()).keys()];
  const unmerge = new Set((sheet.merges ?? []).filter((range) => hidden.some((a) => inRange(a, range))));
  const strings = at.text("xl/sharedStrings.xml");
  const record: XmlCopy = {
    copy: {
      xml: at.text(at.part)!,
      sharedStrings: strings ? [...elements(strings, "si")].map((si) => si.body) : [],
      rename: sheet.name === name ? (f) => f : sheetRenamer(sheet.name, name),
      unmerge,
    },
    styles: await sourceStyles(at.text("xl/styles.xml") ?? "<styleSheet/>"),
  };
  let copies = copiesOf.get(out);
  if (!copies) copiesOf.set(out, (copies = new Map()));
  copies.set(name, record);
  return ws;
}

/** Print area and titles, as ExcelJS reads them from the workbook's names: on the placeholder, whose names ExcelJS writes. */
function printRanges(workbook: string, index: number, ws: ExcelJS.Worksheet): void {
  for (const { tag, body } of elements(elementText(workbook, "definedNames") ?? "", "definedName")) {
    if (attr(tag, "localSheetId") !== String(index)) continue;
    const value = body.replace(/&apos;/g, "'").replace(/&amp;/g, "&");
    const name = attr(tag, "name");
    if (name === "_xlnm.Print_Area") {
      const area = /!?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(value.split(",")[0]);
      if (area) ws.pageSetup.printArea = area[3] ? `${area[1]}${area[2]}:${area[3]}${area[4]}` : `${area[1]}${area[2]}`;
    } else if (name === "_xlnm.Print_Titles") {
      const rows = /\$\d+:\$\d+/.exec(value);
      const cols = /\$[A-Z]+:\$[A-Z]+/.exec(value);
      if (rows) ws.pageSetup.printTitlesRow = rows[0].replace(/\$/g, "");
      if (cols) ws.pageSetup.printTitlesColumn = cols[0].replace(/\$/g, "");
    }
  }
}

/** The file's notes on the placeholder's cells, with their drawing's settings, as ExcelJS reads them. */
async function copyNotes(text: (name: string) => string | undefined, part: string, ws: ExcelJS.Worksheet): Promise<void> {
  const rels = relationships(text(relsPath(part)) ?? "", folder(part));
  const comments = rels.find((r) => r.type.endsWith("/comments"));
  const xml = comments && text(comments.target);
  if (!xml) return;
  const { comments: notes } = await new CommentsXform().parseStream([xml]);
  const vmlRel = rels.find((r) => r.type.endsWith("/vmlDrawing"));
  const vmlText = vmlRel && text(vmlRel.target);
  const vml = vmlText ? (await new VmlNotesXform().parseStream([vmlText])).comments : [];
  notes.forEach((n, i) => {
    if (n.ref) ws.getCell(n.ref).note = { ...n.note, ...(vml[i] ?? {}) } as ExcelJS.Comment;
  });
}

/**
 * The plan with the XML copies' cell flags taken out and kept for writing them: what remains for each
 * copy (its notes) applies to its placeholder like any sheet's. A copy's plan may only flag (values in
 * its cells, fills, notes): anything else is a plan this path cannot carry.
 */
export function takeCopyFlags(out: ExcelJS.Workbook, plan: WritePlan): WritePlan {
  const copies = copiesOf.get(out);
  if (!copies) return plan;
  return {
    ...plan,
    sheets: plan.sheets.map((sp) => {
      const copy = copies.get(sp.name);
      if (!copy) return sp;
      const other = Object.keys(sp).filter((k) => !["name", "mode", "cellColumns", "fills", "notes", "clearFlags"].includes(k) && sp[k as keyof SheetPlan] !== undefined);
      if (sp.mode !== "update" || other.length > 0) throw new PlanError([`${sp.name}: a copied district sheet takes flags only (not ${other.join(", ") || sp.mode})`]);
      copy.plan = { cellColumns: sp.cellColumns, fills: sp.fills, clearFlags: { fills: sp.clearFlags?.fills ?? [], notes: [] } };
      return { name: sp.name, mode: "update", notes: sp.notes, clearFlags: { fills: [], notes: sp.clearFlags?.notes ?? [] } } satisfies SheetPlan;
    }),
  };
}

/** The XML of the copy whose placeholder ExcelJS is writing (its prepared model), or undefined for any other sheet. */
export function xmlCopyOf(wb: ExcelJS.Workbook, sheet: { name: string; rels?: { Id: string; Type: string }[] }, target: TargetTables): string | undefined {
  const copy = copiesOf.get(wb)?.get(sheet.name);
  if (!copy) return undefined;
  const notesDrawingId = sheet.rels?.find((r) => r.Type.endsWith("/vmlDrawing"))?.Id;
  return copySheetXml({ ...copy.copy, plan: copy.plan, notesDrawingId }, targetIds(copy, target));
}

/**
 * Per summary being written (by its shared strings table), what the copies have in common: districts
 * fill one template, so their files share most strings and one style table. Each is looked up once for
 * all of them, not once per copy.
 */
interface SharedLookups {
  /** Summary index by a source string's `<si>` content (undefined: rich text, written in place). */
  readonly strings: Map<string, number | undefined>;
  /** Per source style table, the summary's id by the source's, as it is (`plain`) and with a flag's change (`changed`). */
  readonly styles: WeakMap<SourceStyles, { readonly plain: Map<number, number>; readonly changed: Map<string, number> }>;
}

const lookupsOf = new WeakMap<TargetTables["sharedStrings"], SharedLookups>();

function sharedLookups(target: TargetTables): SharedLookups {
  let lookups = lookupsOf.get(target.sharedStrings);
  if (!lookups) lookupsOf.set(target.sharedStrings, (lookups = { strings: new Map(), styles: new WeakMap() }));
  return lookups;
}

/** The source's style ids and shared strings as the summary's, each looked up once. */
function targetIds(copy: XmlCopy, tables: TargetTables): TargetIds {
  const { styles: target, sharedStrings } = tables;
  const source = copy.styles;
  const lookups = sharedLookups(tables);
  const strings = new Map<number, number | undefined>();
  let ids = lookups.styles.get(source);
  if (!ids) lookups.styles.set(source, (ids = { plain: new Map(), changed: new Map() }));
  const { plain, changed } = ids;
  const dxfs = new Map<number, number>();
  const model = (id: number): Partial<ExcelJS.Style> => (id ? (source.getStyleModel(id) ?? {}) : {});
  return {
    cell: (id, change) => {
      if (change?.fill === undefined && !change?.date) {
        let out = plain.get(id);
        if (out === undefined) plain.set(id, (out = target.addStyleModel(model(id), ValueType.Number)));
        return out;
      }
      const key = `${id} ${change.fill} ${change.date === true}`;
      let out = changed.get(key);
      if (out === undefined) {
        const style = { ...model(id) };
        if (change.fill === null) delete style.fill;
        else if (change.fill !== undefined) style.fill = solidFill(change.fill);
        if (change.date && (!style.numFmt || style.numFmt === "General")) style.numFmt = "yyyy-mm-dd";
        changed.set(key, (out = target.addStyleModel(style, ValueType.Number)));
      }
      return out;
    },
    sharedString: (i) => {
      if (strings.has(i)) return strings.get(i);
      const si = copy.copy.sharedStrings[i] ?? "<r/>";
      let out: number | undefined;
      if (lookups.strings.has(si)) out = lookups.strings.get(si);
      else {
        // Plain text (one <t>) joins the summary's strings, as ExcelJS's copy adds it; rich text stays in place.
        const text = /^\s*<t\b[^>]*?(?:\/>|>([^<]*)<\/t>)\s*$/.exec(si);
        out = text ? sharedStrings.add(runText(text[1] ?? "")) : undefined;
        lookups.strings.set(si, out);
      }
      strings.set(i, out);
      return out;
    },
    dxf: (id) => {
      let out = dxfs.get(id);
      if (out === undefined) dxfs.set(id, (out = target.addDxfStyle({ ...(source.model.dxfs?.[id] ?? {}) })));
      return out;
    },
  };
}
