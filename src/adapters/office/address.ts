/** A1 addresses as Office.js returns them ("'荣昌区 2024'!$C$5") and as the adapter builds them. */
import { addressOf, columnLetters } from "../../core/grid";

export { parseRange, rectText, type Rect } from "../../core/plan/range";

/** "'My Sheet'!$C$5:$D$6" → { sheet: "My Sheet", address: "C5:D6" }; sheet "" when absent. */
export function splitSheetAddress(full: string): { sheet: string; address: string } {
  const bang = full.lastIndexOf("!");
  const rawSheet = bang < 0 ? "" : full.slice(0, bang);
  const address = (bang < 0 ? full : full.slice(bang + 1)).replace(/\$/g, "");
  const sheet = /^'.*'$/.test(rawSheet) ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  return { sheet, address };
}

/** Excel names compare without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** "A:A" for 0-based column 0 — the whole column, for widths and hiding. */
export function columnRange(index: number): string {
  const l = columnLetters(index);
  return `${l}:${l}`;
}

/** "4:4" for 0-based row 3 — the whole row, for heights and hiding. */
export function rowRange(index: number): string {
  return `${index + 1}:${index + 1}`;
}

/** The rectangle from A1 to the last frozen cell: `freezeAt("A1:C4")` freezes 4 rows and 3 columns. */
export function frozenRange(rows: number, columns: number): string {
  return `A1:${addressOf(rows - 1, columns - 1)}`;
}
