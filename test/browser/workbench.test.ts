/**
 * The offline workbench (dist/workbench.html) in a real browser, opened straight from disk (file://),
 * in Chinese: five district files built from the real reports (plus a WPS .et file and a damaged
 * .xlsx) are chosen at once; 荣昌 2024's four wrong rates are listed and shown in the preview; the
 * five are consolidated into a new workbook, which is downloaded and read back with ExcelJS (every
 * district value kept cell by cell, the summary's formulas present) beside the HTML report; a review
 * decision is recorded and found in the downloaded file's log. No request leaves file://.
 *
 * Waits are on UI states, never fixed sleeps. The README's screenshots go to docs/screenshots/.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { toBuffer } from "../../src/adapters/xlsx";
import { CONSOLIDATION_SHEETS } from "../../src/core/consolidate";
import { addressOf } from "../../src/core/grid";
import { REVIEW_SHEET } from "../../src/core/review";
import { COL } from "../../src/core/sheet/layout";
import { buildReportsWorkbook } from "../fixtures/build-workbook";
import { allReports } from "../fixtures/reports";
import { CHROMIUM_ARGS, CHROMIUM_HINT, CHROMIUM_PATH, DIST, chromiumAvailable, ensurePaneBuilt, screenshot, type PaneErrors, expectNoErrors } from "./harness";

jest.setTimeout(240_000);

const hasChromium = chromiumAvailable();
const onCi = process.env.CI === "true";
if (!hasChromium && !onCi) console.warn(`Skipping the browser test of the workbench. ${CHROMIUM_HINT}`);
const suite = hasChromium || onCi ? describe : describe.skip;

/** The files a district statistician would choose: one per report, named as districts name them. */
async function districtFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const r of allReports) {
    const file = path.join(dir, `${r.district}-${r.year}.xlsx`);
    fs.writeFileSync(file, await toBuffer(await buildReportsWorkbook([r])));
    files.push(file);
  }
  return files;
}

/** Values of every cell of a worksheet, by address (formulas as their results). */
function cellValues(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value;
      out.set(cell.address, v && typeof v === "object" && "result" in v ? cell.result : v instanceof Date ? v.toISOString() : JSON.stringify(v));
    }),
  );
  return out;
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

suite("the workbench in chromium, from file:// (zh-CN)", () => {
  let context: BrowserContext;
  let dir: string;
  let files: string[];
  /** Every URL the page and its worker asked for. */
  const requests: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI=true but the browser test cannot run. ${CHROMIUM_HINT}`);
    ensurePaneBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "huishen-workbench-"));
    files = await districtFiles(dir);
    context = await chromium.launchPersistentContext(path.join(dir, "profile"), {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 1000 },
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      acceptDownloads: true,
      serviceWorkers: "block",
    });
    context.on("request", (r) => requests.push(r.url()));
    // Nothing may reach a network: were anything to try, it is refused here and listed by the assertion below.
    await context.route(/^https?:/, (route) => route.abort("blockedbyclient"));
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("checks, consolidates and reviews the five real reports with no request off the machine", async () => {
    const page = await context.newPage();
    const errors: PaneErrors = { uncaught: [], console: [] };
    page.on("pageerror", (e) => errors.uncaught.push(`${e.name}: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") errors.console.push(m.text());
    });
    await page.goto(`file://${path.join(DIST, "workbench.html")}`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("汇审 工作台");

    // Five district files, a WPS .et and a damaged .xlsx, chosen at once: the two are named, the rest open.
    const et = path.join(dir, "旧表.et");
    fs.writeFileSync(et, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    const damaged = path.join(dir, "损坏.xlsx");
    fs.writeFileSync(damaged, Buffer.from("PK\u0003\u0004 not really a workbook"));
    const filesSection = page.getByRole("region", { name: "文件", exact: true });
    await filesSection.getByLabel("选择 .xlsx 文件").setInputFiles([...files, et, damaged]);
    const list = filesSection.getByRole("list", { name: "已打开的文件" });
    const item = (name: string) => list.locator(`li[data-file="${name}"]`);
    await item("荣昌区-2024.xlsx").getByText("错误 0 · 警告 4 · 提示 1", { exact: false }).waitFor({ timeout: 60_000 });
    await item("损坏.xlsx").getByRole("alert").waitFor();
    await expect(item("旧表.et").getByRole("alert").textContent()).resolves.toContain("请在 WPS 中选择“文件 → 另存为 → Excel 工作簿（*.xlsx）”");
    await expect(item("损坏.xlsx").getByRole("alert").textContent()).resolves.toContain("无法读取");
    for (const r of allReports) await item(`${r.district}-${r.year}.xlsx`).getByText(/1 张填报表/).waitFor();
    await screenshot(page, "workbench-files.png", false);

    // 荣昌 2024, the first file read, is the one worked on: its four wrong rates, and the first one's cells outlined in the preview.
    await expect(item("荣昌区-2024.xlsx").getAttribute("aria-current")).resolves.toBe("true");
    await page.getByRole("heading", { name: "正在处理：荣昌区-2024.xlsx" }).waitFor();
    const check = page.getByRole("region", { name: "校验", exact: true });
    expect(await check.getByRole("switch").count()).toBe(0); // nobody types into a file here: no live checking
    await check.getByRole("button", { name: "校验", exact: true }).click();
    const warnings = page.getByRole("region", { name: "校验发现的问题" }).getByRole("region", { name: /^警告/ });
    await warnings.waitFor({ timeout: 60_000 });
    expect(await warnings.getByRole("button").count()).toBe(4);
    await warnings.getByRole("button").filter({ hasText: "行政复议审结率（E03）填报" }).click();
    const preview = page.getByRole("region", { name: "预览", exact: true });
    const outlined = preview.locator('td[aria-selected="true"]');
    await outlined.first().waitFor();
    // The rate and the two counts it is computed from (E03 = E02 / E01), in the 本年 column.
    const rowOf = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll("tbody tr")].map((tr) => [tr.querySelector("td")?.textContent ?? "", tr.querySelector("th")?.textContent ?? ""])),
    );
    const thisYear = addressOf(0, COL.thisYear).replace(/\d+$/, "");
    const cells = await outlined.evaluateAll((tds) => tds.map((td) => td.getAttribute("data-cell")));
    expect(cells).toEqual(["E01", "E02", "E03"].map((code) => `${thisYear}${rowOf[code]}`));
    await expect(preview.locator("caption").textContent()).resolves.toBe(`“荣昌区 2024”中 ${thisYear}${rowOf.E03} 附近的单元格（只读）`);
    // The check wrote flags into the workbook's copy: the file is marked as changed, the original is not.
    await item("荣昌区-2024.xlsx").getByText(/有未下载的修改/).waitFor();
    await screenshot(page, "workbench-check.png", true);

    // Consolidate the five open district files into a new workbook.
    await filesSection.getByRole("button", { name: "汇总已打开的 5 个区县文件" }).click();
    await page.getByRole("heading", { name: /^正在处理：汇总 \d+\.xlsx$/ }).waitFor();
    const consolidate = page.getByRole("region", { name: "汇总", exact: true });
    const picked = consolidate.getByRole("list", { name: "区县文件" });
    await expect(picked.locator("li").count()).resolves.toBe(5);
    await consolidate.getByRole("button", { name: "汇总", exact: true }).click();
    await consolidate.getByText(/^已汇总 5 个区县/).waitFor({ timeout: 90_000 });
    await screenshot(page, "workbench-consolidate.png", true);

    const report = await downloaded(page, () => page.getByRole("button", { name: "下载汇总报告（HTML，含指数图表）" }).click());
    expect(report.name).toMatch(/^汇总 \d+-报告\.html$/);
    expect(report.bytes.toString("utf8")).toContain("<svg");

    const summary = await downloaded(page, () => page.getByRole("button", { name: "下载此工作簿", exact: true }).click());
    const wb = await readXlsx(summary.bytes);
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names).toEqual(expect.arrayContaining([CONSOLIDATION_SHEETS.summary, CONSOLIDATION_SHEETS.findings, ...allReports.map((r) => `${r.district} ${r.year}`)]));
    // Every district value kept, cell by cell.
    for (const [i, r] of allReports.entries()) {
      const source = (await readXlsx(fs.readFileSync(files[i]))).worksheets[0];
      const copy = wb.getWorksheet(`${r.district} ${r.year}`)!;
      const expected = cellValues(source);
      const actual = cellValues(copy);
      for (const [address, v] of expected) expect([`${copy.name}!${address}`, actual.get(address)]).toEqual([`${copy.name}!${address}`, v]);
    }
    // The summary's totals are formulas, for Excel, WPS and LibreOffice to recalculate.
    let formulas = 0;
    wb.getWorksheet(CONSOLIDATION_SHEETS.summary)!.eachRow((row) => row.eachCell((c) => void (c.formula ? formulas++ : 0)));
    expect(formulas).toBeGreaterThan(20);

    // Review: a leader sends one finding back; the decision is in the downloaded file's log.
    const review = page.getByRole("region", { name: "审核", exact: true });
    await review.getByRole("textbox", { name: "审核人" }).fill("王审核");
    await review.getByRole("button", { name: "保存", exact: true }).click();
    await review.getByRole("button", { name: "开始审核", exact: true }).click();
    const reviewList = review.getByRole("list", { name: /^审核问题/ });
    const first: Locator = reviewList.locator("li").first();
    await first.waitFor({ timeout: 60_000 });
    await first.getByRole("button").first().click();
    await first.getByRole("textbox", { name: "说明" }).fill("请核对后重新填报");
    await first.getByRole("button", { name: "退回修改", exact: true }).click();
    await first.getByText("已退回", { exact: true }).waitFor();
    await screenshot(page, "workbench-review.png", false);

    const reviewed = await readXlsx((await downloaded(page, () => page.getByRole("button", { name: "下载此工作簿", exact: true }).click())).bytes);
    const log = reviewed.getWorksheet(REVIEW_SHEET)!;
    expect(log.state).not.toBe("visible");
    const logText = [...cellValues(log).values()].join(" ");
    expect(logText).toContain("王审核");
    expect(logText).toContain("请核对后重新填报");

    // 荣昌's flagged copy was never downloaded: leaving the page asks first.
    const dialog = new Promise<string>((resolve) => page.once("dialog", (d) => void d.dismiss().then(() => resolve(d.type()))));
    await page.close({ runBeforeUnload: true });
    await expect(dialog).resolves.toBe("beforeunload");

    expectNoErrors(errors);
    const offMachine = requests.filter((u) => !/^(file|blob|data):/.test(u));
    expect(offMachine).toEqual([]);
    expect(requests.some((u) => u.startsWith("file:"))).toBe(true);
  });
});
