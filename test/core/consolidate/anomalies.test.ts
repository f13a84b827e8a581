import { DEFAULT_ANOMALY_OPTIONS, peerAnomalies } from "../../../src/core/consolidate/anomalies";
import type { Finding } from "../../../src/core/findings/finding";
import { renderFinding } from "../../../src/core/findings/render";
import { standardTemplate } from "../../../src/core/template/registry";
import { districtsWith, makeDistrict } from "./district-data";

const zh = (f: Finding) => renderFinding(f, standardTemplate(), "zh");
const en = (f: Finding) => renderFinding(f, standardTemplate(), "en");
const of = (findings: readonly Finding[], code: Finding["code"]) => findings.filter((f) => f.code === code);
/** `district@codes` of the findings of one kind, in output order. */
const where = (findings: readonly Finding[], code: Finding["code"]) => of(findings, code).map((f) => `${f.district}@${f.codes.join("+")}`);

describe("defaults", () => {
  it("are the documented ones", () => {
    expect(DEFAULT_ANOMALY_OPTIONS).toEqual({
      minPeers: 5,
      outlierThreshold: 3.5,
      hb: { minDistricts: 5, U: 0.5, A: 0.05, C: 4 },
      missingShare: 0.5,
      missingMinReported: 3,
      fallbackMinDeviation: { rate: 0.05, relative: 0.5 },
    });
  });
});

describe("outliers against the other districts (modified z-score)", () => {
  it("flags 200 件 among 17, 18, 20, 22 and names the median", () => {
    // median 20; |x − 20| = 3, 2, 0, 2, 180 → MAD 2; score of 200 = 0.6745·180/2 = 60.705
    const findings = peerAnomalies(districtsWith("E01", [17, 18, 20, 22, 200]), undefined);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({
      code: "peer.outlier",
      severity: "warning",
      ruleId: "builtin.peer.outlier",
      district: "区5",
      codes: ["E01"],
      cells: [{ sheet: "区5 2024", address: "E63" }],
      actual: 200,
      raw: "200",
      valueKey: "E01=200",
      details: { median: 20, scale: "mad", threshold: 3.5, peers: 5 },
    });
    if (f.code !== "peer.outlier") throw new Error("unreachable");
    expect(f.details.score).toBeCloseTo(60.705, 10);
    expect(zh(f)).toBe("行政复议申请受理数（E01）为 200 件，远离其他区县（5 个区县的中位数 20 件，稳健 z 值 60.7，阈值 3.5）");
    expect(en(f)).toContain("median of 5: 20");
  });

  it("with MAD 0, flags only a deviation that matters: 90 % among 100 % rates, not 97 %", () => {
    // Four 100 % and one 97 %: MAD 0, MeanAD .006, score .03/(1.253314·.006) = 3.99 > 3.5 — but only 3 pp off.
    expect(of(peerAnomalies(districtsWith("B14", ["100%", "100%", "100%", "100%", "97%"]), undefined), "peer.outlier")).toEqual([]);
    // 90 %: 10 pp off the median of 100 %.
    expect(where(peerAnomalies(districtsWith("B14", ["100%", "100%", "100%", "100%", "90%"]), undefined), "peer.outlier")).toEqual(["区5@B14"]);
    // Counts: 6 among four 5s is one unit but not half the median away; 40 is.
    expect(of(peerAnomalies(districtsWith("H01", [5, 5, 5, 5, 6]), undefined), "peer.outlier")).toEqual([]);
  });

  it("falls back to the mean absolute deviation when MAD is 0: 40 among four 5s", () => {
    // MAD 0; MeanAD = 35/5 = 7; score = 35 / (1.253314·7) = 3.98942 > 3.5
    const [f, ...rest] = peerAnomalies(districtsWith("H01", [5, 5, 5, 5, 40]), undefined);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: "peer.outlier", district: "区5", actual: 40, details: { median: 5, scale: "meanAbsolute", peers: 5 } });
    if (f.code !== "peer.outlier") throw new Error("unreachable");
    expect(f.details.score).toBeCloseTo(3.98942, 5);
    expect(zh(f)).toContain("中位数 5 场次");
  });

  it("keeps an approximate figure in the median but never flags it", () => {
    // 17, 18, 20, 22, 200(余), 400: median (20 + 22)/2 = 21 — it would be 20 without 200余;
    // |x − 21| = 4, 3, 1, 1, 179, 379 → MAD (3 + 4)/2 = 3.5; 400 scores 0.6745·379/3.5 = 73.04, 200余 0.6745·179/3.5 = 34.5
    const findings = peerAnomalies(districtsWith("E01", ["200余", 17, 18, 20, 22, 400]), undefined);
    expect(where(findings, "peer.outlier")).toEqual(["区6@E01"]);
    expect(findings[0].details).toMatchObject({ median: 21, peers: 6 });
    expect(findings[0].details).toHaveProperty("score", expect.closeTo(73.0387, 4));
    expect(peerAnomalies(districtsWith("E01", [17, 18, 20, 22, "200余"]), undefined)).toEqual([]);
  });

  it("needs minPeers districts with a figure (blanks do not count)", () => {
    const four = districtsWith("E01", [17, 18, 20, 200, undefined]);
    expect(of(peerAnomalies(four, undefined), "peer.outlier")).toEqual([]);
    // median 19; |x − 19| = 2, 1, 1, 181 → MAD 1.5; 0.6745·181/1.5 = 81.39
    expect(where(peerAnomalies(four, undefined, { minPeers: 4 }), "peer.outlier")).toEqual(["区4@E01"]);
  });

  it("judges reported rates, in percent in the message", () => {
    // 0.9, 0.95, 0.92, 0.93, 0.3: median 0.92; |x − 0.92| = .02, .03, 0, .01, .62 → MAD 0.02; 0.6745·0.62/0.02 = 20.91
    const [f] = peerAnomalies(districtsWith("E12", [0.9, 0.95, 0.92, 0.93, 0.3]), undefined);
    expect(f).toMatchObject({ code: "peer.outlier", district: "区5", codes: ["E12"], raw: "0.3", actual: 0.3 });
    expect(f.details).toHaveProperty("score", expect.closeTo(20.9095, 4));
    expect(zh(f)).toContain("中位数 92.00%");
  });

  it("judges a rate computed from its counts on its counts, flagging the rate's cell", () => {
    // 17/18 = .9444, 19/20 = .95, 24/25 = .96, 28/30 = .9333, 6/20 = .3: median 17/18;
    // |x − 17/18| = 0, 1/180, 1/60, 1/90, 58/90 → MAD 1/90; 6/20 scores 0.6745·58 = 39.121
    const counts = [
      [18, 17],
      [20, 19],
      [25, 24],
      [30, 28],
      [20, 6],
    ];
    const districts = counts.map(([den, num], i) => makeDistrict({ name: `区${i + 1}`, figures: { E10: den, E11: num } }));
    const [f, ...rest] = of(peerAnomalies(districts, undefined), "peer.outlier");
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ district: "区5", codes: ["E12", "E11", "E10"], cells: [{ sheet: "区5 2024", address: "E74" }], actual: 0.3, raw: undefined });
    expect(f.valueKey).toBe("E12=|E11=6|E10=20");
    expect(f.details).toHaveProperty("score", expect.closeTo(39.121, 9));
    expect(zh(f)).toContain("中位数 94.44%");
  });

  it("keeps the id when the figure is corrected, and changes the value key", () => {
    const [a] = peerAnomalies(districtsWith("E01", [17, 18, 20, 22, 200]), undefined);
    const [b] = peerAnomalies(districtsWith("E01", [17, 18, 20, 22, 300]), undefined);
    expect(b.id).toBe(a.id);
    expect([a.valueKey, b.valueKey]).toEqual(["E01=200", "E01=300"]);
  });
});

describe("year-over-year ratios against the other districts (Hidiroglou–Berthelot)", () => {
  // 区1…区7, E01 last year → this year.
  const last = [110, 120, 169, 175, 45, 250, 200];
  const now = [121, 144, 169, 196, 225, 256, 225];

  it("flags ×5 growth where the others grow about ×1.1", () => {
    // r = 1.1, 1.2, 1, 1.12, 5, 1.024, 1.125 → median 1.12
    // s = 1 − 1.12/r (r < 1.12) or r/1.12 − 1: −.01818, .07143, −.12, 0, 3.46429, −.09375, .00446
    // √max = 11, 12, 13, 14, 15, 16, 15 → E = −.2, .85714, −1.56, 0, 51.96429, −1.5, .06696
    // sorted −1.56, −1.5, −.2, 0, .06696, .85714, 51.964: Q1 (h 1.5) = −.85, M = 0, Q3 (h 4.5) = .46205
    // d_Q1 = max(.85, |.05·0|) = .85, d_Q3 = .46205 → accept [−3.4, 1.84821]: only 51.96 (区5) is outside
    const findings = peerAnomalies(districtsWith("E01", now, last), undefined);
    expect(where(findings, "peer.yoyOutlier")).toEqual(["区5@E01"]);
    const [f] = of(findings, "peer.yoyOutlier");
    expect(f).toMatchObject({
      severity: "warning",
      ruleId: "builtin.peer.hb",
      cells: [
        { sheet: "区5 2024", address: "E63" },
        { sheet: "区5 2024", address: "F63" },
      ],
      actual: 225,
      valueKey: "E01=225/45",
      details: { ratio: 5, lastYear: 45, peers: 7 },
    });
    expect(f.details).toHaveProperty("medianRatio", expect.closeTo(1.12, 12));
    expect(f.expected).toBeCloseTo(50.4, 10); // 45 × 1.12: this year at the median change
    expect(zh(f)).toBe(
      "行政复议申请受理数（E01）由上年 45 件 变为 225 件，是上年的 5 倍，与其他区县的变化不一致（7 个区县的中位数 1.12 倍）",
    );
    expect(en(f)).toContain("(median of 7: ×1.12)");
  });

  it("gives its finding an id of its own beside an outlier on the same cell", () => {
    const findings = peerAnomalies(districtsWith("E01", [121, 144, 169, 196, 2250, 256, 225], last), undefined);
    expect(findings.map((f) => `${f.code}@${f.district}`)).toEqual(["peer.outlier@区5", "peer.yoyOutlier@区5"]);
    expect(findings[0].id).not.toBe(findings[1].id);
  });

  it("does not flag a large ratio of a tiny district: size weighting", () => {
    // 9000→10000, 11000→12100, 12000→14400, 15000→16900, 18000→19600, 36800→40000, and 3→9 (×3)
    // r = 1.1111, 1.1, 1.2, 1.12667, 1.08889, 1.08696, 3 → median 10/9
    // s = 0, −.0101, .08, .014, −.02041, −.02222, 1.7; √max = 100, 110, 120, 130, 140, 200, 3
    // E = 0, −1.1111, 9.6, 1.82, −2.85714, −4.44444, 5.1 → Q1 −1.98413, M 0, Q3 (1.82 + 5.1)/2 = 3.46
    // accept [−7.93651, 13.84]: 5.1 is inside. With U = 0 (ratios alone) E = s, Q3 = .047, accept up to .188: 1.7 is out.
    const lastYear = [9000, 11000, 12000, 15000, 18000, 36800, 3];
    const thisYear = [10000, 12100, 14400, 16900, 19600, 40000, 9];
    const districts = districtsWith("F02", thisYear, lastYear);
    expect(of(peerAnomalies(districts, undefined), "peer.yoyOutlier")).toEqual([]);
    expect(where(peerAnomalies(districts, undefined, { hb: { U: 0 } }), "peer.yoyOutlier")).toEqual(["区7@F02"]);
  });

  it("counts only districts with both years above 0, and needs hb.minDistricts of them", () => {
    // 区6 (last year 0) takes no part: r = 1.1, 1.2, 1.1, 5, 10/9 → median 10/9
    // s = −.0101, .08, −.0101, 3.5, 0; √max = 11, 12, √165, 15, √40 → E = −.11111, .96, −.12975, 52.5, 0
    // sorted: Q1 (h 1) = −.11111, M = 0, Q3 (h 3) = .96 → accept [−.44444, 3.84]: 区4 (45 → 225) is out
    const thisYear = [121, 144, 165, 225, 40, 30];
    const [f, ...rest] = of(peerAnomalies(districtsWith("E01", thisYear, [110, 120, 150, 45, 36, 0]), undefined), "peer.yoyOutlier");
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ district: "区4", details: { peers: 5, ratio: 5, lastYear: 45 } });
    expect(f.details).toHaveProperty("medianRatio", expect.closeTo(10 / 9, 12));
    // Without 区5's last year only 4 districts remain: below the default 5.
    expect(of(peerAnomalies(districtsWith("E01", thisYear, [110, 120, 150, 45, undefined, 0]), undefined), "peer.yoyOutlier")).toEqual([]);
  });

  it("leaves rates to the template's own year-over-year check", () => {
    expect(of(peerAnomalies(districtsWith("E12", [0.9, 0.9, 0.9, 0.9, 0.9], [0.9, 0.9, 0.9, 0.9, 0.1]), undefined), "peer.yoyOutlier")).toEqual([]);
  });
});

describe("a figure missing where most districts reported it", () => {
  it("flags a blank (— is not reported) in 6 of 8 reported, not a figure that failed to parse", () => {
    const findings = peerAnomalies(districtsWith("F06", [100, 110, 120, 105, 115, 95, "—", "约一百"]), undefined);
    expect(findings.map((f) => `${f.code}@${f.district}`)).toEqual(["peer.missing@区7"]);
    const [f] = findings;
    expect(f).toMatchObject({
      severity: "info",
      ruleId: "builtin.peer.missing",
      codes: ["F06"],
      cells: [{ sheet: "区7 2024", address: "E84" }],
      raw: "—",
      details: { reported: 6, districts: 8 },
    });
    expect(zh(f)).toBe("法律援助案件数（F06）未填报，而 8 个区县中有 6 个填报了该指标（中位数 107.5 件）");
  });

  it("needs more than half of the districts, and at least 3 of them", () => {
    // 4 of 8 is not more than half
    expect(of(peerAnomalies(districtsWith("F06", [100, 110, 120, 105, undefined, undefined, undefined, undefined]), undefined), "peer.missing")).toEqual([]);
    // 3 of 4: flagged; 2 of 3: too few reported
    expect(where(peerAnomalies(districtsWith("F06", [100, 110, 120, undefined]), undefined), "peer.missing")).toEqual(["区4@F06"]);
    expect(of(peerAnomalies(districtsWith("F06", [100, 110, undefined]), undefined), "peer.missing")).toEqual([]);
    expect(where(peerAnomalies(districtsWith("F06", [100, 110, undefined]), undefined, { missingMinReported: 2 }), "peer.missing")).toEqual(["区3@F06"]);
  });
});

describe("the city against the sum of its districts", () => {
  const city = (typed: number | string) => makeDistrict({ name: "重庆市", figures: { E01: typed } });
  const cityG09 = (typed: string) => makeDistrict({ name: "重庆市", figures: { G09: typed } });

  it("with every district reporting: equal passes, 151 against 10 + 20 + 30 + 40 + 50 = 150 fails", () => {
    const districts = districtsWith("E01", [10, 20, 30, 40, 50]);
    expect(of(peerAnomalies(districts, city(150)), "city.sumMismatch")).toEqual([]);
    const [f] = of(peerAnomalies(districts, city(151)), "city.sumMismatch");
    expect(f).toMatchObject({
      severity: "warning",
      ruleId: "builtin.city.sum",
      district: "重庆市",
      codes: ["E01"],
      cells: [{ sheet: "重庆市 2024", address: "E63" }],
      actual: 151,
      expected: 150,
      details: { sum: 150, reporting: 5, districts: 5 },
    });
    expect(zh(f)).toBe("全市填报行政复议申请受理数（E01）为 151 件，与 5 个区县合计 150 件 不符");
  });

  it("tolerates half a unit of the city's written precision on amounts", () => {
    // 50000 + 52000 + 40000.4 + 45000 + 44399.6 = 231400 万元
    const districts = districtsWith("G09", [50000, 52000, 40000.4, 45000, 44399.6]);
    expect(of(peerAnomalies(districts, cityG09("23.14亿元")), "city.sumMismatch")).toEqual([]); // 231400, exact
    expect(of(peerAnomalies(districts, cityG09("23.1亿元")), "city.sumMismatch")).toEqual([]); // 231000 ± 500
    const [f] = of(peerAnomalies(districts, cityG09("23.13亿元")), "city.sumMismatch"); // 231300 ± 50: 100 off
    expect(f).toMatchObject({ actual: 231300, details: { reporting: 5, districts: 5 } });
    expect(f.expected).toBeCloseTo(231400, 6);
    expect(zh(f)).toContain("合计 231,400 万元");
  });

  it("with some districts blank: flags only a city figure below their sum", () => {
    // 10 + 20 + 30 + 40 = 100 from 4 of 5
    const districts = districtsWith("E01", [10, 20, 30, 40, undefined]);
    expect(of(peerAnomalies(districts, city(120)), "city.sumMismatch")).toEqual([]);
    const [f] = of(peerAnomalies(districts, city(90)), "city.sumMismatch");
    expect(f).toMatchObject({ actual: 90, expected: 100, details: { sum: 100, reporting: 4, districts: 5 } });
    expect(zh(f)).toBe("全市填报行政复议申请受理数（E01）为 90 件，小于已填报的 4 个区县（共 5 个）合计 100 件");
  });

  it("with an approximate district figure: compares only against the exact ones' sum, from below", () => {
    // 10 + 20 + 30 + 50 = 110 exact, plus 40余
    const districts = districtsWith("E01", [10, 20, 30, "40余", 50]);
    expect(of(peerAnomalies(districts, city(140)), "city.sumMismatch")).toEqual([]); // ≠ 150, but 40余 is not exact
    const [f] = of(peerAnomalies(districts, city(100)), "city.sumMismatch");
    expect(f).toMatchObject({ actual: 100, expected: 110, details: { sum: 110, reporting: 4, districts: 5 } });
    expect(en(f)).toContain("less than the 4 reporting districts (of 5) add up to: 110");
  });

  it("skips an approximate city figure, one no district reported, and rates", () => {
    expect(of(peerAnomalies(districtsWith("E01", [10, 20, 30, 40, 50]), city("100余")), "city.sumMismatch")).toEqual([]);
    expect(of(peerAnomalies(districtsWith("E01", [undefined, undefined]), city(100)), "city.sumMismatch")).toEqual([]);
    const rateCity = makeDistrict({ name: "重庆市", figures: { E12: 0.5 } });
    expect(of(peerAnomalies(districtsWith("E12", [0.9, 0.9]), rateCity), "city.sumMismatch")).toEqual([]);
  });
});

describe("order", () => {
  it("sorts by indicator, then district order with the city last", () => {
    const districts = [
      { A01: 10, E01: 17 },
      { A01: 11, E01: 18, G01: 500 },
      { A01: 12, E01: 20, G01: 510 },
      { A01: 13, E01: 22, G01: 520 },
      { A01: 14, E01: 200, G01: 530 },
      { E01: 19, G01: 540 },
    ].map((figures, i) => makeDistrict({ name: `区${i + 1}`, figures }));
    const findings = peerAnomalies(districts, makeDistrict({ name: "重庆市", figures: { E01: 100 } }));
    expect(findings.map((f) => `${f.code}@${f.district}@${f.codes[0]}`)).toEqual([
      "peer.missing@区6@A01",
      "peer.outlier@区5@E01",
      "city.sumMismatch@重庆市@E01",
      "peer.missing@区1@G01",
    ]);
    expect(new Set(findings.map((f) => f.id)).size).toBe(4);
  });

  it("gives nothing for no districts", () => {
    expect(peerAnomalies([], undefined)).toEqual([]);
  });
});
