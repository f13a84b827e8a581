/**
 * Reading sheets through Office.js into the core's `SheetSnapshot`s, in a constant number of
 * syncs whatever the number of sheets or cells:
 *
 *  1. "read: sheets" — the worksheet list (names, visibility), the active sheet and, where the
 *     host has them, the workbook's notes (ExcelApi 1.18) or else comments (1.10) with their text.
 *     The list must come back before any sheet can be addressed, so this sync cannot be folded away.
 *  2. "read: cells" — for every requested sheet its used range (values only): values, formulas,
 *     number formats and position; with ExcelApi 1.9 also every cell's fill (`getCellProperties`)
 *     and which rows are hidden (`getRowProperties`); and the cell of every note or comment
 *     (`getLocation()` — a method, so it needs the note proxies from sync 1).
 *
 * Two syncs in all. `getUsedRange(true)` rather than `getUsedRangeOrNullObject`: on a blank sheet
 * it returns A1 instead of a null object, so `getCellProperties` on it is always valid; a blank A1
 * is turned back into an empty snapshot here.
 *
 * Fills: Excel reports a cell without fill as colour "#FFFFFF" with pattern "None". The pattern
 * is loaded too, so a white fill (the template's input cells) stays "#FFFFFF" and "no fill" is
 * null. Only if a host returned no pattern would "#FFFFFF" be read as null (indistinguishable).
 * Without ExcelApi 1.9 fills and hidden rows are not read (per-cell loads would cost too much).
 *
 * Notes: on ExcelApi 1.10–1.17 Huishen writes comments instead of notes, so there the snapshot's
 * `notes` holds the comments' text (the first comment of each thread): the core then sees its own
 * earlier flags and a person's comments the same way it sees notes on 1.18.
 */
import type { CellValue, SheetSnapshot } from "../../core/grid";
import type { HostCapabilities, WorkbookRead } from "../../core/host";
import type { Syncer } from "./sync";
import { sameSheetName, splitSheetAddress } from "./address";

export interface ReadOptions {
  readonly capabilities: HostCapabilities;
  /** Only these sheets (matched without regard to case), in tab order; missing names are skipped. */
  readonly sheets?: readonly string[];
}

/** The used range as loaded: what `snapshotFromRange` needs. */
export interface LoadedRange {
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly unknown[])[];
  readonly numberFormat: readonly (readonly unknown[])[];
  readonly rowIndex: number;
  readonly columnIndex: number;
}

export interface FillLike {
  readonly format?: { readonly fill?: { readonly color?: string; readonly pattern?: string } };
}

/** A cell's solid fill as #RRGGBB, or null for none (see the file comment on "#FFFFFF"). */
export function fillColour(p: FillLike | undefined): string | null {
  const fill = p?.format?.fill;
  if (!fill || typeof fill.color !== "string") return null;
  if (fill.pattern === "None") return null;
  const colour = fill.color.toUpperCase();
  if (fill.pattern === undefined && colour === "#FFFFFF") return null;
  return /^#[0-9A-F]{6}$/.test(colour) ? colour : null;
}

function isBlankA1(r: LoadedRange): boolean {
  return (
    r.rowIndex === 0 &&
    r.columnIndex === 0 &&
    r.values.length === 1 &&
    r.values[0].length === 1 &&
    r.values[0][0] === "" &&
    (r.formulas[0]?.[0] ?? "") === ""
  );
}

function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * A used range (which starts at `rowIndex`, `columnIndex`) → a snapshot whose row 0 / column 0
 * are A1: rows above and columns left of the used range are padded with blanks, as the core reads
 * sheets A1-based.
 */
export function snapshotFromRange(
  name: string,
  used: LoadedRange,
  extras: {
    readonly fills?: readonly (readonly FillLike[])[];
    readonly hiddenRows?: readonly number[];
    readonly notes?: Readonly<Record<string, string>>;
    /** Merged areas as A1:B2 on this sheet. */
    readonly merges?: readonly string[];
  } = {},
): SheetSnapshot {
  const optional = {
    ...(extras.hiddenRows ? { hiddenRows: extras.hiddenRows } : {}),
    ...(extras.notes ? { notes: extras.notes } : {}),
    ...(extras.merges?.length ? { merges: extras.merges } : {}),
  };
  if (isBlankA1(used)) {
    return { name, values: [], formulas: [], numberFormats: [], ...(extras.fills ? { fills: [] } : {}), ...optional };
  }
  const top = used.rowIndex;
  const left = used.columnIndex;
  const cols = used.values[0]?.length ?? 0;
  const width = left + cols;
  const pad = <T>(fill: T) => new Array<T>(left).fill(fill);
  const blankRow = <T>(fill: T) => new Array<T>(width).fill(fill);

  const values: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const fills: (string | null)[][] = [];
  for (let r = 0; r < top; r++) {
    values.push(blankRow<CellValue>(""));
    formulas.push(blankRow<CellValue>(""));
    numberFormats.push(blankRow("General"));
    if (extras.fills) fills.push(blankRow<string | null>(null));
  }
  used.values.forEach((row, r) => {
    values.push([...pad<CellValue>(""), ...row.map(cellValue)]);
    formulas.push([...pad<CellValue>(""), ...(used.formulas[r] ?? row).map(cellValue)]);
    numberFormats.push([...pad("General"), ...(used.numberFormat[r] ?? []).map((f) => (typeof f === "string" && f !== "" ? f : "General"))]);
    if (extras.fills) fills.push([...pad<string | null>(null), ...(extras.fills[r] ?? []).map(fillColour)]);
  });
  return { name, values, formulas, numberFormats, ...(extras.fills ? { fills } : {}), ...optional };
}

interface NoteLike {
  readonly content: string;
  getLocation(): Excel.Range;
}

/** The part of a worksheet that reading one sheet needs (lets office-addin-mock stand in). */
export interface ReadableSheet {
  getUsedRange(valuesOnly?: boolean): Excel.Range;
}

/** One sheet's loads, queued; `sheetSnapshot` turns them into a snapshot after the sync. */
export interface PendingSheetRead {
  readonly used: Excel.Range;
  readonly fills?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  readonly rows?: OfficeExtension.ClientResult<Excel.RowProperties[]>;
  /** Merged areas of the used range (ExcelApi 1.13), loaded in the same sync. */
  readonly merged?: { readonly isNullObject: boolean; readonly address: string };
}

/** Queue everything one sheet's snapshot needs; nothing is sent until the caller syncs. */
export function queueSheetRead(ws: ReadableSheet, caps: HostCapabilities): PendingSheetRead {
  const used = ws.getUsedRange(true);
  used.load("values,formulas,numberFormat,rowIndex,columnIndex");
  const merged = caps.mergedAreas ? used.getMergedAreasOrNullObject().load("address") : undefined;
  if (!caps.cellProperties) return { used, merged };
  return {
    used,
    merged,
    fills: used.getCellProperties({ format: { fill: { color: true, pattern: true } } }),
    rows: used.getRowProperties({ rowIndex: true, rowHidden: true }),
  };
}

/** After the sync: the loaded sheet as the core's snapshot. */
export function sheetSnapshot(name: string, p: PendingSheetRead, notes?: Readonly<Record<string, string>>): SheetSnapshot {
  return snapshotFromRange(name, p.used as unknown as LoadedRange, {
    fills: p.fills?.value,
    hiddenRows: p.rows?.value.filter((r) => r.rowHidden === true && typeof r.rowIndex === "number").map((r) => r.rowIndex as number),
    notes,
    merges: p.merged && !p.merged.isNullObject ? areaAddresses(p.merged.address) : undefined,
  });
}

/** `'a,b'!$A$1:$B$2,'a,b'!E10:F10` → ["A1:B2", "E10:F10"]: split after each cell reference, since a sheet name may hold a comma. */
function areaAddresses(address: string): string[] {
  return [...address.matchAll(/!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?=,|$)/g)].map((m) => (m[3] ? `${m[1]}${m[2]}:${m[3]}${m[4]}` : `${m[1]}${m[2]}`));
}

/** Read the named sheets (or all), with fills and notes where the host supports them. Two syncs. */
export async function readWorkbook(context: Excel.RequestContext, sync: Syncer, opts: ReadOptions): Promise<WorkbookRead> {
  const caps = opts.capabilities;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const active = worksheets.getActiveWorksheet();
  active.load("name");
  let notes: { items: NoteLike[] } | undefined;
  if (caps.notes) {
    const c = context.workbook.notes;
    c.load("items/content");
    notes = c;
  } else if (caps.comments) {
    const c = context.workbook.comments;
    c.load("items/content");
    notes = c;
  }
  await sync("read: sheets");

  const wanted = opts.sheets;
  const sheets = worksheets.items.filter((ws) => !wanted || wanted.some((n) => sameSheetName(n, ws.name)));
  const queued = sheets.map((ws) => ({ ws, pending: queueSheetRead(ws, caps) }));
  const located = (notes?.items ?? []).map((n) => {
    const at = n.getLocation();
    at.load("address");
    return { content: n.content, at };
  });
  await sync("read: cells");

  const notesBySheet = new Map<string, Record<string, string>>();
  for (const { content, at } of located) {
    const { sheet, address } = splitSheetAddress(at.address);
    const key = sheet.toLowerCase();
    const m = notesBySheet.get(key) ?? {};
    m[address.split(":")[0]] = content;
    notesBySheet.set(key, m);
  }

  return {
    activeSheet: active.name,
    hiddenSheets: sheets.filter((ws) => ws.visibility !== "Visible").map((ws) => ws.name),
    sheets: queued.map(({ ws, pending }) => sheetSnapshot(ws.name, pending, notes ? (notesBySheet.get(ws.name.toLowerCase()) ?? {}) : undefined)),
  };
}

/** Names of all sheets, in tab order. One sync. */
export async function readSheetNames(context: Excel.RequestContext, sync: Syncer): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await sync("sheet names");
  return worksheets.items.map((ws) => ws.name);
}
