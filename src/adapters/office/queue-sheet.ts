/**
 * One sheet of a plan as queued Office.js calls: made (or made afresh in place of the old one),
 * unprotected and protected again, then its cells, merges, sizes, input rules, flags, colour scales,
 * charts, panes and tab colour. Nothing is sent here; `applyPlan` sends the queue in chunks.
 */
import { splitRanges } from "../../core/plan/data-validation";
import { columnRange, frozenRange, parseRange, rectText, rowRange, sameSheetName } from "./address";
import type { OfficeApplyStats } from "./apply";
import { jsonBytes } from "./blocks";
import { queueCells, queueClearFlags, queueFills, queueNotes } from "./cell-ops";
import type { HostCapabilities } from "../../core/host";
import { OP_OVERHEAD_BYTES, type Op, type OpFn, type SheetFn } from "./ops";
import { HUISHEN_PROTECTION, needsUnprotected, type SheetState } from "./sheet-state";
import { columnWidthPoints } from "./style";
import { queueChart, queueColorScale } from "./summary-ops";
import { queuePrint } from "./print-ops";
import { queueValidation } from "./validation";

/** What queueing a sheet needs from the plan's run: the loaded sheets, the queues, the counters. */
export interface SheetQueue {
  readonly worksheets: Excel.WorksheetCollection;
  /** The workbook's sheets as the inspect sync loaded them. */
  readonly loaded: readonly Excel.Worksheet[];
  readonly sheet: SheetFn;
  /** Remember the proxy of a sheet the queue creates. */
  readonly adopt: (name: string, ws: Excel.Worksheet) => void;
  readonly op: OpFn;
  /** Unprotecting goes first, protecting again last, everything else in between. */
  readonly first: Op[];
  readonly body: Op[];
  readonly last: Op[];
  readonly caps: HostCapabilities;
  readonly limit: number;
  readonly notesAs: OfficeApplyStats["notesAs"];
  readonly temporaryName: () => string;
  /** The active sheet's name, loaded when a `replace` might delete it. */
  readonly activeSheet?: string;
  readonly stats: { -readonly [K in "cellsWritten" | "notesWritten" | "notesSkipped" | "validationsSkipped" | "sheetsCreated" | "sheetsReplaced" | "colorScales" | "charts"]: number };
  /** Sheets unprotected for the plan, named in the message if the first write fails. */
  readonly unprotected: string[];
}

/** Queue one sheet's writes; returns the sheet's name when it replaces the active sheet (and so should be activated). */
export function queueSheet(st: SheetState, q: SheetQueue): string | undefined {
  let activate: string | undefined;
  const sp = st.plan;
  const name = sp.name;
  const old = sp.mode === "replace" ? q.loaded.find((w) => sameSheetName(w.name, name)) : undefined;
  if (sp.mode === "create" || (sp.mode === "replace" && !old)) {
    q.stats.sheetsCreated++;
    q.op(q.body, jsonBytes(name), () => {
      q.adopt(name, q.worksheets.add(name));
    });
  } else if (old) {
    q.stats.sheetsCreated++;
    q.stats.sheetsReplaced++;
    if (q.activeSheet !== undefined && sameSheetName(q.activeSheet, old.name) && (sp.visibility ?? "visible") === "visible") activate = name;
    const { position, visibility } = old;
    const temp = q.temporaryName();
    q.op(q.body, jsonBytes(name) + jsonBytes(temp) + 4 * OP_OVERHEAD_BYTES, () => {
      if (visibility === "VeryHidden") old.visibility = "Hidden";
      old.name = temp;
      const fresh = q.worksheets.add(name);
      fresh.position = position;
      old.delete();
      q.adopt(name, fresh);
    });
  }
  const wasProtected = st.protection?.protected === true;
  if (wasProtected && needsUnprotected(sp)) {
    q.unprotected.push(name);
    q.op(q.first, 0, () => q.sheet(name).protection.unprotect());
    const original = st.protection!.options;
    if (sp.protect === true) q.op(q.last, jsonBytes(HUISHEN_PROTECTION), () => q.sheet(name).protection.protect(HUISHEN_PROTECTION));
    else if (sp.protect === undefined) q.op(q.last, jsonBytes(original), () => q.sheet(name).protection.protect(original));
  } else if (!wasProtected && sp.protect === true) {
    q.op(q.last, jsonBytes(HUISHEN_PROTECTION), () => q.sheet(name).protection.protect(HUISHEN_PROTECTION));
  }

  queueClearFlags(st, q.sheet, q.body, q.op, q.limit, q.notesAs);
  q.stats.cellsWritten += queueCells(sp, q.sheet, q.body, q.op, q.limit, q.caps.cellProperties);
  for (const m of sp.merges ?? []) {
    const r = parseRange(m)!;
    if (r.top === r.bottom && r.left === r.right) continue;
    q.op(q.body, jsonBytes(m), () => q.sheet(name).getRange(rectText(r)).merge(false));
  }
  for (const c of sp.columns ?? []) {
    if (c.width !== undefined) q.op(q.body, 16, () => (q.sheet(name).getRange(columnRange(c.index)).format.columnWidth = columnWidthPoints(c.width!)));
    if (c.hidden !== undefined) q.op(q.body, 8, () => (q.sheet(name).getRange(columnRange(c.index)).columnHidden = c.hidden!));
  }
  for (const r of sp.rows ?? []) {
    if (r.height !== undefined) q.op(q.body, 16, () => (q.sheet(name).getRange(rowRange(r.index)).format.rowHeight = r.height!));
    if (r.hidden !== undefined) q.op(q.body, 8, () => (q.sheet(name).getRange(rowRange(r.index)).rowHidden = r.hidden!));
  }
  for (const v of sp.inputRules ?? []) {
    if (q.caps.dataValidation === false) {
      q.stats.validationsSkipped++;
      continue;
    }
    for (const range of splitRanges(v.range)) queueValidation(name, range, v, q.sheet, q.body, q.op);
  }
  queueFills(sp, q.sheet, q.body, q.op, q.limit);
  const n = queueNotes(st, q.sheet, q.body, q.op, q.notesAs);
  q.stats.notesWritten += n.written;
  q.stats.notesSkipped += n.skipped;
  for (const cs of sp.colorScales ?? []) {
    queueColorScale(name, cs, q.sheet, q.body, q.op);
    q.stats.colorScales++;
  }
  for (const c of sp.charts ?? []) {
    queueChart(name, c, q.sheet, q.body, q.op);
    q.stats.charts++;
  }
  if (sp.freeze) {
    const { rows, columns } = sp.freeze;
    q.op(q.body, 32, () => {
      const panes = q.sheet(name).freezePanes;
      panes.unfreeze();
      if (rows > 0 && columns > 0) panes.freezeAt(frozenRange(rows, columns));
      else if (rows > 0) panes.freezeRows(rows);
      else if (columns > 0) panes.freezeColumns(columns);
    });
  }
  if (sp.print && q.caps.pageLayout) queuePrint(name, sp.print, q.sheet, q.body, q.op);
  if (sp.tabColor !== undefined) q.op(q.body, 16, () => (q.sheet(name).tabColor = sp.tabColor!.toUpperCase()));
  return activate;
}
