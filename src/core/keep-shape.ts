/**
 * One object of each class a run makes by the thousand, kept for the life of the module.
 *
 * Why: V8 gives the objects a constructor makes a shape (hidden class) reached by adding their fields
 * one by one, and the steps from one shape to the next are weak links. When a collection finds no
 * object of that shape alive — every run lets all its sheet readings and district figures go at its
 * end — it frees the shape and throws away the optimised code made for it ("weak objects" in
 * `node --trace-deopt`). The next run then read and checked its first few hundred sheets in
 * unoptimised code: `npm run bench`'s whole run over 1,031 districts, repeated in one process, took
 * ~500 ms a run once the previous run's results had been collected and ~310 while they were still
 * held. An exemplar of each class keeps its shape, and the code made for it, alive: now a run takes
 * as long either way.
 *
 * The exemplar must have the shape every instance has: a class that keeps one fills all its fields in
 * its constructor (none added later, as `this.x ??= …` would) — `keep-shape.test.ts` holds them to it.
 */
const exemplars = new Map<object, object | undefined>();

/**
 * Keeps `make()` — a new, small object of the class `key` — alive for good, once per class. Called by
 * the class's own constructor: `make` may construct the class again, which then finds it kept.
 */
export function keepShape(key: object, make: () => object): void {
  if (exemplars.has(key)) return;
  exemplars.set(key, undefined);
  exemplars.set(key, make());
}

/** The exemplar kept for a class, if one is (for tests). */
export function keptExemplar(key: object): object | undefined {
  return exemplars.get(key);
}
