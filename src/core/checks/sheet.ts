import { addressOf } from "../grid";
import type { Finding } from "../findings/finding";
import { makeFinding } from "../findings/make";
import type { TemplateSheetRead } from "../sheet/read-template";

/** The sheet as a whole: who and when it is about, and whether every indicator row is there once. */
export function checkSheet(read: TemplateSheetRead): Finding[] {
  const out: Finding[] = [];
  if (!read.district) {
    out.push(makeFinding(read, { code: "sheet.noDistrict", codes: [], cells: [read.districtCell], details: {} }));
  }
  if (read.year === undefined) {
    out.push(makeFinding(read, { code: "sheet.noYear", codes: [], cells: [read.yearCell], details: {} }));
  }
  for (const code of read.missing) {
    out.push(makeFinding(read, { code: "sheet.missingIndicator", codes: [code], cells: [], details: {} }));
  }
  for (const d of read.duplicates) {
    const cells = d.rows.map((r) => ({ sheet: read.sheet, address: addressOf(r, read.columns.code) }));
    out.push(makeFinding(read, { code: "sheet.duplicateIndicator", codes: [d.code], cells, details: { rows: d.rows.map((r) => r + 1) } }));
  }
  for (const m of read.mergedInputs) {
    out.push(makeFinding(read, { code: "sheet.mergedInput", codes: m.codes, cells: m.cells, details: { range: m.range } }));
  }
  return out;
}
