/**
 * Every worksheet's parts (the sheet, its relationships, its notes and their drawing) as ExcelJS 4.4's
 * `XLSX.addWorksheets` writes them, with the rows and cells rendered by `sheetDataRenderer` and the
 * data validations by `dataValidationsRenderer`.
 */
import { dataValidationsRenderer } from "./render-data-validations";
import { sheetDataRenderer } from "./render-sheet-data";
import { XmlStream, type XmlStreamLike } from "./xml-text";

/* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS's renderers, not in its typings */
type Renderer = new () => { render(stream: XmlStreamLike, model: unknown): void };
const WorksheetXform = require("exceljs/lib/xlsx/xform/sheet/worksheet-xform") as new () => { render(stream: XmlStreamLike, model: unknown): void; map: Record<string, unknown> };
const RelationshipsXform = require("exceljs/lib/xlsx/xform/core/relationships-xform") as Renderer;
const CommentsXform = require("exceljs/lib/xlsx/xform/comment/comments-xform") as Renderer;
const VmlNotesXform = require("exceljs/lib/xlsx/xform/comment/vml-notes-xform") as Renderer;
/* eslint-enable @typescript-eslint/no-require-imports */

/** A worksheet's model after `prepareModel`, as far as choosing its parts goes. */
interface PreparedSheet {
  id: number;
  name: string;
  rels?: { Id: string; Type: string }[];
  comments: unknown[];
}

/** Where the parts go: `renderParts`'s list, in ExcelJS's order. */
interface PartSink {
  append(data: string, options: { name: string }): void;
}

/**
 * @param ownXml a sheet's XML where another writer has it (a district sheet copied as XML, `xml-copies.ts`);
 *   undefined for the sheets ExcelJS's model renders
 */
export function addWorksheets(zip: PartSink, model: { worksheets: PreparedSheet[] }, ownXml: (sheet: PreparedSheet) => string | undefined = () => undefined): void {
  const worksheetXform = new WorksheetXform();
  worksheetXform.map.sheetData = sheetDataRenderer;
  worksheetXform.map.dataValidations = dataValidationsRenderer;
  const relationshipsXform = new RelationshipsXform();
  const commentsXform = new CommentsXform();
  const vmlNotesXform = new VmlNotesXform();
  const rendered = (xform: { render(stream: XmlStreamLike, model: unknown): void }, part: unknown): string => {
    const stream = new XmlStream();
    xform.render(stream, part);
    return stream.xml;
  };
  for (const worksheet of model.worksheets) {
    zip.append(ownXml(worksheet) ?? rendered(worksheetXform, worksheet), { name: `xl/worksheets/sheet${worksheet.id}.xml` });
    if (worksheet.rels && worksheet.rels.length) {
      zip.append(rendered(relationshipsXform, worksheet.rels), { name: `xl/worksheets/_rels/sheet${worksheet.id}.xml.rels` });
    }
    if (worksheet.comments.length > 0) {
      zip.append(rendered(commentsXform, worksheet), { name: `xl/comments${worksheet.id}.xml` });
      zip.append(rendered(vmlNotesXform, worksheet), { name: `xl/drawings/vmlDrawing${worksheet.id}.vml` });
    }
  }
}
