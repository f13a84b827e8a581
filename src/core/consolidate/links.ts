import { flat } from "../text/flat";
import { sheetRef } from "./layout";
import type { DistrictData } from "./model";

/**
 * Where a district's cell is, for a person: a HYPERLINK formula (with its text as the cached result)
 * when the sheet is in this workbook; plain text naming the file when it was read from one.
 * A formula works the same in Excel, Excel on the web, LibreOffice and the .xlsx adapter.
 */
export function cellLink(at: { readonly sheet: string; readonly address: string; readonly file?: string; readonly inWorkbook: boolean }, text = `${at.sheet}!${at.address}`): { formula?: string; result?: string; value?: string } {
  if (!at.inWorkbook) return { value: flat(at.file ? `${at.file} › ${at.sheet}!${at.address}` : `${at.sheet}!${at.address}`) };
  const target = `#${sheetRef(at.sheet)}${at.address}`;
  return { formula: flat(`HYPERLINK("${excelString(target)}","${excelString(text)}")`), result: flat(text) };
}

/** Where a district's figures come from, as the summary's source column shows it. */
export function sourceLink(d: DistrictData): { formula?: string; result?: string; value?: string } {
  return cellLink({ sheet: d.read.sheet, address: "A1", file: d.file, inWorkbook: d.inWorkbook }, d.file ? `${d.file} › ${d.read.sheet}` : d.read.sheet);
}

/** A string literal inside a formula: double quotes doubled (looked for first: a findings sheet links tens of thousands of cells, and names rarely hold one). */
function excelString(s: string): string {
  return s.includes('"') ? s.replace(/"/g, '""') : s;
}
