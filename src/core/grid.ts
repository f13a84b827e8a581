import { asAddress, CellAddress } from "./brand";

/**
 * A cell's value as adapters hand it to the core: what Excel's `Range.values` gives
 * (numbers, strings, booleans; "" for blank), plus null for a cell ExcelJS never saw.
 * Dates are passed as JS Date by the .xlsx adapter; Excel error values as strings like "#DIV/0!".
 */
export type CellValue = string | number | boolean | Date | null;

/** A sheet read by an adapter in one round trip. Rows and columns are 0-based here. */
export interface SheetSnapshot {
  readonly name: string;
  readonly values: readonly (readonly CellValue[])[];
  /** Formulas as typed ("=E5/E4"); "" or the value where the cell has none. Optional. */
  readonly formulas?: readonly (readonly CellValue[])[];
  /** Excel number formats ("0.00%", "General"). Optional. */
  readonly numberFormats?: readonly (readonly string[])[];
  /** Rows hidden by a person: kept so readers can say a hidden row was read. Optional. */
  readonly hiddenRows?: readonly number[];
  /** Solid fill of each cell (#RRGGBB, null for none), where the adapter read them: flags restore these. Optional. */
  readonly fills?: readonly (readonly (string | null)[])[];
  /** Notes on cells by A1 address, where the host can read them: a person's own note is never replaced. Optional. */
  readonly notes?: Readonly<Record<string, string>>;
  /** Merged ranges (A1:B2). Optional: where present, a merge over input cells is a finding. */
  readonly merges?: readonly string[];
  /** Formula cells saved without a result (A1 addresses): their value is unknown, not blank. Optional. */
  readonly uncachedFormulas?: readonly string[];
}

const LETTERS: string[] = [];

/** 0-based column index → letters: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  if (index < 256) return (LETTERS[index] ??= lettersOf(index));
  return lettersOf(index);
}

function lettersOf(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 0-based column index: A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Addresses of the cells every template sheet has, made once and shared: a run over 10,000 district
 * sheets names "E11" on each of them (its findings, flags and readings), and one string serves all.
 */
const SHARED_ROWS = 512;
const SHARED_COLS = 32;
const sharedAddresses = new Array<CellAddress | undefined>(SHARED_ROWS * SHARED_COLS);

/** 0-based row and column → A1 address. */
export function addressOf(row: number, col: number): CellAddress {
  if (row >= 0 && row < SHARED_ROWS && col >= 0 && col < SHARED_COLS) {
    const at = row * SHARED_COLS + col;
    return (sharedAddresses[at] ??= asAddress(`${columnLetters(col)}${row + 1}`));
  }
  return asAddress(`${columnLetters(col)}${row + 1}`);
}

/** Addresses parsed before: a plan names the same few thousand cells again and again (its checks, its adapters). */
const PARSED = new Map<string, Readonly<{ row: number; col: number }> | undefined>();

/** A1 address → 0-based row and column (shared, frozen); undefined for anything that is not a single cell. */
export function parseAddress(address: string): Readonly<{ row: number; col: number }> | undefined {
  let p = PARSED.get(address);
  if (p !== undefined || PARSED.has(address)) return p;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  p = m ? Object.freeze({ row: Number(m[2]) - 1, col: columnIndex(m[1]) }) : undefined;
  if (PARSED.size >= 100_000) PARSED.clear();
  PARSED.set(address, p);
  return p;
}

export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = sheet.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function numberFormatAt(sheet: SheetSnapshot, row: number, col: number): string | undefined {
  return sheet.numberFormats?.[row]?.[col];
}

/** Text of a cell as a person would read it in a label (trimmed), "" for blank. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  return String(v).trim();
}
