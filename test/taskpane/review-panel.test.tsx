import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { consolidate, planConsolidation } from "../../src/core/consolidate";
import { addressOf, type CellValue } from "../../src/core/grid";
import { REVIEW_SHEET } from "../../src/core/review";
import { COL, META, ROW } from "../../src/core/sheet/layout";
import { ACCEPTED_FILL } from "../../src/core/sheet/plan-flags";
import { REVIEWER_KEY } from "../../src/taskpane/ReviewerName";
import { compareRows, type ReviewRow } from "../../src/taskpane/review-rows";
import { reviewTime } from "../../src/taskpane/useReview";
import { allReports, rongchang2024 } from "../fixtures/reports";
import { reportSnapshot } from "../helpers/report-sheets";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render-pane";

jest.setTimeout(60_000);

const RONGCHANG = "荣昌区 2024";
const E05_REMARK = "含上年结转案件 3 件";

/** The five real reports typed into template sheets (荣昌 with a remark on 直接纠错率), consolidated by the core. */
async function consolidatedHost(): Promise<{ host: FakeHost; rowOf: ReadonlyMap<string, number> }> {
  let rowOf: ReadonlyMap<string, number> = new Map();
  const sheets = allReports.map((r) => {
    const made = reportSnapshot(r, r === rongchang2024 ? (values, rows) => (values[rows.get("E05")!][COL.remarks] = E05_REMARK) : undefined);
    if (r === rongchang2024) rowOf = made.rowOf;
    return made.snapshot;
  });
  const host = new FakeHost(sheets, RONGCHANG);
  const c = consolidate([{ snapshots: sheets, inWorkbook: true }], {})!;
  await host.apply(planConsolidation(c, sheets));
  host.applied.length = 0;
  host.selected.length = 0;
  return { host, rowOf };
}

/** What a person typed on 荣昌's sheet: district, year, and this year / last year / remark of every indicator. */
function inputs(host: FakeHost, rowOf: ReadonlyMap<string, number>): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  const put = (a: string) => (out[a] = host.valueAt(RONGCHANG, a));
  put(addressOf(ROW.meta, META.district));
  put(addressOf(ROW.meta, META.year));
  for (const r of rowOf.values()) for (const c of [COL.thisYear, COL.lastYear, COL.remarks]) put(addressOf(r, c));
  return out;
}

const cell = (rowOf: ReadonlyMap<string, number>, code: string) => addressOf(rowOf.get(code)!, COL.thisYear);

const section = () => screen.getByRole("region", { name: "审核" });
const list = () => within(section()).getByRole("list", { name: /^审核问题/ });
/** The items' focusable summaries, in the list's order (their names are "indicator · district · status"). */
const items = () => within(list()).getAllByRole("button", { name: / · .+ · / });
const codesListed = () => items().map((b) => /（([A-H]\d{2})）/.exec(b.getAttribute("aria-label") ?? "")?.[1] ?? "");
const item = (code: string) => items().find((b) => b.getAttribute("aria-label")?.includes(`（${code}）`))!;
const itemOf = (code: string) => item(code).closest("li")!;
const filter = (label: string, value: string) => fireEvent.change(within(section()).getByLabelText(label), { target: { value } });

async function startReview(): Promise<void> {
  fireEvent.click(within(section()).getByRole("button", { name: "开始审核" }));
  await within(section()).findByRole("status", { name: "审核统计" }, { timeout: 30_000 });
}

/** Click a button that writes, and wait until the section's actions are enabled again. */
async function runReview(name: string): Promise<void> {
  fireEvent.click(within(section()).getByRole("button", { name }));
  await waitFor(() => expect((within(section()).getByRole("button", { name: "重新校验" }) as HTMLButtonElement).disabled).toBe(false), { timeout: 30_000 });
}

async function decide(code: string, button: "确认无误" | "退回修改" | "已更正", note: string): Promise<void> {
  fireEvent.click(item(code));
  const li = itemOf(code);
  fireEvent.change(await within(li).findByRole("textbox", { name: "说明" }), { target: { value: note } });
  fireEvent.click(within(li).getByRole("button", { name: button }));
}

beforeEach(() => {
  window.localStorage.clear();
  window.localStorage.setItem(REVIEWER_KEY, "张三");
});

describe("审核", () => {
  it("lists every outstanding finding of the consolidated workbook, by severity then district, with value, reason and the district's remark", async () => {
    const { host } = await consolidatedHost();
    await renderPane(host);
    // Nothing is read until the review is started.
    const reads = host.reads;
    expect(within(section()).queryByRole("list")).toBeNull();
    await startReview();
    expect(host.reads).toBe(reads + 1);
    expect(host.applied).toEqual([]);

    const labels = items().map((b) => b.getAttribute("aria-label") ?? "");
    // Every finding is open at first: warnings (荣昌's four rates, the three 2023 sheets in a 2024 consolidation…) before info.
    expect(labels.every((l) => l.endsWith(" · 待审核"))).toBe(true);
    const severities = items().map((b) => b.closest("li")!.querySelector("[data-severity]")?.getAttribute("data-severity"));
    expect(severities.indexOf("info")).toBeGreaterThan(severities.lastIndexOf("warning"));
    const counts = within(section()).getByRole("status", { name: "审核统计" });
    expect(counts.querySelector('[data-count="open"]')?.textContent).toBe(`待审核 ${labels.length}`);

    const e05 = itemOf("E05");
    expect(within(e05).getByText("直接纠错率（E05）")).toBeTruthy();
    expect(e05.querySelector('[data-fact="value"]')?.textContent).toBe("22.22%");
    expect(within(e05).getByText(/直接纠错率（E05）填报 22\.22%，但 .*20\.49%/)).toBeTruthy();
    expect(e05.querySelector('[data-fact="remark"]')?.textContent).toBe(E05_REMARK);
    expect(within(e05).getByText(/^荣昌区 · 荣昌区 2024 · /)).toBeTruthy();

    // The compact table by district: 荣昌 has its four rates and two info findings open.
    const table = within(section()).getByRole("table");
    const rongchang = within(table).getByRole("row", { name: /^荣昌区/ });
    expect(within(rongchang).getAllByRole("cell")[0].textContent).toBe("6");
  });

  it("filters by severity, district, dimension and status", async () => {
    const { host } = await consolidatedHost();
    await renderPane(host);
    await startReview();
    const all = items().length;

    filter("区县", "荣昌区");
    expect(codesListed()).toEqual(["D10", "E03", "E05", "F04", "A07", "G01"]);
    filter("级别", "warning");
    expect(codesListed()).toEqual(["D10", "E03", "E05", "F04"]);
    filter("维度", "E");
    expect(codesListed()).toEqual(["E03", "E05"]);
    filter("状态", "accepted");
    expect(within(section()).queryByRole("list", { name: /^审核问题/ })).toBeNull();
    expect(within(section()).getByText("没有符合筛选条件的问题。")).toBeTruthy();
    filter("状态", "outstanding");
    filter("维度", "");
    filter("级别", "all");
    filter("区县", "");
    expect(items()).toHaveLength(all);
  });

  it("walks the list with ↑/↓, J/K and 上一条/下一条, selecting each finding's cells", async () => {
    const { host, rowOf } = await consolidatedHost();
    await renderPane(host);
    await startReview();
    filter("区县", "荣昌区");

    // Only one item is in the tab order; Enter on it selects its cells, the rate's own first.
    expect(items().filter((b) => b.tabIndex === 0)).toHaveLength(1);
    fireEvent.keyDown(item("D10"), { key: "Enter" });
    expect(host.selected.at(-1)).toEqual({ sheet: RONGCHANG, addresses: [cell(rowOf, "D10"), cell(rowOf, "D09"), cell(rowOf, "D08")] });
    expect(item("D10").getAttribute("aria-current")).toBe("true");

    fireEvent.keyDown(item("D10"), { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement).toBe(item("E03")));
    expect(host.selected.at(-1)).toEqual({ sheet: RONGCHANG, addresses: [cell(rowOf, "E03"), cell(rowOf, "E02"), cell(rowOf, "E01")] });
    fireEvent.keyDown(item("E03"), { key: "j" });
    expect(host.selected.at(-1)?.addresses[0]).toBe(cell(rowOf, "E05"));
    expect(document.activeElement).toBe(item("E05"));
    fireEvent.keyDown(item("E05"), { key: "k" });
    expect(host.selected.at(-1)?.addresses[0]).toBe(cell(rowOf, "E03"));
    fireEvent.keyDown(item("E03"), { key: "ArrowUp" });
    expect(host.selected.at(-1)?.addresses[0]).toBe(cell(rowOf, "D10"));
    expect(within(section()).getByText("第 1 / 6 条")).toBeTruthy();

    fireEvent.click(within(section()).getByRole("button", { name: "下一条" }));
    expect(host.selected.at(-1)?.addresses[0]).toBe(cell(rowOf, "E03"));
    expect(within(section()).getByText("第 2 / 6 条")).toBeTruthy();
    fireEvent.click(within(section()).getByRole("button", { name: "上一条" }));
    expect(host.selected.at(-1)?.addresses[0]).toBe(cell(rowOf, "D10"));
    expect((within(section()).getByRole("button", { name: "上一条" }) as HTMLButtonElement).disabled).toBe(true);

    // Clicking selects too; End goes to the last.
    fireEvent.click(item("F04"));
    expect(host.selected.at(-1)?.addresses[0]).toBe(cell(rowOf, "F04"));
    fireEvent.keyDown(item("F04"), { key: "End" });
    expect(host.selected.at(-1)?.addresses[0]).toBe(cell(rowOf, "G01"));
    // Nothing was written by moving around.
    expect(host.applied).toEqual([]);
  });

  it("accepting needs an explanation: the core's message shows beside the note and nothing is written", async () => {
    const { host } = await consolidatedHost();
    await renderPane(host);
    await startReview();
    filter("区县", "荣昌区");
    fireEvent.click(item("E05"));
    const li = itemOf("E05");
    fireEvent.click(within(li).getByRole("button", { name: "确认无误" }));
    expect(await within(li).findByText("确认无误需要填写说明：为什么这个数值是对的。")).toBeTruthy();
    expect(document.activeElement).toBe(within(li).getByRole("textbox", { name: "说明" }));
    fireEvent.click(within(li).getByRole("button", { name: "退回修改" }));
    expect(await within(li).findByText("退回修改需要写明要更正什么。")).toBeTruthy();
    expect(host.applied).toEqual([]);
    expect(host.names()).not.toContain(REVIEW_SHEET);
  });

  it("records an accepted finding in the very hidden 汇审审核 sheet; it leaves 未处理完, shows under 已确认 and its cell is muted", async () => {
    const { host, rowOf } = await consolidatedHost();
    const typed = inputs(host, rowOf);
    await renderPane(host);
    await startReview();
    filter("区县", "荣昌区");
    const before = Date.now();
    await decide("E05", "确认无误", "含上年结转案件，按报告口径计算");
    await waitFor(() => expect(codesListed()).toEqual(["D10", "E03", "F04", "A07", "G01"]));

    const plan = host.applied.at(-1)!;
    const log = plan.sheets.find((s) => s.name === REVIEW_SHEET)!;
    expect(log.mode).toBe("create");
    expect(log.visibility).toBe("veryHidden");
    // Row 1 the header, row 2 the decision: time, finding, status, note, who.
    expect(host.valueAt(REVIEW_SHEET, "C2")).toBe("accepted");
    expect(host.valueAt(REVIEW_SHEET, "D2")).toBe("含上年结转案件，按报告口径计算");
    expect(host.valueAt(REVIEW_SHEET, "E2")).toBe("张三");
    expect(host.valueAt(REVIEW_SHEET, "J2")).toBe("E04,E02,E05");
    const at = Date.parse(String(host.valueAt(REVIEW_SHEET, "A2")));
    expect(at).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(String(host.valueAt(REVIEW_SHEET, "A2"))).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);

    // The next finding took its place (and its cells are selected); E05's cell has the muted mark.
    expect(items().find((b) => b.getAttribute("aria-current") === "true")).toBe(item("F04"));
    expect(host.selected.at(-1)?.addresses[0]).toBe(cell(rowOf, "F04"));
    expect(host.fillAt(RONGCHANG, cell(rowOf, "E05"))).toBe(ACCEPTED_FILL);

    filter("状态", "accepted");
    expect(codesListed()).toEqual(["E05"]);
    const e05 = itemOf("E05");
    expect(within(e05).getByText("已确认")).toBeTruthy();
    expect(e05.querySelector('[data-fact="decision"]')?.textContent).toMatch(/^确认无误 · 张三 · \d{4}-\d\d-\d\d \d\d:\d\d：含上年结转案件，按报告口径计算$/);
    fireEvent.click(within(e05).getByRole("button", { name: "审核记录（1）" }));
    expect(within(e05).getByRole("list", { name: "审核记录（1）" }).textContent).toContain("确认无误 · 张三");
    const counts = within(section()).getByRole("status", { name: "审核统计" });
    expect(counts.querySelector('[data-count="accepted"]')?.textContent).toBe("已确认 1");

    // A decision can be changed: a new row in the log, the old one kept.
    await decide("E05", "退回修改", "请附上结转案件清单");
    await waitFor(() => expect(within(section()).queryByRole("list", { name: /^审核问题/ })).toBeNull());
    expect(host.valueAt(REVIEW_SHEET, "C2")).toBe("accepted");
    expect(host.valueAt(REVIEW_SHEET, "C3")).toBe("sentBack");
    filter("状态", "sentBack");
    fireEvent.click(within(itemOf("E05")).getByRole("button", { name: "审核记录（2）" }));
    const trail = within(itemOf("E05")).getByRole("list", { name: "审核记录（2）" });
    expect(within(trail).getAllByRole("listitem").map((li) => li.textContent?.split(" · ")[0])).toEqual(["退回修改", "确认无误"]);
    expect(host.fillAt(RONGCHANG, cell(rowOf, "E05"))).not.toBe(ACCEPTED_FILL);

    expect(inputs(host, rowOf)).toEqual(typed);
  });

  it("sends back, re-checks: a corrected finding is closed, an accepted one keeps its decision until its value changes, then reopens; 审核意见 for the district", async () => {
    const { host, rowOf } = await consolidatedHost();
    const typed = inputs(host, rowOf);
    await renderPane(host);
    // The live check repaints flags on its own after an edit: off, so only the review writes here.
    fireEvent.click(screen.getByRole("switch", { name: "编辑后自动校验" }));
    await startReview();
    filter("区县", "荣昌区");
    await decide("E05", "确认无误", "含上年结转案件");
    await waitFor(() => expect(codesListed()).not.toContain("E05"));
    await decide("E03", "退回修改", "审结率应为 283/337 = 83.98%，请更正");
    await waitFor(() => expect(itemOf("E03").getAttribute("data-status")).toBe("sentBack"));
    await decide("F04", "退回修改", "请核对调解成功率");
    await waitFor(() => expect(itemOf("F04").getAttribute("data-status")).toBe("sentBack"));
    expect(within(itemOf("E03")).getByText("已退回")).toBeTruthy();

    // The district corrects 审结率; 重新校验 closes its finding, E05 stays accepted.
    host.edit(RONGCHANG, cell(rowOf, "E03"), 0.8398);
    await runReview("重新校验");
    expect(await within(section()).findByText("重新校验完成：1 项已关闭，0 项重新打开。")).toBeTruthy();
    expect(codesListed()).toEqual(["D10", "F04", "A07", "G01"]);
    filter("状态", "closed");
    expect(codesListed()).toEqual(["E03"]);
    expect(itemOf("E03").querySelector('[data-fact="value"]')?.textContent).toBe("83.98%");
    // A closed finding can be followed to its cell, but there is nothing to decide.
    fireEvent.click(item("E03"));
    expect(within(itemOf("E03")).getByText("此问题已不再出现，无需再作决定。")).toBeTruthy();
    expect(within(itemOf("E03")).queryByRole("button", { name: "确认无误" })).toBeNull();
    filter("状态", "accepted");
    expect(codesListed()).toEqual(["E05"]);

    // 直接纠错率 changed to another wrong figure: reopened, its earlier decision shown as no longer holding.
    host.edit(RONGCHANG, cell(rowOf, "E05"), 0.3);
    await runReview("重新校验");
    expect(await within(section()).findByText("重新校验完成：0 项已关闭，1 项重新打开。")).toBeTruthy();
    expect(within(section()).queryByRole("list", { name: /^审核问题/ })).toBeNull();
    filter("状态", "open");
    expect(codesListed()).toEqual(["D10", "E05", "A07", "G01"]);
    const e05 = itemOf("E05");
    expect(within(e05).getByText("重新打开")).toBeTruthy();
    expect(e05.querySelector('[data-fact="previous"]')?.textContent).toContain("确认无误 · 张三");
    expect(host.fillAt(RONGCHANG, cell(rowOf, "E05"))).not.toBe(ACCEPTED_FILL);

    // 生成审核意见: 审核汇总 and 荣昌's opinion sheet (F04 sent back); a link opens it.
    await runReview("生成审核意见");
    const written = await within(section()).findByRole("list", { name: "已生成以下工作表（点击打开）：" });
    expect(
      within(written)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["审核汇总", "审核意见-荣昌区"]);
    expect(host.names()).toEqual(expect.arrayContaining(["审核汇总", "审核意见-荣昌区"]));
    expect(host.valueAt("审核意见-荣昌区", "B5")).toBe("F04");
    fireEvent.click(within(written).getByRole("button", { name: "审核意见-荣昌区" }));
    expect(host.selected.at(-1)).toEqual({ sheet: "审核意见-荣昌区", addresses: ["A1"] });

    // The log kept every change; only the two cells the test typed differ from what the district typed.
    expect(host.valueAt(REVIEW_SHEET, "C2")).toBe("accepted");
    expect(inputs(host, rowOf)).toEqual({ ...typed, [cell(rowOf, "E03")]: 0.8398, [cell(rowOf, "E05")]: 0.3 });
  });

  it("speaks English when Office does", async () => {
    const { host } = await consolidatedHost();
    await renderPane(host, "en-US");
    const review = () => screen.getByRole("region", { name: "Review" });
    fireEvent.click(within(review()).getByRole("button", { name: "Start review" }));
    await within(review()).findByRole("status", { name: "Review counts" }, { timeout: 30_000 });
    fireEvent.change(within(review()).getByLabelText("District"), { target: { value: "荣昌区" } });
    const e05 = within(review()).getByRole("button", { name: /\(E05\) · 荣昌区 · Open$/ });
    fireEvent.click(e05);
    const li = e05.closest("li")!;
    expect(within(li).getByText(/^Direct correction rate \(E05\) is reported as 22\.22%, but .* = 20\.49%$/)).toBeTruthy();
    fireEvent.click(within(li).getByRole("button", { name: "Accept" }));
    expect(await within(li).findByText("Accepting needs an explanation: why the figure is right.")).toBeTruthy();
    expect(within(review()).getByText("Reviewer: 张三")).toBeTruthy();
  });

  it("asks once for the reviewer's name, keeps it in localStorage, and lets it be changed", async () => {
    window.localStorage.clear();
    const { host } = await consolidatedHost();
    await renderPane(host);
    await startReview();
    filter("区县", "荣昌区");
    fireEvent.click(item("D10"));
    const li = itemOf("D10");
    fireEvent.change(within(li).getByRole("textbox", { name: "说明" }), { target: { value: "请核对" } });
    fireEvent.click(within(li).getByRole("button", { name: "退回修改" }));
    expect(await within(li).findByText("请填写审核人姓名。")).toBeTruthy();
    expect(host.applied).toEqual([]);

    const name = within(section()).getByRole("textbox", { name: "审核人" });
    fireEvent.change(name, { target: { value: " 李四 " } });
    fireEvent.click(within(section()).getByRole("button", { name: "保存" }));
    expect(window.localStorage.getItem(REVIEWER_KEY)).toBe("李四");
    expect(within(section()).getByText("审核人：李四")).toBeTruthy();
    fireEvent.click(within(section()).getByRole("button", { name: "更改" }));
    expect(within(section()).getByRole("textbox", { name: "审核人" })).toBeTruthy();
  });
});

describe("the review's rows and time", () => {
  it("sorts closed findings (no severity) after the others", () => {
    const row = (id: string, severity?: ReviewRow["severity"]): ReviewRow =>
      ({
        id,
        severity,
        district: "荣昌区",
        sheet: RONGCHANG,
        cells: [],
        code: "E03",
        indicator: "",
        dimension: "E",
        value: "",
        message: "",
        remark: "",
        status: severity ? "open" : "closed",
        reopened: false,
        history: [],
        decidable: !!severity,
      }) as ReviewRow;
    expect([row("c"), row("b", "info"), row("a", "warning")].sort(compareRows).map((r) => r.id)).toEqual(["a", "b", "c"]);
  });

  it("stamps decisions with the local time and its offset", () => {
    const at = reviewTime(new Date("2025-03-01T02:05:09Z"));
    expect(Date.parse(at)).toBe(Date.parse("2025-03-01T02:05:09Z"));
    expect(at).toMatch(/^2025-03-0[12]T\d\d:05:09[+-]\d\d:\d\d$/);
  });
});
