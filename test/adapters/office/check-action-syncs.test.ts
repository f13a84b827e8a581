import { planCheck, planInsertTemplate } from "../../../src/core/check-job";
import { rongchang2024 } from "../../fixtures/reports";
import { typeLikeExcel } from "../../helpers/typed";
import { COL } from "../../../src/core/sheet/layout";
import { addressOf } from "../../../src/core/grid";
import { setup, syncsOf, teardown } from "./helpers";

afterEach(teardown);

/** Insert `n` template sheets and type the 荣昌 2024 figures into each, through the host and the fake. */
async function workbookOf(n: number, apiVersion: string) {
  const s = setup(apiVersion, { sheets: [{ name: "Sheet1" }] });
  for (let i = 0; i < n; i++) {
    const insert = planInsertTemplate(await s.host.read(), { templateKey: "standard@2024.1", district: `区县${i + 1}`, year: 2024 });
    await s.host.apply(insert.plan);
    const sheet = s.fake.sheet(insert.sheetName);
    const values = sheet.values();
    for (const f of rongchang2024.figures) {
      const row = values.findIndex((r) => r[COL.code] === f.code);
      await s.fake.edit(insert.sheetName, addressOf(row, COL.thisYear), typeLikeExcel(f.thisYear) as never);
    }
  }
  return s;
}

describe("checking takes a constant number of syncs", () => {
  it.each(["1.18", "1.7"])("checking 1 sheet or 10 sheets (read, then write the flags) on ExcelApi %s: the same number", async (version) => {
    const check = async (n: number) => {
      const { host } = await workbookOf(n, version);
      const { result, syncs } = await syncsOf(host, async () => {
        const read = await host.read();
        const { run, plan } = planCheck(read, { scope: "all", lang: "zh" });
        await host.apply(plan);
        return run;
      });
      teardown();
      return { run: result, syncs };
    };
    const one = await check(1);
    const ten = await check(10);
    expect(one.run.findings.filter((f) => f.code === "rate.inconsistent")).toHaveLength(4);
    expect(ten.run.findings.filter((f) => f.code === "rate.inconsistent")).toHaveLength(40);
    expect(ten.syncs).toBe(one.syncs);
    expect(one.syncs).toBeLessThanOrEqual(5);
  });
});
