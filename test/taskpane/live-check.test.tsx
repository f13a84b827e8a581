import { act, fireEvent, screen } from "@testing-library/react";
import { COLORS } from "../../src/core/sheet/layout";
import { FakeHost } from "./fake-host";
import { renderPane, rongchangHost } from "./render-pane";

/** Let pending promises (subscription, reads, applies) settle. */
async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => undefined);
}

async function advance(ms: number) {
  await act(async () => {
    jest.advanceTimersByTime(ms);
  });
  await settle();
}

describe("编辑后自动校验", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("is on by default and subscribes to sheet changes", async () => {
    const { host } = rongchangHost();
    await renderPane(host);
    await settle();
    expect((screen.getByRole("switch", { name: "编辑后自动校验" }) as HTMLInputElement).checked).toBe(true);
    expect(host.listenerCount).toBe(1);
  });

  it("re-checks an edited sheet 1.5 s after the last change, then updates flags and list", async () => {
    const { host, sheet } = rongchangHost();
    await renderPane(host);
    await settle();
    host.edit(sheet, "A1", "x"); // any edit
    await advance(1000);
    host.edit(sheet, "E65", 0.8529); // another edit restarts the wait
    await advance(1000);
    expect(host.applied).toHaveLength(0);
    await advance(600);
    expect(host.applied).toHaveLength(1);
    expect(host.fillAt(sheet, "E65")).toBe(COLORS.warning);
    expect(screen.getByText("警告 4")).toBeTruthy();

    // The person fixes 审结率: the flag goes, the list follows.
    host.edit(sheet, "E65", 0.8398);
    await advance(1500);
    expect(host.applied).toHaveLength(2);
    expect(host.fillAt(sheet, "E65")).toBeUndefined();
    expect(screen.getByText("警告 3")).toBeTruthy();
    expect(screen.queryByText(/行政复议审结率（E03）填报/)).toBeNull();
  });

  it("keeps other sheets' findings when one sheet is re-checked", async () => {
    const { host, sheet } = rongchangHost();
    await renderPane(host);
    await settle();
    host.addSheet({ name: "说明", values: [["notes"]] });
    host.edit(sheet, "E65", 0.8529);
    await advance(1500);
    expect(screen.getByText("警告 4")).toBeTruthy();
    host.edit("说明", "A1", "more notes");
    await advance(1500);
    expect(host.applied).toHaveLength(1); // not a fill-in sheet: nothing written
    expect(screen.getByText("警告 4")).toBeTruthy();
  });

  it("does nothing after an edit when switched off, and unsubscribes", async () => {
    const { host, sheet } = rongchangHost();
    await renderPane(host);
    await settle();
    fireEvent.click(screen.getByRole("switch", { name: "编辑后自动校验" }));
    await settle();
    expect(host.unsubscriptions).toBe(1);
    expect(host.listenerCount).toBe(0);
    host.edit(sheet, "E65", 0.8529);
    await advance(3000);
    expect(host.reads).toBe(0);
    expect(host.applied).toHaveLength(0);
  });

  it("drops a pending re-check and unsubscribes on unmount", async () => {
    const { host, sheet } = rongchangHost();
    const view = await renderPane(host);
    await settle();
    host.edit(sheet, "E65", 0.8529);
    view.unmount();
    await settle();
    expect(host.unsubscriptions).toBe(1);
    expect(host.listenerCount).toBe(0);
    await advance(3000);
    expect(host.reads).toBe(0);
  });

  it("ignores change events while the pane itself is writing", async () => {
    const { host, sheet } = rongchangHost();
    const release = host.hold();
    await renderPane(host);
    await settle();
    fireEvent.click(screen.getByRole("button", { name: "校验" }));
    await settle();
    host.emitChange(sheet); // e.g. Huishen's own flags
    await act(async () => release());
    await settle();
    expect(host.reads).toBe(1);
    await advance(3000);
    expect(host.reads).toBe(1);
    expect(host.applied).toHaveLength(1);
  });

  it("shows a failed re-check in the pane", async () => {
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const host = new FakeHost();
    await renderPane(host);
    await settle();
    host.failNext(new Error("Excel 正忙，请稍后重试。"));
    host.emitChange("Sheet1");
    await advance(1500);
    expect(screen.getByText("Excel 正忙，请稍后重试。")).toBeTruthy();
    logged.mockRestore();
  });
});
