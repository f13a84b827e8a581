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

  it("rounds fractions as Intl does: half away from zero on the shortest decimal, carried into the whole part, trailing zeros dropped", () => {
    const random = seededRandom(5);
    const tricky = [1.005, 2.675, 0.99995, 9.99995, 999.99995, -0.00004, -0.00005, 0.00005, 1234.5, 0.1 + 0.2, 83.976261127596, 1e-6, 2.5e-7, 123456789.123456, 1e20 + 0.5];
    const draws = Array.from({ length: 3000 }, () => {
      const scale = 10 ** Math.floor(random() * 12 - 6);
      const v = (random() - 0.3) * scale;
      // Some on a rounding boundary: d.dddd5 exactly as written.
      return random() < 0.2 ? Number((Math.round(v * 1e4) / 1e4 + 0.00005).toFixed(5)) : v;
    });
    const values = [...tricky, ...draws];
    for (const digits of [4, 2, 0]) {
      const intlAt = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, useGrouping: true });
      expect(values.map((v) => formatNumber(v, digits))).toEqual(values.map((v) => intlAt.format(v)));
    }
  });
});
