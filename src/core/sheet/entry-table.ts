import type { CellRef } from "../brand";
import { addressOf, type CellValue } from "../grid";
import { codeIndex } from "../template/by-code";
import { isOwnCheckText } from "./check-column";
import { keepShape } from "../keep-shape";
import type { LoadedTemplate } from "../template/load";
import type { Indicator, IndicatorKind } from "../template/schema";
import { formatKind, type FormatKind } from "../values/format";
import { WRITTEN_OUT, parseCellValue, plainNumberDecimals, plainNumberResolution, quickDecimals } from "../values/parse";
import type { ParseFailure, ParsedCell, ReportedCell } from "../values/types";
import type { IndicatorEntry } from "./read-template";

/**
 * A sheet's indicator rows as read, held as columns: a row and whether its check cell is Huishen's to
 * write, and per input cell (this and last year) a status byte, decimals, value and resolution in typed
 * arrays, text only where it cannot be told from the number. A run keeps every district's reading to the end (the checks, the flags, the consolidation
 * and the review all read it); as one object per entry and two per cell with their references, that was
 * ~40 KB a sheet, 400 MiB at 10,000 districts, most of the heap a run keeps and what its garbage
 * collector copied again and again. As columns it is ~4 KB.
 *
 * It is read as the `ReadonlyMap<code, IndicatorEntry>` it replaces: an entry and its cells are built
 * when asked for, equal field by field to what was kept before, and let go by the caller.
 */
export class EntryTable implements ReadonlyMap<string, IndicatorEntry> {
  /** Template order → position of the entry + 1 (0: no row on the sheet); positions follow the sheet's rows. */
  private readonly positionOfIndex: Int32Array;
  /** Per position: the indicator's index in the template, and the 0-based row it was read from. */
  private readonly indicatorIndex: Int32Array;
  private readonly rows: Int32Array;
  /** Per input cell (position × 2 + 0 this year, 1 last year): its status and marks (the bits below the class). */
  private readonly bits: Uint8Array;
  /** Per position: 1 where the row's check cell is blank or holds Huishen's verdict (`isOwnCheckText`), 0 where a person wrote there. */
  private readonly checkOwn: Uint8Array;
  /** Decimals as written: 1e-300 has 300, so two bytes. `UNCOUNTED` until asked for where counting them writes the number out. */
  private readonly decimals: Uint16Array;
  /** Per input cell: value, resolution. */
  private readonly numbers: Float64Array;
  /**
   * Raw text where it is neither "" nor the number as JS prints it; why a cell is unreadable. Rare, so
   * sparse, made on first use — but present from the start, so every table keeps one shape (keep-shape.ts).
   */
  private texts: string[] | undefined = undefined;
  private reasons: ParseFailure[] | undefined = undefined;
  private remarks: string[] | undefined = undefined;
  private count = 0;
  private readonly index: ReadonlyMap<string, number>;

  constructor(
    private readonly template: LoadedTemplate,
    private readonly sheet: string,
    private readonly thisYearCol: number,
    private readonly lastYearCol: number,
  ) {
    const k = template.template.indicators.length;
    this.index = codeIndex(template);
    // One buffer per sheet, widest columns first so each starts aligned: numbers, ints, decimals, bytes.
    const buffer = new ArrayBuffer(k * (4 * 8 + 3 * 4 + 2 * 2 + 2 + 1));
    this.numbers = new Float64Array(buffer, 0, 4 * k);
    this.positionOfIndex = new Int32Array(buffer, 32 * k, k);
    this.indicatorIndex = new Int32Array(buffer, 36 * k, k);
    this.rows = new Int32Array(buffer, 40 * k, k);
    this.decimals = new Uint16Array(buffer, 44 * k, 2 * k);
    this.bits = new Uint8Array(buffer, 48 * k, 2 * k);
    this.checkOwn = new Uint8Array(buffer, 50 * k, k);
    keepShape(EntryTable, () => new EntryTable(template, sheet, thisYearCol, lastYearCol));
  }

  /**
   * Records an indicator's row: both input cells read as `parseCellValue` reads them, from the values
   * and number formats given, its remark and what its check cell holds. The first row of a code wins.
   */
  add(
    indicator: Indicator,
    row: number,
    thisYear: CellValue,
    thisYearFormat: string | undefined,
    lastYear: CellValue,
    lastYearFormat: string | undefined,
    remark: string,
    checkCell: CellValue,
  ): void {
    const index = this.index.get(indicator.code);
    if (index === undefined || this.positionOfIndex[index] !== 0) return;
    const p = this.count++;
    this.positionOfIndex[index] = p + 1;
    this.indicatorIndex[p] = index;
    this.rows[p] = row;
    this.read(2 * p, indicator.kind, thisYear, thisYearFormat);
    this.read(2 * p + 1, indicator.kind, lastYear, lastYearFormat);
    if (remark !== "") (this.remarks ??= [])[p] = remark;
    this.checkOwn[p] = isOwnCheckText(checkCell) ? 1 : 0;
  }

  private read(slot: number, kind: IndicatorKind, source: CellValue, numberFormat: string | undefined): void {
    // Most cells (whole counts, rates as fractions, in percent or not): stored as the figure they are, without building the parsed cell.
    const shows = formatKind(numberFormat);
    const decimals = quickDecimals(source, kind, shows);
    if (decimals >= 0) {
      this.numbers[2 * slot] = source === 0 ? 0 : (source as number); // no -0, as the parser gives
      this.numbers[2 * slot + 1] = plainNumberResolution(decimals, kind, shows);
      this.decimals[slot] = decimals;
      this.bits[slot] = VALUE | RAW_IS_VALUE;
      return;
    }
    if (decimals === WRITTEN_OUT) {
      // A formula's result (last year's rates, often): its decimals and resolution are counted if a check asks (`counted`).
      this.numbers[2 * slot] = source as number;
      this.decimals[slot] = UNCOUNTED;
      this.bits[slot] = VALUE | RAW_IS_VALUE | (shows.percent ? SHOWN_PERCENT : 0);
      return;
    }
    this.put(slot, parseCellValue(source, kind, numberFormat), source);
  }

  private put(slot: number, p: ParsedCell, source: unknown): void {
    let bits: number;
    if (p.status === "value") {
      bits = VALUE | (p.approximate ? APPROXIMATE : 0) | (p.percentPoints ? PERCENT_POINTS : 0) | (p.invisible ? INVISIBLE : 0);
      this.numbers[2 * slot] = p.value;
      this.numbers[2 * slot + 1] = p.resolution;
      this.decimals[slot] = p.decimals;
    } else {
      bits = p.status === "blank" ? BLANK : INVALID;
      if (p.status === "invalid") (this.reasons ??= [])[slot] = p.reason;
    }
    // The parser's raw text of a number is String(number); a plain count keeps its value, so its text is the value's.
    if (p.raw === "") bits |= RAW_EMPTY;
    else if (p.status === "value" && typeof source === "number" && p.value === source) bits |= RAW_IS_VALUE;
    else (this.texts ??= [])[slot] = p.raw;
    this.bits[slot] = bits;
  }

  get size(): number {
    return this.count;
  }

  has(code: string): boolean {
    return this.positionOf(code) >= 0;
  }

  get(code: string): IndicatorEntry | undefined {
    const p = this.positionOf(code);
    return p < 0 ? undefined : this.entryAt(p);
  }

  /**
   * The columns themselves, for the checks and the consolidation that visit every cell of every
   * district: a position (0 … size − 1, in the sheet's row order) or a code, and a year, name a slot;
   * its status, value and marks are read without building a cell. A cell is built (`cellAt`) only where
   * a finding needs it.
   */
  positionOf(code: string): number {
    const index = this.index.get(code);
    return index === undefined ? -1 : this.positionOfIndex[index] - 1;
  }

  /** The slot of a code's cell in that year's column, −1 where the code has no row. */
  slotOf(code: string, year: Year): number {
    const p = this.positionOf(code);
    return p < 0 ? -1 : 2 * p + year;
  }

  /** The slot of the cell of the template's `index`-th indicator (`codeIndex`), −1 where it has no row. */
  slotAtIndex(index: number, year: Year): number {
    const p = this.positionOfIndex[index] - 1;
    return p < 0 ? -1 : 2 * p + year;
  }

  indicatorAt(p: number): Indicator {
    return this.template.template.indicators[this.indicatorIndex[p]];
  }

  rowAt(p: number): number {
    return this.rows[p];
  }

  /** Whether Huishen may write the check cell of the row at a position: blank, or its own verdict. */
  checkCellIsOwnAt(p: number): boolean {
    return this.checkOwn[p] === 1;
  }

  /** What the slot holds; "none" for −1 (no row). */
  statusAt(slot: number): CellStatus {
    return slot < 0 ? "none" : STATUS_NAMES[this.bits[slot] & STATUS];
  }

  /** The figure of a slot whose status is "value". */
  valueAt(slot: number): number {
    return this.numbers[2 * slot];
  }

  approximateAt(slot: number): boolean {
    return (this.bits[slot] & APPROXIMATE) !== 0;
  }

  /** A slot's figure where it holds one (status "value"), else undefined. */
  figureAt(slot: number): number | undefined {
    return slot >= 0 && (this.bits[slot] & STATUS) === VALUE ? this.numbers[2 * slot] : undefined;
  }

  /** One unit of the last written digit of a slot whose status is "value". */
  resolutionAt(slot: number): number {
    this.counted(slot);
    return this.numbers[2 * slot + 1];
  }

  /** Counts the decimals (and so the resolution) of a slot whose reading left them `UNCOUNTED`, as `plainNumberDecimals` counts them. */
  private counted(slot: number): void {
    if (this.decimals[slot] !== UNCOUNTED) return;
    const kind = this.indicatorAt(slot >> 1).kind;
    const shows = this.bits[slot] & SHOWN_PERCENT ? SHOWS_PERCENT : SHOWS_PLAIN;
    const decimals = plainNumberDecimals(this.numbers[2 * slot], kind, shows);
    this.decimals[slot] = decimals;
    this.numbers[2 * slot + 1] = plainNumberResolution(decimals, kind, shows);
  }

  /** Any of the marks a value check reports: approximate, percentage points, invisible characters. */
  markedAt(slot: number): boolean {
    return (this.bits[slot] & (APPROXIMATE | PERCENT_POINTS | INVISIBLE)) !== 0;
  }

  /** Where a slot's cell is on the sheet; undefined for −1. */
  refAt(slot: number): CellRef | undefined {
    if (slot < 0) return undefined;
    return { sheet: this.sheet, address: addressOf(this.rows[slot >> 1], slot & 1 ? this.lastYearCol : this.thisYearCol) };
  }

  /** What was typed in a slot's cell, as the parser gave it. */
  rawAt(slot: number): string {
    const bits = this.bits[slot];
    if (bits & RAW_EMPTY) return "";
    if (bits & RAW_IS_VALUE) return String(this.numbers[2 * slot]);
    return this.texts![slot];
  }

  /** The cell of a slot, as the parser gave it, with its reference; undefined for −1. */
  cellAt(slot: number): ReportedCell | undefined {
    if (slot < 0) return undefined;
    const p = slot >> 1;
    return this.build(slot, this.rows[p], slot & 1 ? this.lastYearCol : this.thisYearCol);
  }

  forEach(callback: (value: IndicatorEntry, key: string, map: ReadonlyMap<string, IndicatorEntry>) => void, thisArg?: unknown): void {
    for (let p = 0; p < this.count; p++) {
      const e = this.entryAt(p);
      callback.call(thisArg, e, e.indicator.code, this);
    }
  }

  values(): MapIterator<IndicatorEntry> {
    return this.all().values();
  }

  keys(): MapIterator<string> {
    return this.all()
      .map((e) => e.indicator.code)
      .values();
  }

  entries(): MapIterator<[string, IndicatorEntry]> {
    return this.all()
      .map((e): [string, IndicatorEntry] => [e.indicator.code, e])
      .values();
  }

  [Symbol.iterator](): MapIterator<[string, IndicatorEntry]> {
    return this.entries();
  }

  private all(): IndicatorEntry[] {
    const out: IndicatorEntry[] = new Array(this.count);
    for (let p = 0; p < this.count; p++) out[p] = this.entryAt(p);
    return out;
  }

  private entryAt(p: number): IndicatorEntry {
    const row = this.rows[p];
    return {
      indicator: this.indicatorAt(p),
      row,
      thisYear: this.build(2 * p, row, this.thisYearCol),
      lastYear: this.build(2 * p + 1, row, this.lastYearCol),
      remark: this.remarks?.[p] ?? "",
    };
  }

  /** The cell as the parser gave it, with its reference: the same fields in the same order, the two rare marks only where set. */
  private build(slot: number, row: number, col: number): ReportedCell {
    const bits = this.bits[slot];
    const cell = { sheet: this.sheet, address: addressOf(row, col) };
    const status = bits & STATUS;
    if (status === BLANK) return { status: "blank", raw: this.rawAt(slot), cell };
    if (status === INVALID) return { status: "invalid", raw: this.rawAt(slot), reason: this.reasons![slot], cell };
    const value = this.numbers[2 * slot];
    const raw = this.rawAt(slot);
    const approximate = (bits & APPROXIMATE) !== 0;
    this.counted(slot);
    const decimals = this.decimals[slot];
    const resolution = this.numbers[2 * slot + 1];
    if (bits & (PERCENT_POINTS | INVISIBLE)) {
      const percentPoints = (bits & PERCENT_POINTS) !== 0 ? true : undefined;
      const invisible = (bits & INVISIBLE) !== 0 ? true : undefined;
      return { status: "value", value, raw, approximate, decimals, resolution, percentPoints, invisible, cell };
    }
    return { status: "value", value, raw, approximate, decimals, resolution, cell };
  }

}

/** A slot's year: this year's column or last year's. */
export const THIS_YEAR = 0;
export const LAST_YEAR = 1;
export type Year = typeof THIS_YEAR | typeof LAST_YEAR;

export type CellStatus = "none" | ParsedCell["status"];

const STATUS = 3;
const BLANK = 1;
const VALUE = 2;
const INVALID = 3;
const APPROXIMATE = 4;
const PERCENT_POINTS = 8;
const INVISIBLE = 16;
const RAW_EMPTY = 32;
const RAW_IS_VALUE = 64;
/** A number kept `UNCOUNTED` was shown in percent (its decimals are counted as shown). */
const SHOWN_PERCENT = 128;
/** Decimals not counted yet (no cell has 65,535). */
const UNCOUNTED = 0xffff;
/** What an `UNCOUNTED` number's format showed: a percentage or not (never a date: a date is not a plain number). */
const SHOWS_PLAIN: FormatKind = { percent: false, date: false };
const SHOWS_PERCENT: FormatKind = { percent: true, date: false };
const STATUS_NAMES: readonly CellStatus[] = ["none", "blank", "value", "invalid"];
