import { CellGroups } from "../../../src/core/sheet/cell-groups";

const contents = (g: CellGroups) =>
  Array.from({ length: g.size }, (_, i) => [g.addressAt(i), Array.from({ length: g.findingsAt(i) }, (_, k) => g.findingAt(i, k))]);

describe("CellGroups (a sheet's flagged cells and the findings on each)", () => {
  it("keeps cells in the order they first appear, each with its findings in the order added (twice if named twice)", () => {
    const g = new CellGroups();
    g.add("E9", 0);
    g.add("E8", 0);
    g.add("E9", 1);
    g.add("E27", 2);
    g.add("E9", 1);
    expect(contents(g)).toEqual([
      ["E9", [0, 1, 1]],
      ["E8", [0]],
      ["E27", [2]],
    ]);
    expect(g.has("E8")).toBe(true);
    expect(g.has("E10")).toBe(false);
  });

  it("forgets the last sheet on reset, leaving nothing of it behind when reused", () => {
    const g = new CellGroups();
    g.add("E9", 0);
    g.add("E9", 3);
    g.add("E8", 1);
    g.reset();
    expect(g.size).toBe(0);
    expect(g.has("E9")).toBe(false);
    g.add("E9", 5);
    expect(contents(g)).toEqual([["E9", [5]]]);
  });
});
