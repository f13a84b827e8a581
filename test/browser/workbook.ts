/**
 * Workbooks for the fake Excel of test/office-fake, from sheet snapshots: the browser tests' (the five
 * real reports) and the host tests' (generated districts).
 */
import type { SheetSnapshot } from "../../src/core/grid";
import { addressOf } from "../../src/core/grid";
import { allReports } from "../fixtures/reports";
import { reportSnapshot } from "../helpers/report-sheets";
import type { FakeCellInit, FakeSheetInit, FakeWorkbookInit } from "../office-fake/excel-fake";

/** A sheet snapshot (values and number formats; formulas as their results) as a sheet of the fake's workbook. */
export function fakeSheetOf(s: SheetSnapshot): FakeSheetInit {
  const cells: Record<string, FakeCellInit> = {};
  s.values.forEach((row, r) =>
    row?.forEach((v, c) => {
      if (v === null || v === undefined || v === "" || v instanceof Date) return;
      const numberFormat = s.numberFormats?.[r]?.[c];
      cells[addressOf(r, c)] = { value: v, ...(numberFormat && numberFormat !== "General" ? { numberFormat } : {}) };
    }),
  );
  return { name: s.name, cells };
}

/** The five real reports typed into template sheets `<district> <year>`, the first one active. */
export function reportsWorkbook(): FakeWorkbookInit {
  const sheets = allReports.map((r) => fakeSheetOf(reportSnapshot(r).snapshot));
  return { sheets, active: sheets[0].name };
}
