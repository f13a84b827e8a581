import { stableId } from "../../../src/core/findings/stable-id";

/**
 * Review logs in workbooks keep finding ids: a decision stays attached only while the same finding
 * gets the same id. These ids were made by the first implementation (the parts joined by U+241F, then
 * hashed); any way of computing them must give them still.
 */
describe("stableId", () => {
  it("gives the ids review logs already hold", () => {
    expect(stableId(["standard@2024.1", "荣昌区", 2024, "rate.consistency", "rate.inconsistent", undefined, "E01", "E02", "E03"])).toBe("F93a3a9bca123e966");
    expect(stableId(["standard@2024.1", "区县0001", undefined, "R-1", "relation.failed", "lastYear", "A01"])).toBe("F17a9bd670d90c4de");
    // Characters beyond the basic plane hash as their two UTF-16 halves; numbers as String writes them.
    expect(stableId(["𠀀x", 0, -1.5])).toBe("F7d1793a6189e95d7");
  });

  it("hashes `more` as parts that follow the others (a finding's codes after what names its rule)", () => {
    expect(stableId(["standard@2024.1", "荣昌区", 2024, "rate.consistency", "rate.inconsistent", undefined], ["E01", "E02", "E03"])).toBe("F93a3a9bca123e966");
    expect(stableId([], ["a", "b"])).toBe(stableId(["a", "b"]));
    expect(stableId(["a"], [])).toBe(stableId(["a"]));
  });

  it("tells apart parts that join to the same letters, and an empty part from none", () => {
    expect(stableId(["ab", "c"])).not.toBe(stableId(["a", "bc"]));
    expect(stableId(["a", undefined])).toBe(stableId(["a", ""]));
    expect(stableId(["a", ""])).not.toBe(stableId(["a"]));
    expect(stableId([])).toBe(stableId([""]));
  });
});
