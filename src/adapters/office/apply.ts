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
import type { SheetPlan, WritePlan } from "../../core/plan/write-plan";
import { PlanError } from "../../core/plan/plan-error";
import { ProtectedSheetError } from "./protected-sheet-error";
import { sheetPlanProblems, workbookPlanProblems, type ExistingSheet } from "../../core/plan/plan-problems";
import { splitSheetAddress } from "./address";
import type { ApplyStats, HostCapabilities } from "../../core/host";
import { chunkOps, OP_OVERHEAD_BYTES, type Op } from "./ops";
import { noteAddresses, type SheetState } from "./sheet-state";

export { HUISHEN_PROTECTION } from "./sheet-state";
import { queueSheet, type SheetQueue } from "./queue-sheet";
import type { Syncer } from "./sync";


/** Excel on the web rejects a request over 5 MB; stay well below with the estimate. */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/** A rough cost of one queued call besides its data (object path, method name, ids). */

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


// ---------------------------------------------------------------------------------------------
// Checking the plan

type Visibility = "Visible" | "Hidden" | "VeryHidden";
const VISIBILITY: Record<NonNullable<SheetPlan["visibility"]>, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };
/** Office.js spells visibility in capitals; the core's plan check speaks the plan's words. */
const FROM_OFFICE: Record<string, ExistingSheet["visibility"]> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };
const existingSheets = (items: readonly { name: string; visibility: string }[]): ExistingSheet[] => items.map((w) => ({ name: w.name, visibility: FROM_OFFICE[w.visibility] ?? "visible" }));








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
  const temporaryName = temporaryNames(worksheets.items.map((w) => w.name).concat(plan.sheets.map((sp) => sp.name)));
  let activateReplaced: string | undefined;

  const q: SheetQueue = { worksheets, loaded: worksheets.items, sheet, adopt: (name, ws) => proxies.set(name.toLowerCase(), ws), op, first, body, last, caps, limit, notesAs, temporaryName, activeSheet: activeSheet?.name, stats, unprotected };
  for (const st of states) activateReplaced = queueSheet(st, q) ?? activateReplaced;

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
        throw new ProtectedSheetError(unprotected, { cause: e });
      }
      throw e;
    }
    opts.onProgress?.(i + 1, chunks.length);
  }

  return { syncs, chunks: chunks.length, notesAs, ...stats };
}


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










