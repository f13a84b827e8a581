/**
 * 汇总 in a real browser (Debian chromium via playwright-core), at Excel's default pane width, in
 * Chinese, over the in-memory Excel of test/office-fake: a workbook holding the five real reports'
 * sheets is consolidated from the pane; the fake then has 汇总表 with the municipal total worked out
 * by hand, and 打开问题清单 activates that sheet. District files are read in the pane by the bundled
 * ExcelJS (its own chunk, loaded on the first pick).
 *
 * Waits are on UI states and on the fake's own state, never fixed sleeps. The README's screenshot
 * goes to docs/screenshots/pane-consolidate.png (and test-artifacts/screenshots/).
 */
import type { Page } from "playwright-core";
import { buildReportsWorkbook } from "../fixtures/build-workbook";
import { toBuffer } from "../../src/adapters/xlsx";
import { CONSOLIDATION_SHEETS } from "../../src/core/consolidate";
import { figureAddress, figureRange, summaryLayout, totalAddress } from "../../src/core/consolidate/layout";
import { standardTemplate } from "../../src/core/template/registry";
import { allReports, rongchang2024, yuzhong2023 } from "../fixtures/reports";
import { describeInChromium, expectNoErrors, screenshot } from "./harness";
import { reportsWorkbook } from "./workbook";

jest.setTimeout(180_000);

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** 行政复议申请受理数 (E01) as the reports state it: 荣昌 337, 渝中 159, 水磨沟 133; 巴州 and the bureau give none. */
const E01_TOTAL = 337 + 159 + 133;

function pane(page: Page) {
  const section = page.getByRole("region", { name: "汇总", exact: true });
  return {
    section,
    workbook: section.getByRole("checkbox", { name: /^本工作簿中的填报表/ }),
    consolidate: section.getByRole("button", { name: "汇总", exact: true }),
    counts: section.getByRole("status", { name: "汇总问题按级别统计" }),
    openSummary: section.getByRole("button", { name: "打开汇总表" }),
    openFindings: section.getByRole("button", { name: "打开问题清单" }),
    files: section.getByRole("list", { name: "区县文件" }),
    fileInput: section.getByLabel("选择 .xlsx 文件"),
  };
}

/** Wait until no action runs (汇总 is enabled again) and the fake has no Excel.run in flight. */
async function settled(page: Page): Promise<void> {
  await pane(page).consolidate.and(page.locator(":enabled")).waitFor();
  await page.evaluate(() => window.__fake!.idle());
}

describeInChromium("汇总 in chromium (320 px, zh-CN, fake Excel)", "汇总", "browser-consolidate", (openPane) => {
  it("consolidates the five real reports of the workbook: 汇总表 holds the municipal total, 打开问题清单 goes there", async () => {
    const { page, errors } = await openPane({ apiVersion: "1.18", workbook: reportsWorkbook() });
    const p = pane(page);

    // Once the section is on screen the pane counts the workbook's fill-in sheets.
    await p.section.scrollIntoViewIfNeeded();
    await p.section.getByRole("checkbox", { name: "本工作簿中的填报表（5 张）" }).waitFor();
    expect(await p.workbook.isChecked()).toBe(true);

    await p.consolidate.click();
    await p.section.getByText("已汇总 5 个区县（2024 年度）。", { exact: true }).waitFor({ timeout: 60_000 });
    await settled(page);

    const fake = await page.evaluate(() => ({ names: window.__fake!.sheetNames(), active: window.__fake!.activeSheet }));
    expect(fake.names).toEqual(expect.arrayContaining([...allReports.map((r) => `${r.district} ${r.year}`), CONSOLIDATION_SHEETS.summary, CONSOLIDATION_SHEETS.findings]));
    expect(fake.active).toBe(CONSOLIDATION_SHEETS.summary);
    // The municipal total is a formula a person can read (the fake does not calculate): SUM over the
    // districts' E01 cells, which hold the reports' figures — adding them up gives the hand-computed total.
    const layout = summaryLayout(standardTemplate(), 5);
    const total = await page.evaluate(([sheet, a]) => window.__fake!.sheet(sheet).cell(a), [CONSOLIDATION_SHEETS.summary, totalAddress(layout, "E01")] as const);
    const range = figureRange(layout, "E01");
    expect(total.formula).toBe(`=IF(COUNT(${range})=0,"",SUM(${range}))`);
    const cells = allReports.map((_, i) => figureAddress(layout, "E01", i));
    expect(range).toBe(`$${cells[0].replace(/(\d+)$/, "$$$1")}:$${cells[4].replace(/(\d+)$/, "$$$1")}`);
    const column = await page.evaluate(([sheet, list]) => list.map((a) => window.__fake!.sheet(sheet).value(a)), [CONSOLIDATION_SHEETS.summary, cells] as const);
    expect(column.filter((v): v is number => typeof v === "number").reduce((a, b) => a + b, 0)).toBe(E01_TOTAL);

    // What the pane shows: the municipal figure, the index's top, the counts.
    expect(await p.section.locator('[data-code="E01"]').textContent()).toBe(`${E01_TOTAL} 件`);
    const table = p.section.getByRole("table", { name: /^综合指数前 \d 名$/ });
    expect(await table.getByRole("row").count()).toBeGreaterThan(1);
    expect(await table.getByRole("row").nth(1).getByRole("cell").first().textContent()).toBe("1");
    expect(await p.counts.textContent()).toMatch(/错误 \d+.*警告 \d+.*提示 \d+/);

    await screenshot(page, "pane-consolidate.png", true, p.section);
    await screenshot(page, "pane-consolidate-full.png", false);

    await p.openFindings.click();
    await page.waitForFunction((name) => window.__fake!.activeSheet === name, CONSOLIDATION_SHEETS.findings);
    const selection = await page.evaluate(() => window.__fake!.selection);
    expect(selection).toEqual({ sheet: CONSOLIDATION_SHEETS.findings, address: "A1" });
    await p.openSummary.click();
    await page.waitForFunction((name) => window.__fake!.activeSheet === name, CONSOLIDATION_SHEETS.summary);

    expectNoErrors(errors);
    await page.close();
  });

  it("reads district files in the pane with ExcelJS: sheet counts, a clear error for a bad file, and a consolidation from outside the workbook", async () => {
    const { page, errors } = await openPane({ apiVersion: "1.18" });
    const p = pane(page);
    await p.section.scrollIntoViewIfNeeded();
    await p.section.getByRole("checkbox", { name: "本工作簿中的填报表（0 张）" }).waitFor();

    const good = Buffer.from(await toBuffer(await buildReportsWorkbook([rongchang2024, yuzhong2023])));
    await p.fileInput.setInputFiles([
      { name: "荣昌与渝中.xlsx", mimeType: XLSX, buffer: good },
      { name: "说明.docx", mimeType: "application/octet-stream", buffer: Buffer.from("not a workbook") },
    ]);
    const item = (name: string) => p.files.locator(`[data-file="${name}"]`);
    await item("荣昌与渝中.xlsx").getByText("2 张填报表").waitFor({ timeout: 60_000 });
    await item("说明.docx").getByText(/不是 \.xlsx 工作簿，无法读取。/).waitFor();

    // This fake Excel cannot insert sheets from a file: consolidate the file from outside the workbook.
    const insert = p.section.getByRole("checkbox", { name: "将区县文件插入为工作表（可在表上标注问题）" });
    expect(await insert.isChecked()).toBe(true);
    await insert.uncheck();
    await p.section.getByText(/不插入时，区县文件在工作簿外汇总/).waitFor();

    await p.consolidate.click();
    await p.section.getByText("已汇总 2 个区县（2024 年度）。", { exact: true }).waitFor({ timeout: 60_000 });
    await p.section.getByText(/以下文件在工作簿外汇总.*荣昌与渝中\.xlsx/).waitFor();
    await settled(page);
    const names = await page.evaluate(() => window.__fake!.sheetNames());
    expect(names).toContain(CONSOLIDATION_SHEETS.summary);
    expect(names).not.toContain("荣昌区 2024");
    await screenshot(page, "pane-consolidate-files.png", false, p.section);

    expectNoErrors(errors);
    await page.close();
  });
});
