/**
 * Applying a core `WritePlan` through Office.js, with the same meaning as the file adapter
 * (src/adapters/xlsx/apply.ts): "" or null clears a cell, `create` never replaces a sheet,
 * `replace` deletes the sheet of that name and adds a new one at its position, fills and notes
 * never change values, `clearFlags` removes the fills/notes Huishen set before, protection has
 * no password. Colour scales (conditional formats, ExcelApi 1.6) and bar charts (1.1, the series'
 * values and categories 1.7) are only allowed on `create`/`replace` sheets.
 *
 * Round trips:
 *  1. "apply: inspect" — always one sync: the sheet list with visibility and position (a `create`
 *     over an existing sheet throws before anything is written; a `replace` learns where its sheet
 *     sits), the active sheet when a `replace` might delete it, and for `update` sheets their
 *     protection, the values under planned merges and the notes already on cells the plan notes
 *     or clears.
 *     On ExcelApi 1.10–1.17 (comments instead of notes) with notes to write into existing
 *     sheets, one more sync finds the comments' cells ("apply: comment cells").
 *  2. "apply: write i/n" — everything is queued and sent in as few syncs as the payload allows:
 *     a new request starts before the estimated payload passes `maxRequestBytes` (4 MB by default;
 *     Excel on the web rejects requests over 5 MB). A small plan is one write sync.
 *
 * Cells are written as rectangles (`range.formulas`/`values`/`numberFormat` as 2-D arrays, null
 * for a cell the plan leaves alone; styles with one `setCellProperties` per rectangle on
 * ExcelApi 1.9, else format calls per rectangle of equal style).
 *
 * A `replace` is queued in the write requests like a `create`: the old sheet is renamed out of the
 * way (very hidden ones made hidden first: Excel refuses to delete a very hidden sheet), the new
 * one added and moved to the old one's position, then the old one deleted — so the workbook never
 * lacks a visible sheet, even when the replaced sheet was the only one. If it was the active
 * sheet and the plan activates none, the new sheet is activated.
 * Charts and colour scales are queued with the sheet's other writes: no extra sync.
 *
 * A protected `update` sheet is unprotected first (no password: a person's password is theirs,
 * the write then fails with a clear error) and protected again at the end with its former
 * options — or Huishen's, when the plan says `protect: true`.
 */
import type { CellWrite, ChartSpec, ColorScaleSpec, FillSpec, NoteSpec, SheetPlan, InputRuleSpec, WritePlan } from "../../core/plan/write-plan";
import { NOTE_PREFIX } from "../../core/sheet/plan-flags";
import { splitRanges } from "../../core/plan/data-validation";
import { sheetPlanProblems, workbookPlanProblems, writesContent, type ExistingSheet } from "../../core/plan/plan-problems";
import { columnRange, frozenRange, parseRange, rectText, rowRange, sameSheetName, splitSheetAddress } from "./address";
import { addressGrid, blocksOf, cellInput, jsonBytes, mergeCellWrites, type Block } from "./blocks";
import type { ApplyStats, HostCapabilities } from "./host";
import { applyStyleToRange, cellProperties, columnWidthPoints, styleCallCount, styleKey } from "./style";
import type { Syncer } from "./sync";
import { PlanError } from "../../core/plan/plan-error";

/** Excel on the web rejects a request over 5 MB; stay well below with the estimate. */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/** A rough cost of one queued call besides its data (object path, method name, ids). */
export const OP_OVERHEAD_BYTES = 200;

export interface ApplyOptions {
  readonly capabilities: HostCapabilities;
  readonly maxRequestBytes?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface OfficeApplyStats extends ApplyStats {
  readonly notesAs: "notes" | "comments" | "none";
  readonly notesWritten: number;
  readonly notesSkipped: number;
  readonly validationsSkipped: number;
  /** New sheets: every `create`, and every `replace` (which creates its sheet afresh). */
  readonly sheetsCreated: number;
  /** `replace` sheets that deleted an existing sheet of that name. */
  readonly sheetsReplaced: number;
  readonly colorScales: number;
  readonly charts: number;
}


/** Worksheet protection as Huishen sets it: only selecting cells is allowed (as the file adapter). */
export const HUISHEN_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
};

// ---------------------------------------------------------------------------------------------
// Checking the plan

type Visibility = "Visible" | "Hidden" | "VeryHidden";
const VISIBILITY: Record<NonNullable<SheetPlan["visibility"]>, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };
/** Office.js spells visibility in capitals; the core's plan check speaks the plan's words. */
const FROM_OFFICE: Record<string, ExistingSheet["visibility"]> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };
const existingSheets = (items: readonly { name: string; visibility: string }[]): ExistingSheet[] => items.map((w) => ({ name: w.name, visibility: FROM_OFFICE[w.visibility] ?? "visible" }));

// ---------------------------------------------------------------------------------------------
// Queued operations and chunks

interface Op {
  readonly bytes: number;
  run(): void;
}

/** Split ops into requests of at most `limit` estimated bytes (an op larger than the limit goes alone). */
export function chunkOps<T extends { bytes: number }>(ops: readonly T[], limit: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const op of ops) {
    if (current.length > 0 && bytes + op.bytes > limit) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += op.bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

interface SheetState {
  readonly plan: SheetPlan;
  /** Loaded in the inspect sync, for existing sheets. */
  protection?: Excel.WorksheetProtection;
  mergeValues?: { range: string; r: Excel.Range }[];
  /** Notes mode: the note (or null object) on each address the plan notes or clears. */
  notesAt?: Map<string, Excel.Note>;
  /** Comments mode: existing comments, then their cells. */
  comments?: Excel.CommentCollection;
  commentsAt?: Map<string, Excel.Comment>;
}

function noteAddresses(sp: SheetPlan): string[] {
  const s = new Set<string>();
  for (const n of sp.notes ?? []) s.add(n.address.toUpperCase());
  for (const a of sp.clearFlags?.notes ?? []) s.add(a.toUpperCase());
  return [...s];
}

function isHuishenText(text: string | undefined): boolean {
  return typeof text === "string" && text.trimStart().startsWith(NOTE_PREFIX);
}

/** Anything in the plan that a protected sheet would refuse. */
function needsUnprotected(sp: SheetPlan): boolean {
  return (
    (sp.cells?.length ?? 0) > 0 ||
    (sp.merges?.length ?? 0) > 0 ||
    (sp.columns?.length ?? 0) > 0 ||
    (sp.rows?.length ?? 0) > 0 ||
    (sp.inputRules?.length ?? 0) > 0 ||
    (sp.fills?.length ?? 0) > 0 ||
    (sp.notes?.length ?? 0) > 0 ||
    (sp.clearFlags?.fills.length ?? 0) > 0 ||
    (sp.clearFlags?.notes.length ?? 0) > 0 ||
    (sp.colorScales?.length ?? 0) > 0 ||
    (sp.charts?.length ?? 0) > 0 ||
    sp.freeze !== undefined ||
    sp.protect !== undefined
  );
}

// ---------------------------------------------------------------------------------------------
// Apply

export async function applyPlan(context: Excel.RequestContext, plan: WritePlan, sync: Syncer, opts: ApplyOptions): Promise<OfficeApplyStats> {
  const caps = opts.capabilities;
  const limit = opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const notesAs: OfficeApplyStats["notesAs"] = caps.notes ? "notes" : caps.comments ? "comments" : "none";
  let syncs = 0;
  const counted = async (action: string) => {
    syncs++;
    await sync(action);
  };

  const problems = plan.sheets.flatMap(sheetPlanProblems);
  if (problems.length > 0) throw new PlanError(problems);

  // 1. Inspect.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/position");
  const states = plan.sheets.map((sp): SheetState => ({ plan: sp }));
  // Sheets the plan itself creates (or creates afresh) have nothing to inspect.
  const created = new Set(plan.sheets.filter((sp) => sp.mode !== "update").map((sp) => sp.name.toLowerCase()));
  // A `replace` may delete the active sheet: then its successor is activated (unless the plan activates one).
  let activeSheet: Excel.Worksheet | undefined;
  if (plan.sheets.some((sp) => sp.mode === "replace") && !plan.sheets.some((sp) => sp.activate)) {
    activeSheet = worksheets.getActiveWorksheet();
    activeSheet.load("name");
  }
  const updates = states.filter((s) => s.plan.mode === "update" && !created.has(s.plan.name.toLowerCase()));
  for (const st of updates) {
    const ws = worksheets.getItem(st.plan.name);
    st.protection = ws.protection;
    st.protection.load("protected,options");
    st.mergeValues = (st.plan.merges ?? []).map((m) => {
      const r = ws.getRange(m);
      r.load("values");
      return { range: m, r };
    });
    const addresses = notesAs === "none" ? [] : noteAddresses(st.plan);
    if (notesAs === "notes" && addresses.length > 0) {
      st.notesAt = new Map(
        addresses.map((a) => {
          const n = ws.notes.getItemOrNullObject(a);
          n.load("content");
          return [a, n];
        }),
      );
    } else if (notesAs === "comments" && addresses.length > 0) {
      st.comments = ws.comments;
      st.comments.load("items/content");
    }
  }
  try {
    await counted("apply: inspect");
  } catch (e) {
    // A missing `update` sheet fails the whole request: say which one, with the workbook untouched.
    if (updates.length === 0) throw e;
    const names = context.workbook.worksheets;
    names.load("items/name,items/visibility");
    await counted("apply: inspect sheet names");
    const wp = workbookPlanProblems(plan, existingSheets(names.items));
    if (wp.length > 0) throw new PlanError(wp);
    throw e;
  }
  const wp = workbookPlanProblems(plan, existingSheets(worksheets.items));
  for (const st of updates) {
    for (const { range, r } of st.mergeValues ?? []) {
      const values = r.values;
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          if ((i > 0 || j > 0) && v !== "" && v !== null) wp.push(`${st.plan.name}: merge ${range} would discard the value ${JSON.stringify(v)}`);
        }),
      );
    }
  }
  if (wp.length > 0) throw new PlanError(wp);

  // Comments mode: where the existing comments are (their cell is a method, so one more sync).
  const withComments = updates.filter((s) => s.comments);
  if (withComments.length > 0) {
    const located = withComments.map((st) => ({
      st,
      items: st.comments!.items.map((c) => {
        const at = c.getLocation();
        at.load("address");
        return { c, at };
      }),
    }));
    await counted("apply: comment cells");
    for (const { st, items } of located) {
      st.commentsAt = new Map(items.map(({ c, at }) => [splitSheetAddress(at.address).address.split(":")[0].toUpperCase(), c]));
    }
  }

  // 2. Queue every write.
  const stats = {
    cellsWritten: 0,
    notesWritten: 0,
    notesSkipped: 0,
    validationsSkipped: 0,
    sheetsCreated: 0,
    sheetsReplaced: 0,
    colorScales: 0,
    charts: 0,
  };
  const first: Op[] = [];
  const body: Op[] = [];
  const last: Op[] = [];
  const proxies = new Map<string, Excel.Worksheet>();
  const sheet = (name: string): Excel.Worksheet => {
    const key = name.toLowerCase();
    let ws = proxies.get(key);
    if (!ws) proxies.set(key, (ws = worksheets.getItem(name)));
    return ws;
  };
  const op = (list: Op[], bytes: number, run: () => void) => list.push({ bytes: bytes + OP_OVERHEAD_BYTES, run });
  const unprotected: string[] = [];
  const loadedSheets = worksheets.items;
  const temporaryName = temporaryNames(loadedSheets.map((w) => w.name).concat(plan.sheets.map((sp) => sp.name)));
  let activateReplaced: string | undefined;

  for (const st of states) {
    const sp = st.plan;
    const name = sp.name;
    const old = sp.mode === "replace" ? loadedSheets.find((w) => sameSheetName(w.name, name)) : undefined;
    if (sp.mode === "create" || (sp.mode === "replace" && !old)) {
      stats.sheetsCreated++;
      op(body, jsonBytes(name), () => {
        proxies.set(name.toLowerCase(), worksheets.add(name));
      });
    } else if (old) {
      stats.sheetsCreated++;
      stats.sheetsReplaced++;
      if (activeSheet && sameSheetName(activeSheet.name, old.name) && (sp.visibility ?? "visible") === "visible") activateReplaced = name;
      const { position, visibility } = old;
      const temp = temporaryName();
      op(body, jsonBytes(name) + jsonBytes(temp) + 4 * OP_OVERHEAD_BYTES, () => {
        if (visibility === "VeryHidden") old.visibility = "Hidden";
        old.name = temp;
        const fresh = worksheets.add(name);
        fresh.position = position;
        old.delete();
        proxies.set(name.toLowerCase(), fresh);
      });
    }
    const wasProtected = st.protection?.protected === true;
    if (wasProtected && needsUnprotected(sp)) {
      unprotected.push(name);
      op(first, 0, () => sheet(name).protection.unprotect());
      const original = st.protection!.options;
      if (sp.protect === true) op(last, jsonBytes(HUISHEN_PROTECTION), () => sheet(name).protection.protect(HUISHEN_PROTECTION));
      else if (sp.protect === undefined) op(last, jsonBytes(original), () => sheet(name).protection.protect(original));
    } else if (!wasProtected && sp.protect === true) {
      op(last, jsonBytes(HUISHEN_PROTECTION), () => sheet(name).protection.protect(HUISHEN_PROTECTION));
    }

    queueClearFlags(st, sheet, body, op, limit, notesAs);
    stats.cellsWritten += queueCells(sp, sheet, body, op, limit, caps.cellProperties);
    for (const m of sp.merges ?? []) {
      const r = parseRange(m)!;
      if (r.top === r.bottom && r.left === r.right) continue;
      op(body, jsonBytes(m), () => sheet(name).getRange(rectText(r)).merge(false));
    }
    for (const c of sp.columns ?? []) {
      if (c.width !== undefined) op(body, 16, () => (sheet(name).getRange(columnRange(c.index)).format.columnWidth = columnWidthPoints(c.width!)));
      if (c.hidden !== undefined) op(body, 8, () => (sheet(name).getRange(columnRange(c.index)).columnHidden = c.hidden!));
    }
    for (const r of sp.rows ?? []) {
      if (r.height !== undefined) op(body, 16, () => (sheet(name).getRange(rowRange(r.index)).format.rowHeight = r.height!));
      if (r.hidden !== undefined) op(body, 8, () => (sheet(name).getRange(rowRange(r.index)).rowHidden = r.hidden!));
    }
    for (const v of sp.inputRules ?? []) {
      if (caps.dataValidation === false) {
        stats.validationsSkipped++;
        continue;
      }
      for (const range of splitRanges(v.range)) queueValidation(name, range, v, sheet, body, op);
    }
    queueFills(sp, sheet, body, op, limit);
    const n = queueNotes(st, sheet, body, op, notesAs);
    stats.notesWritten += n.written;
    stats.notesSkipped += n.skipped;
    for (const cs of sp.colorScales ?? []) {
      queueColorScale(name, cs, sheet, body, op);
      stats.colorScales++;
    }
    for (const c of sp.charts ?? []) {
      queueChart(name, c, sheet, body, op);
      stats.charts++;
    }
    if (sp.freeze) {
      const { rows, columns } = sp.freeze;
      op(body, 32, () => {
        const panes = sheet(name).freezePanes;
        panes.unfreeze();
        if (rows > 0 && columns > 0) panes.freezeAt(frozenRange(rows, columns));
        else if (rows > 0) panes.freezeRows(rows);
        else if (columns > 0) panes.freezeColumns(columns);
      });
    }
    if (sp.tabColor !== undefined) op(body, 16, () => (sheet(name).tabColor = sp.tabColor!.toUpperCase()));
  }

  // Visibility and activation: show sheets first, activate, then hide (Excel cannot activate a hidden sheet).
  for (const sp of plan.sheets) if (sp.visibility === "visible") op(body, 16, () => (sheet(sp.name).visibility = "Visible"));
  const toActivate = [...plan.sheets].reverse().find((sp) => sp.activate)?.name ?? activateReplaced;
  if (toActivate !== undefined) op(body, 0, () => sheet(toActivate).activate());
  for (const sp of plan.sheets) {
    if (sp.visibility === "hidden" || sp.visibility === "veryHidden") {
      const v = VISIBILITY[sp.visibility];
      op(body, 16, () => (sheet(sp.name).visibility = v));
    }
  }

  // 3. Send in chunks.
  const chunks = chunkOps([...first, ...body, ...last], limit);
  opts.onProgress?.(0, chunks.length);
  for (let i = 0; i < chunks.length; i++) {
    for (const o of chunks[i]) o.run();
    try {
      await counted(`apply: write ${i + 1}/${chunks.length}`);
    } catch (e) {
      if (i === 0 && unprotected.length > 0) {
        const list = unprotected.join("”、“");
        throw new Error(
          `无法写入工作表“${list}”：取消保护失败（可能设置了密码），或 Excel 拒绝了写入。请先在 Excel 中取消保护后重试。` +
            ` Could not write to "${unprotected.join('", "')}": unprotecting failed (a password?) or Excel refused the write.`,
          { cause: e },
        );
      }
      throw e;
    }
    opts.onProgress?.(i + 1, chunks.length);
  }

  return { syncs, chunks: chunks.length, notesAs, ...stats };
}

type OpFn = (list: Op[], bytes: number, run: () => void) => void;
type SheetFn = (name: string) => Excel.Worksheet;

/** Names for sheets being replaced, unused in the workbook and the plan, for the instant between rename and delete. */
function temporaryNames(taken: readonly string[]): () => string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  let i = 0;
  return () => {
    let candidate: string;
    do candidate = `汇审替换中 ${++i}`;
    while (used.has(candidate.toLowerCase()));
    used.add(candidate.toLowerCase());
    return candidate;
  };
}

/**
 * The documented criterion for the lowest and highest value has `formula: null`; the typings
 * only allow a string or nothing.
 */
const NO_FORMULA = null as unknown as string;

/** Lowest value → `low`, 50th percentile → `mid`, highest value → `high` (ExcelApi 1.6). */
function colorScaleCriteria(cs: ColorScaleSpec): Excel.ConditionalColorScaleCriteria {
  return {
    minimum: { type: "LowestValue", formula: NO_FORMULA, color: cs.low.toUpperCase() },
    midpoint: { type: "Percentile", formula: "50", color: cs.mid.toUpperCase() },
    maximum: { type: "HighestValue", formula: NO_FORMULA, color: cs.high.toUpperCase() },
  };
}

function queueColorScale(name: string, cs: ColorScaleSpec, sheet: SheetFn, list: Op[], op: OpFn): void {
  const range = rectText(parseRange(cs.range)!);
  const criteria = colorScaleCriteria(cs);
  op(list, jsonBytes(range) + jsonBytes(criteria) + OP_OVERHEAD_BYTES, () => {
    const cf = sheet(name).getRange(range).conditionalFormats.add("ColorScale");
    cf.colorScale.criteria = criteria;
  });
}

/**
 * A clustered bar chart of one series. The series' values are set again explicitly (ExcelApi 1.7,
 * as is `setXAxisValues`): `charts.add` may take a text first cell for the series' name.
 */
function queueChart(name: string, c: ChartSpec, sheet: SheetFn, list: Op[], op: OpFn): void {
  const values = rectText(parseRange(c.values)!);
  const categories = rectText(parseRange(c.categories)!);
  op(list, jsonBytes(c) + 8 * OP_OVERHEAD_BYTES, () => {
    const ws = sheet(name);
    const chart = ws.charts.add("BarClustered", ws.getRange(values), "Columns");
    chart.name = c.name;
    chart.title.text = c.title;
    chart.legend.visible = false;
    const series = chart.series.getItemAt(0);
    series.name = c.seriesName;
    series.setValues(ws.getRange(values));
    series.setXAxisValues(ws.getRange(categories));
    chart.setPosition(c.from.toUpperCase(), c.to.toUpperCase());
  });
}

function queueClearFlags(st: SheetState, sheet: SheetFn, list: Op[], op: OpFn, limit: number, notesAs: OfficeApplyStats["notesAs"]): void {
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

function queueCells(sp: SheetPlan, sheet: SheetFn, list: Op[], op: OpFn, limit: number, cellProps: boolean): number {
  const cells = sp.cells ?? [];
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

function queueValidation(name: string, range: string, v: InputRuleSpec, sheet: SheetFn, list: Op[], op: OpFn): void {
  const rule: Excel.DataValidationRule =
    v.type === "list"
      ? { list: { inCellDropDown: true, source: (v.list ?? []).join(",") } }
      : {
          [v.type === "whole" ? "wholeNumber" : "decimal"]:
            (v.operator ?? "between") === "between"
              ? { operator: "Between", formula1: v.min!, formula2: v.max! }
              : { operator: "GreaterThanOrEqualTo", formula1: v.min! },
        };
  const style = v.errorStyle === "stop" ? "Stop" : v.errorStyle === "warning" ? "Warning" : "Information";
  const errorAlert: Excel.DataValidationErrorAlert = { showAlert: true, style, title: v.errorTitle ?? "", message: v.error ?? "" };
  const prompt: Excel.DataValidationPrompt | undefined =
    v.prompt !== undefined || v.promptTitle !== undefined ? { showPrompt: true, title: v.promptTitle ?? "", message: v.prompt ?? "" } : undefined;
  op(list, jsonBytes(rule) + jsonBytes(errorAlert) + jsonBytes(prompt), () => {
    const dv = sheet(name).getRange(range).dataValidation;
    // Replace whatever validation the cells had (as the file adapter does); blank stays allowed.
    dv.clear();
    dv.rule = rule;
    dv.ignoreBlanks = true;
    dv.errorAlert = errorAlert;
    if (prompt) dv.prompt = prompt;
  });
}

function queueFills(sp: SheetPlan, sheet: SheetFn, list: Op[], op: OpFn, limit: number): void {
  const fills = sp.fills ?? [];
  if (fills.length === 0) return;
  const grid = addressGrid(fills, (f) => f.address, (_a: FillSpec, b: FillSpec) => b);
  for (const b of blocksOf(grid, (f) => f.color.toUpperCase(), () => 8, limit / 4)) {
    const address = rectText(b);
    const colour = b.key;
    op(list, jsonBytes(address) + 10, () => (sheet(sp.name).getRange(address).format.fill.color = colour));
  }
}

function queueNotes(st: SheetState, sheet: SheetFn, list: Op[], op: OpFn, notesAs: OfficeApplyStats["notesAs"]): { written: number; skipped: number } {
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
