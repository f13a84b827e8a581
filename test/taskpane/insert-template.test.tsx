import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { findMarker } from "../../src/core/sheet/read-template";
import { FakeHost } from "./fake-host";
import { renderPane, rongchangHost } from "./render-pane";

function fillIn(district: string, year?: string) {
  fireEvent.change(screen.getByRole("textbox", { name: /区县/ }), { target: { value: district } });
  if (year !== undefined) fireEvent.change(screen.getByRole("spinbutton", { name: /年度/ }), { target: { value: year } });
}

describe("插入模板", () => {
  it("offers the built-in standard edition and last year by default", async () => {
    await renderPane(new FakeHost());
    const select = screen.getByRole("combobox", { name: "模板版本" }) as HTMLSelectElement;
    expect(select.value).toBe("standard@2024.1");
    expect(within(select).getAllByRole("option")).toHaveLength(1);
    expect((screen.getByRole("spinbutton", { name: /年度/ }) as HTMLInputElement).value).toBe(String(new Date().getFullYear() - 1));
  });

  it("inserts a protected sheet named after the district and year", async () => {
    const host = new FakeHost();
    await renderPane(host);
    fillIn("荣昌区", "2024");
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    await screen.findByText("已插入工作表“荣昌区 2024”。");
    expect(host.applied).toHaveLength(1);
    const [sheet] = host.applied[0].sheets;
    expect(sheet).toMatchObject({ name: "荣昌区 2024", mode: "create", protect: true });
    expect(host.names()).toContain("荣昌区 2024");
    expect(host.valueAt("荣昌区 2024", "B2")).toBe("荣昌区");
    expect(host.valueAt("荣昌区 2024", "E2")).toBe(2024);
  });

  it("inserts with Enter in the form (keyboard only)", async () => {
    const host = new FakeHost();
    await renderPane(host);
    fillIn("渝中区", "2023");
    fireEvent.submit(screen.getByRole("textbox", { name: /区县/ }).closest("form")!);
    await screen.findByText("已插入工作表“渝中区 2023”。");
    expect(host.applied[0].sheets[0].name).toBe("渝中区 2023");
  });

  it("says when a district name had to change to make a sheet name, and keeps each year's sheet apart", async () => {
    const host = new FakeHost();
    await renderPane(host);
    fillIn("高新区/经开区", "2024");
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    await screen.findByText("已插入工作表“高新区-经开区 2024”。");
    expect(screen.getByText(/含有工作表名称不允许的字符/)).toBeTruthy();
    expect(host.valueAt("高新区-经开区 2024", "B2")).toBe("高新区/经开区");

    // 40 characters: shortened before the year, so another year is another sheet, not a duplicate.
    const long = "某某市某某新区管理委员会社会事业和行政审批服务局法治建设工作领导小组办公室";
    for (const year of ["2023", "2024"]) {
      fillIn(long, year);
      fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
      await screen.findByText(new RegExp(`已插入工作表“.{26} ${year}”。`));
      expect(screen.getByText(/区县名称较长/)).toBeTruthy();
    }
    expect(screen.queryByRole("dialog")).toBeNull();
    const names = host.names().filter((n) => n.startsWith("某某市"));
    expect(names).toEqual([`${long.slice(0, 26)} 2023`, `${long.slice(0, 26)} 2024`]);
    expect(host.valueAt(names[0], "B2")).toBe(long);
  });

  it("asks for the district before writing anything", async () => {
    const host = new FakeHost();
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    expect(await screen.findByText("请填写区县名称。")).toBeTruthy();
    expect(host.reads).toBe(0);
    expect(host.applied).toHaveLength(0);
  });

  it("rejects a year that is not four digits", async () => {
    const host = new FakeHost();
    await renderPane(host);
    fillIn("荣昌区", "24");
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    expect(await screen.findByText(/请填写四位年份/)).toBeTruthy();
    expect(host.applied).toHaveLength(0);
  });

  it("asks before a second sheet for the same district and year, and cancelling applies nothing", async () => {
    const { host, sheet } = rongchangHost();
    await renderPane(host);
    fillIn("荣昌区", "2024");
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("已有同一区县和年度的填报表")).toBeTruthy();
    expect(within(dialog).getByRole("listitem").textContent).toBe(sheet);
    expect(within(dialog).getByText(/仍然新建一张工作表“荣昌区 2024 \(2\)”吗/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "取消" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(host.applied).toHaveLength(0);
    expect(host.names()).toEqual([sheet]);
  });

  it("creates a second sheet beside the first when confirmed, never overwriting it", async () => {
    const { host, sheet } = rongchangHost();
    const before = host.valueAt(sheet, "E63");
    await renderPane(host);
    fillIn("荣昌区", "2024");
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "仍然新建" }));
    await screen.findByText("已插入工作表“荣昌区 2024 (2)”。");
    expect(host.applied).toHaveLength(1);
    expect(host.applied[0].sheets.map((s) => [s.name, s.mode])).toEqual([["荣昌区 2024 (2)", "create"]]);
    expect(host.names()).toEqual([sheet, "荣昌区 2024 (2)"]);
    expect(host.valueAt(sheet, "E63")).toBe(before);
    const [, inserted] = (await host.read()).sheets;
    expect(findMarker(inserted)?.id).toBe("standard");
  });

  it("disables the button and shows a spinner while inserting", async () => {
    const host = new FakeHost();
    const release = host.hold();
    await renderPane(host);
    fillIn("荣昌区", "2024");
    const button = screen.getByRole("button", { name: "插入模板" });
    fireEvent.click(button);
    expect(await screen.findByText("正在插入填报表…")).toBeTruthy();
    expect(button.hasAttribute("disabled")).toBe(true);
    expect(screen.getByRole("button", { name: "校验" }).hasAttribute("disabled")).toBe(true);
    await act(async () => release());
    await screen.findByText("已插入工作表“荣昌区 2024”。");
    expect(button.hasAttribute("disabled")).toBe(false);
    expect(screen.queryByText("正在插入填报表…")).toBeNull();
  });

  it("shows the host's error in words, in the pane", async () => {
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const host = new FakeHost();
    host.failNext(new Error("工作簿受保护，无法插入工作表。"));
    await renderPane(host);
    fillIn("荣昌区", "2024");
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    expect(await screen.findByText("工作簿受保护，无法插入工作表。")).toBeTruthy();
    expect(screen.getByText("操作没有完成")).toBeTruthy();
    expect(host.applied).toHaveLength(0);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
