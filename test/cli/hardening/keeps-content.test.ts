import { readFileSync, writeFileSync } from "node:fs";
import { snapshotWorkbook, toBuffer } from "../../../src/adapters/xlsx";
import { openWorkbookFile, writeWorkbookFile } from "../../../src/cli/workbook-files";
import { addressOf } from "../../../src/core/grid";
import { readTemplateSheet } from "../../../src/core/sheet/read-template";
import { builtinRegistry } from "../../../src/core/template/registry";
import { buildReportsWorkbook } from "../../fixtures/build-workbook";
import { rongchang2024, yuzhong2023 } from "../../fixtures/reports";
import { patchPart } from "../../helpers/patch-xlsx";
import { run, scratch } from "./run-cli";

const path = scratch("huishen-keeps-");

describe("outputs keep a person's content", () => {
  test("--annotate keeps a person's text in the 校验 column and writes Huishen's verdicts elsewhere in it", async () => {
    const wb = await buildReportsWorkbook([rongchang2024]);
    const read = readTemplateSheet(snapshotWorkbook(wb)[0], builtinRegistry());
    if (!read.ok) throw new Error("not read");
    const check = (code: string) => addressOf(read.value.entries.get(code)!.row, read.value.columns.check);
    wb.worksheets[0].getCell(check("E03")).value = "已与复议局核对";
    await writeWorkbookFile(wb, path("input.xlsx"));
    expect((await run("validate", path("input.xlsx"), "--annotate", path("annotated.xlsx"))).code).toBe(0);
    const out = (await openWorkbookFile(path("annotated.xlsx"))).worksheets[0];
    expect(out.getCell(check("E03")).value).toBe("已与复议局核对");
    // Rows without a person's text get Huishen's verdict: E05 is one of the four inconsistent rates.
    expect(String(out.getCell(check("E05")).value)).toMatch(/^⚠ /);
    expect(out.getCell(check("E01")).value).toBe("✓");
  });

  test("a consolidated copy of a district sheet keeps the values a merged range hid", async () => {
    const wb = await buildReportsWorkbook([rongchang2024]);
    const read = readTemplateSheet(snapshotWorkbook(wb)[0], builtinRegistry());
    if (!read.ok) throw new Error("not read");
    const e02 = read.value.entries.get("E02")!;
    const [thisYear, lastYear] = [addressOf(e02.row, read.value.columns.thisYear), addressOf(e02.row, read.value.columns.lastYear)];
    const bytes = patchPart(await toBuffer(wb), "xl/worksheets/sheet1.xml", (xml) => {
      const withValue = xml.replace(new RegExp(`<c r="${lastYear}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`), `<c r="${lastYear}"><v>271</v></c>`);
      return withValue.replace(/<mergeCells count="\d+">/, `$&<mergeCell ref="${thisYear}:${lastYear}"/>`);
    });
    writeFileSync(path("merged.xlsx"), bytes);
    await writeWorkbookFile(await buildReportsWorkbook([yuzhong2023]), path("yuzhong.xlsx"));
    const r = await run("consolidate", path("merged.xlsx"), path("yuzhong.xlsx"), "-o", path("summary.xlsx"));
    expect(r.code).toBe(1);
    const copy = (await openWorkbookFile(path("summary.xlsx"))).getWorksheet("荣昌区 2024")!;
    expect(copy.getCell(thisYear).value).toBe(283);
    expect(copy.getCell(lastYear).value).toBe(271);
    expect(readFileSync(path("merged.xlsx")).equals(Buffer.from(bytes))).toBe(true);
  });
});
