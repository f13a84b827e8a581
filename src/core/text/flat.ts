/**
 * The same string, held as one piece. V8 keeps a string made by joining others (`${a}${b}`, a + b)
 * as a tree of its pieces until something reads it character by character; a plan for 10,000
 * districts kept millions of such trees, each piece an object the collector traces again on every
 * full collection. Reading its first character makes V8 copy it into one piece and let the tree go.
 * For strings a plan or an analysis keeps: formulas, notes, messages. (One join of a short head to a
 * string kept anyway — a flag note's head and its finding's message — stays a join: one small object
 * instead of a second copy of the message.)
 */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}
