import type { WritePlan } from "../../../src/core/plan/write-plan";
import {
  applyPlan,
  newWorkbook,
  openWorkbook,
  snapshotWorkbook,
  toBuffer,
} from "../../../src/adapters/xlsx";
import { protectionOf } from "./helpers";

async function saveAndRead(plan: WritePlan, prepare?: (wb: ReturnType<typeof newWorkbook>) => void) {
  const wb = newWorkbook();
  prepare?.(wb);
  await applyPlan(wb, plan);
  return openWorkbook(await toBuffer(wb));
}

describe("sheet visibility, activation and rows survive a round trip", () => {
  test("a veryHidden sheet stays veryHidden (and is still read)", async () => {
    const back = await saveAndRead({
      sheets: [
        { name: "汇总", mode: "create", activate: true, cells: [{ address: "A1", value: "汇总" }] },
        { name: "_huishen", mode: "create", visibility: "veryHidden", cells: [{ address: "A1", value: "state" }] },
        { name: "旧版", mode: "create", visibility: "hidden" },
      ],
    });
    expect(back.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["汇总", "visible"],
      ["_huishen", "veryHidden"],
      ["旧版", "hidden"],
    ]);
    expect(snapshotWorkbook(back, { sheets: ["_huishen"] })[0].values).toEqual([["state"]]);
  });

  test("hiding the active sheet moves the active tab to a visible one", async () => {
    const wb = newWorkbook();
    await applyPlan(wb, {
      sheets: [
        { name: "A", mode: "create", activate: true },
        { name: "B", mode: "create" },
      ],
    });
    expect(wb.views[0].activeTab).toBe(0);
    await applyPlan(wb, { sheets: [{ name: "A", mode: "update", visibility: "hidden" }] });
    expect(wb.views[0].activeTab).toBe(1);
  });

  test("an empty row that the plan hides is still hidden after saving", async () => {
    const back = await saveAndRead({
      sheets: [
        {
          name: "S",
          mode: "create",
          cells: [1, 2, 3].map((v) => ({ address: `A${v}`, value: v })),
          rows: [
            { index: 1, hidden: true },
            { index: 7, hidden: true },
          ],
        },
      ],
    });
    expect(snapshotWorkbook(back)[0].hiddenRows).toEqual([1, 7]);
    expect(snapshotWorkbook(back)[0].values).toEqual([[1], [2], [3]]);
  });

  test("freeze 0×0 unfreezes; protect:false lifts Huishen's protection; a person's password is never replaced or lifted", async () => {
    const wb = newWorkbook();
    await applyPlan(wb, {
      sheets: [
        { name: "S", mode: "create", freeze: { rows: 1, columns: 0 }, protect: true },
        { name: "P", mode: "create" },
      ],
    });
    await wb.getWorksheet("P")!.protect("secret", {});
    expect(wb.getWorksheet("S")!.views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 0 });
    await applyPlan(wb, {
      sheets: [
        { name: "S", mode: "update", freeze: { rows: 0, columns: 0 }, protect: false },
        { name: "P", mode: "update", protect: false },
      ],
    });
    const hash = protectionOf(wb.getWorksheet("P")!)?.hashValue;
    await applyPlan(wb, { sheets: [{ name: "P", mode: "update", protect: true }] });
    expect(protectionOf(wb.getWorksheet("P")!)?.hashValue).toBe(hash);
    const back = await openWorkbook(await toBuffer(wb));
    expect(back.getWorksheet("S")!.views[0]?.state ?? "normal").toBe("normal");
    expect(protectionOf(back.getWorksheet("S")!)?.sheet).not.toBe(true);
    expect(protectionOf(back.getWorksheet("P")!)).toMatchObject({ sheet: true, algorithmName: "SHA-512" });
  });
});
