import { formatNumber } from "../../../src/core/findings/format";
import { seededRandom } from "../../../src/core/consolidate/stats";

describe("formatNumber", () => {
  const intl = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4, useGrouping: true });

  it("groups whole numbers by thousands, signs kept", () => {
    expect([0, 7, 999, 1000, 10584, -1234, 1234567, -9007199254740991].map((v) => formatNumber(v))).toEqual([
      "0",
      "7",
      "999",
      "1,000",
      "10,584",
      "-1,234",
      "1,234,567",
      "-9,007,199,254,740,991",
    ]);
  });

  it("writes every whole number as Intl's en-US grouping does, and fractions, -0 and huge numbers through it", () => {
    const random = seededRandom(3);
    const values = [-0, 12.5, 0.00012345, 1e21, -5e-7, ...Array.from({ length: 2000 }, () => Math.floor((random() - 0.5) * 10 ** (1 + random() * 15)))];
    expect(values.map((v) => formatNumber(v))).toEqual(values.map((v) => intl.format(v)));
  });
});
