/**
 * The Office.js adapter's writes as queued operations with an estimated size, sent in as few requests
 * as Excel on the web allows (it rejects a request over 5 MB).
 */

/** What each queued call costs besides its data, in the estimate. */
export const OP_OVERHEAD_BYTES = 200;

export interface Op {
  readonly bytes: number;
  run(): void;
}

/** Split ops into requests of at most `limit` estimated bytes (an op larger than the limit goes alone). */
export function chunkOps<T extends { bytes: number }>(ops: readonly T[], limit: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const op of ops) {
    if (current.length > 0 && bytes + op.bytes > limit) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += op.bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export type OpFn = (list: Op[], bytes: number, run: () => void) => void;

export type SheetFn = (name: string) => Excel.Worksheet;
