/**
 * The fake Excel behaves like Office.js where that catches adapter bugs: no property before
 * load + sync, requests over 5 MB refused, newer APIs missing on older hosts, protected sheets
 * refuse writes, arrays must fit their range, a failing request stops at its first error.
 */
import { installFakeExcel, type FakeExcel, type FakeSheetInit } from "../../office-fake/excel-fake";

let fake: FakeExcel;
afterEach(() => fake.uninstall());

const install = (apiVersion = "1.18", sheets: FakeSheetInit[] = [{ name: "S", cells: { A1: 1, B2: "text" } }]) =>
  (fake = installFakeExcel(globalThis, { apiVersion, workbook: { sheets } }));

describe("the fake Excel", () => {
  it("reading a property before load + sync throws PropertyNotLoaded", async () => {
    install();
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B2");
      expect(() => r.values).toThrow(/PropertyNotLoaded|not available/);
      r.load("values");
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([
        [1, ""],
        ["", "text"],
      ]);
      expect(() => r.address).toThrow(/not available/);
    });
    expect(fake.syncs).toBe(1);
  });

  it("counts syncs, logs writes, and makes Excel.run flush what a batch left queued", async () => {
    install();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("C3").values = [[5]];
    });
    expect(fake.syncs).toBe(1);
    expect(fake.implicitSyncs).toBe(1);
    expect(fake.log).toEqual([{ sync: 1, op: "Range.values", sheet: "S", address: "C3", detail: [[5]] }]);
    expect(fake.sheet("S").value("C3")).toBe(5);
  });

  it("refuses a request over 5 MB without running any of it", async () => {
    install();
    const big = [["x".repeat(6_000_000)]];
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.sheet("S").value("A1")).toBe(1);
    expect(fake.requests[0]).toMatchObject({ ok: false });
  });

  it("stops a request at its first error; earlier operations stay done", async () => {
    install();
    await expect(
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("S");
        ws.getRange("A1").values = [[2]];
        ws.getRange("A1:B1").values = [[3]]; // wrong shape
        ws.getRange("A2").values = [[4]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(fake.sheet("S").value("A1")).toBe(2);
    expect(fake.sheet("S").value("A2")).toBe("");
  });

  it("has no API newer than its version", async () => {
    install("1.8");
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      expect(() => ws.getRange("A1").getCellProperties({ format: { fill: { color: true } } })).toThrow(/ExcelApi 1.9/);
      expect(() => ws.notes).toThrow(/ExcelApi 1.18/);
      expect(() => ctx.workbook.comments).toThrow(/ExcelApi 1.10/);
      expect(() => ws.getRange("A1").dataValidation).not.toThrow();
    });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
  });

  it("a protected sheet refuses locked cells, formatting and notes; unlocked cells take values", async () => {
    install("1.18", [{ name: "S", cells: { A1: 1, B1: { value: 2, locked: false } } }]);
    const attempt = (f: (ws: Excel.Worksheet) => void) =>
      Excel.run(async (ctx) => {
        f(ctx.workbook.worksheets.getItem("S"));
        await ctx.sync();
      });
    await attempt((ws) => ws.protection.protect({ allowFormatCells: false }));
    await expect(attempt((ws) => (ws.getRange("A1").values = [[9]]))).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(attempt((ws) => (ws.getRange("A1").format.fill.color = "#FF0000"))).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(attempt((ws) => ws.notes.add(ws.getRange("A1"), "n"))).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(attempt((ws) => ws.protection.protect())).rejects.toMatchObject({ code: "InvalidOperation" });
    await attempt((ws) => (ws.getRange("B1").values = [[3]]));
    expect(fake.sheet("S").value("B1")).toBe(3);
    expect(fake.sheet("S").value("A1")).toBe(1);
  });

  it("parses typed input like Excel (a subset): numbers, percentages, booleans, formulas, 'text", async () => {
    install();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A5:F5").values = [["12", "50%", "TRUE", "=A1*2", "'007", "200余"]];
      await ctx.sync();
    });
    const s = fake.sheet("S");
    expect(["A5", "B5", "C5", "E5", "F5"].map((a) => s.value(a))).toEqual([12, 0.5, true, "007", "200余"]);
    expect(s.cell("D5").formula).toBe("=A1*2");
  });

  it("null entries of a 2-D array leave cells alone; \"\" clears them", async () => {
    install();
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B2");
      r.values = [
        [null as unknown as string, "x"],
        ["", null as unknown as string],
      ];
      await ctx.sync();
    });
    const s = fake.sheet("S");
    expect([s.value("A1"), s.value("B1"), s.value("A2"), s.value("B2")]).toEqual([1, "x", "", "text"]);
  });

  it("installs Office.onReady for a page, and uninstalls cleanly", async () => {
    install();
    await expect(Office.onReady()).resolves.toMatchObject({ host: "Excel" });
    fake.uninstall();
    expect((globalThis as { Excel?: unknown }).Excel).toBeUndefined();
    install();
  });
});
