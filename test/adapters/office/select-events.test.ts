/** Showing cells (activate + select) and hearing about a person's edits. */
import { setup, syncsOf, teardown } from "./helpers";

afterEach(teardown);

const workbook = { sheets: [{ name: "汇总", cells: { A1: 1 } }, { name: "荣昌区", cells: { A1: 2 } }] };

describe("select", () => {
  it("activates the sheet and selects every address at once where RangeAreas exist (1.9): one sync", async () => {
    const { fake, host } = setup("1.9", workbook);
    const { syncs } = await syncsOf(host, () => host.select("荣昌区", ["E12", "F12", "G3"]));
    expect(syncs).toBe(1);
    expect(fake.activeSheet).toBe("荣昌区");
    expect(fake.selection).toEqual({ sheet: "荣昌区", address: "E12,F12,G3" });
    expect(fake.log.some((e) => e.op === "RangeAreas.select")).toBe(true);
  });

  it("selects the first address on ExcelApi 1.7-1.8", async () => {
    const { fake, host } = setup("1.7", workbook);
    await host.select("荣昌区", ["E12", "F12"]);
    expect(fake.selection).toEqual({ sheet: "荣昌区", address: "E12" });
    expect(fake.log.some((e) => e.op.startsWith("RangeAreas."))).toBe(false);
  });
});

describe("onSheetChanged", () => {
  it.each([
    ["1.18", 1],
    ["1.9", 1],
    ["1.7", 2],
  ])("ExcelApi %s: a person's edit reports the sheet by name; registering takes %i sync(s)", async (version, registerSyncs) => {
    const { fake, host } = setup(version, workbook);
    const seen: string[] = [];
    const { result: unsubscribe, syncs } = await syncsOf(host, () => host.onSheetChanged((s) => seen.push(s)));
    expect(syncs).toBe(registerSyncs);

    await fake.edit("荣昌区", "E12", 30);
    await fake.idle();
    expect(seen).toEqual(["荣昌区"]);

    const { syncs: removeSyncs } = await syncsOf(host, () => unsubscribe());
    expect(removeSyncs).toBe(1);
    await fake.edit("荣昌区", "E13", 31);
    await fake.idle();
    expect(seen).toEqual(["荣昌区"]);
    await unsubscribe(); // a second call is harmless
  });

  it("edits made by Huishen itself (triggerSource ThisLocalAddin, 1.14+) are not reported", async () => {
    const { fake, host } = setup("1.18", workbook);
    const seen: string[] = [];
    const unsubscribe = await host.onSheetChanged((s) => seen.push(s));
    await host.apply({ sheets: [{ name: "汇总", mode: "update", cells: [{ address: "B1", value: "written by the add-in" }] }] });
    await fake.idle();
    expect(seen).toEqual([]);
    await fake.edit("汇总", "C1", "typed by a person");
    await fake.idle();
    expect(seen).toEqual(["汇总"]);
    await unsubscribe();
  });

  it("a sheet renamed after registration is reported by its current name (collection event, 1.9+)", async () => {
    const { fake, host } = setup("1.10", workbook);
    const seen: string[] = [];
    await host.onSheetChanged((s) => seen.push(s));
    fake.rename("荣昌区", "荣昌区（修订）");
    await fake.edit("荣昌区（修订）", "A2", 3);
    await fake.idle();
    expect(seen).toEqual(["荣昌区（修订）"]);
  });
});
