/** The workbench's `WorkbookHost` over the engine: what the pane's sections see of a file opened in the page. */
import { toBuffer } from "../../src/adapters/xlsx";
import { planCheck } from "../../src/core/check-job";
import { createEngine } from "../../src/workbench/engine/engine";
import { FileHost } from "../../src/workbench/file-host";
import { buildReportsWorkbook } from "../fixtures/build-workbook";
import { rongchang2024, yuzhong2023 } from "../fixtures/reports";

async function setup() {
  const engine = createEngine();
  const events = { changed: 0, selected: [] as string[] };
  const bytes = new Uint8Array(await toBuffer(await buildReportsWorkbook([rongchang2024, yuzhong2023])));
  await engine.open("a", "两区.xlsx", bytes);
  const host = new FileHost(engine, "a", { onChanged: () => events.changed++, onSelect: (sheet, cells) => events.selected.push(`${sheet}!${cells.join(",")}`) });
  return { host, events, bytes };
}

describe("FileHost", () => {
  it("reads the file's sheets; the sheet last shown is the active one", async () => {
    const { host, events } = await setup();
    // The file opens where it was saved: on the sheet created last.
    expect((await host.read()).activeSheet).toBe("渝中区 2023");
    await host.select("荣昌区 2024", ["E65", "E64"]);
    expect(events.selected).toEqual(["荣昌区 2024!E65,E64"]);
    const read = await host.read();
    expect(read.activeSheet).toBe("荣昌区 2024");
    expect(read.sheets.map((s) => s.name)).toEqual(["荣昌区 2024", "渝中区 2023"]);
    expect((await host.read({ sheets: ["渝中区 2023"] })).sheets.map((s) => s.name)).toEqual(["渝中区 2023"]);
  });

  it("reports each write, so the page marks the file as changed", async () => {
    const { host, events } = await setup();
    const { plan } = planCheck(await host.read(), { scope: "all", lang: "zh" });
    const progress: string[] = [];
    await host.apply(plan, (done, total) => progress.push(`${done}/${total}`));
    expect(events.changed).toBe(1);
    expect(progress).toEqual(["0/1", "1/1"]);
    const flagged = (await host.read()).sheets[0].notes ?? {};
    expect(Object.values(flagged).join("\n")).toContain("E03");
  });

  it("inserts sheets from a file given as base64, as the pane gives it to Excel", async () => {
    const { host, events, bytes } = await setup();
    const base64 = Buffer.from(bytes).toString("base64");
    await expect(host.insertSheets({ name: "两区.xlsx", base64 }, ["渝中区 2023"])).resolves.toEqual(["渝中区 2023 (2)"]);
    expect(events.changed).toBe(1);
  });

  it("says that nobody types into it: no live checking", async () => {
    const { host } = await setup();
    expect(host.capabilities.edits).toBe(false);
    const unsubscribe = await host.onSheetChanged();
    await expect(unsubscribe()).resolves.toBeUndefined();
  });
});
