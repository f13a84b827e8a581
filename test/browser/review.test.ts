/**
 * 审核 in a real browser (Debian chromium via playwright-core), at Excel's default pane width, in
 * Chinese, over the in-memory Excel of test/office-fake: a workbook holding the five real reports'
 * sheets is consolidated with the pane's 汇总 button; then, in 审核, a leader filters to 荣昌区,
 * walks the list with the keyboard (the fake's selection follows), accepts 直接纠错率 E05 with an
 * explanation, sends 审结率 E03 (and 调解成功率 F04) back, the district types the corrected E03,
 * 重新校验 closes E03 while E05 stays accepted; E05 typed as another wrong figure is reopened on the
 * next 重新校验; 生成审核意见 writes 审核意见-荣昌区. No cell a person typed changes except the two
 * the test typed.
 *
 * Waits are on UI states and on the fake's own state, never fixed sleeps. The README's screenshot
 * goes to docs/screenshots/pane-review.png (and test-artifacts/screenshots/).
 */
import type { Locator, Page } from "playwright-core";
import { addressOf } from "../../src/core/grid";
import { REVIEW_SHEET } from "../../src/core/review";
import { COL, META, ROW } from "../../src/core/sheet/layout";
import { ACCEPTED_FILL } from "../../src/core/sheet/plan-flags";
import type { FakeScalar } from "../office-fake/excel-fake";
import { allReports } from "../fixtures/reports";
import { describeInChromium, expectNoErrors, screenshot } from "./harness";
import { reportsWorkbook } from "./workbook";

jest.setTimeout(240_000);

const SHEET = "荣昌区 2024";
const INDICATOR_CODE = /^[A-H]\d{2}$/;
/** 283 / 337 as a person types it (the report says 85.29%). */
const E03_CORRECTED = 0.8398;
/** Another wrong 直接纠错率 (58 / 283 = 20.49%). */
const E05_CHANGED = 0.3;

function pane(page: Page) {
  const section = page.getByRole("region", { name: "审核", exact: true });
  const list = section.getByRole("list", { name: /^审核问题/ });
  return {
    section,
    start: section.getByRole("button", { name: "开始审核", exact: true }),
    refresh: section.getByRole("button", { name: "重新校验", exact: true }),
    report: section.getByRole("button", { name: "生成审核意见", exact: true }),
    counts: section.getByRole("status", { name: "审核统计" }),
    filter: (label: string) => section.getByLabel(label, { exact: true }),
    list,
    /** An item's focusable summary, by indicator code (its name is "indicator（code） · district · status"). */
    item: (code: string) => list.getByRole("button", { name: new RegExp(`（${code}） · `) }),
    li: (code: string) => list.locator("li", { has: page.getByRole("button", { name: new RegExp(`（${code}） · `) }) }),
  };
}

/** Indicator codes of the listed items, in order. */
async function listed(page: Page): Promise<string[]> {
  const labels = await pane(page)
    .list.getByRole("button", { name: / · .+ · / })
    .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
  return labels.map((l) => /（([A-H]\d{2})）/.exec(l)?.[1] ?? "");
}

/** No action runs (the review's buttons are enabled again) and the fake has no Excel.run in flight. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => ![...document.querySelectorAll("button")].some((b) => /^(汇总|开始审核|重新校验|生成审核意见)$/.test(b.textContent ?? "") && b.disabled));
  await page.evaluate(() => window.__fake!.idle());
}

async function cellOfSelection(page: Page): Promise<string | undefined> {
  return page.evaluate(() => window.__fake!.selection?.address.split(",")[0]);
}

/** Wait until the fake's selection starts with `address` on the 荣昌 sheet. */
async function selectionIs(page: Page, address: string): Promise<void> {
  await page.waitForFunction(([sheet, a]) => window.__fake!.selection?.sheet === sheet && window.__fake!.selection?.address.split(",")[0] === a, [SHEET, address] as const);
}

/** 0-based row of each indicator on a sheet of the fake, found by its code in column A. */
async function rowsByCode(page: Page, sheet: string): Promise<Map<string, number>> {
  const values = await page.evaluate((name) => window.__fake!.sheet(name).values(), sheet);
  const rows = new Map<string, number>();
  values.forEach((line, r) => {
    const code = line[COL.code];
    if (typeof code === "string" && INDICATOR_CODE.test(code)) rows.set(code, r);
  });
  return rows;
}

/** Every cell a person types into, on every district sheet: district, year, this year, last year, remark. */
async function typedCells(page: Page): Promise<Record<string, FakeScalar>> {
  const out: Record<string, FakeScalar> = {};
  for (const r of allReports) {
    const sheet = `${r.district} ${r.year}`;
    const rows = await rowsByCode(page, sheet);
    const addresses = [addressOf(ROW.meta, META.district), addressOf(ROW.meta, META.year)];
    for (const row of rows.values()) addresses.push(addressOf(row, COL.thisYear), addressOf(row, COL.lastYear), addressOf(row, COL.remarks));
    const values = await page.evaluate(([name, list]) => list.map((a) => window.__fake!.sheet(name).value(a)), [sheet, addresses] as const);
    addresses.forEach((a, i) => (out[`${sheet}!${a}`] = values[i]));
  }
  return out;
}

async function typeInto(page: Page, address: string, value: FakeScalar): Promise<void> {
  await page.evaluate(([sheet, a, v]) => window.__fake!.edit(sheet, a, v), [SHEET, address, value] as const);
}

/** Decide on the current item: type the note, press the button, wait until the pane settled. */
async function decide(page: Page, code: string, button: "确认无误" | "退回修改", note: string): Promise<void> {
  const li = pane(page).li(code);
  await li.getByRole("textbox", { name: "说明" }).fill(note);
  const before = await page.evaluate(() => window.__fake!.syncs);
  await li.getByRole("button", { name: button, exact: true }).click();
  await page.waitForFunction((n) => window.__fake!.syncs > n, before);
  await settled(page);
}

async function runAction(page: Page, button: Locator): Promise<void> {
  const before = await page.evaluate(() => window.__fake!.syncs);
  await button.click();
  await page.waitForFunction((n) => window.__fake!.syncs > n, before);
  await settled(page);
}

describeInChromium("审核 in chromium (320 px, zh-CN, fake Excel)", "审核", "browser-review", (openPane) => {
  it("consolidates the five real reports, then filters, walks, accepts, sends back, re-checks (closed, kept, reopened) and writes 审核意见-荣昌区", async () => {
    const { page, errors } = await openPane({ apiVersion: "1.18", workbook: reportsWorkbook() });
    const p = pane(page);

    // 汇总 with the pane's own button: the review then covers the consolidation's findings too.
    const consolidation = page.getByRole("region", { name: "汇总", exact: true });
    await consolidation.scrollIntoViewIfNeeded();
    await consolidation.getByRole("checkbox", { name: "本工作簿中的填报表（5 张）" }).waitFor();
    await consolidation.getByRole("button", { name: "汇总", exact: true }).click();
    await consolidation.getByText("已汇总 5 个区县（2024 年度）。", { exact: true }).waitFor({ timeout: 90_000 });
    await settled(page);
    // The live check repaints a sheet by itself after an edit; here only the review writes.
    await page.getByRole("switch", { name: "编辑后自动校验" }).uncheck();

    const rows = await rowsByCode(page, SHEET);
    const cell = (code: string) => addressOf(rows.get(code)!, COL.thisYear);
    const typedBefore = await typedCells(page);

    // The reviewer's name, asked once.
    await p.section.scrollIntoViewIfNeeded();
    await p.section.getByRole("textbox", { name: "审核人" }).fill("王审核");
    await p.section.getByRole("button", { name: "保存", exact: true }).click();
    await p.section.getByText("审核人：王审核", { exact: true }).waitFor();
    expect(await page.evaluate(() => window.localStorage.getItem("huishen.reviewer"))).toBe("王审核");

    await p.start.click();
    await p.counts.waitFor({ timeout: 60_000 });
    await settled(page);
    const total = await p.list.getByRole("button", { name: / · .+ · / }).count();
    expect(total).toBeGreaterThan(6);

    // Filter to 荣昌区: its four wrong rates (warnings), then the two info findings.
    await p.filter("区县").selectOption("荣昌区");
    await page.waitForFunction(() => document.querySelectorAll('[aria-label^="审核问题"] li').length === 6);
    expect(await listed(page)).toEqual(["D10", "E03", "E05", "F04", "A07", "G01"]);

    // Walk with the keyboard: the fake's selection follows, the rate's own cell first.
    await p.item("D10").click();
    await selectionIs(page, cell("D10"));
    await page.keyboard.press("ArrowDown");
    await selectionIs(page, cell("E03"));
    expect(await page.evaluate(() => window.__fake!.selection?.address)).toBe([cell("E03"), cell("E02"), cell("E01")].join(","));
    await page.keyboard.press("j");
    await selectionIs(page, cell("E05"));
    await expect(p.item("E05").getAttribute("aria-current")).resolves.toBe("true");
    await page.keyboard.press("k");
    await selectionIs(page, cell("E03"));
    await p.section.getByRole("button", { name: "下一条", exact: true }).click();
    await selectionIs(page, cell("E05"));
    await p.section.getByText("第 3 / 6 条", { exact: true }).waitFor();

    // Accept E05: without an explanation the core's message shows; with one it is recorded.
    const e05 = p.li("E05");
    await e05.getByRole("button", { name: "确认无误", exact: true }).click();
    await e05.getByText("确认无误需要填写说明：为什么这个数值是对的。", { exact: true }).waitFor();
    expect(await page.evaluate((name) => window.__fake!.sheetNames().includes(name), REVIEW_SHEET)).toBe(false);
    await decide(page, "E05", "确认无误", "含上年结转案件 3 件，按报告口径计算");
    expect(await listed(page)).toEqual(["D10", "E03", "F04", "A07", "G01"]);
    // The next finding took its place; E05's cell has the muted mark.
    await expect(p.item("F04").getAttribute("aria-current")).resolves.toBe("true");
    expect((await page.evaluate(([s, a]) => window.__fake!.sheet(s).cell(a), [SHEET, cell("E05")] as const)).fill).toBe(ACCEPTED_FILL);
    const log = await page.evaluate((name) => ({ visibility: window.__fake!.sheet(name).visibility, row: window.__fake!.sheet(name).values()[1] }), REVIEW_SHEET);
    expect(log.visibility).toBe("VeryHidden");
    expect(log.row.slice(2, 5)).toEqual(["accepted", "含上年结转案件 3 件，按报告口径计算", "王审核"]);

    // Send E03 back with what to correct (and F04 too: it stays sent back for the opinion sheet).
    await p.item("E03").click();
    await selectionIs(page, cell("E03"));
    await decide(page, "E03", "退回修改", "审结率应为 283/337 = 83.98%，请更正");
    await p.li("E03").getByText("已退回", { exact: true }).waitFor();
    await p.item("F04").click();
    await decide(page, "F04", "退回修改", "请核对调解成功数与受理数");
    await p.li("F04").getByText("已退回", { exact: true }).waitFor();

    // The district types the corrected 审结率; 重新校验 closes E03, E05 keeps its decision.
    await typeInto(page, cell("E03"), E03_CORRECTED);
    await runAction(page, p.refresh);
    await p.section.getByText("重新校验完成：1 项已关闭，0 项重新打开。", { exact: true }).waitFor();
    expect(await listed(page)).toEqual(["D10", "F04", "A07", "G01"]);
    await p.filter("状态").selectOption("all");
    await p.li("E03").getByText("已关闭", { exact: true }).waitFor();
    await p.li("E05").getByText("已确认", { exact: true }).waitFor();
    expect(await p.li("E03").locator('[data-fact="value"]').textContent()).toBe("83.98%");
    expect(await listed(page)).toEqual(["D10", "E05", "F04", "A07", "G01", "E03"]);
    await screenshot(page, "pane-review.png", true, p.section);
    await screenshot(page, "pane-review-full.png", false);

    // 直接纠错率 typed as another wrong figure: the next 重新校验 reopens it.
    await typeInto(page, cell("E05"), E05_CHANGED);
    await runAction(page, p.refresh);
    await p.section.getByText("重新校验完成：0 项已关闭，1 项重新打开。", { exact: true }).waitFor();
    await p.li("E05").getByText("重新打开", { exact: true }).waitFor();
    await p.li("E05").getByText("待审核", { exact: true }).waitFor();
    expect(await p.li("E05").locator('[data-fact="previous"]').textContent()).toContain("确认无误 · 王审核");
    await p.li("E03").getByText("已关闭", { exact: true }).waitFor();

    // 生成审核意见: 审核汇总 and 荣昌's opinion sheet; the link opens it.
    await runAction(page, p.report);
    const written = p.section.getByRole("list", { name: "已生成以下工作表（点击打开）：" });
    await written.waitFor();
    expect(await written.getByRole("button").allTextContents()).toEqual(["审核汇总", "审核意见-荣昌区"]);
    const names = await page.evaluate(() => window.__fake!.sheetNames());
    expect(names).toEqual(expect.arrayContaining(["审核汇总", "审核意见-荣昌区"]));
    expect(await page.evaluate(() => window.__fake!.sheet("审核意见-荣昌区").value("B5"))).toBe("F04");
    await written.getByRole("button", { name: "审核意见-荣昌区" }).click();
    await page.waitForFunction(() => window.__fake!.selection?.sheet === "审核意见-荣昌区" && window.__fake!.selection?.address === "A1");
    expect(await cellOfSelection(page)).toBe("A1");

    // No review action changed a value a person typed: only the two cells the test typed differ.
    const typedAfter = await typedCells(page);
    expect(typedAfter).toEqual({ ...typedBefore, [`${SHEET}!${cell("E03")}`]: E03_CORRECTED, [`${SHEET}!${cell("E05")}`]: E05_CHANGED });

    expectNoErrors(errors);
    await page.close();
  });
});
