/**
 * Sheets as offices print them, checked by a real engine: LibreOffice (as WPS and LibreOffice users
 * open the files) exports the fill-in sheet and a 4-district consolidated workbook to PDF; poppler
 * counts the pages and gives every line of text with its box, and no line may run into another
 * row's. The first pages are kept as PNG renders in test-artifacts/print/ and docs/print/.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { writeWorkbookFile } from "../../src/cli/workbook-files";
import { main } from "../../src/cli/main";
import { buildReportsWorkbook } from "../fixtures/build-workbook";
import { bazhou2023, rongchang2024, shuimogou2024, yuzhong2023 } from "../fixtures/reports";
import { exportPdf, requireOracle, sofficeAvailable } from "../helpers/libreoffice";

jest.setTimeout(240_000);

const popplerAvailable = spawnSync("pdftotext", ["-v"]).status === 0;
const available = sofficeAvailable() && popplerAvailable;
if (!available && !requireOracle) console.warn("LibreOffice or poppler-utils (pdftotext) is not installed: the print layout test is skipped here; CI installs them.");
const describePrint = available || requireOracle ? describe : describe.skip;

const ROOT = resolve(__dirname, "../..");

interface TextLine {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

function pages(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

/** Every line of text with its box, page by page (`pdftotext -bbox-layout`). */
function textLines(pdf: string): TextLine[] {
  const xml = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const out: TextLine[] = [];
  xml.split(/<page /).slice(1).forEach((page, p) => {
    for (const m of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const text = [...m[5].matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(" ");
      out.push({ page: p + 1, text, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4] });
    }
  });
  return out;
}

/**
 * Pairs of lines that overlap across rows: boxes that intersect by more than 1.5 pt both ways while
 * their tops differ (text of one row running into the next). Lines on one baseline are one row.
 */
function overlaps(lines: readonly TextLine[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i];
      const b = lines[j];
      if (a.page !== b.page || Math.abs(a.yMin - b.yMin) < 2) continue;
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (x > 1.5 && y > 1.5) out.push(`page ${a.page}: "${a.text}" / "${b.text}"`);
    }
  }
  return out;
}

/** PNG of the first page, beside the test's other artefacts and in docs/print/ for the README. */
function render(pdf: string, name: string): void {
  for (const dir of [join(ROOT, "test-artifacts", "print"), join(ROOT, "docs", "print")]) {
    mkdirSync(dir, { recursive: true });
    execFileSync("pdftoppm", ["-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, join(dir, name)]);
  }
  copyFileSync(pdf, join(ROOT, "test-artifacts", "print", `${name}.pdf`));
}

describePrint("printed as offices print (LibreOffice → PDF)", () => {
  const dir = mkdtempSync(join(tmpdir(), "huishen-print-"));

  it("the fill-in sheet of 荣昌 2024: a form on at most 4 A4 pages, header row on each, nothing spilling over", async () => {
    const file = join(dir, "荣昌区-2024.xlsx");
    await writeWorkbookFile(await buildReportsWorkbook([rongchang2024]), file);
    const pdf = exportPdf(file);
    render(pdf, "fill-in");
    const n = pages(pdf);
    expect(n).toBeLessThanOrEqual(4);
    const lines = textLines(pdf);
    const text = (page: number) => lines.filter((l) => l.page === page).map((l) => l.text).join("\n");
    for (let p = 1; p <= n; p++) {
      expect(text(p)).toContain("本年值"); // the column headers, repeated
      expect(text(p)).toContain(`第 ${p} 页 共 ${n} 页`);
    }
    expect(text(1)).toContain("表号：法治 1 表");
    expect(text(n)).toContain("报出日期");
    // The value column prints on the page of its labels: 337 beside 行政复议申请受理数.
    const e01 = lines.find((l) => l.text.includes("行政复议申请受理数"))!;
    expect(lines.some((l) => l.page === e01.page && l.text === "337" && Math.abs(l.yMin - e01.yMin) < 3)).toBe(true);
    expect(overlaps(lines)).toEqual([]);
  });

  it("a 4-district consolidation: every sheet on A4 within 25 pages, the total row readable, nothing overlapping", async () => {
    const inputs = [];
    for (const r of [rongchang2024, yuzhong2023, bazhou2023, shuimogou2024]) {
      const file = join(dir, `${r.district}.xlsx`);
      await writeWorkbookFile(await buildReportsWorkbook([r]), file);
      inputs.push(file);
    }
    const output = join(dir, "汇总.xlsx");
    const code = await main(["consolidate", ...inputs, "-o", output], { out: () => undefined, err: () => undefined });
    expect(code).toBeLessThanOrEqual(1);
    const pdf = exportPdf(output);
    render(pdf, "summary");
    expect(pages(pdf)).toBeLessThanOrEqual(25);
    const lines = textLines(pdf);
    expect(lines.filter((l) => l.page === 1).map((l) => l.text).join("\n")).toMatch(/全市合计/);
    expect(lines.some((l) => /^第 \d+ 页 共 \d+ 页$/.test(l.text))).toBe(true);
    expect(overlaps(lines)).toEqual([]);
    expect(readFileSync(pdf).length).toBeGreaterThan(0);
  });
});
