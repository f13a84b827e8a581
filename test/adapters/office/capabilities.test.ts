/** Requirement sets detected at run time, and what the adapter does without them. */
import { detectCapabilities, isExcelApiSupported, NO_CAPABILITIES } from "../../../src/adapters/office/capabilities";
import { templateSheetPlan } from "../../../src/core/sheet/plan-template";
import { standardTemplate } from "../../../src/core/template/registry";
import { NOTE_PREFIX } from "../../../src/core/sheet/plan-flags";
import { setup, teardown } from "./helpers";

afterEach(teardown);

describe("detectCapabilities", () => {
  it("without Office.js (a plain page, Node) supports nothing optional", () => {
    expect((globalThis as { Office?: unknown }).Office).toBeUndefined();
    expect(detectCapabilities()).toEqual(NO_CAPABILITIES);
    expect(isExcelApiSupported("1.1")).toBe(false);
  });

  it.each([
    ["1.7", { notes: false, comments: false, cellProperties: false, insertFromBase64: false, dataValidation: false, mergedAreas: false, pageLayout: false }],
    ["1.8", { notes: false, comments: false, cellProperties: false, insertFromBase64: false, dataValidation: true, mergedAreas: false, pageLayout: false }],
    ["1.9", { notes: false, comments: false, cellProperties: true, insertFromBase64: false, dataValidation: true, mergedAreas: false, pageLayout: true }],
    ["1.10", { notes: false, comments: true, cellProperties: true, insertFromBase64: false, dataValidation: true, mergedAreas: false, pageLayout: true }],
    ["1.13", { notes: false, comments: true, cellProperties: true, insertFromBase64: true, dataValidation: true, mergedAreas: true, pageLayout: true }],
    ["1.18", { notes: true, comments: true, cellProperties: true, insertFromBase64: true, dataValidation: true, mergedAreas: true, pageLayout: true }],
  ])("ExcelApi %s", (version, expected) => {
    const { host } = setup(version);
    expect(detectCapabilities()).toEqual(expected);
    expect(host.capabilities).toEqual(expected);
  });
});

const noteOps = /^(NoteCollection|CommentCollection|Note|Comment)\./;

describe("notes degrade: notes (1.18) → comments (1.10) → the check column", () => {
  const plan = (name: string) => ({
    sheets: [
      {
        name,
        mode: "create" as const,
        cells: [
          { address: "A1", value: 5 },
          { address: "H1", value: "✗ 大于上级指标" },
        ],
        notes: [{ address: "A1", text: `${NOTE_PREFIX}\n✗ 错误` }],
      },
    ],
  });

  it("Excel 2019 (ExcelApi 1.7): no notes or comments calls at all; the check column carries the text", async () => {
    const { fake, host } = setup("1.7");
    const stats = await host.apply(plan("S"));
    expect(stats).toMatchObject({ notesAs: "none", notesWritten: 0, notesSkipped: 1 });
    expect(fake.log.filter((e) => noteOps.test(e.op))).toEqual([]);
    expect(fake.sheet("S").value("H1")).toBe("✗ 大于上级指标");
    await host.read();
    expect(fake.log.filter((e) => noteOps.test(e.op) || e.op.startsWith("Workbook."))).toEqual([]);
  });

  it("ExcelApi 1.10: comments", async () => {
    const { fake, host } = setup("1.10");
    expect((await host.apply(plan("S"))).notesAs).toBe("comments");
    expect(fake.log.filter((e) => e.op === "CommentCollection.add").map((e) => e.address)).toEqual(["A1"]);
    expect(fake.log.some((e) => e.op.startsWith("NoteCollection."))).toBe(false);
    const read = await host.read();
    expect(read.sheets.find((s) => s.name === "S")!.notes).toEqual({ A1: `${NOTE_PREFIX}\n✗ 错误` });
  });

  it("ExcelApi 1.18: notes, read back with their cells", async () => {
    const { fake, host } = setup("1.18", { sheets: [{ name: "Sheet1", notes: { C3: "a person's note" } }] });
    expect((await host.apply(plan("S"))).notesAs).toBe("notes");
    expect(fake.log.filter((e) => e.op === "NoteCollection.add").map((e) => e.address)).toEqual(["A1"]);
    expect(fake.log.some((e) => e.op.startsWith("CommentCollection."))).toBe(false);
    const read = await host.read();
    expect(read.sheets.map((s) => [s.name, s.notes])).toEqual([
      ["Sheet1", { C3: "a person's note" }],
      ["S", { A1: `${NOTE_PREFIX}\n✗ 错误` }],
    ]);
  });
});

describe("cell properties (ExcelApi 1.9)", () => {
  const workbook = {
    sheets: [{ name: "S", cells: { B2: { value: 1, fill: "#FFE699" }, C2: { value: 2, fill: "#FFFFFF" }, D2: 3 }, hiddenRows: [1] }],
  };

  it("read uses getCellProperties only where 1.9 is supported; fills tell white from no fill", async () => {
    const old = setup("1.8", workbook);
    const r8 = await old.host.read();
    expect(old.fake.log.some((e) => e.op === "Range.getCellProperties" || e.op === "Range.getRowProperties")).toBe(false);
    expect(r8.sheets[0].fills).toBeUndefined();
    expect(r8.sheets[0].hiddenRows).toBeUndefined();
    teardown();

    const { fake, host } = setup("1.9", workbook);
    const r9 = await host.read();
    expect(fake.log.filter((e) => e.op === "Range.getCellProperties")).toHaveLength(1);
    const s = r9.sheets[0];
    // Padded to A1: the used range starts at B2.
    expect(s.values).toEqual([
      ["", "", "", ""],
      ["", 1, 2, 3],
    ]);
    expect(s.fills).toEqual([
      [null, null, null, null],
      [null, "#FFE699", "#FFFFFF", null],
    ]);
    expect(s.hiddenRows).toEqual([1]);
  });

  it("apply uses setCellProperties only where 1.9 is supported, with the same result", async () => {
    const { plan } = templateSheetPlan(standardTemplate(), { sheetName: "T" });
    const results = [];
    for (const version of ["1.8", "1.9"]) {
      const { fake, host } = setup(version);
      await host.apply({ sheets: [plan] });
      const used = fake.log.some((e) => e.op === "Range.setCellProperties");
      expect(used).toBe(version === "1.9");
      if (version === "1.8") expect(fake.log.some((e) => e.op === "RangeFormat.fill.color")).toBe(true);
      results.push(fake.sheet("T").cells());
      teardown();
    }
    const [formatCalls, cellProps] = results;
    expect([...formatCalls.keys()].sort()).toEqual([...cellProps.keys()].sort());
    for (const [address, cell] of cellProps) expect({ address, ...formatCalls.get(address) }).toEqual({ address, ...cell });
  });
});
