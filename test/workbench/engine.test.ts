/**
 * The workbench's engine (what its Web Worker runs), called directly and through the page's message
 * client: real .xlsx bytes of the five reports in, snapshots, counts, written copies and a blank
 * template out; the bytes a person chose are never changed.
 */
import ExcelJS from "exceljs";
import { toBuffer } from "../../src/adapters/xlsx";
import { planCheck } from "../../src/core/check-job";
import { COL } from "../../src/core/sheet/layout";
import { workerEngine, EngineError, type WorkerPort } from "../../src/workbench/engine/client";
import { createEngine } from "../../src/workbench/engine/engine";
import type { EngineApi, EngineRequest, EngineResponse } from "../../src/workbench/engine/protocol";
import { buildReportsWorkbook } from "../fixtures/build-workbook";
import { allReports, rongchang2024, yuzhong2023 } from "../fixtures/reports";

async function fileOf(reports = [rongchang2024]): Promise<Uint8Array> {
  return new Uint8Array(await toBuffer(await buildReportsWorkbook(reports)));
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** The page's client over an in-process stand-in for the worker: the same messages, structured-cloned. */
function overMessages(engine: EngineApi): EngineApi {
  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage(req: EngineRequest) {
      const method = engine[req.method] as (...args: unknown[]) => Promise<unknown>;
      method(...structuredClone(req.args as unknown[])).then(
        (value) => port.onmessage?.({ data: structuredClone({ seq: req.seq, ok: true, value }) as EngineResponse } as MessageEvent<EngineResponse>),
        (e: Error) => port.onmessage?.({ data: { seq: req.seq, ok: false, message: e.message } } as MessageEvent<EngineResponse>),
      );
    },
  };
  return workerEngine(port);
}

describe("the workbench engine", () => {
  it("opens a district file: its fill-in sheet and what checking it finds (荣昌 2024: 4 warnings, 1 info)", async () => {
    const engine = createEngine();
    const opened = await engine.open("a", "荣昌区-2024.xlsx", await fileOf());
    expect(opened).toEqual({ ok: true, templateSheets: ["荣昌区 2024"], counts: { error: 0, warning: 4, info: 1 } });
    const read = await engine.read("a");
    expect(read.sheets.map((s) => s.name)).toEqual(["荣昌区 2024"]);
    expect(read.activeSheet).toBe("荣昌区 2024");
  });

  it("names what it cannot open, and opens the rest", async () => {
    const engine = createEngine();
    await expect(engine.open("x", "旧表.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).resolves.toMatchObject({ ok: false, reason: "notXlsx", hint: { zh: expect.stringContaining(".xlsx") } });
    await expect(engine.open("y", "坏.xlsx", new TextEncoder().encode("PK\u0003\u0004 broken"))).resolves.toMatchObject({ ok: false, reason: "unreadable" });
    await expect(engine.open("z", "渝中区.xlsx", await fileOf([yuzhong2023]))).resolves.toMatchObject({ ok: true });
    await expect(engine.read("x")).rejects.toThrow('no open workbook "x"');
  });

  it("writes the check's flags into its copy; the chosen bytes and every typed value stay as they were", async () => {
    const engine = createEngine();
    const bytes = await fileOf();
    const before = Buffer.from(bytes);
    await engine.open("a", "荣昌区.xlsx", bytes);
    const { plan } = planCheck(await engine.read("a"), { scope: "all", lang: "zh" });
    const stats = await engine.apply("a", plan);
    expect(stats.notesWritten).toBeGreaterThan(0);
    expect(await engine.summary("a")).toEqual({ templateSheets: ["荣昌区 2024"], counts: { error: 0, warning: 4, info: 1 } });
    const saved = await load(await engine.save("a"));
    const original = await load(bytes);
    expect(Buffer.from(bytes).equals(before)).toBe(true);
    const [copy, source] = [saved.worksheets[0], original.worksheets[0]];
    source.eachRow((row, r) => {
      for (const col of [COL.thisYear, COL.lastYear]) expect(copy.getCell(r, col + 1).value).toEqual(row.getCell(col + 1).value);
    });
    // E03's 本年 cell carries the warning as a note.
    const notes: string[] = [];
    copy.eachRow((row) => row.eachCell((c) => c.note && notes.push(typeof c.note === "string" ? c.note : JSON.stringify(c.note))));
    expect(notes.join("\n")).toContain("行政复议审结率（E03）填报 85.29%");
  });

  it("inserts sheets from another file as Excel names a clash: 荣昌区 2024 (2)", async () => {
    const engine = createEngine();
    await engine.open("a", "荣昌区.xlsx", await fileOf());
    const names = await engine.insertSheets("a", await fileOf(), ["荣昌区 2024", "没有这张表"]);
    expect(names).toEqual(["荣昌区 2024 (2)"]);
    expect(await engine.sheetNames("a")).toEqual(["荣昌区 2024", "荣昌区 2024 (2)"]);
    expect((await engine.summary("a")).templateSheets).toEqual(["荣昌区 2024", "荣昌区 2024 (2)"]);
  });

  it("makes a blank fill-in workbook for a district and year, and says when the name had to change", async () => {
    const engine = createEngine();
    const t = await engine.blankTemplate("荣昌区", 2024, "zh");
    expect(t).toMatchObject({ sheetName: "荣昌区 2024" });
    expect(t.change).toBeUndefined();
    const wb = await load(t.bytes);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["荣昌区 2024"]);
    expect(wb.worksheets[0].getCell("B2").value).toBe("荣昌区");
    await expect(engine.blankTemplate("渝中/渝北", 2024, "en")).resolves.toMatchObject({ sheetName: "渝中-渝北 2024", change: "characters" });
  });

  it("answers through the page's message client, errors as EngineError in the reader's words", async () => {
    const engine = overMessages(createEngine());
    await engine.create("s");
    const inserted: string[] = [];
    for (const r of allReports) inserted.push(...(await engine.insertSheets("s", await fileOf([r]), [`${r.district} ${r.year}`])));
    expect(inserted).toEqual(allReports.map((r) => `${r.district} ${r.year}`));
    const snapshot = await engine.snapshotFile("荣昌区.xlsx", await fileOf());
    expect(snapshot.ok && snapshot.sheets.map((s) => s.name)).toEqual(["荣昌区 2024"]);
    expect((await engine.summary("s")).templateSheets).toHaveLength(5);
    const error = await engine.read("nope").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).wordsIn("zh")).toBe('汇审引擎出错：no open workbook "nope"');
  });

  it("fails every waiting and later call when the worker itself fails, rather than hang", async () => {
    const port: WorkerPort = { onmessage: null, onerror: null, postMessage: () => undefined };
    const engine = workerEngine(port);
    const waiting = engine.sheetNames("a");
    port.onerror?.({ message: "SyntaxError: Unexpected token" } as ErrorEvent);
    const failed = (await waiting.catch((e: unknown) => e)) as EngineError;
    expect([failed.wordsIn("zh"), failed.wordsIn("en")]).toEqual(["汇审引擎出错：SyntaxError: Unexpected token", "Huishen's engine failed: SyntaxError: Unexpected token"]);
    await expect(engine.create("b")).rejects.toBeInstanceOf(EngineError);
  });
});
