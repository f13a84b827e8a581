/**
 * RANK.EQ in descending order (1 + how many keys are greater) over non-negative whole-number keys, by a
 * least-significant-digit radix sort of their positions. A stability draw ranks every district once, so
 * 1,000 draws over 10,000 districts are 10 million ranks: a comparison sort and a binary search per
 * district cost ~2 ms a draw there, this about a tenth of that — the work is a few passes over the keys.
 *
 * One ranker serves every draw of a run: it keeps its buffers.
 */
export class KeyRanker {
  private readonly order: Int32Array;
  private readonly spare: Int32Array;
  /** Each key − the smallest, in 20-bit parts (low, middle, high): digits come out by shifts and masks. */
  private readonly parts: readonly [Int32Array, Int32Array, Int32Array];
  private readonly counts = new Int32Array(RADIX);

  constructor(capacity: number) {
    this.order = new Int32Array(capacity);
    this.spare = new Int32Array(capacity);
    this.parts = [new Int32Array(capacity), new Int32Array(capacity), new Int32Array(capacity)];
  }

  /**
   * Writes into `ranks[i]` the rank of `keys[i]` for i < count. Keys must be whole numbers in [0, 2^53)
   * (scores × 10^decimals, rounded); equal keys share a rank, the next rank skips as in RANK.EQ.
   */
  rank(keys: Float64Array, count: number, ranks: Int32Array): void {
    if (count === 0) return;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < count; i++) {
      const k = keys[i];
      if (k < min) min = k;
      if (k > max) max = k;
    }
    // Sorting key − min: a draw's scores lie close together, so fewer digits need sorting.
    const [low, middle, high] = this.parts;
    for (let i = 0; i < count; i++) {
      const k = keys[i] - min;
      const above = Math.floor(k / PART);
      low[i] = k - above * PART;
      high[i] = Math.floor(above / PART);
      middle[i] = above - high[i] * PART;
    }
    let order = this.order;
    let spare = this.spare;
    for (let i = 0; i < count; i++) order[i] = i;
    const counts = this.counts;
    const passes = Math.ceil(bitLength(max - min) / DIGIT_BITS);
    for (let pass = 0; pass < passes; pass++) {
      const part = this.parts[pass >> 1];
      const shift = (pass & 1) * DIGIT_BITS;
      counts.fill(0);
      for (let i = 0; i < count; i++) counts[(part[i] >>> shift) & MASK]++;
      for (let d = 0, at = 0; d < RADIX; d++) {
        const c = counts[d];
        counts[d] = at;
        at += c;
      }
      // Stable scatter: positions with equal digits keep the order the previous passes gave them.
      for (let i = 0; i < count; i++) {
        const p = order[i];
        spare[counts[(part[p] >>> shift) & MASK]++] = p;
      }
      [order, spare] = [spare, order];
    }
    // Ascending order; from the top, a key's rank is 1 + how many came before its run of equal keys.
    let rank = 1;
    for (let at = count - 1; at >= 0; at--) {
      const p = order[at];
      const q = order[at + 1];
      if (at < count - 1 && (low[p] !== low[q] || middle[p] !== middle[q] || high[p] !== high[q])) rank = count - at;
      ranks[p] = rank;
    }
  }
}

/** Two digits to a 20-bit part: 1,024 counters, cheap to clear for a few districts, few passes for many. */
const DIGIT_BITS = 10;
const RADIX = 1 << DIGIT_BITS;
const MASK = RADIX - 1;
const PART = 2 ** (2 * DIGIT_BITS);

/** Bits needed to write a whole number ≥ 0. */
function bitLength(x: number): number {
  let bits = 0;
  for (let v = x; v >= 1; v = Math.floor(v / 2)) bits++;
  return bits;
}
