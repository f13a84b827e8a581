import { addressOf, cellText, type SheetSnapshot } from "../grid";
import type { CellStyle, CellWrite } from "../plan/write-plan";
import { COLORS, safeSheetName } from "../sheet/layout";

/**
 * The review's report sheets (审核汇总, 审核意见-<区县>) are Huishen's own and regenerated each time
 * (`mode: "replace"`). A hidden marker in the first row says so, and names are chosen so that a
 * person's sheet of the same name is never the one replaced.
 */
export const REVIEW_MARKER_PREFIX = "HUISHEN-REVIEW:";

export type OwnSheet = { readonly name: string; readonly kind: "summary" } | { readonly name: string; readonly kind: "opinion"; readonly district: string };

export function ownMarker(kind: "summary"): string;
export function ownMarker(kind: "opinion", district: string): string;
export function ownMarker(kind: "summary" | "opinion", district?: string): string {
  return kind === "summary" ? `${REVIEW_MARKER_PREFIX}summary` : `${REVIEW_MARKER_PREFIX}opinion:${district}`;
}

/** The review report sheets already in the workbook (found by their marker in the first row). */
export function ownReviewSheets(snapshots: readonly SheetSnapshot[]): OwnSheet[] {
  return snapshots.flatMap((s): OwnSheet[] => {
    for (const v of s.values[0] ?? []) {
      const t = cellText(v);
      if (t === ownMarker("summary")) return [{ name: s.name, kind: "summary" }];
      if (t.startsWith(`${REVIEW_MARKER_PREFIX}opinion:`)) return [{ name: s.name, kind: "opinion", district: t.slice(`${REVIEW_MARKER_PREFIX}opinion:`.length) }];
    }
    return [];
  });
}

/**
 * A name for one of Huishen's report sheets: `wanted` made safe, avoiding a person's sheets and the
 * names already `chosen` in this plan; an own sheet of that name is reused (and so replaced).
 */
export function reportSheetName(wanted: string, snapshots: readonly SheetSnapshot[], chosen: readonly string[] = []): string {
  const own = new Set(ownReviewSheets(snapshots).map((s) => s.name.toLowerCase()));
  const theirs = snapshots.map((s) => s.name).filter((n) => !own.has(n.toLowerCase()));
  return safeSheetName(wanted, [...theirs, ...chosen]);
}

export const TITLE_STYLE: CellStyle = { bold: true, fontSize: 14, fontColor: COLORS.title };
export const HEADER_STYLE: CellStyle = { bold: true, fill: COLORS.header, fontColor: COLORS.headerText, wrap: true, hAlign: "center", vAlign: "middle", border: true };
export const BODY_STYLE: CellStyle = { border: true, wrap: true, vAlign: "top" };

/** A table's header row and body rows as cell writes; texts as text (a host must not read "1/2" as a date). */
export function tableCells(firstRow: number, header: readonly string[], rows: readonly (readonly (string | number | Omit<CellWrite, "address">)[])[]): CellWrite[] {
  const cells: CellWrite[] = header.map((value, c) => ({ address: addressOf(firstRow, c), value, style: HEADER_STYLE }));
  rows.forEach((row, i) =>
    row.forEach((v, c) => {
      const address = addressOf(firstRow + 1 + i, c);
      if (typeof v === "object") cells.push({ style: BODY_STYLE, ...v, address });
      else cells.push({ address, value: v, style: BODY_STYLE, ...(typeof v === "string" ? { numberFormat: "@" } : {}) });
    }),
  );
  return cells;
}
