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
  /** Bits per digit, a divisor of the parts' 20 so no digit straddles two parts: a pass costs the keys plus 2^bits counters, so few keys take small digits. */
  private readonly bits: number;
  private readonly counts: Int32Array;

  constructor(capacity: number) {
    this.order = new Int32Array(capacity);
    this.spare = new Int32Array(capacity);
    this.parts = [new Int32Array(capacity), new Int32Array(capacity), new Int32Array(capacity)];
    this.bits = DIGIT_BITS.find((b) => capacity <= 2 ** (2 * b)) ?? DIGIT_BITS[DIGIT_BITS.length - 1];
    this.counts = new Int32Array(2 ** this.bits);
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
    const { counts, bits } = this;
    const mask = counts.length - 1;
    const passes = Math.ceil(bitLength(max - min) / bits);
    for (let pass = 0; pass < passes; pass++) {
      const part = this.parts[Math.floor((pass * bits) / PART_BITS)];
      const shift = (pass * bits) % PART_BITS;
      counts.fill(0);
      for (let i = 0; i < count; i++) counts[(part[i] >>> shift) & mask]++;
      for (let d = 0, at = 0; d <= mask; d++) {
        const c = counts[d];
        counts[d] = at;
        at += c;
      }
      // Stable scatter: positions with equal digits keep the order the previous passes gave them.
      for (let i = 0; i < count; i++) {
        const p = order[i];
        spare[counts[(part[p] >>> shift) & mask]++] = p;
      }
      [order, spare] = [spare, order];
    }
    // Ascending order; from the top, a key's rank is 1 + how many came before its run of equal keys.
    let rank = 1;
    ranks[order[count - 1]] = rank;
    for (let at = count - 2; at >= 0; at--) {
      const p = order[at];
      const q = order[at + 1];
      if (low[p] !== low[q] || middle[p] !== middle[q] || high[p] !== high[q]) rank = count - at;
      ranks[p] = rank;
    }
  }
}

/** Keys are split into 20-bit parts; digits of 4, 5 or 10 bits divide them evenly. */
const PART_BITS = 20;
const PART = 2 ** PART_BITS;
const DIGIT_BITS = [4, 5, 10] as const;

/** Bits needed to write a whole number ≥ 0. */
function bitLength(x: number): number {
  let bits = 0;
  for (let v = x; v >= 1; v = Math.floor(v / 2)) bits++;
  return bits;
}
