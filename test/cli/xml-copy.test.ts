/**
 * `huishen consolidate` copies a district's template sheet as XML (`xml-copies.ts`) unless the sheet
 * links parts that path does not carry; then ExcelJS copies it. The same district files give the same
 * summary either way: every sheet read back (values, formulas, formats, fills, notes, merges), every
 * cell's whole style, the sheets' columns, views, input rules, conditional formats and print ranges.
 * The XML copy's rows and cells are in the order Excel requires (no cell twice).
 * Over filled templates, over files flagged before with a person's own note, a formula naming the sheet,
 * values under a merge and a date-typed cell, and over the same files saved again by LibreOffice.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type ExcelJS from "exceljs";
import { openWorkbook, snapshotBytes, snapshotWorkbook } from "../../src/adapters/xlsx";
import type { SheetSnapshot } from "../../src/core/grid";
import { guardBytes } from "../../src/adapters/xlsx/read-package";
import { xmlCopyable } from "../../src/adapters/xlsx/xml-copies";
import { crc32 } from "../../src/adapters/xlsx/zip/crc32";
import { readCentralDirectory } from "../../src/adapters/xlsx/zip/central-directory";
import { writeZip, type RawEntry } from "../../src/adapters/xlsx/zip/write-zip";
import { main } from "../../src/cli/main";
import { openWorkbookFile, writeWorkbookFile } from "../../src/cli/workbook-files";
import { addressOf } from "../../src/core/grid";
import { COL } from "../../src/core/sheet/layout";
import { buildReportsWorkbook } from "../fixtures/build-workbook";
import { allReports, rongchang2024, yuzhong2023 } from "../fixtures/reports";
import { recalculate, requireOracle, sofficeAvailable } from "../helpers/libreoffice";
import { partText, patchPart } from "../helpers/patch-xlsx";

jest.setTimeout(180_000);

const dir = mkdtempSync(join(tmpdir(), "huishen-xml-copy-"));
const path = (name: string) => join(dir, name);

async function consolidate(files: readonly string[], out: string): Promise<void> {
  let err = "";
  const code = await main(["consolidate", ...files, "-o", out, "--json"], { out: () => undefined, err: (t) => void (err += t) });
  if (code > 1) throw new Error(err);
}

/**
 * The file with a relationship ExcelJS ignores beside its first sheet: the XML path does not carry
 * relationships it does not know, so this file's sheets are copied by ExcelJS (and nothing else differs).
 */
function throughExcelJS(bytes: Uint8Array): Uint8Array {
  const entries: RawEntry[] = readCentralDirectory(bytes).map((e) => ({ ...e, data: bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize) }));
  const rels = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId99" Type="http://example.org/relationships/unknown" Target="../unknown.xml"/></Relationships>',
  );
  const name = "xl/worksheets/_rels/sheet1.xml.rels";
  const kept = entries.filter((e) => e.name !== name);
  const old = entries.find((e) => e.name === name);
  const data = old ? Buffer.from(partText(bytes, name).replace("</Relationships>", rels.toString().replace(/^[\s\S]*?<Relationships[^>]*>/, ""))) : rels;
  return writeZip([...kept, { name, method: 0, crc32: crc32(data), size: data.length, data, time: 0, date: 33 }]);
}

/** Everything a summary shows that either copy decides, sheet by sheet. */
const SETTINGS = ["cols", "views", "dataValidations", "conditionalFormattings", "pageSetup", "headerFooter", "sheetProtection", "properties", "autoFilter"] as const;

// ExcelJS's own copy writes useFirstPageNumber="1" where the file said nothing; the XML copy keeps the file's page setup.
const plain = (v: unknown) => JSON.parse(JSON.stringify(v ?? null, (k, x) => (k === "useFirstPageNumber" ? undefined : x))) as unknown;

/** A sheet's columns, views, input rules, conditional formats and page setup, as ExcelJS reads them (the copy is never the selected tab). */
function settingsOf(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const m = ws.model as unknown as Record<string, unknown>;
  const views = ((m.views as object[] | undefined) ?? []).map((v) => ({ ...v, tabSelected: undefined }));
  return Object.fromEntries(SETTINGS.map((k) => [k, plain(k === "views" ? views : m[k])]));
}

async function summaryOf(file: string) {
  const wb = await openWorkbook(readFileSync(file), file, { scope: "all" });
  const sheets = wb.worksheets.map((ws) => {
    const styles: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => void (styles[cell.address] = plain(cell.style))));
    const merges = [...(((ws.model as unknown as { merges?: string[] }).merges) ?? [])].sort();
    return { name: ws.name, state: ws.state, settings: settingsOf(ws), merges, styles };
  });
  return { snapshots: snapshotWorkbook(wb), sheets, names: plain((wb as unknown as { definedNames: { model: unknown } }).definedNames.model) };
}

/** District sheets of the summary written as XML copies: their text is in place (inline), not in the shared strings. */
function xmlCopied(file: string, sheets: number): boolean {
  const bytes = readFileSync(file);
  const parts = readCentralDirectory(bytes).filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
  return parts.filter((e) => partText(bytes, e.name).includes('t="inlineStr"')).length >= sheets;
}

/**
 * Worksheet parts whose rows or cells are not in strictly increasing order (Excel repairs such a file:
 * a cell written twice, or a flag's new cell put after its row's later ones), with the first offender.
 */
function cellsOutOfOrder(file: string): string[] {
  const bytes = readFileSync(file);
  const out: string[] = [];
  for (const e of readCentralDirectory(bytes).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name))) {
    let lastRow = 0;
    for (const row of partText(bytes, e.name).matchAll(/<row\b[^>]*?\sr="(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const r = Number(row[1]);
      const cols = [...(row[2] ?? "").matchAll(/<c\b[^>]*?\sr="([A-Z]+)\d+"/g)].map((m) => [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0));
      if (r <= lastRow || cols.some((c, i) => i > 0 && c <= cols[i - 1])) {
        out.push(`${e.name} row ${r}`);
        break;
      }
      lastRow = r;
    }
  }
  return out;
}

/**
 * @param unmerged cells of a merge the copy undoes (it hid typed values): ExcelJS's unmerging drops their
 *   own style (borders, alignment), the XML copy keeps it; they are compared apart
 */
async function expectSameSummaries(files: readonly string[], label: string, unmerged: { sheet: string; cells: readonly string[] } = { sheet: "", cells: [] }, settingsFromFiles = false): Promise<void> {
  // The same names in a folder of their own: the summary names each district's file.
  const folder = path(`${label}-exceljs`);
  mkdirSync(folder);
  const viaExcelJS = files.map((f) => {
    const other = join(folder, basename(f));
    writeFileSync(other, throughExcelJS(readFileSync(f)));
    return other;
  });
  await consolidate(files, path(`${label}-xml.xlsx`));
  await consolidate(viaExcelJS, path(`${label}-exceljs.xlsx`));
  expect(xmlCopied(path(`${label}-xml.xlsx`), files.length)).toBe(true);
  expect(cellsOutOfOrder(path(`${label}-xml.xlsx`))).toEqual([]);
  expect(xmlCopied(path(`${label}-exceljs.xlsx`), 1)).toBe(false);
  const [xml, excel] = [await summaryOf(path(`${label}-xml.xlsx`)), await summaryOf(path(`${label}-exceljs.xlsx`))];
  expect(xml.snapshots.map((s) => s.name)).toEqual(excel.snapshots.map((s) => s.name));
  // Merged ranges in any order: ExcelJS lists them by their first cell, the XML copy as the file does.
  const sorted = (s: SheetSnapshot) => ({ ...s, ...(s.merges ? { merges: [...s.merges].sort() } : {}) });
  // A district sheet's settings as its file has them: where ExcelJS's copy writes them in its own words
  // (LibreOffice's explicit defaults left out, "none" as "None"), they are compared with the file's instead.
  const sources = settingsFromFiles ? await Promise.all(files.map(async (f) => (await openWorkbookFile(f, { scope: "all" })).worksheets.map(settingsOf)[0])) : [];
  const districts = new Set(xml.snapshots.filter((s) => s.values.some((row) => row.some((v) => typeof v === "string" && v.startsWith("HUISHEN-TEMPLATE:")))).map((s) => s.name));
  const apart = (sheet: (typeof xml.sheets)[number]) => ({
    ...sheet,
    settings: settingsFromFiles && districts.has(sheet.name) ? undefined : sheet.settings,
    styles: sheet.name === unmerged.sheet ? Object.fromEntries(Object.entries(sheet.styles).filter(([a]) => !unmerged.cells.includes(a))) : sheet.styles,
  });
  if (settingsFromFiles) expect(xml.sheets.filter((s) => districts.has(s.name)).map((s) => s.settings)).toEqual(sources);
  for (let i = 0; i < xml.snapshots.length; i++) {
    expect(sorted(xml.snapshots[i])).toEqual(sorted(excel.snapshots[i]));
    expect(apart(xml.sheets[i])).toEqual(apart(excel.sheets[i]));
  }
  expect(xml.names).toEqual(excel.names);
}

/** A district's file as it comes back after a round of checking: flagged, with a person's note, a merge over typed values, a date and a formula naming the sheet. */
async function flaggedFile(): Promise<{ file: string; merged: string }> {
  const wb = await buildReportsWorkbook([rongchang2024]);
  const ws = wb.worksheets[0];
  ws.name = "填报表";
  ws.getCell(7, COL.remarks + 1).note = "填报人：此数含上年结转";
  ws.getCell(9, COL.remarks + 1).value = { formula: "'填报表'!E7*1", result: 0 } as ExcelJS.CellValue;
  // An indicator row with both years' figures, to merge over.
  let both = 0;
  ws.eachRow((row, n) => {
    if (!both && /^[A-Z]\d{2}$/.test(String(row.getCell(COL.code + 1).value))) both = n;
  });
  ws.getCell(both, COL.thisYear + 1).value = 12;
  ws.getCell(both, COL.lastYear + 1).value = 10;
  const merged = `${ws.getCell(both, COL.thisYear + 1).address}:${ws.getCell(both, COL.lastYear + 1).address}`;
  const file = path("flagged-source.xlsx");
  await writeWorkbookFile(wb, file);
  // Checked and annotated: Huishen's fills, notes and check column, and its record of them.
  const annotated = path("flagged.xlsx");
  await main(["validate", file, "--annotate", annotated], { out: () => undefined, err: () => undefined });
  // Then merged over two typed figures, and a date typed as a date (t="d"), by another program.
  const bytes = patchPart(readFileSync(annotated), "xl/worksheets/sheet1.xml", (xml) =>
    xml
      .replace("</mergeCells>", `<mergeCell ref="${merged}"/></mergeCells>`)
      // A link within the workbook to the sheet itself, by its name.
      .replace("</dataValidations>", '</dataValidations><hyperlinks><hyperlink ref="C7" location="&apos;填报表&apos;!E7" display="本表"/></hyperlinks>').replace(/(<row r="3"[^>]*>[\s\S]*?)(<\/row>)/, '$1<c r="L3" t="d"><v>2024-12-31T00:00:00</v></c>$2'),
  );
  writeFileSync(annotated, bytes);
  const check = await openWorkbookFile(annotated, { scope: "all" });
  if (!check.worksheets.some((w) => w.name === "填报表")) throw new Error("the flagged file lost its sheet");
  return { file: annotated, merged };
}

describe("district sheets copied as XML", () => {
  it("give the summary ExcelJS's copy gives, for filled templates", async () => {
    const files = allReports.map((r, i) => path(`template-${i}.xlsx`));
    for (const [i, r] of allReports.entries()) await writeWorkbookFile(await buildReportsWorkbook([r]), files[i]);
    await expectSameSummaries(files, "templates");
  });

  it("are read by LibreOffice as written: recalculated there, every sheet shows the values the summary holds", async () => {
    if (!sofficeAvailable()) {
      if (requireOracle) throw new Error("LibreOffice (soffice) is required in CI");
      return;
    }
    const file = path("templates-xml.xlsx");
    const round = (v: unknown) => (typeof v === "number" ? Number(v.toPrecision(9)) : v);
    // Every cell but formulas saved without a result (the template's own checks, which LibreOffice computes).
    const values = (f: string, skip = new Map<string, Set<string>>()) =>
      snapshotBytes(readFileSync(f)).map((s) => ({
        name: s.name,
        values: s.values.map((row, r) => row.map((v, c) => (skip.get(s.name)?.has(addressOf(r, c)) ? null : round(v)))),
      }));
    const uncached = new Map(snapshotBytes(readFileSync(file)).map((s) => [s.name, new Set(s.uncachedFormulas ?? [])]));
    const written = values(file, uncached);
    // The summary's formulas read the district copies: their results agree only if LibreOffice read the copies' cells.
    expect(values(recalculate(file), uncached)).toEqual(written);
    expect(written.find((s) => s.name === "荣昌区 2024")?.values.flat()).toContain("荣昌区");
  });

  it("give the same summary for a file flagged before, with a person's note, a renamed sheet's own formula, values under a merge and a date", async () => {
    const other = path("yuzhong.xlsx");
    await writeWorkbookFile(await buildReportsWorkbook([yuzhong2023]), other);
    // Written by a program that declares the relationships' namespace only where it names one: its copy gets notes, and so the declaration.
    writeFileSync(other, patchPart(readFileSync(other), "xl/worksheets/sheet1.xml", (xml) => xml.replace(/\sxmlns:r="[^"]*"/, "")));
    const flagged = await flaggedFile();
    const [first, second] = flagged.merged.split(":");
    await expectSameSummaries([flagged.file, other], "flagged", { sheet: "荣昌区 2024", cells: [second] });
    const summary = await summaryOf(path("flagged-xml.xlsx"));
    const sheet = summary.sheets.find((s) => s.name === "荣昌区 2024")!;
    const written = readFileSync(path("flagged-xml.xlsx"));
    const rid = /<sheet [^>]*name="渝中区 2023"[^>]*r:id="([^"]+)"/.exec(partText(written, "xl/workbook.xml"))![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(partText(written, "xl/_rels/workbook.xml.rels"))![1];
    const yuzhongPart = `xl/${target.replace(/^\/?xl\//, "")}`;
    expect(partText(written, yuzhongPart)).toMatch(/^[\s\S]*?<worksheet [^>]*xmlns:r="[^"]+"[^>]*>[\s\S]*<legacyDrawing r:id="rId\d+"\/>/);
    // The cell a merge covered keeps its own border, as its neighbour has it.
    expect((sheet.styles[second] as { border?: unknown }).border).toEqual((sheet.styles[first] as { border?: unknown }).border);
    const copy = summary.snapshots.find((s) => s.name === "荣昌区 2024")!;
    // The person's note stays; the formula follows the sheet to its new name; the values under the merge are kept, unmerged.
    expect(copy.notes?.[`${"ABCDEFGHIJ"[COL.remarks]}7`]).toBe("填报人：此数含上年结转");
    expect(copy.formulas?.[8][COL.remarks]).toBe("='荣昌区 2024'!E7*1");
    expect(copy.merges).not.toContain(flagged.merged);
    const rongchangRid = /<sheet [^>]*name="荣昌区 2024"[^>]*r:id="([^"]+)"/.exec(partText(written, "xl/workbook.xml"))![1];
    const rongchangPart = `xl/${new RegExp(`Id="${rongchangRid}"[^>]*Target="([^"]+)"`).exec(partText(written, "xl/_rels/workbook.xml.rels"))![1].replace(/^\/?xl\//, "")}`;
    // The link to the sheet itself follows it to its new name.
    expect(partText(written, rongchangPart)).toContain(`location="&apos;荣昌区 2024&apos;!E7"`);
    expect(copy.merges?.length).toBeGreaterThan(5);
  });

  it("give the same summary for files LibreOffice saved (its own styles, strings and formulas)", async () => {
    if (!sofficeAvailable()) {
      if (requireOracle) throw new Error("LibreOffice (soffice) is required in CI");
      return;
    }
    const files: string[] = [];
    for (const [i, r] of [rongchang2024, yuzhong2023].entries()) {
      const file = path(`lo-source-${i}.xlsx`);
      await writeWorkbookFile(await buildReportsWorkbook([r]), file);
      files.push(recalculate(file));
    }
    await expectSameSummaries(files, "libreoffice", undefined, true);
  });

  it("are left to ExcelJS where the file links what they do not carry, or counts dates from 1904", async () => {
    const wb = await buildReportsWorkbook([rongchang2024]);
    const name = wb.worksheets[0].name;
    const plainFile = await packed(wb);
    expect(xmlCopyable(guardBytes(plainFile, "x", { scope: "all" }), name)).toBe(true);
    // A link out of the workbook needs a relationship of its own.
    wb.worksheets[0].getCell("J2").value = { text: "说明", hyperlink: "https://example.org/" };
    expect(xmlCopyable(guardBytes(await packed(wb), "x", { scope: "all" }), name)).toBe(false);
    wb.worksheets[0].getCell("J2").value = null;
    wb.properties.date1904 = true;
    expect(xmlCopyable(guardBytes(await packed(wb), "x", { scope: "all" }), name)).toBe(false);
    expect(xmlCopyable(guardBytes(throughExcelJS(plainFile), "x", { scope: "all" }), name)).toBe(false);
  });
});

async function packed(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const file = path(`packed-${Math.random().toString(36).slice(2)}.xlsx`);
  await writeWorkbookFile(wb, file);
  return readFileSync(file);
}
