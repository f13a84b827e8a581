/** Cells, fills, notes and the removal of Huishen's earlier flags, queued as rectangles (like xlsx/cell-style.ts). */
import { planCells } from "../../core/plan/plan-cells";
import { writesContent } from "../../core/plan/plan-problems";
import type { CellWrite, FillSpec, NoteSpec, SheetPlan } from "../../core/plan/write-plan";
import { NOTE_PREFIX } from "../../core/sheet/plan-flags";
import { rectText } from "./address";
import { addressGrid, blocksOf, cellInput, jsonBytes, mergeCellWrites, type Block } from "./blocks";
import type { OfficeApplyStats } from "./apply";
import type { Op, OpFn, SheetFn } from "./ops";
import type { SheetState } from "./sheet-state";
import { applyStyleToRange, cellProperties, styleCallCount, styleKey } from "./style";

export function queueClearFlags(st: SheetState, sheet: SheetFn, list: Op[], op: OpFn, limit: number, notesAs: OfficeApplyStats["notesAs"]): void {
  const sp = st.plan;
  const fills = sp.clearFlags?.fills ?? [];
  if (fills.length > 0) {
    for (const b of blocksOf(addressGrid(fills, (a) => a), () => "", () => 8, limit / 4)) {
      const address = rectText(b);
      op(list, jsonBytes(address), () => sheet(sp.name).getRange(address).format.fill.clear());
    }
  }
  // Notes the plan writes again are replaced in place by `queueNotes`; here only the ones to drop.
  const rewritten = new Set((sp.notes ?? []).map((n) => n.address.toUpperCase()));
  for (const a of sp.clearFlags?.notes ?? []) {
    const key = a.toUpperCase();
    if (rewritten.has(key)) continue;
    if (notesAs === "notes") {
      const existing = st.notesAt?.get(key);
      if (existing && !existing.isNullObject) op(list, 0, () => existing.delete());
    } else if (notesAs === "comments") {
      const existing = st.commentsAt?.get(key);
      // Only Huishen's own comments: a person's comment thread is theirs.
      if (existing && isHuishenText(existing.content)) op(list, 0, () => existing.delete());
    }
  }
}

export function queueCells(sp: SheetPlan, sheet: SheetFn, list: Op[], op: OpFn, limit: number, cellProps: boolean): number {
  const cells = planCells(sp);
  if (cells.length === 0) return 0;
  const grid = addressGrid(cells, (w) => w.address, mergeCellWrites);
  const size = (w: CellWrite) => jsonBytes(cellInput(w)) + jsonBytes(w.numberFormat ?? null) + (w.style ? jsonBytes(cellProperties(w.style)) : 4) + 2;
  // A rectangle at most a quarter of a request, so requests fill up evenly.
  const blocks = blocksOf(grid, () => "", size, limit / 4);
  for (const b of blocks) queueBlock(sp.name, b, sheet, list, op, cellProps, limit);
  return cells.length;
}

function queueBlock(name: string, b: Block<CellWrite>, sheet: SheetFn, list: Op[], op: OpFn, cellProps: boolean, limit: number): void {
  const address = rectText(b);
  const writes = b.items;
  if (writes.some((row) => row.some(writesContent))) {
    const matrix = writes.map((row) => row.map(cellInput));
    const useFormulas = writes.some((row) => row.some((w) => w.formula !== undefined));
    op(list, jsonBytes(matrix), () => {
      const r = sheet(name).getRange(address);
      if (useFormulas) r.formulas = matrix;
      else r.values = matrix;
    });
  }
  if (writes.some((row) => row.some((w) => w.numberFormat !== undefined))) {
    const formats = writes.map((row) => row.map((w) => w.numberFormat ?? null));
    op(list, jsonBytes(formats), () => (sheet(name).getRange(address).numberFormat = formats));
  }
  if (!writes.some((row) => row.some((w) => w.style !== undefined))) return;
  if (cellProps) {
    const props = writes.map((row) => row.map((w) => cellProperties(w.style)));
    op(list, jsonBytes(props), () => sheet(name).getRange(address).setCellProperties(props));
    return;
  }
  // Without setCellProperties: one set of format calls per rectangle of equal style.
  const grid = new Map<number, Map<number, CellWrite>>();
  writes.forEach((row, i) =>
    row.forEach((w, j) => {
      if (!w.style) return;
      let r = grid.get(b.top + i);
      if (!r) grid.set(b.top + i, (r = new Map()));
      r.set(b.left + j, w);
    }),
  );
  for (const sb of blocksOf(grid, (w) => styleKey(w.style), () => 1, limit)) {
    const style = sb.items[0][0].style!;
    const multi = sb.top !== sb.bottom || sb.left !== sb.right;
    const a = rectText(sb);
    op(list, styleCallCount(style, multi) * 40, () => applyStyleToRange(sheet(name).getRange(a), style, multi));
  }
}

export function queueFills(sp: SheetPlan, sheet: SheetFn, list: Op[], op: OpFn, limit: number): void {
  const fills = sp.fills ?? [];
  if (fills.length === 0) return;
  const grid = addressGrid(fills, (f) => f.address, (_a: FillSpec, b: FillSpec) => b);
  for (const b of blocksOf(grid, (f) => f.color.toUpperCase(), () => 8, limit / 4)) {
    const address = rectText(b);
    const colour = b.key;
    op(list, jsonBytes(address) + 10, () => (sheet(sp.name).getRange(address).format.fill.color = colour));
  }
}

export function queueNotes(st: SheetState, sheet: SheetFn, list: Op[], op: OpFn, notesAs: OfficeApplyStats["notesAs"]): { written: number; skipped: number } {
  const sp = st.plan;
  const byAddress = new Map<string, NoteSpec>();
  for (const n of sp.notes ?? []) byAddress.set(n.address.toUpperCase(), n);
  if (notesAs === "none") return { written: 0, skipped: byAddress.size };
  let written = 0;
  let skipped = 0;
  for (const [key, n] of byAddress) {
    const bytes = jsonBytes(n.text) + jsonBytes(key);
    if (notesAs === "notes") {
      const existing = st.notesAt?.get(key);
      if (existing && !existing.isNullObject) op(list, bytes, () => (existing.content = n.text));
      else op(list, bytes, () => sheet(sp.name).notes.add(sheet(sp.name).getRange(key), n.text));
      written++;
    } else {
      const existing = st.commentsAt?.get(key);
      if (existing && !isHuishenText(existing.content)) {
        skipped++; // a person's comment thread stays; the check column carries the text
        continue;
      }
      if (existing) op(list, bytes, () => (existing.content = n.text));
      else op(list, bytes, () => sheet(sp.name).comments.add(sheet(sp.name).getRange(key), n.text));
      written++;
    }
  }
  return { written, skipped };
}

function isHuishenText(text: string | undefined): boolean {
  return typeof text === "string" && text.trimStart().startsWith(NOTE_PREFIX);
}
