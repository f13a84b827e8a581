/**
 * The parts of a workbook's package as ExcelJS renders them, without its zip library: ExcelJS 4.4's
 * `XLSX.write`, step for step, with a list in place of its JSZip writer. Where a native codec packs
 * the package (the command line), JSZip only stored each part, computed its checksum in JavaScript and
 * copied the package once more (about 30 ms of a 38-file consolidation's 1.4 s). The steps are ExcelJS's own
 * methods (not in its typings); test/cli/native-zip.test.ts holds them to what `writeBuffer` writes.
 */
import type * as ExcelJS from "exceljs";

export interface RenderedPart {
  readonly name: string;
  readonly data: Uint8Array;
}

/** What `XLSX.write` adds to its zip, in its order. */
interface ZipTarget {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}

type Step = (zip: ZipTarget, model: unknown) => Promise<void> | void;

interface XlsxWriter {
  prepareModel(model: unknown, options: object): void;
  addContentTypes: Step;
  addOfficeRels: Step;
  addWorkbookRels: Step;
  addWorksheets: Step;
  addSharedStrings: Step;
  addDrawings: Step;
  addTables: Step;
  addThemes: Step;
  addStyles: Step;
  addMedia: Step;
  addApp: Step;
  addCore: Step;
  addWorkbook: Step;
}

const encoder = new TextEncoder();

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Every part of `wb`'s package, in the order ExcelJS writes them. */
export async function renderParts(wb: ExcelJS.Workbook): Promise<RenderedPart[]> {
  const parts: RenderedPart[] = [];
  const zip: ZipTarget = {
    append(data, { name, base64 }) {
      parts.push({ name, data: typeof data !== "string" ? data : base64 ? fromBase64(data) : encoder.encode(data) });
    },
  };
  const x = wb.xlsx as unknown as XlsxWriter;
  const { model } = wb as unknown as { model: unknown };
  x.prepareModel(model, {});
  await x.addContentTypes(zip, model);
  await x.addOfficeRels(zip, model);
  await x.addWorkbookRels(zip, model);
  await x.addWorksheets(zip, model);
  await x.addSharedStrings(zip, model); // after the worksheets, which collect the strings
  await x.addDrawings(zip, model);
  await x.addTables(zip, model);
  await Promise.all([x.addThemes(zip, model), x.addStyles(zip, model)]);
  await x.addMedia(zip, model);
  await Promise.all([x.addApp(zip, model), x.addCore(zip, model)]);
  await x.addWorkbook(zip, model);
  return parts;
}
