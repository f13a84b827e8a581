import { WRITTEN_OUT, parseCellValue, plainNumberDecimals, quickDecimals, writtenDecimals } from "../../../src/core/values/parse";
import { seededRandom } from "../../../src/core/consolidate/stats";
import { isDateFormat, isPercentFormat } from "../../../src/core/values/format";
import type { ParsedCell } from "../../../src/core/values/types";
import type { IndicatorKind } from "../../../src/core/template/schema";
import type { CellValue } from "../../../src/core/grid";

type Value = Extract<ParsedCell, { status: "value" }>;

/** Parse and insist on a figure, so each test can read its fields. */
function value(raw: CellValue, kind: IndicatorKind, numberFormat?: string): Value {
  const p = parseCellValue(raw, kind, numberFormat);
  if (p.status !== "value") throw new Error(`expected a figure for ${JSON.stringify(raw)}, got ${JSON.stringify(p)}`);
  return p;
}

describe("counts", () => {
  it("reads 159 as 159 units with no decimals and resolution 1", () => {
    expect(value("159", "count")).toEqual({ status: "value", value: 159, raw: "159", approximate: false, decimals: 0, resolution: 1 });
  });

  it("reads a JS number as itself and keeps its text as raw", () => {
    expect(value(159, "count")).toEqual({ status: "value", value: 159, raw: "159", approximate: false, decimals: 0, resolution: 1 });
  });

  it("reads 巴州 2023 1,046 with a thousands comma as 1046", () => {
    const p = value("1,046", "count");
    expect(p.value).toBe(1046);
    expect(p.decimals).toBe(0);
    expect(p.resolution).toBe(1);
  });

  it("reads 1，046 with a full-width comma as 1046 and keeps the original text", () => {
    const p = value("1，046", "count");
    expect(p.value).toBe(1046);
    expect(p.raw).toBe("1，046");
  });

  it("reads full-width digits １５９ as 159", () => {
    const p = value("１５９", "count");
    expect(p.value).toBe(159);
    expect(p.raw).toBe("１５９");
  });

  it("ignores surrounding spaces, including the ideographic space U+3000 and NBSP", () => {
    expect(value("  159\t", "count").value).toBe(159);
    expect(value("\u3000159\u3000", "count").value).toBe(159);
    expect(value("\u00a0159\u00a0", "count").value).toBe(159);
  });

  it("reads 1.8万 as 18000 and remembers one decimal, resolution 1000", () => {
    const p = value("1.8万", "count");
    expect(p.value).toBe(18000);
    expect(p.decimals).toBe(1);
    expect(p.resolution).toBe(1000);
    expect(p.approximate).toBe(false);
  });

  it("reads 渝中 2023 公开政府信息 1.8万余 as 18000, approximate", () => {
    const p = value("1.8万余", "count");
    expect(p.value).toBe(18000);
    expect(p.approximate).toBe(true);
    expect(p.decimals).toBe(1);
  });

  it("reads 1.2万余 as 12000, approximate", () => {
    const p = value("1.2万余", "count");
    expect(p.value).toBe(12000);
    expect(p.approximate).toBe(true);
    expect(p.resolution).toBe(1000);
  });

  it("reads 2亿 for a count as 200000000 units", () => {
    const p = value("2亿", "count");
    expect(p.value).toBe(200000000);
    expect(p.resolution).toBe(100000000);
  });

  it("reads 200余 as 200, approximate", () => {
    expect(value("200余", "count")).toMatchObject({ value: 200, approximate: true, decimals: 0, resolution: 1 });
  });

  it("reads 巴州 2023 650余场次 as 650, approximate, unit stripped", () => {
    expect(value("650余场次", "count")).toMatchObject({ value: 650, approximate: true, raw: "650余场次" });
  });

  it("reads 1000余人次 as 1000 and 40余个 as 40, both approximate", () => {
    expect(value("1000余人次", "count")).toMatchObject({ value: 1000, approximate: true });
    expect(value("40余个", "count")).toMatchObject({ value: 40, approximate: true });
  });

  it("reads 100多 as 100, approximate", () => {
    expect(value("100多", "count")).toMatchObject({ value: 100, approximate: true });
  });

  it("reads 约200 as 200, approximate", () => {
    expect(value("约200", "count")).toMatchObject({ value: 200, approximate: true });
  });

  it("reads 12件左右 as 12, approximate (左右 means about, like 约)", () => {
    expect(value("12件左右", "count")).toMatchObject({ value: 12, approximate: true });
  });

  it("reads 200+ as 200, approximate", () => {
    expect(value("200+", "count")).toMatchObject({ value: 200, approximate: true });
  });

  it("reads 200人以上 and 3余万人次 with marks before and after the unit", () => {
    expect(value("200人以上", "count")).toMatchObject({ value: 200, approximate: true });
    expect(value("3余万人次", "count")).toMatchObject({ value: 30000, approximate: true });
  });

  it("strips trailing units: 159件, 12项, 8人, 3 所, 5卷, 20名, 6户, 4家, 9份, 7条, 2次", () => {
    const cases: [string, number][] = [
      ["159件", 159], ["12项", 12], ["8人", 8], ["3 所", 3], ["5卷", 5], ["20名", 20],
      ["6户", 6], ["4家", 4], ["9份", 9], ["7条", 7], ["2次", 2], ["11场", 11], ["1,046个", 1046],
    ];
    for (const [text, n] of cases) expect(value(text, "count")).toMatchObject({ value: n, approximate: false });
  });

  it("parses 12.5件 as 12.5 with one decimal, leaving the non-integer check to the rules", () => {
    expect(value("12.5件", "count")).toMatchObject({ value: 12.5, decimals: 1, resolution: 0.1 });
  });

  it("parses -3 as -3, leaving the negative check to the rules", () => {
    expect(value("-3", "count")).toMatchObject({ value: -3, decimals: 0 });
    expect(value(-3, "count")).toMatchObject({ value: -3 });
    expect(value("－3", "count")).toMatchObject({ value: -3 });
  });

  it("reads 0 as the figure 0, not as blank", () => {
    expect(value("0", "count")).toMatchObject({ value: 0, decimals: 0 });
    expect(value(0, "count")).toMatchObject({ value: 0 });
  });

  it("counts decimals of a computed JS number from its shortest form, exponent notation included", () => {
    expect(value(12.5, "count")).toMatchObject({ decimals: 1, resolution: 0.1 });
    expect(value(1e-7, "count")).toMatchObject({ value: 1e-7, raw: "1e-7", decimals: 7, resolution: 1e-7 });
    expect(value(1.5e-7, "count")).toMatchObject({ decimals: 8, resolution: 1e-8 });
    expect(value(1e21, "count")).toMatchObject({ value: 1e21, decimals: 0, resolution: 1 });
    expect(value(17 / 18, "count").decimals).toBe(16);
  });

  it("rejects 94% typed where a count belongs as percentInCount", () => {
    expect(parseCellValue("94%", "count")).toEqual({ status: "invalid", raw: "94%", reason: "percentInCount" });
  });

  it("rejects a number shown as a percentage in a count cell as percentInCount", () => {
    expect(parseCellValue(0.94, "count", "0%")).toEqual({ status: "invalid", raw: "0.94", reason: "percentInCount" });
  });

  it("reads a count in a cell formatted 0\"件\" as the number, not a percentage or date", () => {
    expect(value(159, "count", '0"件"').value).toBe(159);
    expect(value(1046, "count", "#,##0").value).toBe(1046);
    expect(value(1046, "count", "General").value).toBe(1046);
  });
});

describe("amounts (万元)", () => {
  it("reads 渝中 2023 审计查出问题金额 23.14亿元 as exactly 231400 万元, resolution 100", () => {
    const p = value("23.14亿元", "amount");
    expect(p.value).toBe(231400);
    expect(p.decimals).toBe(2);
    expect(p.resolution).toBe(100);
  });

  it("reads 23.14亿 without 元 for an amount as 231400 万元", () => {
    expect(value("23.14亿", "amount").value).toBe(231400);
  });

  it("reads 水磨沟 4139.7284万元 as 4139.7284 万元 with four decimals", () => {
    expect(value("4139.7284万元", "amount")).toMatchObject({ value: 4139.7284, decimals: 4, resolution: 0.0001 });
  });

  it("reads 1.2万元 as 1.2 万元 and 1.2万 as 1.2 万元", () => {
    expect(value("1.2万元", "amount")).toMatchObject({ value: 1.2, resolution: 0.1 });
    expect(value("1.2万", "amount")).toMatchObject({ value: 1.2, resolution: 0.1 });
  });

  it("reads 5000元 as 0.5 万元", () => {
    expect(value("5000元", "amount")).toMatchObject({ value: 0.5, decimals: 0, resolution: 0.0001 });
  });

  it("reads a plain number for an amount as already 万元", () => {
    expect(value("4139.7284", "amount").value).toBe(4139.7284);
    expect(value(4139.7284, "amount")).toMatchObject({ value: 4139.7284, decimals: 4, resolution: 0.0001 });
  });

  it("reads 300余万元 as 300 万元, approximate", () => {
    expect(value("300余万元", "amount")).toMatchObject({ value: 300, approximate: true });
  });

  it("rejects 94% typed where an amount belongs as percentInCount", () => {
    expect(parseCellValue("94%", "amount")).toMatchObject({ status: "invalid", reason: "percentInCount" });
  });
});

describe("rates (fractions)", () => {
  it("reads 渝中 94.44% as 0.9444 with two decimals and resolution 0.0001", () => {
    expect(value("94.44%", "rate")).toEqual({
      status: "value", value: 0.9444, raw: "94.44%", approximate: false, decimals: 2, resolution: 0.0001,
    });
  });

  it("reads 巴州 2023 96% as 0.96 with resolution 0.01", () => {
    expect(value("96%", "rate")).toMatchObject({ value: 0.96, decimals: 0, resolution: 0.01 });
  });

  it("reads 94% as 0.94", () => {
    expect(value("94%", "rate").value).toBe(0.94);
  });

  it("reads full-width ９４．４４％ as 0.9444 and keeps the original text", () => {
    expect(value("９４．４４％", "rate")).toMatchObject({ value: 0.9444, raw: "９４．４４％", decimals: 2 });
  });

  it("reads 荣昌 95%以上 as 0.95, approximate", () => {
    expect(value("95%以上", "rate")).toMatchObject({ value: 0.95, approximate: true, resolution: 0.01 });
  });

  it("reads the text 0.9444 as the fraction 0.9444 with four decimals", () => {
    expect(value("0.9444", "rate")).toMatchObject({ value: 0.9444, decimals: 4, resolution: 0.0001 });
    expect(value("0.9444", "rate").percentPoints).toBeUndefined();
  });

  it("reads the number 0.9444 without a percent format as a fraction", () => {
    expect(value(0.9444, "rate")).toEqual({ status: "value", value: 0.9444, raw: "0.9444", approximate: false, decimals: 4, resolution: 0.0001 });
  });

  it("reads the number 0.9444 in a 0.00% cell as 0.9444 shown with two percent decimals, resolution 0.0001", () => {
    expect(value(0.9444, "rate", "0.00%")).toEqual({
      status: "value", value: 0.9444, raw: "0.9444", approximate: false, decimals: 2, resolution: 0.0001,
    });
  });

  it("reads the number 0.96 in a 0% cell with resolution 0.01 and 1 in a % cell as 100 %", () => {
    expect(value(0.96, "rate", "0%")).toMatchObject({ value: 0.96, decimals: 0, resolution: 0.01 });
    expect(value(1, "rate", "0%")).toMatchObject({ value: 1, decimals: 0, resolution: 0.01 });
  });

  it("keeps a number above 1 in a percent-formatted cell as the fraction (105 % → 1.05)", () => {
    expect(value(1.05, "rate", "0.00%")).toMatchObject({ value: 1.05, decimals: 0 });
    expect(value(1.05, "rate", "0.00%").percentPoints).toBeUndefined();
  });

  it("reads a plain number above 1 in a rate cell as percentage points: 94.44 → 0.9444", () => {
    expect(value(94.44, "rate")).toEqual({
      status: "value", value: 0.9444, raw: "94.44", approximate: false, decimals: 2, resolution: 0.0001, percentPoints: true,
    });
    expect(value("94.44", "rate")).toMatchObject({ value: 0.9444, percentPoints: true, resolution: 0.0001 });
    expect(value(96, "rate")).toMatchObject({ value: 0.96, percentPoints: true, resolution: 0.01 });
  });

  it("reads 105% as 1.05, leaving the range check to the rules", () => {
    expect(value("105%", "rate")).toMatchObject({ value: 1.05, resolution: 0.01 });
  });

  it("reads 1 and 0 in a rate cell as the fractions 1 and 0", () => {
    expect(value(1, "rate")).toMatchObject({ value: 1 });
    expect(value(1, "rate").percentPoints).toBeUndefined();
    expect(value("0", "rate")).toMatchObject({ value: 0 });
  });

  it("reads a computed rate like =17/18 in a 0.00% cell without losing it", () => {
    const p = value(17 / 18, "rate", "0.00%");
    expect(p.value).toBe(17 / 18);
    expect(p.decimals).toBe(14);
  });

  it("rejects a unit or 万 in a rate cell instead of reading 12件 as 12 %", () => {
    expect(parseCellValue("12件", "rate")).toMatchObject({ status: "invalid", reason: "notANumber" });
    expect(parseCellValue("1.2万", "rate")).toMatchObject({ status: "invalid", reason: "notANumber" });
  });
});

describe("not reported", () => {
  it.each(["—", "－", "-", "--", "——", "–", "/", "无", " — ", "\u3000-\u3000", "／", "暂无"])(
    "treats %j as not reported, never 0",
    (text) => {
      for (const kind of ["count", "amount", "rate"] as const) {
        expect(parseCellValue(text, kind)).toEqual({ status: "blank", raw: text });
      }
    },
  );

  it("treats null and empty text as blank", () => {
    expect(parseCellValue(null, "count")).toEqual({ status: "blank", raw: "" });
    expect(parseCellValue("", "rate")).toEqual({ status: "blank", raw: "" });
    expect(parseCellValue("   ", "amount")).toEqual({ status: "blank", raw: "   " });
    expect(parseCellValue("\u3000", "count")).toMatchObject({ status: "blank" });
  });
});

describe("what is not a figure", () => {
  it.each(["约一百", "待定", "见附件", "一", "12-15", "1.2.3", "1,04", "1,0466", "3/5", "abc", "=17/18", "1e5", "十二件"])(
    "rejects %j as notANumber and never returns 0",
    (text) => {
      expect(parseCellValue(text, "count")).toEqual({ status: "invalid", raw: text, reason: "notANumber" });
    },
  );

  it.each(["#DIV/0!", "#VALUE!", "#N/A", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#div/0!"])(
    "reports the Excel error %s as excelError",
    (text) => {
      expect(parseCellValue(text, "rate")).toEqual({ status: "invalid", raw: text, reason: "excelError" });
    },
  );

  it("reports a Date as date, with the day as raw", () => {
    expect(parseCellValue(new Date(Date.UTC(2023, 4, 1)), "count")).toEqual({ status: "invalid", raw: "2023-05-01", reason: "date" });
  });

  it("reports an invalid Date as date without throwing", () => {
    expect(parseCellValue(new Date(NaN), "count")).toMatchObject({ status: "invalid", reason: "date" });
  });

  it("reports a serial number in a date-formatted cell as date", () => {
    expect(parseCellValue(45047, "count", "yyyy/m/d")).toEqual({ status: "invalid", raw: "45047", reason: "date" });
    expect(parseCellValue(45047, "count", 'yyyy"年"m"月"d"日"')).toMatchObject({ reason: "date" });
  });

  it("reports a date typed as text as date", () => {
    for (const text of ["2023-05-01", "2023/5/1", "2023年5月1日", "5月1日"]) {
      expect(parseCellValue(text, "count")).toMatchObject({ status: "invalid", reason: "date" });
    }
  });

  it("reports booleans as boolean", () => {
    expect(parseCellValue(true, "count")).toEqual({ status: "invalid", raw: "TRUE", reason: "boolean" });
    expect(parseCellValue(false, "rate")).toEqual({ status: "invalid", raw: "FALSE", reason: "boolean" });
  });

  it("rejects NaN and Infinity as notANumber", () => {
    expect(parseCellValue(NaN, "count")).toMatchObject({ status: "invalid", reason: "notANumber" });
    expect(parseCellValue(Infinity, "amount")).toMatchObject({ status: "invalid", reason: "notANumber" });
  });
});

describe("no float noise", () => {
  it("scales exactly: 23.14亿 count is 2314000000, 0.07万 is 700, 1.1万元 amount is 1.1", () => {
    expect(value("23.14亿", "count").value).toBe(2314000000);
    expect(value("0.07万", "count").value).toBe(700);
    expect(value("1.1万元", "amount").value).toBe(1.1);
    expect(value("57.85%", "rate").value).toBe(0.5785);
    expect(value(57.85, "rate").value).toBe(0.5785);
  });

  it("gives resolutions that are the exact decimal powers", () => {
    expect(value("12.345", "count").resolution).toBe(0.001);
    expect(value("0.07万", "count").resolution).toBe(100);
    expect(value("1.23%", "rate").resolution).toBe(0.0001);
  });
});

describe("number formats", () => {
  it("sees % only outside quotes and brackets", () => {
    expect(isPercentFormat("0.00%")).toBe(true);
    expect(isPercentFormat('0"%"')).toBe(false);
    expect(isPercentFormat("0\\%")).toBe(false);
    expect(isPercentFormat(undefined)).toBe(false);
  });

  it("sees dates and times but not General or plain numbers", () => {
    expect(isDateFormat("yyyy/m/d")).toBe(true);
    expect(isDateFormat("[$-804]yyyy\"年\"m\"月\"d\"日\"")).toBe(true);
    expect(isDateFormat("h:mm")).toBe(true);
    expect(isDateFormat("General")).toBe(false);
    expect(isDateFormat("G/通用格式")).toBe(false);
    expect(isDateFormat("#,##0.00_);[Red](#,##0.00)")).toBe(false);
    expect(isDateFormat('0"件"')).toBe(false);
    expect(isDateFormat("0.00E+00")).toBe(false);
  });
});

describe("a fraction's decimals, counted without writing it where it can be (quickDecimals, plainNumberDecimals)", () => {
  /** What `String(x)` writes: the count the reader took from the text before. */
  const written = (x: number) => writtenDecimals(String(x));
  const PLAIN = { percent: false, date: false };
  /** The count without the text where it has one, and the full count: each as String writes it. */
  const counts = (x: number) => {
    const quick = quickDecimals(x, "rate", PLAIN);
    return [x, quick === WRITTEN_OUT ? written(x) : quick, plainNumberDecimals(x, "rate", PLAIN)];
  };

  it("counts what String writes for rates as staff and formulas leave them", () => {
    const cases = [0, -0, 1, -1, 0.5, 0.9444, 0.1 + 0.2, 17 / 18, 2 / 3, 1e-7, 5e-7, 0.000001, 1.5e-10, 0.0999999999999999, 0.3, 0.30000000000000004, Number.MIN_VALUE, 1 - 2 ** -53];
    for (const x of cases) expect(counts(x)).toEqual([x, written(x), written(x)]);
    // Typed rates are counted without the text; a formula's result (17 / 18) is left to it.
    expect([quickDecimals(0.9444, "rate", PLAIN), quickDecimals(0.5, "rate", { percent: true, date: false }), quickDecimals(17 / 18, "rate", PLAIN)]).toEqual([4, 0, WRITTEN_OUT]);
    expect([quickDecimals(12.5, "amount", PLAIN), plainNumberDecimals(12.5, "amount", PLAIN), plainNumberDecimals(17 / 18, "rate", { percent: true, date: false })]).toEqual([WRITTEN_OUT, 1, 14]);
  });

  it("agrees with String for 100,000 fractions written to 0–17 decimals and for raw doubles", () => {
    const random = seededRandom(20241203);
    const wrong: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const digits = i % 18;
      // Written to `digits` decimals (a typed or rounded rate), or any double in (−1, 1) (a formula's result).
      const x = i % 3 === 2 ? (random() * 2 - 1) / (1 + (i % 7) * 1000) : Number((random() * (i % 2 ? 1 : -1)).toFixed(digits));
      const [, quick, full] = counts(x);
      if (quick !== written(x) || full !== written(x)) wrong.push(x);
    }
    expect(wrong).toEqual([]);
  });
});
