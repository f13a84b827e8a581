/**
 * Loading a workbook from its parts already unpacked, without ExcelJS's zip library: ExcelJS 4.4's
 * `XLSX.load`, step for step, with the parts the package guard unpacked in place of JSZip's entries.
 * Through `load`, every part was packed again (stored) for JSZip, read back through its stream workers and
 * decoded a second time: about a tenth of reading a district file. Node only (the modules below are
 * ExcelJS's own, absent from its one-file browser build); the command line passes it as the adapter's
 * `loader`. test/adapters/xlsx/load-parts.test.ts holds it to what `load` builds.
 */
import { utf8 } from "./package-guard";
import type { PartsLoader } from "./read";

/* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS's parsers, not in its typings */
type Parser = new () => { parseStream(chunks: Iterable<string>): Promise<unknown> };
const StylesXform = require("exceljs/lib/xlsx/xform/style/styles-xform") as Parser;
const SharedStringsXform = require("exceljs/lib/xlsx/xform/strings/shared-strings-xform") as Parser;
const AppXform = require("exceljs/lib/xlsx/xform/core/app-xform") as Parser;
const CoreXform = require("exceljs/lib/xlsx/xform/core/core-xform") as Parser;
/* eslint-enable @typescript-eslint/no-require-imports */

/** The steps of `XLSX.load` this takes from the workbook's reader (methods, not in ExcelJS's typings). */
interface XlsxReader {
  parseRels(chunks: Iterable<string>): Promise<unknown>;
  parseWorkbook(chunks: Iterable<string>): Promise<{ sheets: unknown; definedNames: unknown; views: unknown; properties: unknown; calcProperties: unknown }>;
  _processWorksheetEntry(chunks: Iterable<string>, model: Model, sheetNo: string, options: undefined, path: string): Promise<void>;
  _processWorksheetRelsEntry(chunks: Iterable<string>, model: Model, sheetNo: string): Promise<void>;
  _processDrawingEntry(chunks: Iterable<string>, model: Model, name: string): Promise<void>;
  _processCommentEntry(chunks: Iterable<string>, model: Model, name: string): Promise<void>;
  _processTableEntry(chunks: Iterable<string>, model: Model, name: string): Promise<void>;
  _processDrawingRelsEntry(chunks: Iterable<string>, model: Model, name: string): Promise<void>;
  _processVmlDrawingEntry(chunks: Iterable<string>, model: Model, name: string): Promise<void>;
  reconcile(model: Model, options: undefined): void;
}

type Model = Record<string, unknown> & {
  themes: Record<string, string>;
  media: { type: string; name: string; extension: string; buffer: Buffer }[];
  mediaIndex: Record<string, number>;
};


/** Each part in package order, as `load` handles JSZip's entries; the workbook holds the result. */
export const loadParts: PartsLoader = async (wb, parts) => {
  const x = wb.xlsx as unknown as XlsxReader;
  const model: Model = {
    worksheets: [],
    worksheetHash: {},
    worksheetRels: [],
    themes: {},
    media: [],
    mediaIndex: {},
    drawings: {},
    drawingRels: {},
    comments: {},
    tables: {},
    vmlDrawings: {},
  };
  for (const part of parts) {
    if (part.name.endsWith("/")) continue; // a folder entry
    const name = part.name.startsWith("/") ? part.name.slice(1) : part.name;
    const media = /xl\/media\/([a-zA-Z0-9]+[.][a-zA-Z0-9]{3,4})$/.exec(name);
    if (media || name.includes("xl/media/")) {
      if (media) addMedium(model, media[1], part.data);
      continue;
    }
    const text = part.text ?? utf8.decode(part.data);
    const theme = /xl\/theme\/([a-zA-Z0-9]+)[.]xml/.exec(name);
    if (theme) {
      model.themes[theme[1]] = text;
      continue;
    }
    const chunks = pieces(text);
    switch (name) {
      case "_rels/.rels":
        model.globalRels = await x.parseRels(chunks);
        break;
      case "xl/workbook.xml": {
        const book = await x.parseWorkbook(chunks);
        model.sheets = book.sheets;
        model.definedNames = book.definedNames;
        model.views = book.views;
        model.properties = book.properties;
        model.calcProperties = book.calcProperties;
        break;
      }
      case "xl/_rels/workbook.xml.rels":
        model.workbookRels = await x.parseRels(chunks);
        break;
      case "xl/sharedStrings.xml": {
        const strings = new SharedStringsXform();
        await strings.parseStream(chunks);
        model.sharedStrings = strings;
        break;
      }
      case "xl/styles.xml": {
        const styles = new StylesXform();
        await styles.parseStream(chunks);
        model.styles = styles;
        break;
      }
      case "docProps/app.xml": {
        const app = (await new AppXform().parseStream(chunks)) as { company?: unknown; manager?: unknown };
        model.company = app.company;
        model.manager = app.manager;
        break;
      }
      case "docProps/core.xml":
        Object.assign(model, await new CoreXform().parseStream(chunks));
        break;
      default:
        await otherPart(x, model, name, chunks);
    }
  }
  x.reconcile(model, undefined);
  (wb as unknown as { model: Model }).model = model;
};

/**
 * A part's text in the 16 KiB pieces `load` writes to its parsers (which take any iterable of text).
 * Their events are gathered per piece: handed a large sheet whole, a parser held every event of it at once.
 */
function* pieces(text: string): Generator<string> {
  const size = 16 * 1024;
  for (let i = 0; i < text.length; i += size) yield text.substring(i, i + size);
}

/** The parts `load` recognises by their path's pattern, tried in its order. */
async function otherPart(x: XlsxReader, model: Model, name: string, chunks: Iterable<string>): Promise<void> {
  let m: RegExpExecArray | null;
  if ((m = /xl\/worksheets\/sheet(\d+)[.]xml/.exec(name))) return x._processWorksheetEntry(chunks, model, m[1], undefined, name);
  if ((m = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/.exec(name))) return x._processWorksheetRelsEntry(chunks, model, m[1]);
  if ((m = /xl\/drawings\/([a-zA-Z0-9]+)[.]xml/.exec(name))) return x._processDrawingEntry(chunks, model, m[1]);
  if ((m = /xl\/(comments\d+)[.]xml/.exec(name))) return x._processCommentEntry(chunks, model, m[1]);
  if ((m = /xl\/tables\/(table\d+)[.]xml/.exec(name))) return x._processTableEntry(chunks, model, m[1]);
  if ((m = /xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/.exec(name))) return x._processDrawingRelsEntry(chunks, model, m[1]);
  if ((m = /xl\/drawings\/(vmlDrawing\d+)[.]vml/.exec(name))) return x._processVmlDrawingEntry(chunks, model, m[1]);
}

/** As `_processMediaEntry` keeps an image: by its name with and without the extension (none: left out). */
function addMedium(model: Model, filename: string, bytes: Uint8Array): void {
  const dot = filename.lastIndexOf(".");
  if (dot < 1) return;
  const name = filename.slice(0, dot);
  model.mediaIndex[filename] = model.media.length;
  model.mediaIndex[name] = model.media.length;
  model.media.push({ type: "image", name, extension: filename.slice(dot + 1), buffer: Buffer.from(bytes) });
}
