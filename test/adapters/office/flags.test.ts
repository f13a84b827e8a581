/**
 * Flags (fills and notes) on a filled-in template sheet: values never change, notes degrade
 * notes → comments → nothing, Huishen's old flags are cleared, a person's own are kept, and the
 * sheet is protected again as it was.
 */
import { templateSheetPlan } from "../../../src/core/sheet/plan-template";
import { NOTE_PREFIX } from "../../../src/core/sheet/plan-flags";
import { standardTemplate } from "../../../src/core/template/registry";
import type { SheetPlan, WritePlan } from "../../../src/core/plan/write-plan";
import type { FakeExcel, FakeSheetView } from "../../office-fake/excel-fake";
import { setup, teardown } from "./helpers";
import type { OfficeHost } from "../../../src/adapters/office/office-host";
import { ProtectedSheetError } from "../../../src/adapters/office/protected-sheet-error";

afterEach(teardown);

const S = "荣昌区 2024";
const huishen = (text: string) => `${NOTE_PREFIX}\n${text}`;

/** Every stored cell's value and formula. */
function contents(s: FakeSheetView): Map<string, { value: unknown; formula?: string }> {
  return new Map([...s.cells()].map(([a, c]) => [a, { value: c.value, ...(c.formula !== undefined ? { formula: c.formula } : {}) }]));
}

/** A template sheet with figures typed in by a person. */
async function filledSheet(version: string, extra?: { notes?: Record<string, string>; comments?: Record<string, string> }): Promise<{ fake: FakeExcel; host: OfficeHost }> {
  const env = setup(version, { sheets: [{ name: "说明", cells: { A1: "keep me" }, ...extra }] });
  const { plan } = templateSheetPlan(standardTemplate(), { sheetName: S, district: "荣昌区", year: 2024 });
  await env.host.apply({ sheets: [plan] });
  for (const [a, v] of Object.entries({ E6: 12, F6: 10, E7: 30, E8: "200余", E9: 0.9444, F9: "95%以上" })) await env.fake.edit(S, a, v);
  return env;
}

const flags: SheetPlan = {
  name: S,
  mode: "update",
  fills: [
    { address: "E6", color: "#F8CBAD" },
    { address: "F6", color: "#F8CBAD" },
    { address: "E8", color: "#FFE699" },
    { address: "E9", color: "#DDEBF7" },
  ],
  notes: [
    { address: "E6", text: huishen("✗ 错误：A02 大于 A01") },
    { address: "E8", text: huishen("⚠ 警告：近似值") },
  ],
};

describe.each(["1.18", "1.10", "1.9", "1.7"])("on ExcelApi %s", (version) => {
  it("fills and notes never change a value or formula", async () => {
    const { fake, host } = await filledSheet(version);
    const before = contents(fake.sheet(S));
    const other = contents(fake.sheet("说明"));
    await host.apply({ sheets: [flags] });
    await host.apply({ sheets: [{ name: S, mode: "update", fills: [{ address: "E7", color: "#F8CBAD" }], clearFlags: { fills: ["E6", "F6", "E8", "E9"], notes: ["E6", "E8"] } }] });
    expect(contents(fake.sheet(S))).toEqual(before);
    expect(contents(fake.sheet("说明"))).toEqual(other);
  });

  it("paints the fills and puts the notes where the host can, clearing them again on request", async () => {
    const { fake, host } = await filledSheet(version);
    const stats = await host.apply({ sheets: [flags] });
    const s = fake.sheet(S);
    expect(s.cell("E6").fill).toBe("#F8CBAD");
    expect(s.cell("E9").fill).toBe("#DDEBF7");
    const expected = version === "1.18" ? "notes" : version === "1.10" ? "comments" : "none";
    expect(stats.notesAs).toBe(expected);
    const written = { E6: flags.notes![0].text, E8: flags.notes![1].text };
    expect(s.notes).toEqual(expected === "notes" ? written : {});
    expect(s.comments).toEqual(expected === "comments" ? written : {});
    expect(stats.notesWritten).toBe(expected === "none" ? 0 : 2);
    expect(stats.notesSkipped).toBe(expected === "none" ? 2 : 0);
    if (expected === "none") {
      expect(fake.log.some((e) => /^(NoteCollection|CommentCollection|Note|Comment)\./.test(e.op))).toBe(false);
    }

    await host.apply({ sheets: [{ name: S, mode: "update", clearFlags: { fills: ["E6", "F6", "E8"], notes: ["E6", "E8"] } }] });
    expect(fake.sheet(S).cell("E6").fill).toBeNull();
    expect(fake.sheet(S).cell("E9").fill).toBe("#DDEBF7");
    expect(fake.sheet(S).notes).toEqual({});
    expect(fake.sheet(S).comments).toEqual({});
  });

  it("unprotects the sheet first and protects it again last, with the options it had", async () => {
    const { fake, host } = await filledSheet(version);
    const options = fake.sheet(S).protection.options;
    fake.resetCounters();
    await host.apply({ sheets: [flags] });
    const writeSync = fake.syncs; // inspect (+ comment cells on 1.10), then one write request
    const writes = fake.log.filter((e) => e.sync === writeSync && !e.op.endsWith(".load"));
    expect(writes[0].op).toBe("WorksheetProtection.unprotect");
    expect(writes[writes.length - 1].op).toBe("WorksheetProtection.protect");
    expect(fake.sheet(S).protection).toEqual({ protected: true, options });
  });
});

describe("notes that are already there", () => {
  it("1.18: Huishen's note is replaced in place, the cleared one deleted, a person's note elsewhere kept", async () => {
    const { fake, host } = await filledSheet("1.18");
    await host.apply({ sheets: [flags] });
    await host.apply({
      sheets: [
        { name: "说明", mode: "update", notes: [] },
        { name: S, mode: "update", notes: [{ address: "E6", text: huishen("second run") }], clearFlags: { fills: ["E8"], notes: ["E8"] } },
      ],
    });
    expect(fake.sheet(S).notes).toEqual({ E6: huishen("second run") });
    expect(fake.log.filter((e) => e.op === "Note.content" && e.address === "E6")).toHaveLength(1);
  });

  it("1.10: a person's comment is never replaced or deleted; Huishen's own are", async () => {
    const { fake, host } = await filledSheet("1.10");
    await host.apply({ sheets: [flags] }); // Huishen comments on E6 and E8
    // A person comments on E7 and E9 meanwhile (simulated through a plan-free route: the fake's own API).
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(S);
      ws.protection.unprotect();
      ws.comments.add(ws.getRange("E7"), "请核实 — 张三");
      ws.comments.add(ws.getRange("E9"), "已核实");
      ws.protection.protect({ allowFormatCells: false });
      await ctx.sync();
    });
    const plan: WritePlan = {
      sheets: [
        {
          name: S,
          mode: "update",
          notes: [
            { address: "E6", text: huishen("replaced") },
            { address: "E7", text: huishen("would overwrite a person's comment") },
          ],
          clearFlags: { fills: [], notes: ["E8", "E9"] },
        },
      ],
    };
    const stats = await host.apply(plan);
    expect(stats).toMatchObject({ notesAs: "comments", notesWritten: 1, notesSkipped: 1 });
    expect(fake.sheet(S).comments).toEqual({ E6: huishen("replaced"), E7: "请核实 — 张三", E9: "已核实" });
  });

  it("comments mode costs one more sync only when notes go into an existing sheet", async () => {
    const { host } = await filledSheet("1.10");
    const before = host.syncCount;
    await host.apply({ sheets: [flags] });
    expect(host.syncCount - before).toBe(3);
    const b2 = host.syncCount;
    await host.apply({ sheets: [{ name: S, mode: "update", fills: flags.fills }] });
    expect(host.syncCount - b2).toBe(2);
  });
});

describe("a sheet protected with a person's password", () => {
  it("is not written: a clear error, values and fills unchanged", async () => {
    const { fake, host } = setup("1.18", { sheets: [{ name: "P", cells: { A1: 1, B1: { value: 2, locked: false } }, protected: { password: "secret" } }] });
    const before = contents(fake.sheet("P"));
    const refused = await host.apply({ sheets: [{ name: "P", mode: "update", fills: [{ address: "A1", color: "#F8CBAD" }], cells: [{ address: "C1", value: "x" }] }] }).catch((e: unknown) => e);
    // Worded in the reader's language, as the pane shows it.
    expect(refused).toBeInstanceOf(ProtectedSheetError);
    expect((refused as ProtectedSheetError).wordsIn("zh")).toBe("无法写入工作表“P”：取消保护失败（可能设置了密码），或 Excel 拒绝了写入。请先在 Excel 中取消保护后重试。");
    expect((refused as ProtectedSheetError).wordsIn("en")).toMatch(/^Could not write to “P”: unprotecting failed \(a password\?\)/);
    expect(contents(fake.sheet("P"))).toEqual(before);
    expect(fake.sheet("P").cell("A1").fill).toBeNull();
    expect(fake.sheet("P").protection.protected).toBe(true);
  });
});

describe("plan misuse is refused before anything is written", () => {
  it.each<[string, WritePlan, RegExp]>([
    ["an update of a missing sheet", { sheets: [{ name: "Nope", mode: "update", cells: [{ address: "A1", value: 1 }] }] }, /no such sheet/],
    ["a bad colour", { sheets: [{ name: "Sheet1", mode: "update", fills: [{ address: "A1", color: "red" }] }] }, /not #RRGGBB/],
    ["a bad address", { sheets: [{ name: "Sheet1", mode: "update", cells: [{ address: "A0", value: 1 }] }] }, /not a cell address/],
    ["a merge over a person's value", { sheets: [{ name: "Sheet1", mode: "update", merges: ["A1:B1"] }] }, /merge A1:B1 would discard the value "typed"/],
    ["hiding every sheet", { sheets: [{ name: "Sheet1", mode: "update", visibility: "hidden" }] }, /no visible sheet/],
  ])("%s", async (_what, plan, message) => {
    const { fake, host } = setup("1.18", { sheets: [{ name: "Sheet1", cells: { A1: 1, B1: "typed" } }] });
    await expect(host.apply(plan)).rejects.toThrow(message);
    expect(fake.log.filter((e) => !e.op.endsWith(".load"))).toEqual([]);
  });
});
