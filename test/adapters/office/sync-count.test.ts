/**
 * The acceptance criterion: round trips are a small constant, independent of how many
 * indicators, sheets or cells there are — until the payload forces more requests.
 */
import { templateSheetPlan } from "../../../src/core/sheet/plan-template";
import { standardTemplate } from "../../../src/core/template/registry";
import type { CellWrite, WritePlan } from "../../../src/core/plan/write-plan";
import { addressOf } from "../../../src/core/grid";
import { DEFAULT_MAX_REQUEST_BYTES } from "../../../src/adapters/office/apply";
import { multipliedTemplate, setup, syncsOf, teardown } from "./helpers";
import type { FakeSheetInit } from "../../office-fake/excel-fake";

afterEach(teardown);

const APPLY_SYNCS = 2; // inspect + one write request
const READ_SYNCS = 2; // sheet list + all cells

describe("apply takes a constant number of syncs", () => {
  it.each(["1.18", "1.10", "1.9", "1.7"])("the standard template sheet on ExcelApi %s", async (version) => {
    const { fake, host } = setup(version);
    const { plan } = templateSheetPlan(standardTemplate(), { sheetName: "荣昌区 2024" });
    const { result, syncs } = await syncsOf(host, () => host.apply({ sheets: [plan] }));
    expect(syncs).toBe(APPLY_SYNCS);
    expect(result).toMatchObject({ syncs: APPLY_SYNCS, chunks: 1, cellsWritten: plan.cells!.length });
    expect(fake.syncs).toBe(APPLY_SYNCS);
    expect(fake.implicitSyncs).toBe(0);
  });

  it("a template with 10× the indicators takes the same number", async () => {
    const big = multipliedTemplate(10);
    expect(big.template.indicators).toHaveLength(920);
    const { fake, host } = setup("1.18");
    const { plan } = templateSheetPlan(big, { sheetName: "荣昌区 2024" });
    const { result, syncs } = await syncsOf(host, () => host.apply({ sheets: [plan] }));
    expect(syncs).toBe(APPLY_SYNCS);
    expect(result.chunks).toBe(1);
    expect(fake.sheet("荣昌区 2024").values().length).toBeGreaterThan(920);
  });

  it("writes cells as rectangles, not one call per cell", async () => {
    const { fake, host } = setup("1.18");
    const { plan } = templateSheetPlan(standardTemplate(), { sheetName: "S" });
    await host.apply({ sheets: [plan] });
    const contentWrites = fake.log.filter((e) => e.op === "Range.values" || e.op === "Range.formulas");
    const styleWrites = fake.log.filter((e) => e.op === "Range.setCellProperties");
    // 92 indicator rows and 8 dimension rows in a handful of blocks, not ~900 cells.
    expect(contentWrites.length).toBeLessThan(30);
    expect(styleWrites.length).toBeLessThan(30);
    expect(contentWrites.some((e) => /^A\d+:I\d+$/.test(e.address ?? "") && Number(/\d+$/.exec(e.address!)![0]) - Number(/^A(\d+)/.exec(e.address!)![1]) > 5)).toBe(true);
  });

  it("a flag plan on an existing, protected sheet: inspect + one write", async () => {
    const { fake, host } = setup("1.18");
    const { plan } = templateSheetPlan(standardTemplate(), { sheetName: "S" });
    await host.apply({ sheets: [plan] });
    const flags: WritePlan = {
      sheets: [
        {
          name: "S",
          mode: "update",
          cells: [{ address: "H6", value: "✗ 大于上级指标" }],
          fills: [{ address: "E6", color: "#F8CBAD" }],
          notes: [{ address: "E6", text: "汇审 Huishen\n✗ 错误：A02 > A01" }],
          clearFlags: { fills: ["E7"], notes: ["E7"] },
        },
      ],
    };
    const { syncs } = await syncsOf(host, () => host.apply(flags));
    expect(syncs).toBe(APPLY_SYNCS);
    expect(fake.sheet("S").protection.protected).toBe(true);
  });
});

describe("read takes a constant number of syncs", () => {
  const sheetsWith = (n: number): FakeSheetInit[] =>
    Array.from({ length: n }, (_, i) => ({
      name: `区县${i + 1}`,
      cells: Object.fromEntries(Array.from({ length: 50 }, (_, r) => [addressOf(r + 2, 1), r * (i + 1)])),
      notes: { B3: `note ${i}` },
      comments: { B4: `comment ${i}` },
    }));

  it.each(["1.18", "1.10", "1.9", "1.7"])("1 sheet or 10 sheets on ExcelApi %s: the same number", async (version) => {
    const one = setup(version, { sheets: sheetsWith(1) });
    const r1 = await syncsOf(one.host, () => one.host.read());
    teardown();
    const ten = setup(version, { sheets: sheetsWith(10) });
    const r10 = await syncsOf(ten.host, () => ten.host.read());
    expect(r1.result.sheets).toHaveLength(1);
    expect(r10.result.sheets).toHaveLength(10);
    expect(r1.syncs).toBe(READ_SYNCS);
    expect(r10.syncs).toBe(READ_SYNCS);
    expect(ten.fake.implicitSyncs).toBe(0);
  });

  it("sheetNames is one sync", async () => {
    const { host } = setup("1.7", { sheets: sheetsWith(10) });
    const { result, syncs } = await syncsOf(host, () => host.sheetNames());
    expect(syncs).toBe(1);
    expect(result).toHaveLength(10);
  });
});

describe("a huge payload is chunked under the request limit", () => {
  it("200,000 cells of long text go in several requests, each under 4 MB", async () => {
    const { fake, host } = setup("1.18");
    const text = "这是一段很长的说明文字，用来检验分块写入是否正确。".repeat(2); // ~50 characters, ~150 bytes
    const cells: CellWrite[] = [];
    for (let r = 0; r < 20_000; r++) for (let c = 0; c < 10; c++) cells.push({ address: addressOf(r, c), value: `${r}:${c} ${text}` });
    const progress: [number, number][] = [];
    const { result, syncs } = await syncsOf(host, () => host.apply({ sheets: [{ name: "大表", mode: "create", cells }] }, (d, t) => progress.push([d, t])));

    expect(result.cellsWritten).toBe(200_000);
    expect(result.chunks).toBeGreaterThanOrEqual(7); // > 30 MB of text
    expect(syncs).toBe(1 + result.chunks);
    const writes = fake.requests.slice(1);
    expect(writes).toHaveLength(result.chunks);
    for (const r of writes) {
      expect(r.ok).toBe(true);
      expect(r.bytes).toBeLessThan(DEFAULT_MAX_REQUEST_BYTES);
    }
    expect(progress[0]).toEqual([0, result.chunks]);
    expect(progress[progress.length - 1]).toEqual([result.chunks, result.chunks]);
    const s = fake.sheet("大表");
    expect(s.value("A1")).toBe(`0:0 ${text}`);
    expect(s.value("J20000")).toBe(`19999:9 ${text}`);
    expect(s.values()).toHaveLength(20_000);
  });

  it("a smaller limit means more, smaller requests (the fake refuses anything over its own limit)", async () => {
    const { fake, host } = setup("1.18", undefined, { maxRequestBytes: 100_000 });
    const cells: CellWrite[] = Array.from({ length: 5_000 }, (_, i) => ({ address: addressOf(i, 0), value: `row ${i} ${"x".repeat(80)}` }));
    const stats = await host.apply({ sheets: [{ name: "S", mode: "create", cells }] });
    expect(stats.chunks).toBeGreaterThan(3);
    for (const r of fake.requests) expect(r.bytes).toBeLessThan(100_000);
  });
});
