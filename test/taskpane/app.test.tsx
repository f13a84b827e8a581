import { fireEvent, screen } from "@testing-library/react";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render-pane";

describe("the task pane", () => {
  it("renders in Chinese by default", async () => {
    await renderPane(new FakeHost());
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("汇审 Huishen");
    expect(screen.getByRole("heading", { name: "插入模板" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "校验" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "清除标记" })).toBeTruthy();
    expect(screen.getByRole("switch", { name: "编辑后自动校验" })).toBeTruthy();
    expect(screen.getByRole("main").getAttribute("lang")).toBe("zh-CN");
  });

  it("renders in English when Office's display language is en-US", async () => {
    await renderPane(new FakeHost(), "en-US");
    expect(screen.getByRole("heading", { name: "Insert template" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Check" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Clear flags" })).toBeTruthy();
    expect(screen.queryByText("插入模板")).toBeNull();
    expect(screen.getByRole("main").getAttribute("lang")).toBe("en");
  });

  it("stays in Chinese for a Chinese display language of any region", async () => {
    await renderPane(new FakeHost(), "zh-TW");
    expect(screen.getByRole("button", { name: "插入模板" })).toBeTruthy();
  });

  it("switches language from the header and back", async () => {
    await renderPane(new FakeHost());
    const zh = screen.getByRole("button", { name: "中文" });
    expect(zh.getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByRole("button", { name: "Insert template" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.queryByRole("button", { name: "插入模板" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "中文" }));
    expect(screen.getByRole("button", { name: "插入模板" })).toBeTruthy();
  });

  it("keeps the add-in's logo in the header", async () => {
    const { container } = await renderPane(new FakeHost());
    expect(container.querySelector("header img")?.getAttribute("src")).toBe("assets/logo-filled.png");
  });

  it("says so outside Excel instead of offering actions", async () => {
    await renderPane(undefined);
    expect(screen.getByText(/汇审需要在 Excel 中运行/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "校验" })).toBeNull();
  });
});
