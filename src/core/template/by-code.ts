import { keepShape } from "../keep-shape";
import { float64s, uint8s } from "../typed-slab";
import type { LoadedTemplate } from "./load";

/**
 * Per-district facts keyed by indicator code, held as one typed array in the template's order instead
 * of a Map or Set each: a consolidation keeps five of them for every district (its figures, last
 * year's, which are approximate, blank, how a rate was obtained), ~10 KB a district as hash tables and
 * ~1 KB as arrays. They read as the ReadonlyMap or ReadonlySet they replace, iterating in template order;
 * codes the template does not have are never held.
 */

/** A template's codes in order and each one's index: built once per template and shared by every district. */
interface Codes {
  readonly index: ReadonlyMap<string, number>;
  readonly codes: readonly string[];
}

const built = new WeakMap<LoadedTemplate, Codes>();

function codesOf(t: LoadedTemplate): Codes {
  let c = built.get(t);
  if (!c) {
    const codes = t.template.indicators.map((ind) => ind.code);
    c = { codes, index: new Map(codes.map((code, i) => [code, i])) };
    built.set(t, c);
  }
  return c;
}

/** Each code of the template → its index in the template's indicators. */
export function codeIndex(t: LoadedTemplate): ReadonlyMap<string, number> {
  return codesOf(t).index;
}

/** What the three kinds share: the codes in template order and which of them are held. */
abstract class ByCode {
  protected readonly index: ReadonlyMap<string, number>;
  protected readonly codes: readonly string[];
  protected held = 0;

  constructor(template: LoadedTemplate) {
    ({ index: this.index, codes: this.codes } = codesOf(template));
  }

  get size(): number {
    return this.held;
  }

  protected abstract heldAt(i: number): boolean;

  has(code: string): boolean {
    const i = this.index.get(code);
    return i !== undefined && this.heldAt(i);
  }

  protected heldCodes(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.codes.length; i++) if (this.heldAt(i)) out.push(this.codes[i]);
    return out;
  }
}

/** A map by code: what reading it means, given each kind's `get`. */
abstract class MapByCode<V> extends ByCode implements ReadonlyMap<string, V> {
  abstract get(code: string): V | undefined;

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const code of this.heldCodes()) callback.call(thisArg, this.get(code)!, code, this);
  }

  keys(): MapIterator<string> {
    return this.heldCodes().values();
  }

  values(): MapIterator<V> {
    return this.heldCodes()
      .map((code) => this.get(code)!)
      .values();
  }

  entries(): MapIterator<[string, V]> {
    return this.heldCodes()
      .map((code): [string, V] => [code, this.get(code)!])
      .values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/** Finite numbers by code (NaN marks a code not held: a figure is never NaN). */
export class FiguresByCode extends MapByCode<number> {
  private readonly numbers: Float64Array;

  constructor(template: LoadedTemplate) {
    super(template);
    this.numbers = float64s(this.codes.length).fill(NaN);
    keepShape(FiguresByCode, () => new FiguresByCode(template));
  }

  protected heldAt(i: number): boolean {
    return !Number.isNaN(this.numbers[i]);
  }

  /**
   * Each code's figure (NaN where none) in the order of `template`'s indicators, as held — to read, not
   * to change; undefined where this map was made for another template. A consolidation copies every
   * district's figures into its columns from these, without a lookup per figure.
   */
  figuresIn(template: LoadedTemplate): ArrayLike<number> | undefined {
    return this.codes === codesOf(template).codes ? this.numbers : undefined;
  }

  /** In template order, without listing the codes first: a consolidation reads every district's figures this way. */
  override forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.codes.length; i++) {
      const v = this.numbers[i];
      if (!Number.isNaN(v)) callback.call(thisArg, v, this.codes[i], this);
    }
  }

  override get(code: string): number | undefined {
    const i = this.index.get(code);
    if (i === undefined) return undefined;
    const v = this.numbers[i];
    return Number.isNaN(v) ? undefined : v;
  }

  set(code: string, value: number): this {
    const i = this.index.get(code);
    if (i !== undefined) this.setAt(i, value);
    return this;
  }

  /** By the code's index in the template (`codeIndex`): a district's figures are made indicator by indicator in that order. */
  getAt(i: number): number | undefined {
    const v = this.numbers[i];
    return Number.isNaN(v) ? undefined : v;
  }

  setAt(i: number, value: number): void {
    if (Number.isNaN(value)) return;
    if (!this.heldAt(i)) this.held++;
    this.numbers[i] = value;
  }
}

/** A set of codes. */
export class CodeSet extends ByCode implements ReadonlySet<string> {
  private readonly flags: Uint8Array;

  constructor(template: LoadedTemplate) {
    super(template);
    this.flags = uint8s(this.codes.length);
    keepShape(CodeSet, () => new CodeSet(template));
  }

  protected heldAt(i: number): boolean {
    return this.flags[i] === 1;
  }

  add(code: string): this {
    const i = this.index.get(code);
    if (i !== undefined) this.addAt(i);
    return this;
  }

  delete(code: string): boolean {
    const i = this.index.get(code);
    return i !== undefined && this.deleteAt(i);
  }

  /** By the code's index in the template (`codeIndex`). */
  addAt(i: number): void {
    if (this.flags[i] === 1) return;
    this.flags[i] = 1;
    this.held++;
  }

  deleteAt(i: number): boolean {
    if (this.flags[i] === 0) return false;
    this.flags[i] = 0;
    this.held--;
    return true;
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const code of this.heldCodes()) callback.call(thisArg, code, code, this);
  }

  keys(): SetIterator<string> {
    return this.heldCodes().values();
  }

  values(): SetIterator<string> {
    return this.keys();
  }

  entries(): SetIterator<[string, string]> {
    return this.heldCodes()
      .map((code): [string, string] => [code, code])
      .values();
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.keys();
  }
}

/** One of a few labels by code (how each rate was obtained). */
export class LabelsByCode<L extends string> extends MapByCode<L> {
  /** 0: not held; i + 1: labels[i]. */
  private readonly picks: Uint8Array;

  constructor(
    template: LoadedTemplate,
    private readonly labels: readonly L[],
  ) {
    super(template);
    this.picks = uint8s(this.codes.length);
    keepShape(LabelsByCode, () => new LabelsByCode(template, labels));
  }

  protected heldAt(i: number): boolean {
    return this.picks[i] !== 0;
  }

  override get(code: string): L | undefined {
    const i = this.index.get(code);
    return i === undefined || this.picks[i] === 0 ? undefined : this.labels[this.picks[i] - 1];
  }

  set(code: string, label: L): this {
    const i = this.index.get(code);
    if (i !== undefined) this.setAt(i, label);
    return this;
  }

  /** By the code's index in the template (`codeIndex`). */
  setAt(i: number, label: L): void {
    const pick = this.labels.indexOf(label) + 1;
    if (pick === 0) return;
    if (this.picks[i] === 0) this.held++;
    this.picks[i] = pick;
  }
}

/**
 * One row of a matrix whose columns are some of the template's codes, read as a map by code (NaN in the
 * matrix: not held). The composite index normalises every district's figures into one matrix; its
 * rows as hash maps were 10,000 maps built and kept for a province's run.
 */
export class MatrixRowByCode extends MapByCode<number> {
  /**
   * @param columnOf per template index, the code's column in the matrix, −1 for a code not in it
   * @param offset where the row starts in `matrix`
   */
  constructor(
    template: LoadedTemplate,
    private readonly matrix: Float64Array,
    private readonly offset: number,
    private readonly columnOf: Int32Array,
  ) {
    super(template);
    for (let i = 0; i < columnOf.length; i++) if (this.heldAt(i)) this.held++;
    // Kept small: an exemplar of the whole matrix would hold every district's scores.
    keepShape(MatrixRowByCode, () => new MatrixRowByCode(template, new Float64Array(0), 0, new Int32Array(0)));
  }

  protected heldAt(i: number): boolean {
    const j = this.columnOf[i];
    return j >= 0 && !Number.isNaN(this.matrix[this.offset + j]);
  }

  override get(code: string): number | undefined {
    const i = this.index.get(code);
    const j = i === undefined ? -1 : this.columnOf[i];
    if (j < 0) return undefined;
    const v = this.matrix[this.offset + j];
    return Number.isNaN(v) ? undefined : v;
  }
}
