import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { HostTimeoutError } from "../../src/adapters/office/host-timeout";
import { FLAG_SHEET } from "../../src/core/flags/state";
import { COLORS } from "../../src/core/sheet/layout";
import { rongchang2024, yuzhong2023 } from "../fixtures/reports";
import { reportSnapshot } from "../helpers/report-sheets";
import { FakeHost } from "./fake-host";
import { renderPane, rongchangHost } from "./render-pane";

/** Click 校验 and wait for the counts. */
async function check(scope?: "all") {
  if (scope === "all") fireEvent.click(screen.getByRole("radio", { name: "所有填报表" }));
  fireEvent.click(screen.getByRole("button", { name: "校验" }));
  await screen.findByRole("status", { name: "问题数量" });
}

const section = (severity: RegExp) => screen.getByRole("region", { name: severity });
const findingButtons = (within_: HTMLElement) => within(within_).getAllByRole("button");

describe("校验", () => {
  it("lists 荣昌 2024's four inconsistent rates under 警告, with counts", async () => {
    const { host } = rongchangHost();
    await renderPane(host);
    await check();
    expect(screen.getByText("错误 0")).toBeTruthy();
    expect(screen.getByText("警告 4")).toBeTruthy();
    expect(screen.getByText("提示 1")).toBeTruthy();

    const warnings = section(/^警告/);
    const indicators = within(warnings).getAllByRole("heading", { level: 4 }).map((h) => h.textContent);
    expect(indicators).toEqual(["行政执法事项综合率（D10） (1)", "行政复议审结率（E03） (1)", "直接纠错率（E05） (1)", "调解成功率（F04） (1)"]);
    const items = findingButtons(warnings);
    expect(items).toHaveLength(4);
    expect(items[1].textContent).toContain("行政复议审结率（E03）填报 85.29%");
    expect(items[1].textContent).toContain("荣昌区 · 荣昌区 2024 · E65、E64、E63");
    expect(within(section(/^提示/)).getByRole("button").textContent).toContain("近似值“40余”");
    expect(screen.queryByRole("region", { name: /^错误/ })).toBeNull();
  });

  it("flags the cells with the severity's fill and the reason in a note", async () => {
    const { host, sheet } = rongchangHost();
    await renderPane(host);
    await check();
    expect(host.applied).toHaveLength(1);
    expect(host.applied[0].sheets.map((s) => s.name)).toContain(sheet);
    expect(host.fillAt(sheet, "E65")).toBe(COLORS.warning);
    expect(host.fillAt(sheet, "E12")).toBe(COLORS.info);
    expect(host.noteAt(sheet, "E65")).toContain("行政复议审结率");
    expect(host.names()).toContain(FLAG_SHEET);
  });

  it("shows a legend in the flags' colours", async () => {
    await renderPane(rongchangHost().host);
    const legend = screen.getByRole("list", { name: "标记颜色" });
    const swatches = [...legend.querySelectorAll<HTMLElement>("[data-severity]")];
    expect(swatches.map((s) => [s.dataset.severity, s.style.backgroundColor])).toEqual([
      ["error", rgb(COLORS.error)],
      ["warning", rgb(COLORS.warning)],
      ["info", rgb(COLORS.info)],
    ]);
    expect(within(legend).getByText("警告：请核实")).toBeTruthy();
  });

  it("selects a finding's cells when it is clicked", async () => {
    const { host, sheet } = rongchangHost();
    await renderPane(host);
    await check();
    fireEvent.click(screen.getByText(/行政复议审结率（E03）填报 85.29%/));
    await waitFor(() => expect(host.selected).toHaveLength(1));
    expect(host.selected[0]).toEqual({ sheet, addresses: ["E65", "E64", "E63"] });
  });

  it("selects with Enter or Space on a focused finding", async () => {
    const { host, sheet } = rongchangHost();
    await renderPane(host);
    await check();
    const [first, second] = findingButtons(section(/^警告/));
    expect(first.tabIndex).toBe(0);
    first.focus();
    fireEvent.keyDown(first, { key: "Enter" });
    await waitFor(() => expect(host.selected).toHaveLength(1));
    expect(host.selected[0].sheet).toBe(sheet);
    expect(host.selected[0].addresses[0]).toBe("E58");
    fireEvent.keyDown(second, { key: " " });
    await waitFor(() => expect(host.selected).toHaveLength(2));
    expect(host.selected[1].addresses[0]).toBe("E65");
    fireEvent.keyDown(second, { key: "a" });
    expect(host.selected).toHaveLength(2);
  });

  it("re-renders the findings in English after switching language", async () => {
    const { host } = rongchangHost();
    await renderPane(host);
    await check();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByText("Warnings 4")).toBeTruthy();
    const items = findingButtons(section(/^Warnings/));
    expect(items[1].textContent).toMatch(/reported 85\.29%|85\.29%/);
    expect(items[1].textContent).not.toContain("填报");
  });

  it("清除标记 applies a plan that removes the flags", async () => {
    const { host, sheet } = rongchangHost();
    await renderPane(host);
    await check();
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    await screen.findByText("已清除标记。");
    expect(host.applied).toHaveLength(2);
    expect(host.applied[1].sheets.map((s) => s.name)).toContain(sheet);
    expect(host.fillAt(sheet, "E65")).toBeUndefined();
    expect(host.noteAt(sheet, "E65")).toBeUndefined();
    expect(screen.queryByRole("region", { name: /^警告/ })).toBeNull();
  });

  it("re-checking after a fix clears the flags that no longer apply", async () => {
    const { host, sheet } = rongchangHost();
    await renderPane(host);
    await check();
    // 审结率 E03 (E65) typed as the true 283 / 337.
    host.edit(sheet, "E65", 0.8398);
    fireEvent.click(screen.getByRole("switch", { name: "编辑后自动校验" })); // no live re-check in the way
    await check();
    await waitFor(() => expect(screen.getByText("警告 3")).toBeTruthy());
    expect(host.fillAt(sheet, "E65")).toBeUndefined();
    expect(host.noteAt(sheet, "E65")).toBeUndefined();
    expect(host.fillAt(sheet, "E58")).toBe(COLORS.warning);
    expect(screen.queryByText(/行政复议审结率（E03）填报/)).toBeNull();
  });

  it("checks every fill-in sheet when asked, and only the active one by default", async () => {
    const rc = reportSnapshot(rongchang2024).snapshot;
    const yz = reportSnapshot(yuzhong2023).snapshot;
    const host = new FakeHost([rc, yz], yz.name);
    await renderPane(host);
    await check();
    expect(screen.getByText("已校验 1 张填报表。")).toBeTruthy();
    expect(screen.queryByText(/荣昌区 2024/)).toBeNull();
    expect(host.applied[0].sheets.map((s) => s.name)).not.toContain(rc.name);
    await check("all");
    await screen.findByText("已校验 2 张填报表。");
    expect(screen.getAllByText(/荣昌区 · 荣昌区 2024/)).toHaveLength(5);
    expect(screen.getAllByText(/渝中区 · 渝中区 2023/).length).toBeGreaterThan(0);
  });

  it("says when the active sheet is not a fill-in sheet", async () => {
    const host = new FakeHost([{ name: "说明", values: [["hello"]] }]);
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    expect(await screen.findByText("当前工作表不是汇审填报表。")).toBeTruthy();
    expect(host.applied).toHaveLength(0);
  });

  it("shows a host error (a timeout) in a MessageBar with its message", async () => {
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { host } = rongchangHost();
    host.failNext(new HostTimeoutError("读取工作簿", 30));
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    expect(await screen.findByText(/Excel 在 30 秒内没有响应（读取工作簿）/)).toBeTruthy();
    expect(screen.getByText("操作没有完成")).toBeTruthy();
    expect(screen.getByRole("button", { name: "校验" }).hasAttribute("disabled")).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "关闭" }));
    expect(screen.queryByText(/Excel 在 30 秒内没有响应/)).toBeNull();
    logged.mockRestore();
  });

  it("shows a failed selection as an error too", async () => {
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { host } = rongchangHost();
    await renderPane(host);
    await check();
    host.failNext(new Error("无法选中单元格"));
    fireEvent.click(findingButtons(section(/^警告/))[0]);
    expect(await screen.findByText("无法选中单元格")).toBeTruthy();
    logged.mockRestore();
  });

  it("shows a spinner and disables the buttons while checking", async () => {
    const { host } = rongchangHost();
    const release = host.hold();
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    expect(await screen.findByText("正在校验…")).toBeTruthy();
    expect(screen.getByRole("button", { name: "校验" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByRole("button", { name: "清除标记" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByRole("button", { name: "插入模板" }).hasAttribute("disabled")).toBe(true);
    await act(async () => release());
    await screen.findByText("警告 4");
    expect(screen.queryByText("正在校验…")).toBeNull();
  });
});

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

