/**
 * `huishen extract`: a report read from .txt (UTF-8 and GB18030), .html, .docx and .pdf; its figures
 * listed with their sentences, its own inconsistencies found; -o writes a fill-in workbook with the
 * certain figures (notes quote the sentence) and a 待确认 sheet; --sheet compares a filled workbook
 * without changing it; unreadable inputs exit 2 with a message.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { storedEntry, writeZip } from "../../src/adapters/xlsx/zip/write-zip";
import { main } from "../../src/cli/main";
import { writeWorkbookFile } from "../../src/cli/workbook-files";
import { COL } from "../../src/core/sheet/layout";
import { buildReportsWorkbook } from "../fixtures/build-workbook";
import { rongchang2024 } from "../fixtures/reports";
import { exportPdf, sofficeAvailable, requireOracle } from "../helpers/libreoffice";

jest.setTimeout(120_000);

const ROOT = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "huishen-extract-"));
const path = (name: string) => join(dir, name);
const report = readFileSync(join(__dirname, "../fixtures/reports/sources", rongchang2024.source), "utf8");
const SENTENCE = "全年接收行政复议申请337件，审结283件，直接纠错58件，审结率为85.29%、直接纠错率22.22%。";

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** A minimal .docx: one paragraph per line. */
function docx(lines: readonly string[]): Uint8Array {
  const body = lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${l}</w:t></w:r></w:p>`).join("");
  return writeZip([
    storedEntry("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    storedEntry("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    storedEntry("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  ]);
}

describe("huishen extract", () => {
  it("lists 荣昌 2024's figures with their sentences and finds its four wrong rates in the text itself", async () => {
    writeFileSync(path("荣昌.txt"), report);
    const r = await run("extract", path("荣昌.txt"));
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toMatch(/E01 行政复议申请受理数\s+337 件\s+可信\s+全年接收行政复议申请337件/);
    const warnings = r.out.split("\n").filter((l) => l.startsWith("  警告"));
    expect(warnings.map((l) => /（(E03|E05|F04|D10)）写为/.exec(l)?.[1]).sort()).toEqual(["D10", "E03", "E05", "F04"]);
  });

  it("reads GB18030 text, a saved web page, a .docx and gives the same figures", async () => {
    // Node's TextEncoder writes only UTF-8: the GB18030 bytes come from iconv-lite.
    writeFileSync(path("gb.txt"), iconv.encode(SENTENCE, "gb18030"));
    writeFileSync(path("page.html"), `<html><head><style>p{}</style><script>var x = "审结999件";</script></head><body><p>${SENTENCE.replace("337", "3&#51;7")}</p></body></html>`);
    writeFileSync(path("report.docx"), docx(["荣昌区2024年法治政府建设情况报告", SENTENCE]));
    for (const file of ["gb.txt", "page.html", "report.docx"]) {
      const r = await run("extract", path(file), "--json");
      expect([file, r.code]).toEqual([file, 0]);
      const doc = JSON.parse(r.out) as { candidates: { code: string; value: number; confidence: string }[] };
      expect([file, doc.candidates.map((c) => [c.code, c.value])]).toEqual([file, [["E01", 337], ["E02", 283], ["E04", 58], ["E03", 0.8529], ["E05", 0.2222]]]);
    }
  });

  it("writes a fill-in workbook: certain figures typed with their sentence in a note, the rest on 待确认; the report is unchanged", async () => {
    writeFileSync(path("荣昌2.txt"), report);
    const before = statSync(path("荣昌2.txt")).mtimeMs;
    const r = await run("extract", path("荣昌2.txt"), "-o", path("荣昌-读出.xlsx"), "--district", "荣昌区", "--year", "2024");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已生成 .*荣昌-读出\.xlsx：\d+ 项填入填报表（批注中附原句），\d+ 项列在“待确认”工作表。/);
    expect(statSync(path("荣昌2.txt")).mtimeMs).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path("荣昌-读出.xlsx"));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["荣昌区 2024", "待确认"]);
    const ws = wb.worksheets[0];
    let e01Row = 0;
    ws.eachRow((row, n) => void (row.getCell(COL.code + 1).value === "E01" ? (e01Row = n) : 0));
    const e01 = ws.getCell(e01Row, COL.thisYear + 1);
    expect(e01.value).toBe(337);
    expect(String(e01.note)).toContain("全年接收行政复议申请337件");
    const pending = wb.getWorksheet("待确认")!;
    expect(pending.getCell("A2").value).toBe("指标编码");
    expect(pending.rowCount).toBeGreaterThan(5);
  });

  it("compares a filled workbook with the report, naming the cell, and never changes it", async () => {
    writeFileSync(path("荣昌3.txt"), report);
    const wb = await buildReportsWorkbook([rongchang2024]);
    const ws = wb.worksheets[0];
    ws.eachRow((row) => void (row.getCell(COL.code + 1).value === "E01" ? (row.getCell(COL.thisYear + 1).value = 373) : 0));
    await writeWorkbookFile(wb, path("已填报.xlsx"));
    const bytes = readFileSync(path("已填报.xlsx"));
    const r = await run("extract", path("荣昌3.txt"), "--sheet", path("已填报.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/填报表“荣昌区 2024”与报告不一致：\n  警告  荣昌区 2024!E\d+ 的行政复议申请受理数（E01）填报 373 件，但报告写的是 337件/);
    expect(readFileSync(path("已填报.xlsx")).equals(bytes)).toBe(true);
  });

  it("says why it cannot read: a legacy .doc, an unknown file, a missing file (exit 2)", async () => {
    writeFileSync(path("old.doc"), "x");
    expect(await run("extract", path("old.doc"))).toMatchObject({ code: 2, err: expect.stringContaining("请另存为 .docx") });
    writeFileSync(path("x.csv"), "a,b");
    expect(await run("extract", path("x.csv"))).toMatchObject({ code: 2, err: expect.stringContaining(".txt、.html、.docx 或 .pdf") });
    expect(await run("extract", path("none.txt"))).toMatchObject({ code: 2, err: expect.stringContaining("文件不存在或没有读取权限") });
    expect(await run("extract", path("none.txt"), "--lang", "en")).toMatchObject({ code: 2, err: expect.stringContaining("does not exist") });
  });
});

/**
 * pdf.js is an ES module Node loads with `require` but jest's module system cannot, so the PDF path
 * runs as users run it: the compiled command as one script, pdf.js loaded beside it (`npm ci` makes it;
 * made again here so the test sees this checkout).
 */
function cli(...argv: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "huishen.js"), ...argv], { encoding: "utf8" });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const describePdf = sofficeAvailable() || requireOracle ? describe : describe.skip;
describePdf("huishen extract as users run it: a PDF (made by LibreOffice), a .docx", () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.node.json")], { cwd: ROOT });
    execFileSync(process.execPath, [join(ROOT, "scripts", "bundle-cli.js")], { cwd: ROOT });
  });

  it("reads a PDF's text layer; a PDF without text is named a scan", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("报告").getCell("A1").value = SENTENCE;
    await wb.xlsx.writeFile(path("sentence.xlsx"));
    const pdf = exportPdf(path("sentence.xlsx"));
    const r = cli("extract", pdf, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    expect((JSON.parse(r.out) as { candidates: { code: string }[] }).candidates.map((c) => c.code)).toEqual(["E01", "E02", "E04", "E03", "E05"]);

    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("空").getCell("A1").value = " ";
    await empty.xlsx.writeFile(path("blank.xlsx"));
    const scan = cli("extract", exportPdf(path("blank.xlsx")));
    expect(scan).toMatchObject({ code: 2, err: expect.stringContaining("扫描件") });
  });

  it("reads a .docx through the command as users run it (mammoth loaded beside the one script)", () => {
    writeFileSync(path("as-run.docx"), docx([SENTENCE]));
    const r = cli("extract", path("as-run.docx"), "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    expect((JSON.parse(r.out) as { candidates: { code: string }[] }).candidates.map((c) => c.code)).toEqual(["E01", "E02", "E04", "E03", "E05"]);
  });
});
