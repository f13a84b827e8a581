/** A1 ranges as rectangles (0-based, inclusive), for merges and data-validation bookkeeping. */
import { addressOf, parseAddress } from "../grid";

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** "B3" or "A1:I1" (either corner order) → a rectangle; undefined for anything else ("E:E", "1:3"). */
export function parseRange(range: string): Rect | undefined {
  const [a, b, ...rest] = range.trim().split(":");
  if (rest.length > 0) return undefined;
  const p = parseAddress(a);
  const q = b === undefined ? p : parseAddress(b);
  if (!p || !q) return undefined;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rectText(r: Rect): string {
  const tl = addressOf(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${addressOf(r.bottom, r.right)}`;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.top && row <= outer.bottom && col >= outer.left && col <= outer.right;
}

/** Every cell of a rectangle, row by row. */
export function* cellsOf(r: Rect): Generator<{ row: number; col: number }> {
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) yield { row, col };
  }
}
