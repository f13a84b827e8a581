/**
 * One unit of read.ts under Microsoft's `office-addin-mock` instead of the fake: reading one sheet
 * (`queueSheetRead` + `sheetSnapshot`) loads what it needs and takes one sync.
 *
 * The mock cannot stand in for the whole `readWorkbook`: it treats arrays as plain values, so
 * `worksheets.items` (an array of proxies with methods) and `load("items/name")` do not work there.
 * The fake (test/office-fake) covers that; this test shows the two agree on the unit they share.
 */
import { OfficeMockObject } from "office-addin-mock";
import { queueSheetRead, sheetSnapshot, type ReadableSheet } from "../../../src/adapters/office/read";
import { guardedSync } from "../../../src/adapters/office/sync";
import { NO_CAPABILITIES } from "../../../src/adapters/office/capabilities";

function mockWorkbook() {
  return new OfficeMockObject({
    context: {
      workbook: {
        worksheet: {
          used: {
            // The used range B3:C4 of a sheet (values only).
            values: [
              ["编码", "本年值"],
              ["E01", 18],
            ],
            formulas: [
              ["编码", "本年值"],
              ["E01", 18],
            ],
            numberFormat: [
              ["General", "General"],
              ["General", "0"],
            ],
            rowIndex: 2,
            columnIndex: 1,
          },
          getUsedRange: function (this: { used: unknown }) {
            return this.used;
          },
        },
      },
    },
  }) as unknown as { context: { workbook: { worksheet: ReadableSheet }; sync(): Promise<void> } };
}

describe("read.ts under office-addin-mock", () => {
  it("one sheet: values padded to A1, formulas and number formats, in one sync", async () => {
    const mock = mockWorkbook();
    const sync = jest.spyOn(mock.context, "sync");
    const pending = queueSheetRead(mock.context.workbook.worksheet, NO_CAPABILITIES);
    // Before the sync the mock answers with an error text, not the values.
    expect(pending.used.values).toEqual(expect.stringMatching(/sync/i));
    await guardedSync(mock.context, "read: cells");
    expect(sync).toHaveBeenCalledTimes(1);

    const s = sheetSnapshot("荣昌区", pending);
    expect(s.values).toEqual([
      ["", "", ""],
      ["", "", ""],
      ["", "编码", "本年值"],
      ["", "E01", 18],
    ]);
    expect(s.numberFormats![3]).toEqual(["General", "General", "0"]);
    expect(s.fills).toBeUndefined();
    expect(s.hiddenRows).toBeUndefined();
  });
});
