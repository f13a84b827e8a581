import { cellText, type SheetSnapshot } from "../grid";
import type { CellColumn, CellWrite, SheetPlan } from "../plan/write-plan";
import { keepShape } from "../keep-shape";

/**
 * What Huishen flagged, kept in a very hidden sheet of the workbook: which cells it filled, the fill
 * each had before (so clearing restores a person's own colour), and whether it wrote the note.
 * It survives saving, Excel on the web and the .xlsx adapter, and no server is involved.
 */
export const FLAG_SHEET = "汇审标记";
const HEADER = ["工作表 Sheet", "单元格 Cell", "原填充 Fill before", "汇审批注 Note by Huishen"];

export interface FlagRecord {
  readonly sheet: string;
  readonly address: string;
  /** #RRGGBB before Huishen flagged the cell; null for no fill. */
  readonly fill: string | null;
  readonly note: boolean;
}

export function readFlagState(snapshots: readonly SheetSnapshot[]): FlagRecord[] {
  const s = snapshots.find((x) => x.name === FLAG_SHEET);
  if (!s) return [];
  return s.values.slice(1).flatMap((row) => {
    const sheet = cellText(row[0] ?? "");
    const address = cellText(row[1] ?? "");
    if (!sheet || !address) return [];
    const fill = cellText(row[2] ?? "");
    return [{ sheet, address, fill: /^#[0-9A-Fa-f]{6}$/.test(fill) ? fill.toUpperCase() : null, note: cellText(row[3] ?? "") === "1" }];
  });
}

/**
 * The state sheet's rows as its columns A–D are written (sheet, cell, fill before or "", "1" where Huishen
 * wrote the note): a flag plan adds each flagged cell here and the state sheet writes these very arrays.
 * A record object per cell, copied into the columns at the end, cost an object and a copy per flagged
 * cell (a flag plan over 1,031 districts: ~21 → ~19 ms).
 *
 * The columns are made at the size the caller expects (`capacity`, an upper bound) and cut to what was
 * added when taken (`columns`): 10,000 districts flag ~140,000 cells, and four arrays grown to that by
 * `push` were copied into fresh memory at every step of their growth (a flag plan over 10,000 districts:
 * ~354 → ~304 ms).
 */
export class FlagRows {
  private readonly sheets: string[];
  private readonly addresses: string[];
  private readonly fills: string[];
  private readonly notes: string[];
  private count = 0;

  constructor(records: readonly FlagRecord[] = [], capacity = 0) {
    const size = records.length + capacity;
    this.sheets = new Array<string>(size);
    this.addresses = new Array<string>(size);
    this.fills = new Array<string>(size);
    this.notes = new Array<string>(size);
    for (const r of records) this.add(r.sheet, r.address, r.fill, r.note);
    // A flag plan makes one and lets it go: kept, its shape and the code made for it stay (keep-shape.ts).
    keepShape(FlagRows, () => new FlagRows());
  }

  /** Adds a row; past the capacity the columns grow as by `push`. */
  add(sheet: string, address: string, fill: string | null, note: boolean): void {
    const i = this.count++;
    this.sheets[i] = sheet;
    this.addresses[i] = address;
    this.fills[i] = fill ?? "";
    this.notes[i] = note ? "1" : "";
  }

  get length(): number {
    return this.count;
  }

  /** Columns A–D, cut to the rows added; the caller takes them over. */
  columns(): [string[], string[], string[], string[]] {
    const all = [this.sheets, this.addresses, this.fills, this.notes] as [string[], string[], string[], string[]];
    for (const c of all) c.length = this.count;
    return all;
  }
}

/** Rewrite the state sheet with `rows` (whose columns it takes over), blanking rows an earlier, longer state used. */
export function flagStatePlan(rows: FlagRows, snapshots: readonly SheetSnapshot[]): SheetPlan | undefined {
  const existing = snapshots.find((x) => x.name === FLAG_SHEET);
  if (!existing && rows.length === 0) return undefined;
  const cells: CellWrite[] = HEADER.map((value, c) => ({ address: `${"ABCD"[c]}1`, value, style: { bold: true } }));
  // The rows from row 2, then "" down to the last row an earlier, longer state used.
  const blanks = Math.max(0, (existing ? existing.values.length : 0) - 1 - rows.length);
  const column = (col: string, values: string[]): CellColumn => {
    for (let i = 0; i < blanks; i++) values.push("");
    return { top: `${col}2`, values };
  };
  const cellColumns = rows.columns().map((values, c) => column("ABCD"[c], values));
  return existing ? { name: FLAG_SHEET, mode: "update", cells, cellColumns } : { name: FLAG_SHEET, mode: "create", visibility: "veryHidden", cells, cellColumns };
}
