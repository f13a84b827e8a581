/** `guardedSync`: a hung sync becomes a clear `HostTimeoutError`; every sync is counted; no timer leaks. */
import { HostTimeoutError } from "../../../src/adapters/office/host-timeout";
import { guardedSync, SyncCounter } from "../../../src/adapters/office/sync";
import { templateSheetPlan } from "../../../src/core/sheet/plan-template";
import { standardTemplate } from "../../../src/core/template/registry";
import { setup, teardown } from "./helpers";

afterEach(() => {
  teardown();
  jest.useRealTimers();
});

describe("guardedSync", () => {
  it("resolves with the sync, counts it and leaves no timer behind", async () => {
    jest.useFakeTimers();
    const counter = new SyncCounter();
    const ctx = { sync: jest.fn(() => Promise.resolve()) };
    await guardedSync(ctx, "read", 30, counter);
    await guardedSync(ctx, "read", 30, counter);
    expect(ctx.sync).toHaveBeenCalledTimes(2);
    expect(counter.count).toBe(2);
    expect(jest.getTimerCount()).toBe(0);
  });

  it("a sync that never resolves rejects with HostTimeoutError naming the action", async () => {
    jest.useFakeTimers();
    const ctx = { sync: () => new Promise<void>(() => undefined) };
    const p = guardedSync(ctx, "apply: write 1/1", 30);
    jest.advanceTimersByTime(30_000);
    await expect(p).rejects.toBeInstanceOf(HostTimeoutError);
    await expect(p).rejects.toMatchObject({ action: "apply: write 1/1", seconds: 30 });
    const e = (await p.catch((x: unknown) => x)) as HostTimeoutError;
    expect(e.wordsIn("zh")).toMatch(/^Excel 在 30 秒内没有响应（apply: write 1\/1）。请稍后重试/);
    expect(e.wordsIn("en")).toMatch(/^Excel did not answer within 30 s \(apply: write 1\/1\)\. Try again later/);
    expect(jest.getTimerCount()).toBe(0);
  });

  it("a sync that fails rejects with its own error and clears the timer", async () => {
    jest.useFakeTimers();
    const boom = new Error("ItemNotFound");
    await expect(guardedSync({ sync: () => Promise.reject(boom) }, "x", 30)).rejects.toBe(boom);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe("a hung Excel", () => {
  it.each<[string, (h: ReturnType<typeof setup>["host"]) => Promise<unknown>]>([
    ["read", (h) => h.read()],
    ["sheetNames", (h) => h.sheetNames()],
    ["apply", (h) => h.apply({ sheets: [templateSheetPlan(standardTemplate(), { sheetName: "S" }).plan] })],
    ["select", (h) => h.select("Sheet1", ["B2"])],
    ["onSheetChanged", (h) => h.onSheetChanged(() => undefined)],
  ])("%s rejects with HostTimeoutError after the host's timeout", async (_name, action) => {
    const { fake, host } = setup("1.18", undefined, { timeoutSeconds: 0.05 });
    fake.hangSyncs = true;
    const started = Date.now();
    await expect(action(host)).rejects.toBeInstanceOf(HostTimeoutError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
