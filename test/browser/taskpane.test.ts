/**
 * The task pane in a real browser (Debian chromium via playwright-core), at Excel's default pane
 * width, in Chinese, over the in-memory Excel of test/office-fake standing in for office.js:
 * a person inserts the 荣昌区 2024 sheet, types the report's figures, checks, follows a finding,
 * corrects a rate, checks again and clears the flags — on current Excel (ExcelApi 1.18) and on
 * Excel 2019 (ExcelApi 1.7).
 *
 * Waits are on UI states (Playwright locators) and on the fake's own state, never fixed sleeps.
 * Screenshots go to test-artifacts/screenshots/; the README's to docs/screenshots/.
 */
import type { Locator, Page } from "playwright-core";
import { addressOf } from "../../src/core/grid";
import { NOTE_PREFIX } from "../../src/core/sheet/plan-flags";
import { COL, COLORS, MARKER_COL, MARKER_PREFIX, META, ROW } from "../../src/core/sheet/layout";
import type { FakeCellView, FakeLogEntry, FakeScalar } from "../office-fake/excel-fake";
import { rongchang2024 } from "../fixtures/reports";
import { typeLikeExcel } from "../helpers/typed";
import { describeInChromium, expectNoErrors, screenshot } from "./harness";

jest.setTimeout(120_000);

const SHEET = "荣昌区 2024";
const INDICATOR_CODE = /^[A-H]\d{2}$/;

/** The four rates the report got wrong (see the fixture), in the list's order (by code), with their names. */
const WRONG_RATES = [
  { code: "D10", name: "行政执法事项综合率" },
  { code: "E03", name: "行政复议审结率" },
  { code: "E05", name: "直接纠错率" },
  { code: "F04", name: "调解成功率" },
] as const;

/** 283 / 337, rounded as a person would type it. */
const E03_CORRECTED = 0.8398;

// ---------------------------------------------------------------------------------------------
// The fake Excel, seen from the test

/** A value as `window.__fake` reports it for the cells the test compares. */
interface CellSeen {
  readonly value: FakeScalar;
  readonly formula?: string;
  readonly fill: string | null;
  readonly locked: boolean;
}

function fakeValues(page: Page, sheet: string): Promise<FakeScalar[][]> {
  return page.evaluate((name) => window.__fake!.sheet(name).values(), sheet);
}

function fakeCells(page: Page, sheet: string): Promise<Record<string, CellSeen>> {
  return page.evaluate((name) => {
    const out: Record<string, { value: FakeScalar; formula?: string; fill: string | null; locked: boolean }> = {};
    for (const [address, c] of window.__fake!.sheet(name).cells()) {
      out[address] = { value: c.value, ...(c.formula !== undefined ? { formula: c.formula } : {}), fill: c.fill, locked: c.locked };
    }
    return out;
  }, sheet);
}

function fakeCell(page: Page, sheet: string, address: string): Promise<FakeCellView> {
  return page.evaluate(([name, a]) => window.__fake!.sheet(name).cell(a), [sheet, address] as const);
}

function fakeNotes(page: Page, sheet: string): Promise<{ notes: Record<string, string>; comments: Record<string, string> }> {
  return page.evaluate((name) => {
    const s = window.__fake!.sheet(name);
    return { notes: { ...s.notes }, comments: { ...s.comments } };
  }, sheet);
}

function fakeLog(page: Page): Promise<FakeLogEntry[]> {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__fake!.log)) as FakeLogEntry[]);
}

/** 0-based row of each indicator, found by its code in column A. */
function rowsByCode(values: readonly (readonly FakeScalar[])[]): Map<string, number> {
  const rows = new Map<string, number>();
  values.forEach((line, r) => {
    const code = line[COL.code];
    if (typeof code === "string" && INDICATOR_CODE.test(code)) rows.set(code, r);
  });
  return rows;
}

/** The cells a person types into: district and year, then 本年值, 上年值 and 备注 of every indicator. */
function inputAddresses(rows: ReadonlyMap<string, number>): string[] {
  const out = [addressOf(ROW.meta, META.district), addressOf(ROW.meta, META.year)];
  for (const r of rows.values()) out.push(addressOf(r, COL.thisYear), addressOf(r, COL.lastYear), addressOf(r, COL.remarks));
  return out;
}

function pick(cells: Readonly<Record<string, CellSeen>>, addresses: readonly string[]): Record<string, { value: FakeScalar; formula?: string }> {
  return Object.fromEntries(
    addresses.map((a) => {
      const c = cells[a];
      return [a, { value: c?.value ?? "", ...(c?.formula !== undefined ? { formula: c.formula } : {}) }];
    }),
  );
}

/** Every cell's fill, by address. */
function fills(cells: Readonly<Record<string, CellSeen>>): Record<string, string | null> {
  return Object.fromEntries(Object.entries(cells).map(([a, c]) => [a, c.fill]));
}

/** 荣昌 2024 as a clerk types it: this year's value in column E (and last year's in F where stated). */
function rongchangEdits(rows: ReadonlyMap<string, number>): { address: string; value: FakeScalar }[] {
  const edits: { address: string; value: FakeScalar }[] = [];
  for (const f of rongchang2024.figures) {
    const r = rows.get(f.code);
    if (r === undefined) throw new Error(`indicator ${f.code} of the fixture is not on the sheet`);
    edits.push({ address: addressOf(r, COL.thisYear), value: typeLikeExcel(f.thisYear) as FakeScalar });
    if (f.lastYear !== undefined) edits.push({ address: addressOf(r, COL.lastYear), value: typeLikeExcel(f.lastYear) as FakeScalar });
  }
  return edits;
}

/** Type into the fake's cells one by one, as a person would (each edit fires Excel's change event). */
async function typeIntoSheet(page: Page, sheet: string, edits: readonly { address: string; value: FakeScalar }[]): Promise<void> {
  await page.evaluate(
    async ([name, list]) => {
      for (const e of list) await window.__fake!.edit(name, e.address, e.value);
    },
    [sheet, edits] as const,
  );
}

// ---------------------------------------------------------------------------------------------
// The pane, seen from the test

function pane(page: Page) {
  const findings = page.getByRole("region", { name: "校验发现的问题" });
  return {
    district: page.getByLabel("区县"),
    year: page.getByLabel("年度"),
    insert: page.getByRole("button", { name: "插入模板", exact: true }),
    check: page.getByRole("button", { name: "校验", exact: true }),
    clear: page.getByRole("button", { name: "清除标记", exact: true }),
    live: page.getByRole("switch", { name: "编辑后自动校验" }),
    counts: page.getByRole("status", { name: "问题数量" }),
    checkSection: page.getByRole("region", { name: "校验", exact: true }),
    findings,
    warnings: findings.getByRole("region", { name: /^警告/ }),
  };
}

/** Resolves once no action of the pane runs (its buttons are enabled again) and the fake has no Excel.run in flight. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const buttons = [...document.querySelectorAll<HTMLButtonElement>("button")].filter((b) => /^(插入模板|校验|清除标记)$/.test(b.textContent ?? ""));
    return buttons.length === 3 && buttons.every((b) => !b.disabled);
  });
  await page.evaluate(() => window.__fake!.idle());
}

/** Click a button that runs an action, and wait until the action ran (the fake synced) and the pane settled. */
async function runAction(page: Page, button: Locator): Promise<void> {
  const before = await page.evaluate(() => window.__fake!.syncs);
  await button.click();
  await page.waitForFunction((n) => window.__fake!.syncs > n, before);
  await settled(page);
}

/** The counts line as text, e.g. "错误 0 · 警告 4 · 提示 1". */
async function countsText(counts: Locator): Promise<string> {
  return ((await counts.textContent()) ?? "").replace(/\s+/g, " ").replace(/\s*·\s*/g, " · ").trim();
}

async function waitForCounts(counts: Locator, expected: string): Promise<void> {
  await counts.getByText(expected, { exact: true }).waitFor();
}

// ---------------------------------------------------------------------------------------------
// The steps

/** Insert the 荣昌区 2024 sheet through the form; returns the rows by code. */
async function insertRongchang(page: Page, shot?: string): Promise<Map<string, number>> {
  const p = pane(page);
  await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("汇审");
  await p.insert.waitFor();
  await p.district.fill("荣昌区");
  await p.year.fill("2024");
  if (shot) await screenshot(page, shot, true);
  await runAction(page, p.insert);
  await page.getByText(`已插入工作表“${SHEET}”。`).waitFor();

  const state = await page.evaluate((name) => {
    const f = window.__fake!;
    const s = f.sheet(name);
    return { names: f.sheetNames(), active: f.activeSheet, protectedNow: s.protection.protected };
  }, SHEET);
  expect(state.names).toEqual(["Sheet1", SHEET]);
  expect(state.active).toBe(SHEET);
  expect(state.protectedNow).toBe(true);

  const values = await fakeValues(page, SHEET);
  const rows = rowsByCode(values);
  expect(rows.size).toBe(92);
  // The marker that tells Huishen's sheets apart, in the hidden column J.
  expect(addressOf(0, MARKER_COL)).toBe("J1");
  const marker = await page.evaluate((name) => window.__fake!.sheet(name).value("J1"), SHEET);
  expect(String(marker)).toMatch(new RegExp(`^${MARKER_PREFIX}standard@`));
  expect(await page.evaluate((a) => window.__fake!.sheet(a[0]).columnHidden(a[1]), [SHEET, MARKER_COL] as const)).toBe(true);
  expect(values[ROW.meta][META.district]).toBe("荣昌区");
  expect(values[ROW.meta][META.year]).toBe(2024);
  return rows;
}

/** Type the report's figures; every cell typed into is one the protected sheet lets a person edit. */
async function fillRongchang(page: Page, rows: ReadonlyMap<string, number>): Promise<{ address: string; value: FakeScalar }[]> {
  const edits = rongchangEdits(rows);
  const before = await fakeCells(page, SHEET);
  for (const e of edits) expect({ address: e.address, locked: before[e.address]?.locked ?? true }).toEqual({ address: e.address, locked: false });
  await typeIntoSheet(page, SHEET, edits);
  const after = await fakeCells(page, SHEET);
  for (const e of edits) expect({ address: e.address, value: after[e.address]?.value }).toEqual({ address: e.address, value: e.value });
  return edits;
}

/** The four wrong rates listed under 警告, each clickable, with the 审结率 message as the pane words it. */
async function expectRongchangFindings(page: Page): Promise<void> {
  const p = pane(page);
  await waitForCounts(p.counts, "警告 4");
  expect(await countsText(p.counts)).toBe("错误 0 · 警告 4 · 提示 1");
  await p.warnings.waitFor();
  const headings = await p.warnings.getByRole("heading", { level: 4 }).allTextContents();
  expect(headings).toEqual(WRONG_RATES.map((r) => `${r.name}（${r.code}） (1)`));
  const items = p.warnings.getByRole("button");
  expect(await items.count()).toBe(4);
  expect(await items.nth(1).textContent()).toContain("行政复议审结率（E03）填报 85.29%");
  expect(await items.nth(1).textContent()).toContain(`荣昌区 · ${SHEET} · `);
  expect(await p.findings.getByRole("region", { name: /^错误/ }).count()).toBe(0);
}

/**
 * A person types the report; the live check (on by default) re-checks the sheet once the edits
 * pause — wait for it, so nothing is pending — then 校验 confirms the four wrong rates and their fills.
 */
async function typeAndCheckRongchang(page: Page, rows: ReadonlyMap<string, number>, withNotes: boolean): Promise<void> {
  const p = pane(page);
  await fillRongchang(page, rows);
  await waitForCounts(p.counts, "警告 4");
  await settled(page);
  await runAction(page, p.check);
  await page.getByText("已校验 1 张填报表。", { exact: true }).waitFor();
  await expectRongchangFindings(page);
  await expectRateFlags(
    page,
    rows,
    WRONG_RATES.map((r) => r.code),
    withNotes,
  );
}

async function expectRateFlags(page: Page, rows: ReadonlyMap<string, number>, codes: readonly string[], withNotes: boolean): Promise<void> {
  const { notes } = await fakeNotes(page, SHEET);
  for (const code of codes) {
    const address = addressOf(rows.get(code)!, COL.thisYear);
    const cell = await fakeCell(page, SHEET, address);
    expect({ code, address, fill: cell.fill }).toEqual({ code, address, fill: COLORS.warning });
    if (withNotes) expect({ code, note: notes[address]?.startsWith(NOTE_PREFIX) }).toEqual({ code, note: true });
  }
}

// ---------------------------------------------------------------------------------------------

describeInChromium("task pane in chromium (320 px, zh-CN, fake Excel)", "the task pane", "browser", (openPane) => {
  it("current Excel (ExcelApi 1.18): insert, type 荣昌 2024, check, follow a finding, correct, re-check, clear", async () => {
    const { page, errors } = await openPane({ apiVersion: "1.18" });
    const p = pane(page);

    // 插入模板
    await expect(page.getByText("汇审 Huishen", { exact: true }).isVisible()).resolves.toBe(true);
    const rows = await insertRongchang(page, "pane-insert.png");
    const typedCells = inputAddresses(rows);
    const templateFills = fills(await fakeCells(page, SHEET));

    // Type, let the live check run, then 校验.
    await typeAndCheckRongchang(page, rows, true);
    const typed = pick(await fakeCells(page, SHEET), typedCells);
    await screenshot(page, "pane-findings-full.png", false);
    await screenshot(page, "pane-findings.png", true, p.checkSection);

    // Click the 审结率 finding: its cells are selected, the rate's own cell first (the active cell).
    const e03 = addressOf(rows.get("E03")!, COL.thisYear);
    await p.warnings.getByRole("button").filter({ hasText: "行政复议审结率（E03）填报" }).click();
    await page.waitForFunction((a) => window.__fake!.selection?.address.split(",")[0] === a, e03);
    const selection = await page.evaluate(() => ({ ...window.__fake!.selection!, active: window.__fake!.activeSheet }));
    expect(selection.sheet).toBe(SHEET);
    expect(selection.active).toBe(SHEET);
    expect(selection.address.split(",")).toEqual([e03, addressOf(rows.get("E02")!, COL.thisYear), addressOf(rows.get("E01")!, COL.thisYear)]);

    // Correct 审结率 (283 / 337): the live check re-checks, then 校验 confirms — three warnings left,
    // and the cell has its template fill back, without Huishen's note.
    await typeIntoSheet(page, SHEET, [{ address: e03, value: E03_CORRECTED }]);
    await waitForCounts(p.counts, "警告 3");
    await settled(page);
    await runAction(page, p.check);
    await page.getByText("已校验 1 张填报表。", { exact: true }).waitFor();
    await waitForCounts(p.counts, "警告 3");
    expect(await p.warnings.getByRole("heading", { level: 4 }).allTextContents()).toEqual(
      WRONG_RATES.filter((r) => r.code !== "E03").map((r) => `${r.name}（${r.code}） (1)`),
    );
    expect((await fakeCell(page, SHEET, e03)).fill).toBe(templateFills[e03]);
    expect(templateFills[e03]).toBe(COLORS.input);
    expect((await fakeNotes(page, SHEET)).notes[e03]).toBeUndefined();
    await expectRateFlags(page, rows, ["D10", "E05", "F04"], true);
    const afterCorrection = pick(await fakeCells(page, SHEET), typedCells);
    expect(afterCorrection).toEqual({ ...typed, [e03]: { value: E03_CORRECTED } });

    // 清除标记: no Huishen fill or note left, the check column empty, every typed value untouched.
    await runAction(page, p.clear);
    await page.getByText("已清除标记。", { exact: true }).waitFor();
    // No stale "警告 0" counts once the flags are gone: the counts and the list disappear.
    await p.counts.waitFor({ state: "detached" });
    expect(await p.findings.count()).toBe(0);
    const cleared = await fakeCells(page, SHEET);
    expect(fills(cleared)).toEqual(templateFills);
    expect(await fakeNotes(page, SHEET)).toEqual({ notes: {}, comments: {} });
    const checkColumn = [...rows.values()].map((r) => cleared[addressOf(r, COL.check)]?.value ?? "");
    expect(checkColumn.filter((v) => v !== "")).toEqual([]);
    expect(pick(cleared, typedCells)).toEqual(afterCorrection);
    expect((await page.evaluate((name) => window.__fake!.sheet(name).protection.protected, SHEET))).toBe(true);
    await screenshot(page, "pane-cleared.png", true);

    expectNoErrors(errors);
    await page.close();
  });

  it("Excel 2019 (ExcelApi 1.7): insert, type, check — the same findings, flags by fill only, no notes API", async () => {
    const { page, errors } = await openPane({ apiVersion: "1.7" });
    const p = pane(page);

    const rows = await insertRongchang(page);
    // Change events on 1.7 are per sheet: the pane subscribes again after inserting, so the live
    // check also watches the new sheet (regression: it used to watch only the sheets of the start).
    await typeAndCheckRongchang(page, rows, false);
    await screenshot(page, "pane-findings-excel2019.png", false);

    // Without ExcelApi 1.10/1.18 the reasons stay in the check column: no notes or comments API touched.
    expect(await fakeNotes(page, SHEET)).toEqual({ notes: {}, comments: {} });
    const log = await fakeLog(page);
    expect(log.filter((e) => /^(Note|Comment)/.test(e.op)).map((e) => e.op)).toEqual([]);
    const e03 = rows.get("E03")!;
    expect(String((await fakeCell(page, SHEET, addressOf(e03, COL.check))).value)).not.toBe("");

    // Following a finding selects the rate's own cell (no RangeAreas before 1.9).
    await p.warnings.getByRole("button").filter({ hasText: "行政复议审结率（E03）填报" }).click();
    await page.waitForFunction((a) => window.__fake!.selection?.address === a, addressOf(e03, COL.thisYear));

    expectNoErrors(errors);
    await page.close();
  });
});
