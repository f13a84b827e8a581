import type { CellValue, SheetSnapshot } from "../../../src/core/grid";
import { REVIEW_SHEET, displayTime, localIso, readReviewLog, reviewLogPlan, type ReviewEntry } from "../../../src/core/review";
import { splitCells } from "../../../src/core/review/entry";
import { applyToSnapshots } from "./memory-host";

const entry = (over: Partial<ReviewEntry> = {}): ReviewEntry => ({
  at: "2025-03-01T10:00:00+08:00",
  findingId: "F0123456789abcdef",
  status: "accepted",
  note: "含上年结转案件 12 件，比率按报告原文",
  who: "张三",
  valueKey: "E02=283|E01=337|E03=0.8529",
  district: "荣昌区",
  year: 2024,
  sheet: "荣昌区 2024",
  codes: ["E02", "E01", "E03"],
  cells: ["E65", "E64", "E63"],
  message: "行政复议审结率（E03）填报 85.29%，但 …",
  findingCode: "rate.inconsistent",
  ...over,
});

/** The workbook's own visible sheet: the log sheet is very hidden, and a workbook keeps one sheet in view. */
const COVER: SheetSnapshot = { name: "Sheet1", values: [[""]] };

describe("the review log sheet", () => {
  it("is created very hidden with a header, and later entries are appended below the last row", () => {
    const first = reviewLogPlan([entry()], [])!;
    expect(first).toMatchObject({ name: REVIEW_SHEET, mode: "create", visibility: "veryHidden" });
    expect(first.cells!.find((c) => c.address === "A1")!.value).toBe("时间 Time");
    expect(first.cells!.filter((c) => c.address.endsWith("2")).map((c) => c.value)).toEqual([
      "2025-03-01T10:00:00+08:00", "F0123456789abcdef", "accepted", "含上年结转案件 12 件，比率按报告原文", "张三",
      "E02=283|E01=337|E03=0.8529", "荣昌区", 2024, "荣昌区 2024", "E02,E01,E03", "E65,E64,E63", "行政复议审结率（E03）填报 85.29%，但 …", "rate.inconsistent", expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
    const sheets = applyToSnapshots([COVER], { sheets: [first] });
    const second = reviewLogPlan([entry({ status: "sentBack", at: "2025-03-02T08:00:00Z" }), entry({ status: "closed" })], sheets)!;
    expect(second.mode).toBe("update");
    expect(second.visibility).toBeUndefined();
    expect([...new Set(second.cells!.map((c) => c.address.replace(/^[A-Z]+/, "")))]).toEqual(["3", "4"]);
    const log = readReviewLog(applyToSnapshots(sheets, { sheets: [second] }));
    expect(log.map((e) => [e.status, e.at])).toEqual([
      ["accepted", "2025-03-01T10:00:00+08:00"],
      ["sentBack", "2025-03-02T08:00:00Z"],
      ["closed", "2025-03-01T10:00:00+08:00"],
    ]);
    expect(log[0]).toEqual(entry());
    expect(reviewLogPlan([], sheets)).toBeUndefined();
  });

  it("writes text cells as text, so a host never turns a note into a date or a formula", () => {
    const plan = reviewLogPlan([entry({ note: "=按 1/2 口径" })], [])!;
    const row2 = plan.cells!.filter((c) => c.address.endsWith("2"));
    expect(row2.filter((c) => c.address !== "H2").every((c) => c.numberFormat === "@")).toBe(true);
  });

  it("skips rows a person damaged and keeps reading the rest, never throwing", () => {
    const good = reviewLogPlan([entry()], [])!;
    const s = applyToSnapshots([COVER], { sheets: [good] }).find((x) => x.name === REVIEW_SHEET)!;
    const row = (over: Record<number, CellValue>): CellValue[] => s.values[1].map((v, i) => (i in over ? over[i] : v));
    const damaged: SheetSnapshot = {
      name: REVIEW_SHEET,
      values: [
        s.values[0],
        row({}),
        row({ 0: "昨天" }), // not a time
        row({ 1: "" }), // no finding id
        row({ 2: "同意" }), // unknown status
        [],
        ["", "", ""],
        row({ 0: new Date("2025-03-05T02:00:00Z"), 2: "退回修改", 7: "二〇二四", 9: 17 }), // Excel turned the time into a date; status retyped in Chinese
        row({ 2: "accepted 确认无误", 3: 42 }),
        row({ 0: new Date(NaN) }),
      ],
    };
    const log = readReviewLog([damaged]);
    expect(log).toHaveLength(3);
    expect(log[1]).toMatchObject({ at: "2025-03-05T02:00:00.000Z", status: "sentBack", codes: ["17"] });
    expect(log[1].year).toBeUndefined();
    expect(log[2]).toMatchObject({ status: "accepted", note: "42" });
    expect(readReviewLog([])).toEqual([]);
    expect(readReviewLog([{ name: REVIEW_SHEET, values: [] }])).toEqual([]);
  });

  it("keeps cells on another sheet, quoted like Excel, through a round trip", () => {
    const cells = ["E12", "'区县 汇总, 2024'!C5", "'O''Brien'!A1"];
    expect(splitCells(cells.join(","))).toEqual(cells);
    const sheets = applyToSnapshots([COVER], { sheets: [reviewLogPlan([entry({ cells })], [])!] });
    expect(readReviewLog(sheets)[0].cells).toEqual(cells);
  });
});

describe("times", () => {
  it("writes a local time with its offset and shows it as written", () => {
    const at = localIso(new Date("2025-03-01T02:05:09.123Z"), 480);
    expect(at).toBe("2025-03-01T10:05:09+08:00");
    expect(localIso(new Date("2025-03-01T02:05:09Z"), -330)).toBe("2025-02-28T20:35:09-05:30");
    expect(displayTime(at)).toBe("2025-03-01 10:05");
    expect(displayTime("2025-03-01T02:05:09.000Z")).toBe("2025-03-01 02:05 UTC");
  });
});
