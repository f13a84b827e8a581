import { cellText, type SheetSnapshot } from "../grid";
import type { CellColumn, CellWrite, SheetPlan } from "../plan/write-plan";

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

/** Rewrite the state sheet with `records`, blanking rows an earlier, longer state used. */
export function flagStatePlan(records: readonly FlagRecord[], snapshots: readonly SheetSnapshot[]): SheetPlan | undefined {
  const existing = snapshots.find((x) => x.name === FLAG_SHEET);
  if (!existing && records.length === 0) return undefined;
  const cells: CellWrite[] = HEADER.map((value, c) => ({ address: `${"ABCD"[c]}1`, value, style: { bold: true } }));
  // The records from row 2, then "" down to the last row an earlier, longer state used.
  const blanks = Math.max(0, (existing ? existing.values.length : 0) - 1 - records.length);
  // Made at their length and filled in place: a spread of the mapped records was two more copies of 137,000 entries at 10,000 districts.
  const column = (col: string, value: (r: FlagRecord) => string): CellColumn => {
    const values = Array<string>(records.length + blanks).fill("");
    for (let i = 0; i < records.length; i++) values[i] = value(records[i]);
    return { top: `${col}2`, values };
  };
  const cellColumns = [column("A", (r) => r.sheet), column("B", (r) => r.address), column("C", (r) => r.fill ?? ""), column("D", (r) => (r.note ? "1" : ""))];
  return existing ? { name: FLAG_SHEET, mode: "update", cells, cellColumns } : { name: FLAG_SHEET, mode: "create", visibility: "veryHidden", cells, cellColumns };
}
