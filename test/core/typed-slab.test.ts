import { float64s, uint8s } from "../../src/core/typed-slab";

describe("typed arrays carved out of shared buffers", () => {
  it("hands out zeroed views that never overlap, each float array aligned, across buffer ends", () => {
    // 92 codes a district, as the figure maps have them: enough to fill several 64 KiB buffers.
    const made: (Float64Array | Uint8Array)[] = [];
    for (let i = 0; i < 300; i++) made.push(uint8s(92), float64s(92));
    for (const a of made) expect(a.every((x) => x === 0)).toBe(true);
    // Neighbours get different marks (a byte holds up to 255): one written over another shows.
    made.forEach((a, i) => a.fill((i % 200) + 1));
    made.forEach((a, i) => expect(a.every((x) => x === (i % 200) + 1)).toBe(true));
    for (const a of made) if (a instanceof Float64Array) expect(a.byteOffset % 8).toBe(0);
    // Shared: 600 arrays (~250 KB) in four or five 64 KiB buffers, not one each.
    const buffers = new Set(made.map((a) => a.buffer)).size;
    expect(buffers).toBeGreaterThan(1);
    expect(buffers).toBeLessThan(8);
  });

  it("gives a large array a buffer of its own", () => {
    const large = float64s(4096);
    expect([large.length, large.byteOffset, large.buffer.byteLength]).toEqual([4096, 0, 4096 * 8]);
  });
});
