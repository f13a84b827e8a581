/** A filled sheet against its report: a differing figure names the cell and the sentence; agreeing ones say nothing. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readReport } from "../../../src/core/report/read-report";
import { compareSheetWithText } from "../../../src/core/report/sheet-vs-text";
import { sheetTextMessage } from "../../../src/core/report/text-finding-text";
import { readTemplateSheet } from "../../../src/core/sheet/read-template";
import { COL } from "../../../src/core/sheet/layout";
import { builtinRegistry, standardTemplate } from "../../../src/core/template/registry";
import { rongchang2024 } from "../../fixtures/reports";
import { reportSnapshot } from "../../helpers/report-sheets";

const t = standardTemplate();
const report = readFileSync(join(__dirname, "../../fixtures/reports/sources", rongchang2024.source), "utf8");

function sheetRead(edit?: Parameters<typeof reportSnapshot>[1]) {
  const read = readTemplateSheet(reportSnapshot(rongchang2024, edit).snapshot, builtinRegistry());
  if (!read.ok) throw new Error("unreadable");
  return read.value;
}

describe("compareSheetWithText", () => {
  const candidates = readReport(report, t);

  it("finds nothing where the sheet was typed from the report", () => {
    expect(compareSheetWithText(sheetRead(), candidates)).toEqual([]);
  });

  it("names the cell and the sentence where a figure was mistyped", () => {
    const found = compareSheetWithText(
      sheetRead((values, rowOf) => void (values[rowOf.get("E01")!][COL.thisYear] = 373)),
      candidates,
    );
    expect(found.map((f) => [f.codes[0], f.actual, f.expected, f.figures[0].raw])).toEqual([["E01", 373, 337, "337件"]]);
    expect(sheetTextMessage(found[0], t, "zh")).toMatch(/^荣昌区 2024!E\d+ 的行政复议申请受理数（E01）填报 373 件，但报告写的是 337件：“.*接收行政复议申请337件.*”$/);
  });

  it("holds a rate to the digits either side wrote: 0.8529 agrees with 85.29%, 0.85 with 85.29% does not", () => {
    expect(compareSheetWithText(sheetRead((values, rowOf) => void (values[rowOf.get("E03")!][COL.thisYear] = 0.8529)), candidates)).toEqual([]);
    const off = compareSheetWithText(sheetRead((values, rowOf) => void (values[rowOf.get("E03")!][COL.thisYear] = 0.8)), candidates);
    expect(off.map((f) => f.codes[0])).toEqual(["E03"]);
  });
});
