import { keepShape } from "../keep-shape";

/**
 * RANK.EQ in descending order (1 + how many keys are greater) by a bucket sort of the keys' positions.
 * A stability draw ranks every district once, so 1,000 draws over 10,000 districts are 10 million
 * ranks: a comparison sort and a binary search per district cost ~2 ms a draw there. Here a draw's keys
 * are spread over about as many buckets as there are keys, by where each lies between the smallest
 * and the largest: one counting pass and one scatter, then the few keys sharing a bucket put in order
 * among themselves — a handful of passes over the keys in all, where a radix sort of their 40 bits
 * took four passes of two each. The consolidation's per-indicator ranks use it too (`rankEq`).
 *
 * One ranker serves every draw of a run: it keeps its buffers.
 */
export class KeyRanker {
  /** Positions in ascending order of their keys, once sorted. */
  private readonly order: Int32Array;
  /** Each position's bucket, once spread. */
  readonly bucketOf: Int32Array;
  /**
   * Once spread, per bucket b: how many keys lie in the buckets below it (so bucket b holds
   * `starts[b + 1] − starts[b]` keys, and `count − starts[b + 1]` keys are greater than all of them).
   * Ordering the positions then moves each start to its bucket's end.
   */
  readonly starts: Int32Array;

  constructor(capacity: number) {
    this.order = new Int32Array(capacity);
    this.bucketOf = new Int32Array(capacity);
    this.starts = new Int32Array(bucketCount(capacity) + 1);
    keepShape(KeyRanker, () => new KeyRanker(0));
  }

  /**
   * Writes into `ranks[i]` the rank of `keys[i]` for i < count. Keys are any numbers but NaN, compared
   * exactly: equal keys share a rank, the next rank skips as in RANK.EQ.
   */
  rank(keys: Float64Array, count: number, ranks: Int32Array): void {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < count; i++) {
      const k = keys[i];
      if (k < min) min = k;
      if (k > max) max = k;
    }
    const order = this.sort(keys, count, min, max);
    // From the top, a key's rank is 1 + how many came before its run of equal keys.
    let rank = 1;
    for (let at = count - 1; at >= 0; at--) {
      const p = order[at];
      if (at < count - 1 && keys[p] !== keys[order[at + 1]]) rank = count - at;
      ranks[p] = rank;
    }
  }

  /**
   * The positions 0 … count − 1 in ascending order of their keys (equal keys in any order), as a view
   * the next call overwrites. `min` and `max` are the keys' smallest and largest, which the caller
   * found as it made them (a pass fewer); keys as for `rank`.
   */
  sort(keys: Float64Array, count: number, min: number, max: number): Int32Array {
    const { order } = this;
    if (count === 0 || min === max) {
      for (let i = 0; i < count; i++) order[i] = i;
      return order;
    }
    if (this.spread(keys, count, min, max)) return this.orderSpread(keys, count);
    // Keys it cannot spread — an infinite one, a range too wide or too narrow to scale — are put in order by comparison.
    for (let i = 0; i < count; i++) order[i] = i;
    order.subarray(0, count).sort((p, q) => (keys[p] < keys[q] ? -1 : keys[p] > keys[q] ? 1 : 0));
    return order;
  }

  /**
   * Puts each key in a bucket by where it lies between `min` and `max` (`bucketOf`) and counts the
   * buckets (`starts`), ordering nothing yet; false (nothing done) where the keys cannot be spread.
   * Monotone in the key (a subtraction, then a product by a positive number, each rounded, and a
   * floor never put a greater key before a smaller): equal keys share a bucket, a key in a higher
   * bucket is greater, so a key has `count − starts[b + 1]` greater keys and up to `starts[b + 1] − starts[b] − 1` more.
   */
  spread(keys: Float64Array, count: number, min: number, max: number): boolean {
    const { bucketOf, starts } = this;
    const buckets = bucketCount(count);
    const scale = (buckets - 1) / (max - min);
    if (!(count > 0 && Number.isFinite(min) && Number.isFinite(max) && scale > 0 && scale < Infinity)) return false;
    starts.fill(0, 0, buckets + 1);
    for (let i = 0; i < count; i++) {
      const b = Math.floor((keys[i] - min) * scale);
      bucketOf[i] = b;
      starts[b + 1]++;
    }
    // The running total kept in a register, not read back from the entry just written: each step then
    // waits on an addition, not on a store and a load.
    let below = 0;
    for (let b = 1; b <= buckets; b++) {
      below += starts[b];
      starts[b] = below;
    }
    return true;
  }

  /** The positions of spread keys in ascending order (as `sort`). */
  orderSpread(keys: Float64Array, count: number): Int32Array {
    const order = this.scatter(count);
    const { starts } = this;
    // Each bucket in order among itself: [end of the bucket before, end of this one).
    const buckets = bucketCount(count);
    let from = 0;
    for (let b = 0; b < buckets; b++) {
      const to = starts[b];
      if (to - from > 1) sortByKey(order, from, to, keys);
      from = to;
    }
    return order;
  }

  /**
   * The positions of spread keys by bucket, in no order within one (as a view the next call overwrites):
   * afterwards `starts[b]` is where bucket b ends, so it holds the positions from `starts[b − 1]` (0 for the first) up to there.
   */
  scatter(count: number): Int32Array {
    const { order, bucketOf, starts } = this;
    // `starts[b]` walks through bucket b; afterwards it is where bucket b + 1 starts.
    for (let i = 0; i < count; i++) order[starts[bucketOf[i]]++] = i;
    return order;
  }
}

/** About one bucket per key, a power of two (at least 16). */
function bucketCount(keys: number): number {
  let b = 16;
  while (b < keys) b *= 2;
  return b;
}

/** Keys that share a bucket are few (an insertion sort); a crowded one (keys clustered far from an outlier) is sorted by comparison. */
function sortByKey(order: Int32Array, from: number, to: number, keys: Float64Array): void {
  if (to - from > INSERTION_LIMIT) {
    order.subarray(from, to).sort((p, q) => keys[p] - keys[q]);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const p = order[i];
    const k = keys[p];
    let j = i - 1;
    while (j >= from && keys[order[j]] > k) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = p;
  }
}

const INSERTION_LIMIT = 24;
