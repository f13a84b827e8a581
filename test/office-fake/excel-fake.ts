/**
 * An in-memory Excel for tests: exactly the part of the Excel JavaScript API that Huishen's
 * Office.js adapter (src/adapters/office) uses, with Office.js's request model:
 *
 *  - calls on proxy objects are queued and run only at `context.sync()`; a property can be read
 *    only after `load` + `sync` (reading earlier throws `PropertyNotLoaded`, as Office.js does);
 *  - a request runs its operations in order and stops at the first error (earlier ones stay done);
 *  - a request whose payload passes `maxRequestBytes` (5 MB, Excel on the web's limit) is refused;
 *  - methods newer than the configured ExcelApi version throw `ApiNotFound`;
 *  - a protected sheet refuses writes to locked cells, formatting, merges, validation, notes,
 *    conditional formats and charts;
 *  - a very hidden sheet cannot be deleted, nor the last visible one.
 *
 * Every sync is counted and every executed operation logged, so tests can assert what was written
 * and in how many round trips. This file imports only the pure core's address helpers (no Node, no jest) so that a browser page
 * can bundle it as the stub Excel host:
 *
 *     const fake = installFakeExcel(window, { apiVersion: "1.18", workbook: { sheets: [{ name: "Sheet1" }] } });
 *
 * which defines `window.Excel` and `window.Office` (`Office.onReady` resolves with host Excel).
 */

// ---------------------------------------------------------------------------------------------
// Public types

import { columnIndex, columnLetters } from "../../src/core/grid";

export type FakeScalar = string | number | boolean;

export interface FakeCellInit {
  readonly value?: FakeScalar;
  /** "=A1+1" */
  readonly formula?: string;
  readonly numberFormat?: string;
  /** #RRGGBB */
  readonly fill?: string;
  readonly locked?: boolean;
}

export interface FakeSheetInit {
  readonly name: string;
  readonly visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** A1 address → a value (typed as a person would: "12" stays text here, use numbers for numbers) or a cell. */
  readonly cells?: Readonly<Record<string, FakeScalar | FakeCellInit>>;
  readonly notes?: Readonly<Record<string, string>>;
  readonly comments?: Readonly<Record<string, string>>;
  readonly merges?: readonly string[];
  readonly hiddenRows?: readonly number[];
  /** true: protected without password; { password }: with one. */
  readonly protected?: boolean | { readonly password?: string; readonly options?: Record<string, unknown> };
}

export interface FakeWorkbookInit {
  readonly sheets: readonly FakeSheetInit[];
  /** Name of the active sheet (default: the first visible one). */
  readonly active?: string;
}

export interface FakeOptions {
  /** Highest ExcelApi requirement set the host claims, e.g. "1.7", "1.10", "1.18". */
  readonly apiVersion: string;
  readonly workbook?: FakeWorkbookInit;
  /** Payload limit per request (default 5,000,000 bytes of JSON, UTF-8). */
  readonly maxRequestBytes?: number;
  readonly displayLanguage?: string;
}

export interface FakeLogEntry {
  /** 1-based number of the sync that ran this operation. */
  readonly sync: number;
  /** "Range.values", "RangeFill.color", "NoteCollection.add", "Worksheet.load", ... */
  readonly op: string;
  readonly sheet?: string;
  readonly address?: string;
  readonly detail?: unknown;
}

export interface FakeRequest {
  readonly sync: number;
  readonly bytes: number;
  readonly operations: number;
  readonly ok: boolean;
}

export interface FakeCellView {
  readonly value: FakeScalar;
  readonly formula?: string;
  readonly numberFormat: string;
  readonly fill: string | null;
  readonly font: Readonly<{ bold?: boolean; italic?: boolean; size?: number; color?: string }>;
  readonly wrap?: boolean;
  readonly hAlign?: string;
  readonly vAlign?: string;
  readonly borders: Readonly<{ top?: string; bottom?: string; left?: string; right?: string }>;
  readonly locked: boolean;
  readonly validation?: Readonly<FakeValidation>;
}

export interface FakeValidation {
  rule?: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
  ignoreBlanks?: boolean;
}

export interface FakeConditionalFormatView {
  /** "ColorScale", … */
  readonly type: string;
  /** A1, without the sheet. */
  readonly range: string;
  /** As set through `colorScale.criteria` (undefined until set). */
  readonly colorScale?: { readonly criteria?: Readonly<Record<string, unknown>> };
}

export interface FakeChartSeriesView {
  readonly name: string;
  /** Sheet-qualified, as Range.address gives it ("汇总表!E5:E42"). */
  readonly values: string;
  /** Set by `setXAxisValues` (sheet-qualified); undefined before. */
  readonly xAxisValues?: string;
}

export interface FakeChartView {
  readonly name: string;
  /** "BarClustered", … */
  readonly type: string;
  readonly seriesBy: string;
  /** The source range given to `charts.add` (sheet-qualified). */
  readonly source: string;
  readonly title: string;
  readonly legendVisible: boolean;
  readonly series: readonly FakeChartSeriesView[];
  /** Set by `setPosition` (A1 of the start and end cells); undefined before. */
  readonly position?: { readonly from: string; readonly to?: string };
}

export interface FakeSheetView {
  readonly name: string;
  readonly id: string;
  readonly visibility: string;
  readonly tabColor: string;
  readonly freeze: { readonly rows: number; readonly columns: number };
  readonly protection: { readonly protected: boolean; readonly options: Readonly<Record<string, unknown>>; readonly password?: string };
  cell(address: string): FakeCellView;
  value(address: string): FakeScalar;
  /** Values from A1 to the last used cell ("" for blank). */
  values(): FakeScalar[][];
  /** Every stored cell, by A1 address. */
  cells(): Map<string, FakeCellView>;
  readonly merges: readonly string[];
  readonly notes: Readonly<Record<string, string>>;
  readonly comments: Readonly<Record<string, string>>;
  columnWidth(index: number): number | undefined;
  columnHidden(index: number): boolean;
  rowHeight(index: number): number | undefined;
  rowHidden(index: number): boolean;
  /** Conditional formats added through Office.js, in order (the `cells` of a sheet init have none). */
  readonly conditionalFormats: readonly FakeConditionalFormatView[];
  readonly charts: readonly FakeChartView[];
  /** What `Worksheet.pageLayout` (ExcelApi 1.9) set; empty when nothing was. */
  readonly print: Readonly<FakePrintState>;
}

export interface FakePrintState {
  paperSize?: string;
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  centerHorizontally?: boolean;
  titleRows?: string;
  titleColumns?: string;
  area?: string;
  centerHeader?: string;
  centerFooter?: string;
}

export interface FakeExcel {
  readonly syncs: number;
  /** Syncs Excel.run made by itself because a batch ended with queued operations. */
  readonly implicitSyncs: number;
  readonly log: readonly FakeLogEntry[];
  readonly requests: readonly FakeRequest[];
  apiVersion: string;
  /** While true, every sync hangs forever (as Excel on the web sometimes does). */
  hangSyncs: boolean;
  readonly activeSheet: string;
  readonly selection: { readonly sheet: string; readonly address: string } | undefined;
  sheetNames(): string[];
  sheet(name: string): FakeSheetView;
  /** A person types into a cell: the value changes and change handlers run. */
  edit(sheet: string, address: string, value: FakeScalar): Promise<void>;
  /** A person renames a sheet (its id stays). */
  rename(sheet: string, to: string): void;
  /** A person merges cells (Excel keeps the top-left value and clears the rest). */
  merge(sheet: string, range: string): void;
  /** Resolves when no `Excel.run` is in progress (e.g. ones started by event handlers). */
  idle(): Promise<void>;
  /** Forget the log and counters (not the workbook). */
  resetCounters(): void;
  /** Remove `Excel` and `Office` from the target again. */
  uninstall(): void;
}

// ---------------------------------------------------------------------------------------------
// Addresses

const MAX_ROW = 1048575;
const MAX_COL = 16383;

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

// Column letters as the core spells them: the fake and the adapter must agree on addresses.
const colLetters = columnLetters;
const colIndex = columnIndex;

function a1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

function rectA1(r: Rect): string {
  if (r.top === 0 && r.bottom === MAX_ROW) return `${colLetters(r.left)}:${colLetters(r.right)}`;
  if (r.left === 0 && r.right === MAX_COL) return `${r.top + 1}:${r.bottom + 1}`;
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

function parseRect(address: string): Rect | undefined {
  const text = address.replace(/\$/g, "").trim();
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(text);
  if (cols) {
    const [a, b] = [colIndex(cols[1]), colIndex(cols[2])];
    return { top: 0, bottom: MAX_ROW, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const rows = /^(\d+):(\d+)$/.exec(text);
  if (rows) {
    const [a, b] = [Number(rows[1]) - 1, Number(rows[2]) - 1];
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COL };
  }
  const parts = text.split(":");
  if (parts.length > 2) return undefined;
  const cells = parts.map((p) => /^([A-Za-z]{1,3})(\d+)$/.exec(p));
  if (cells.some((m) => !m)) return undefined;
  const [p, q] = [cells[0]!, cells[1] ?? cells[0]!];
  const [r1, c1, r2, c2] = [Number(p[2]) - 1, colIndex(p[1]), Number(q[2]) - 1, colIndex(q[1])];
  if (r1 < 0 || r2 < 0 || r1 > MAX_ROW || r2 > MAX_ROW || c1 > MAX_COL || c2 > MAX_COL) return undefined;
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function splitSheet(address: string): { sheet?: string; address: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { address };
  const raw = address.slice(0, bang);
  return { sheet: /^'.*'$/.test(raw) ? raw.slice(1, -1).replace(/''/g, "'") : raw, address: address.slice(bang + 1) };
}

function cellCount(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

// ---------------------------------------------------------------------------------------------
// Errors

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const notLoaded = (prop: string) =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

// ---------------------------------------------------------------------------------------------
// State

interface CellState {
  value: FakeScalar;
  formula?: string;
  numberFormat: string;
  fill: string | null;
  font: { bold?: boolean; italic?: boolean; size?: number; color?: string };
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  borders: { top?: string; bottom?: string; left?: string; right?: string };
  locked: boolean;
  validation?: FakeValidation;
}

function blankCell(): CellState {
  return { value: "", numberFormat: "General", fill: null, font: {}, borders: {}, locked: true };
}

function isDefaultCell(c: CellState): boolean {
  return (
    c.value === "" &&
    c.formula === undefined &&
    c.numberFormat === "General" &&
    c.fill === null &&
    Object.keys(c.font).length === 0 &&
    c.wrap === undefined &&
    c.hAlign === undefined &&
    c.vAlign === undefined &&
    Object.keys(c.borders).length === 0 &&
    c.locked &&
    c.validation === undefined
  );
}

/** What Excel makes of typed input (a subset): 'text, =formula, numbers, percentages, booleans. */
function typedInput(v: unknown): { value: FakeScalar; formula?: string } {
  if (typeof v === "number" || typeof v === "boolean") return { value: v };
  const s = String(v);
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.startsWith("=") && s.length > 1) return { value: "", formula: s };
  const t = s.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { value: Number(t) };
  const pct = /^([+-]?(\d+\.?\d*|\.\d+))%$/.exec(t);
  if (pct) return { value: Number((Number(pct[1]) / 100).toPrecision(15)) };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  return { value: s };
}

interface NoteState {
  content: string;
}

interface CommentState {
  id: string;
  content: string;
}

interface ConditionalFormatState {
  readonly type: string;
  readonly range: Rect;
  colorScale?: { criteria?: Record<string, unknown> };
}

interface ChartSeriesState {
  name: string;
  values: string;
  xAxisValues?: string;
}

interface ChartState {
  name: string;
  readonly type: string;
  readonly seriesBy: string;
  readonly source: string;
  title: string;
  legendVisible: boolean;
  readonly series: ChartSeriesState[];
  position?: { from: string; to?: string };
}

type Handler = (args: Record<string, unknown>) => unknown;

class SheetState {
  readonly cellMap = new Map<number, CellState>();
  merges: Rect[] = [];
  readonly colWidth = new Map<number, number>();
  readonly colHidden = new Set<number>();
  readonly rowHeight = new Map<number, number>();
  readonly rowHidden = new Set<number>();
  freeze = { rows: 0, columns: 0 };
  tabColor = "";
  print: FakePrintState = {};
  protection: { protected: boolean; options: Record<string, unknown>; password?: string } = { protected: false, options: {} };
  readonly notes = new Map<number, NoteState>();
  readonly comments = new Map<number, CommentState>();
  readonly conditionalFormats: ConditionalFormatState[] = [];
  charts: ChartState[] = [];
  readonly changeHandlers = new Set<Handler>();
  /** Set by `Worksheet.delete`: proxies still bound to it fail with ItemNotFound. */
  deleted = false;

  constructor(
    readonly id: string,
    public name: string,
    public visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible",
  ) {}

  static key(row: number, col: number): number {
    return row * (MAX_COL + 1) + col;
  }

  get(row: number, col: number): CellState | undefined {
    return this.cellMap.get(SheetState.key(row, col));
  }

  at(row: number, col: number): CellState {
    const k = SheetState.key(row, col);
    let c = this.cellMap.get(k);
    if (!c) this.cellMap.set(k, (c = blankCell()));
    return c;
  }

  forEach(r: Rect, fn: (c: CellState, row: number, col: number) => void): void {
    if (cellCount(r) > 5_000_000) throw new FakeOfficeError("InvalidArgument", `The fake does not write ${rectA1(r)} cell by cell`);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(this.at(row, col), row, col);
  }

  used(valuesOnly: boolean): Rect | undefined {
    let r: Rect | undefined;
    for (const [k, c] of this.cellMap) {
      const has = c.value !== "" || c.formula !== undefined || (!valuesOnly && !isDefaultCell(c));
      if (!has) continue;
      const row = Math.floor(k / (MAX_COL + 1));
      const col = k % (MAX_COL + 1);
      if (!r) r = { top: row, bottom: row, left: col, right: col };
      else {
        r.top = Math.min(r.top, row);
        r.bottom = Math.max(r.bottom, row);
        r.left = Math.min(r.left, col);
        r.right = Math.max(r.right, col);
      }
    }
    return r;
  }

  /** Protection checks: what a protected sheet refuses. */
  assertContent(r: Rect): void {
    if (!this.protection.protected) return;
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        if (this.get(row, col)?.locked ?? true) throw new FakeOfficeError("AccessDenied", `The cell ${a1(row, col)} on protected sheet "${this.name}" is locked.`);
      }
    }
  }

  assertAllowed(what: "formatCells" | "formatColumns" | "formatRows" | "edit"): void {
    if (!this.protection.protected) return;
    const allowed: Record<string, string> = { formatCells: "allowFormatCells", formatColumns: "allowFormatColumns", formatRows: "allowFormatRows" };
    const key = allowed[what];
    if (key && this.protection.options[key] === true) return;
    throw new FakeOfficeError("AccessDenied", `Sheet "${this.name}" is protected (${what}).`);
  }
}

function cellView(c: CellState | undefined): FakeCellView {
  const s = c ?? blankCell();
  return {
    value: s.value,
    ...(s.formula !== undefined ? { formula: s.formula } : {}),
    numberFormat: s.numberFormat,
    fill: s.fill,
    font: { ...s.font },
    ...(s.wrap !== undefined ? { wrap: s.wrap } : {}),
    ...(s.hAlign !== undefined ? { hAlign: s.hAlign } : {}),
    ...(s.vAlign !== undefined ? { vAlign: s.vAlign } : {}),
    borders: { ...s.borders },
    locked: s.locked,
    ...(s.validation ? { validation: { ...s.validation } } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// The engine: workbook state, requests, log

interface Action {
  readonly op: string;
  readonly bytes: number;
  readonly exec: () => void;
}

// Measured independently of the adapter's own estimate, so a chunking bug cannot hide behind it.
const encoder = new TextEncoder();
function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

/** Bytes a request spends on this data: its JSON, UTF-8, plus a little per call. */
function payload(data: unknown): number {
  const s = data === undefined ? "" : JSON.stringify(data);
  return 40 + (s === undefined ? 0 : utf8Length(s));
}

function versionAtLeast(have: string, need: string): boolean {
  const a = have.split(".").map(Number);
  const b = need.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

class Engine {
  sheets: SheetState[] = [];
  active = "";
  selection: { sheet: string; address: string } | undefined;
  syncs = 0;
  implicitSyncs = 0;
  log: FakeLogEntry[] = [];
  requests: FakeRequest[] = [];
  hangSyncs = false;
  inFlight = 0;
  nextId = 1;
  /** Excel names new charts "Chart 1", "Chart 2", … across the workbook. */
  nextChart = 1;
  readonly workbookChangeHandlers = new Set<Handler>();
  readonly maxRequestBytes: number;

  constructor(
    public apiVersion: string,
    opts: FakeOptions,
  ) {
    this.maxRequestBytes = opts.maxRequestBytes ?? 5_000_000;
    for (const s of opts.workbook?.sheets ?? [{ name: "Sheet1" }]) this.addInitial(s);
    this.active = opts.workbook?.active ?? this.sheets.find((s) => s.visibility === "Visible")?.name ?? "";
  }

  private addInitial(init: FakeSheetInit): void {
    const s = new SheetState(this.newId(), init.name, init.visibility ?? "Visible");
    for (const [addr, v] of Object.entries(init.cells ?? {})) {
      const r = parseRect(addr);
      if (!r) throw new Error(`bad address ${addr}`);
      const c = s.at(r.top, r.left);
      if (typeof v === "object") {
        if (v.value !== undefined) c.value = v.value;
        if (v.formula !== undefined) c.formula = v.formula;
        if (v.numberFormat !== undefined) c.numberFormat = v.numberFormat;
        if (v.fill !== undefined) c.fill = v.fill.toUpperCase();
        if (v.locked !== undefined) c.locked = v.locked;
      } else {
        c.value = v;
      }
    }
    for (const [addr, text] of Object.entries(init.notes ?? {})) {
      const r = parseRect(addr)!;
      s.notes.set(SheetState.key(r.top, r.left), { content: text });
    }
    for (const [addr, text] of Object.entries(init.comments ?? {})) {
      const r = parseRect(addr)!;
      s.comments.set(SheetState.key(r.top, r.left), { id: `comment-${this.nextId++}`, content: text });
    }
    for (const m of init.merges ?? []) s.merges.push(parseRect(m)!);
    for (const r of init.hiddenRows ?? []) s.rowHidden.add(r);
    if (init.protected) {
      const p = typeof init.protected === "object" ? init.protected : {};
      s.protection = { protected: true, options: { ...(p.options ?? {}) }, ...(p.password ? { password: p.password } : {}) };
    }
    this.sheets.push(s);
  }

  newId(): string {
    return `{00000000-0001-0000-0000-${String(this.nextId++).padStart(12, "0")}}`;
  }

  require(version: string, api: string): void {
    if (!versionAtLeast(this.apiVersion, version)) {
      throw new FakeOfficeError("ApiNotFound", `${api} needs ExcelApi ${version}; this host has ${this.apiVersion}.`);
    }
  }

  supports(version: string): boolean {
    return versionAtLeast(this.apiVersion, version);
  }

  /** Excel's rules for a sheet name; undefined when `name` is allowed. */
  sheetNameProblem(name: string): string | undefined {
    if (name.length === 0 || name.length > 31) return "must have 1 to 31 characters";
    if (/[[\]:*?/\\]/.test(name)) return "contains one of [ ] : * ? / \\";
    if (/^'|'$/.test(name)) return "starts or ends with a quote";
    if (name.toLowerCase() === "history") return `"History" is reserved`;
    return undefined;
  }

  findSheet(key: string): SheetState | undefined {
    const lower = key.toLowerCase();
    return this.sheets.find((s) => s.id === key) ?? this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  record(entry: Omit<FakeLogEntry, "sync">): void {
    this.log.push({ sync: this.syncs, ...entry });
  }

  async sync(ctx: FakeContext): Promise<void> {
    this.syncs++;
    const actions = ctx.queue;
    ctx.queue = [];
    if (this.hangSyncs) return new Promise<void>(() => undefined);
    const bytes = actions.reduce((n, a) => n + a.bytes, 0);
    const request = { sync: this.syncs, bytes, operations: actions.length };
    await Promise.resolve();
    if (bytes > this.maxRequestBytes) {
      this.requests.push({ ...request, ok: false });
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${bytes} > ${this.maxRequestBytes} bytes).`);
    }
    this.pendingEdits = [];
    try {
      for (const a of actions) a.exec();
    } catch (e) {
      this.requests.push({ ...request, ok: false });
      throw e;
    } finally {
      this.flushEvents("ThisLocalAddin");
    }
    this.requests.push({ ...request, ok: true });
  }

  // Change events ---------------------------------------------------------------------------

  pendingEdits: { sheet: SheetState; address: string }[] = [];

  noteEdit(sheet: SheetState, r: Rect): void {
    this.pendingEdits.push({ sheet, address: rectA1(r) });
  }

  flushEvents(trigger: "ThisLocalAddin" | "Unknown"): Promise<unknown>[] {
    const edits = this.pendingEdits;
    this.pendingEdits = [];
    const out: Promise<unknown>[] = [];
    for (const { sheet, address } of edits) {
      const args: Record<string, unknown> = {
        type: "WorksheetChanged",
        worksheetId: sheet.id,
        address,
        changeType: "RangeEdited",
        source: "Local",
        ...(this.supports("1.14") ? { triggerSource: trigger } : {}),
      };
      for (const h of [...sheet.changeHandlers, ...this.workbookChangeHandlers]) {
        out.push(
          Promise.resolve()
            .then(() => h(args))
            .catch(() => undefined),
        );
      }
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Proxies

class FakeContext {
  queue: Action[] = [];
  readonly workbook: WorkbookProxy;
  constructor(readonly engine: Engine) {
    this.workbook = new WorkbookProxy(this);
  }
  sync(): Promise<void> {
    return this.engine.sync(this);
  }
}

/** Base of every proxy: queued actions, loaded properties. */
abstract class FakeProxy {
  protected readonly loaded = new Map<string, unknown>();
  constructor(readonly context: FakeContext) {}

  protected get engine(): Engine {
    return this.context.engine;
  }

  protected abstract readonly kind: string;

  protected queue(member: string, data: unknown, exec: () => void, where?: () => { sheet?: string; address?: string } | undefined): void {
    const op = `${this.kind}.${member}`;
    this.context.queue.push({
      op,
      bytes: payload(data),
      exec: () => {
        // Where it happened: before the call (a deleted note has no cell after), else after (an added one).
        const locate = () => {
          try {
            return where?.();
          } catch {
            return undefined;
          }
        };
        let at = locate();
        exec();
        at ??= locate();
        this.engine.record({ op, ...(at ?? {}), ...(data !== undefined && member !== "load" ? { detail: data } : {}) });
      },
    });
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  /** Read one scalar property from the state, at execution time. */
  protected abstract read(prop: string): unknown;

  /** Navigation properties that `load("a/b")` may go through. */
  protected nav(prop: string): FakeProxy | undefined {
    void prop;
    return undefined;
  }

  /** Apply a load at execution time. */
  applyLoad(paths: string[]): void {
    const direct: string[] = [];
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (rest.length === 0) direct.push(head);
      else nested.set(head, [...(nested.get(head) ?? []), rest.join("/")]);
    }
    for (const prop of direct) this.loaded.set(prop, this.read(prop));
    for (const [head, rest] of nested) {
      const target = this.nav(head);
      if (!target) throw new FakeOfficeError("InvalidArgument", `${this.kind} has no navigation property "${head}"`);
      target.applyLoad(rest);
    }
  }

  load(arg?: string | string[] | { select?: string }): this {
    const paths = loadPaths(arg);
    this.queue("load", undefined, () => this.applyLoad(paths));
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

function loadPaths(arg?: string | string[] | { select?: string }): string[] {
  const text = arg === undefined ? "" : typeof arg === "string" ? arg : Array.isArray(arg) ? arg.join(",") : (arg.select ?? "");
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

class ClientResult<T> {
  private done = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.done = true;
  }
  get value(): T {
    if (!this.done) throw notLoaded("value");
    return this.v as T;
  }
}

abstract class CollectionProxy<T extends FakeProxy> extends FakeProxy {
  protected abstract itemsNow(): T[];
  get items(): T[] {
    return this.get<T[]>("items");
  }
  override applyLoad(paths: string[]): void {
    // "items/name" and "name" both load the items' properties.
    const itemPaths = paths.map((p) => (p.startsWith("items/") ? p.slice(6) : p)).filter((p) => p !== "items");
    const items = this.itemsNow();
    for (const it of items) it.applyLoad(itemPaths);
    this.loaded.set("items", items);
  }
  protected read(prop: string): unknown {
    return prop;
  }
}

class WorkbookProxy extends FakeProxy {
  protected readonly kind = "Workbook";
  readonly worksheets: WorksheetCollectionProxy;
  constructor(context: FakeContext) {
    super(context);
    this.worksheets = new WorksheetCollectionProxy(context);
  }
  get notes(): NoteCollectionProxy {
    this.engine.require("1.18", "Workbook.notes");
    return new NoteCollectionProxy(this.context, undefined);
  }
  get comments(): CommentCollectionProxy {
    this.engine.require("1.10", "Workbook.comments");
    return new CommentCollectionProxy(this.context, undefined);
  }
  protected read(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `Workbook.${prop} is not in the fake`);
  }
}

class EventHandlersProxy extends FakeProxy {
  protected readonly kind = "EventHandlers";
  constructor(
    context: FakeContext,
    private readonly set: () => Set<Handler>,
    private readonly what: string,
  ) {
    super(context);
  }
  add(handler: Handler): { context: FakeContext; remove: () => void } {
    this.queue(`add(${this.what})`, undefined, () => this.set().add(handler));
    return {
      context: this.context,
      remove: () => this.queue(`remove(${this.what})`, undefined, () => this.set().delete(handler)),
    };
  }
  protected read(prop: string): unknown {
    return prop;
  }
}

class WorksheetCollectionProxy extends CollectionProxy<WorksheetProxy> {
  protected readonly kind = "WorksheetCollection";
  protected itemsNow(): WorksheetProxy[] {
    return this.engine.sheets.map((s) => WorksheetProxy.bound(this.context, s));
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.engine.findSheet(key), false, key);
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    this.engine.require("1.4", "WorksheetCollection.getItemOrNullObject");
    return new WorksheetProxy(this.context, () => this.engine.findSheet(key), true, key);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.engine.findSheet(this.engine.active), false, "(active)");
  }
  add(name?: string): WorksheetProxy {
    let created: SheetState | undefined;
    const proxy = new WorksheetProxy(this.context, () => created, false, name ?? "(new)");
    this.queue(
      "add",
      name,
      () => {
        const wanted = name ?? `Sheet${this.engine.sheets.length + 1}`;
        if (this.engine.findSheet(wanted)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${wanted}" already exists.`);
        created = new SheetState(this.engine.newId(), wanted);
        this.engine.sheets.push(created);
      },
      () => ({ sheet: name }),
    );
    return proxy;
  }
  get onChanged(): EventHandlersProxy {
    this.engine.require("1.9", "WorksheetCollection.onChanged");
    return new EventHandlersProxy(this.context, () => this.engine.workbookChangeHandlers, "worksheets.onChanged");
  }
}

class WorksheetProxy extends FakeProxy {
  protected readonly kind = "Worksheet";
  private boundState: SheetState | undefined;

  constructor(
    context: FakeContext,
    private readonly resolver: () => SheetState | undefined,
    private readonly orNull: boolean,
    private readonly label: string,
  ) {
    super(context);
  }

  static bound(context: FakeContext, s: SheetState): WorksheetProxy {
    const p = new WorksheetProxy(context, () => s, false, s.name);
    p.boundState = s;
    return p;
  }

  /** The sheet, bound at first use (it follows the sheet if renamed). */
  state(): SheetState {
    const s = this.stateOrNull();
    if (!s || s.deleted) throw new FakeOfficeError("ItemNotFound", `The requested worksheet "${this.label}" doesn't exist.`);
    return s;
  }

  stateOrNull(): SheetState | undefined {
    if (!this.boundState) this.boundState = this.resolver();
    return this.boundState;
  }

  override applyLoad(paths: string[]): void {
    if (this.orNull && !this.stateOrNull()) {
      this.loaded.set("isNullObject", true);
      return;
    }
    this.loaded.set("isNullObject", false);
    super.applyLoad(paths);
  }

  protected read(prop: string): unknown {
    const s = this.state();
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "visibility":
        return s.visibility;
      case "position":
        return this.engine.sheets.indexOf(s);
      case "tabColor":
        this.engine.require("1.7", "Worksheet.tabColor");
        return s.tabColor;
      default:
        throw new FakeOfficeError("InvalidArgument", `Worksheet.${prop} is not in the fake`);
    }
  }

  protected override nav(prop: string): FakeProxy | undefined {
    return prop === "protection" ? this.protection : undefined;
  }

  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get name(): string {
    return this.get("name");
  }
  /** Rename (ExcelApi 1.1): another sheet of that name (any case) or a name Excel refuses fails. */
  set name(v: string) {
    this.queue(
      "name",
      v,
      () => {
        const s = this.state();
        const problem = this.engine.sheetNameProblem(v);
        if (problem) throw new FakeOfficeError("InvalidArgument", `The sheet name "${v}" ${problem}.`);
        const other = this.engine.findSheet(v);
        if (other && other !== s) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${v}" already exists.`);
        if (this.engine.active.toLowerCase() === s.name.toLowerCase()) this.engine.active = v;
        if (this.engine.selection?.sheet === s.name) this.engine.selection = { ...this.engine.selection, sheet: v };
        s.name = v;
      },
      () => ({ sheet: this.state().name }),
    );
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  /** Move the sheet to a 0-based position (ExcelApi 1.1); the others keep their order. */
  set position(p: number) {
    this.queue(
      "position",
      p,
      () => {
        const s = this.state();
        const sheets = this.engine.sheets;
        if (!Number.isInteger(p) || p < 0 || p >= sheets.length) throw new FakeOfficeError("InvalidArgument", `Position ${p} is outside 0..${sheets.length - 1}.`);
        sheets.splice(sheets.indexOf(s), 1);
        sheets.splice(p, 0, s);
      },
      () => ({ sheet: this.state().name }),
    );
  }
  /**
   * Delete the sheet (ExcelApi 1.1). As Excel: a very hidden sheet must be made hidden or visible
   * first, and the last visible sheet cannot go. The active sheet passes to the next visible one.
   */
  delete(): void {
    this.queue(
      "delete",
      undefined,
      () => {
        const s = this.state();
        if (s.visibility === "VeryHidden") throw new FakeOfficeError("InvalidOperation", `Cannot delete very hidden sheet "${s.name}": make it hidden or visible first.`);
        const sheets = this.engine.sheets;
        if (!sheets.some((o) => o !== s && o.visibility === "Visible")) throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        const i = sheets.indexOf(s);
        sheets.splice(i, 1);
        s.deleted = true;
        if (this.engine.active.toLowerCase() === s.name.toLowerCase()) {
          const next = sheets.slice(i).find((o) => o.visibility === "Visible") ?? [...sheets.slice(0, i)].reverse().find((o) => o.visibility === "Visible");
          this.engine.active = next?.name ?? "";
        }
        if (this.engine.selection?.sheet === s.name) this.engine.selection = undefined;
      },
      () => ({ sheet: this.state().name }),
    );
  }
  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.context, this);
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    this.queue(
      "visibility",
      v,
      () => {
        const s = this.state();
        if (v !== "Visible") {
          const others = this.engine.sheets.filter((o) => o !== s && o.visibility === "Visible");
          if (others.length === 0) throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
          s.visibility = v as SheetState["visibility"];
          if (this.engine.active.toLowerCase() === s.name.toLowerCase()) this.engine.active = others[0].name;
        } else {
          s.visibility = "Visible";
        }
      },
      () => ({ sheet: this.state().name }),
    );
  }
  get tabColor(): string {
    return this.get("tabColor");
  }
  set tabColor(c: string) {
    this.engine.require("1.7", "Worksheet.tabColor");
    this.queue("tabColor", c, () => (this.state().tabColor = c), () => ({ sheet: this.state().name }));
  }
  get protection(): WorksheetProtectionProxy {
    return new WorksheetProtectionProxy(this.context, this);
  }
  get freezePanes(): FreezePanesProxy {
    this.engine.require("1.7", "Worksheet.freezePanes");
    return new FreezePanesProxy(this.context, this);
  }
  get pageLayout(): PageLayoutProxy {
    this.engine.require("1.9", "Worksheet.pageLayout");
    return new PageLayoutProxy(this.context, this);
  }
  get notes(): NoteCollectionProxy {
    this.engine.require("1.18", "Worksheet.notes");
    return new NoteCollectionProxy(this.context, this);
  }
  get comments(): CommentCollectionProxy {
    this.engine.require("1.10", "Worksheet.comments");
    return new CommentCollectionProxy(this.context, this);
  }
  get onChanged(): EventHandlersProxy {
    this.engine.require("1.7", "Worksheet.onChanged");
    return new EventHandlersProxy(this.context, () => this.state().changeHandlers, `${this.label}.onChanged`);
  }
  activate(): void {
    this.queue(
      "activate",
      undefined,
      () => {
        const s = this.state();
        if (s.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", `Cannot activate hidden sheet "${s.name}".`);
        this.engine.active = s.name;
      },
      () => ({ sheet: this.state().name }),
    );
  }
  getRange(address?: string): RangeProxy {
    const text = address ?? "";
    return new RangeProxy(this.context, this, () => {
      if (text === "") return { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL };
      const r = parseRect(splitSheet(text).address);
      if (!r) throw new FakeOfficeError("InvalidArgument", `The address "${text}" is not valid.`);
      return r;
    });
  }
  getRanges(address: string): RangeAreasProxy {
    this.engine.require("1.9", "Worksheet.getRanges");
    return new RangeAreasProxy(this.context, this, address);
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, this, () => this.state().used(valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.engine.require("1.4", "Worksheet.getUsedRangeOrNullObject");
    return new RangeProxy(this.context, this, () => this.state().used(valuesOnly === true), true);
  }
}

class WorksheetProtectionProxy extends FakeProxy {
  protected readonly kind = "WorksheetProtection";
  constructor(
    context: FakeContext,
    private readonly ws: WorksheetProxy,
  ) {
    super(context);
  }
  protected read(prop: string): unknown {
    const p = this.ws.state().protection;
    if (prop === "protected") return p.protected;
    if (prop === "options") return { ...p.options };
    throw new FakeOfficeError("InvalidArgument", `WorksheetProtection.${prop} is not in the fake`);
  }
  get protected(): boolean {
    return this.get("protected");
  }
  get options(): Record<string, unknown> {
    return this.get("options");
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    if (options && "selectionMode" in options) this.engine.require("1.7", "WorksheetProtectionOptions.selectionMode");
    this.queue(
      "protect",
      options ?? {},
      () => {
        const s = this.ws.state();
        if (s.protection.protected) throw new FakeOfficeError("InvalidOperation", `Sheet "${s.name}" is already protected.`);
        s.protection = { protected: true, options: { ...(options ?? {}) }, ...(password ? { password } : {}) };
      },
      () => ({ sheet: this.ws.state().name }),
    );
  }
  unprotect(password?: string): void {
    this.queue(
      "unprotect",
      undefined,
      () => {
        const s = this.ws.state();
        if (s.protection.password !== undefined && s.protection.password !== password) {
          throw new FakeOfficeError("InvalidArgument", `The password for sheet "${s.name}" is wrong or missing.`);
        }
        s.protection = { protected: false, options: s.protection.options };
      },
      () => ({ sheet: this.ws.state().name }),
    );
  }
}

class FreezePanesProxy extends FakeProxy {
  protected readonly kind = "WorksheetFreezePanes";
  constructor(
    context: FakeContext,
    private readonly ws: WorksheetProxy,
  ) {
    super(context);
  }
  protected read(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `WorksheetFreezePanes.${prop} is not in the fake`);
  }
  private set(name: string, data: unknown, f: (s: SheetState) => void): void {
    this.queue(name, data, () => f(this.ws.state()), () => ({ sheet: this.ws.state().name }));
  }
  freezeAt(range: string | RangeProxy): void {
    const text = typeof range === "string" ? range : undefined;
    this.set("freezeAt", text ?? "(range)", (s) => {
      const r = typeof range === "string" ? parseRect(range) : range.rect();
      if (!r) throw new FakeOfficeError("InvalidArgument", `Bad freeze range ${String(range)}`);
      s.freeze = { rows: r.bottom + 1, columns: r.right + 1 };
    });
  }
  freezeRows(count = 1): void {
    this.set("freezeRows", count, (s) => (s.freeze = { rows: count, columns: 0 }));
  }
  freezeColumns(count = 1): void {
    this.set("freezeColumns", count, (s) => (s.freeze = { rows: 0, columns: count }));
  }
  unfreeze(): void {
    this.set("unfreeze", undefined, (s) => (s.freeze = { rows: 0, columns: 0 }));
  }
}

/** `Worksheet.pageLayout`: what a sheet prints like; each setter is one queued operation. */
class PageLayoutProxy extends FakeProxy {
  protected readonly kind = "PageLayout";
  constructor(
    context: FakeContext,
    private readonly ws: WorksheetProxy,
  ) {
    super(context);
  }
  protected read(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `PageLayout.${prop} is not readable in the fake`);
  }
  private set<K extends keyof FakePrintState>(key: K, value: FakePrintState[K]): void {
    this.queue(key, value, () => (this.ws.state().print[key] = value), () => ({ sheet: this.ws.state().name }));
  }
  set paperSize(v: string) {
    this.set("paperSize", v);
  }
  set orientation(v: string) {
    this.set("orientation", v);
  }
  set zoom(v: FakePrintState["zoom"]) {
    this.set("zoom", v);
  }
  set centerHorizontally(v: boolean) {
    this.set("centerHorizontally", v);
  }
  setPrintTitleRows(rows: string): void {
    if (!/^\$\d+:\$\d+$/.test(rows)) throw new FakeOfficeError("InvalidArgument", `Bad print title rows ${rows}`);
    this.set("titleRows", rows);
  }
  setPrintTitleColumns(columns: string): void {
    if (!/^\$[A-Z]+:\$[A-Z]+$/.test(columns)) throw new FakeOfficeError("InvalidArgument", `Bad print title columns ${columns}`);
    this.set("titleColumns", columns);
  }
  setPrintArea(area: string): void {
    if (!parseRect(area)) throw new FakeOfficeError("InvalidArgument", `Bad print area ${area}`);
    this.set("area", area);
  }
  get headersFooters() {
    const set = (key: "centerHeader" | "centerFooter", v: string) => this.set(key, v);
    return {
      defaultForAllPages: {
        set centerHeader(v: string) {
          set("centerHeader", v);
        },
        set centerFooter(v: string) {
          set("centerFooter", v);
        },
      },
    };
  }
}

class RangeAreasProxy extends FakeProxy {
  protected readonly kind = "RangeAreas";
  constructor(
    context: FakeContext,
    private readonly ws: WorksheetProxy,
    private readonly address: string,
  ) {
    super(context);
  }
  protected read(prop: string): unknown {
    if (prop === "address") return this.address;
    throw new FakeOfficeError("InvalidArgument", `RangeAreas.${prop} is not in the fake`);
  }
  select(): void {
    this.queue(
      "select",
      this.address,
      () => {
        const s = this.ws.state();
        const areas = this.address.split(/[,;]/).map((a) => a.trim());
        if (areas.some((a) => !parseRect(a))) throw new FakeOfficeError("InvalidArgument", `Bad address ${this.address}`);
        if (this.engine.active.toLowerCase() !== s.name.toLowerCase()) throw new FakeOfficeError("InvalidOperation", "Select works on the active sheet only.");
        this.engine.selection = { sheet: s.name, address: areas.join(",") };
      },
      () => ({ sheet: this.ws.state().name, address: this.address }),
    );
  }
}

/** The merged areas of a range, as `Range.getMergedAreasOrNullObject` gives them: a comma-separated address. */
class MergedAreasProxy extends FakeProxy {
  protected readonly kind = "RangeAreas";
  constructor(
    context: FakeContext,
    private readonly ws: WorksheetProxy,
    private readonly within: () => Rect,
  ) {
    super(context);
  }
  private areas(): Rect[] {
    const r = this.within();
    return this.ws.state().merges.filter((m) => overlaps(m, r));
  }
  override applyLoad(paths: string[]): void {
    const none = this.areas().length === 0;
    this.loaded.set("isNullObject", none);
    if (!none) super.applyLoad(paths);
  }
  protected read(prop: string): unknown {
    if (prop === "address") return this.areas().map((m) => `${quoteSheet(this.ws.state().name)}!${rectA1(m)}`).join(",");
    throw new FakeOfficeError("InvalidArgument", `RangeAreas.${prop} is not in the fake`);
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get address(): string {
    return this.get("address");
  }
}

type Matrix = unknown[][];

class RangeProxy extends FakeProxy {
  protected readonly kind = "Range";
  private boundRect: Rect | undefined;
  private isNull = false;

  constructor(
    context: FakeContext,
    readonly ws: WorksheetProxy,
    private readonly resolver: () => Rect | undefined,
    private readonly orNull = false,
  ) {
    super(context);
  }

  rect(): Rect {
    if (!this.boundRect && !this.isNull) {
      const r = this.resolver();
      if (r) this.boundRect = r;
      else if (this.orNull) this.isNull = true;
    }
    if (!this.boundRect) throw new FakeOfficeError("ItemNotFound", "The range is a null object.");
    return this.boundRect;
  }

  private where = () => ({ sheet: this.ws.state().name, address: rectA1(this.rect()) });

  override applyLoad(paths: string[]): void {
    if (this.orNull) {
      this.ws.state();
      try {
        this.rect();
      } catch {
        /* null object */
      }
      this.loaded.set("isNullObject", this.isNull);
      if (this.isNull) return;
    }
    super.applyLoad(paths);
  }

  private grid<T>(f: (c: CellState | undefined, row: number, col: number) => T): T[][] {
    const r = this.rect();
    if (cellCount(r) > 5_000_000) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `Loading ${rectA1(r)} is too large.`);
    const s = this.ws.state();
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(f(s.get(row, col), row, col));
      out.push(line);
    }
    return out;
  }

  protected read(prop: string): unknown {
    const r = this.rect();
    const s = this.ws.state();
    switch (prop) {
      case "address":
        return `${quoteSheet(s.name)}!${rectA1(r)}`;
      case "values":
        return this.grid((c) => c?.value ?? "");
      case "formulas":
        return this.grid((c) => c?.formula ?? c?.value ?? "");
      case "numberFormat":
        return this.grid((c) => c?.numberFormat ?? "General");
      case "rowIndex":
        return r.top;
      case "columnIndex":
        return r.left;
      case "rowCount":
        return r.bottom - r.top + 1;
      case "columnCount":
        return r.right - r.left + 1;
      case "columnHidden":
        return range(r.left, r.right).every((c) => s.colHidden.has(c));
      case "rowHidden":
        return range(r.top, r.bottom).every((c) => s.rowHidden.has(c));
      default:
        throw new FakeOfficeError("InvalidArgument", `Range.${prop} is not in the fake`);
    }
  }

  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get address(): string {
    return this.get("address");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.writeContent("values", v);
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.writeContent("formulas", v);
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.queue(
      "numberFormat",
      v,
      () => {
        const s = this.ws.state();
        s.assertAllowed("formatCells");
        this.each(v, "numberFormat", (c, x) => {
          if (x !== null && x !== undefined) c.numberFormat = x === "" ? "General" : String(x);
        });
      },
      this.where,
    );
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get columnHidden(): boolean {
    return this.get("columnHidden");
  }
  set columnHidden(h: boolean) {
    this.queue(
      "columnHidden",
      h,
      () => {
        const s = this.ws.state();
        s.assertAllowed("formatColumns");
        for (const c of range(this.rect().left, this.rect().right)) {
          if (h) s.colHidden.add(c);
          else s.colHidden.delete(c);
        }
      },
      this.where,
    );
  }
  get rowHidden(): boolean {
    return this.get("rowHidden");
  }
  set rowHidden(h: boolean) {
    this.queue(
      "rowHidden",
      h,
      () => {
        const s = this.ws.state();
        s.assertAllowed("formatRows");
        for (const r of range(this.rect().top, this.rect().bottom)) {
          if (h) s.rowHidden.add(r);
          else s.rowHidden.delete(r);
        }
      },
      this.where,
    );
  }

  /** Apply a 2-D array (or one value for all cells) cell by cell; the array must match the range. */
  private each(v: unknown, what: string, f: (c: CellState, x: unknown, row: number, col: number) => void): void {
    const r = this.rect();
    const s = this.ws.state();
    if (Array.isArray(v)) {
      const rows = r.bottom - r.top + 1;
      const cols = r.right - r.left + 1;
      if (v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols)) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what} on ${rectA1(r)}).`,
        );
      }
      (v as Matrix).forEach((line, i) => line.forEach((x, j) => f(s.at(r.top + i, r.left + j), x, r.top + i, r.left + j)));
    } else {
      s.forEach(r, (c, row, col) => f(c, v, row, col));
    }
  }

  private writeContent(member: "values" | "formulas", v: unknown[][]): void {
    this.queue(
      member,
      v,
      () => {
        const s = this.ws.state();
        const r = this.rect();
        if (s.protection.protected) {
          // Only the cells actually written must be unlocked.
          this.each(v, member, (c, x, row, col) => {
            if (x !== null && x !== undefined && c.locked) throw new FakeOfficeError("AccessDenied", `The cell ${a1(row, col)} on protected sheet "${s.name}" is locked.`);
          });
        }
        this.each(v, member, (c, x) => {
          if (x === null || x === undefined) return;
          const t = typedInput(x);
          c.value = t.value;
          if (t.formula !== undefined) c.formula = t.formula;
          else delete c.formula;
        });
        this.engine.noteEdit(s, r);
      },
      this.where,
    );
  }

  get format(): RangeFormatProxy {
    return new RangeFormatProxy(this.context, this);
  }
  get dataValidation(): DataValidationProxy {
    this.engine.require("1.8", "Range.dataValidation");
    return new DataValidationProxy(this.context, this);
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.engine.require("1.6", "Range.conditionalFormats");
    return new ConditionalFormatCollectionProxy(this.context, this);
  }

  merge(across = false): void {
    this.queue(
      "merge",
      { across },
      () => {
        const s = this.ws.state();
        s.assertAllowed("edit");
        const r = this.rect();
        s.merges = s.merges.filter((m) => !overlaps(m, r));
        s.merges.push({ ...r });
        s.forEach(r, (c, row, col) => {
          if (row === r.top && col === r.left) return;
          c.value = "";
          delete c.formula;
        });
      },
      this.where,
    );
  }

  select(): void {
    this.queue(
      "select",
      undefined,
      () => {
        const s = this.ws.state();
        if (this.engine.active.toLowerCase() !== s.name.toLowerCase()) throw new FakeOfficeError("InvalidOperation", "Select works on the active sheet only.");
        this.engine.selection = { sheet: s.name, address: rectA1(this.rect()) };
      },
      this.where,
    );
  }

  /** ExcelApi 1.13: the merged areas that meet this range, or a null object when there are none. */
  getMergedAreasOrNullObject(): MergedAreasProxy {
    this.engine.require("1.13", "Range.getMergedAreasOrNullObject");
    return new MergedAreasProxy(this.context, this.ws, () => this.rect());
  }

  getCellProperties(opts: Record<string, unknown>): ClientResult<unknown[][]> {
    this.engine.require("1.9", "Range.getCellProperties");
    const result = new ClientResult<unknown[][]>();
    this.queue(
      "getCellProperties",
      opts,
      () =>
        result.set(
          this.grid((c, row, col) => {
            const cell = c ?? blankCell();
            const out: Record<string, unknown> = {};
            if (opts.address) out.address = `${quoteSheet(this.ws.state().name)}!${a1(row, col)}`;
            const f = opts.format as Record<string, Record<string, boolean> | boolean> | undefined;
            if (f) {
              const format: Record<string, unknown> = {};
              const fill = f.fill as Record<string, boolean> | undefined;
              if (fill) {
                // Excel reports "no fill" as white with pattern None.
                format.fill = {
                  ...(fill.color ? { color: cell.fill ?? "#FFFFFF" } : {}),
                  ...(fill.pattern ? { pattern: cell.fill === null ? "None" : "Solid" } : {}),
                };
              }
              const font = f.font as Record<string, boolean> | undefined;
              if (font) format.font = Object.fromEntries(Object.keys(font).map((k) => [k, (cell.font as Record<string, unknown>)[k] ?? defaultFont(k)]));
              const protection = f.protection as Record<string, boolean> | undefined;
              if (protection?.locked) format.protection = { locked: cell.locked };
              out.format = format;
            }
            return out;
          }),
        ),
      this.where,
    );
    return result;
  }

  setCellProperties(matrix: Record<string, unknown>[][]): void {
    this.engine.require("1.9", "Range.setCellProperties");
    this.queue(
      "setCellProperties",
      matrix,
      () => {
        const s = this.ws.state();
        s.assertAllowed("formatCells");
        this.each(matrix, "setCellProperties", (c, x) => applyCellProps(c, x as Record<string, unknown>));
      },
      this.where,
    );
  }

  getRowProperties(opts: Record<string, unknown>): ClientResult<Record<string, unknown>[]> {
    this.engine.require("1.9", "Range.getRowProperties");
    const result = new ClientResult<Record<string, unknown>[]>();
    this.queue(
      "getRowProperties",
      opts,
      () => {
        const r = this.rect();
        const s = this.ws.state();
        result.set(
          range(r.top, r.bottom).map((row) => ({
            ...(opts.rowIndex ? { rowIndex: row } : {}),
            ...(opts.rowHidden ? { rowHidden: s.rowHidden.has(row) } : {}),
          })),
        );
      },
      this.where,
    );
    return result;
  }

  // Used by notes/comments/format proxies.
  state(): SheetState {
    return this.ws.state();
  }
  whereNow(): { sheet: string; address: string } {
    return this.where();
  }
}

function defaultFont(k: string): unknown {
  return k === "bold" || k === "italic" ? false : k === "size" ? 11 : k === "color" ? "#000000" : k === "name" ? "Calibri" : undefined;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

function applyCellProps(c: CellState, p: Record<string, unknown>): void {
  const f = p.format as Record<string, unknown> | undefined;
  if (!f) return;
  const fill = f.fill as { color?: string } | undefined;
  if (fill?.color !== undefined) c.fill = fill.color.toUpperCase();
  const font = f.font as Record<string, unknown> | undefined;
  if (font) {
    for (const k of ["bold", "italic", "size", "color"] as const) if (font[k] !== undefined) (c.font as Record<string, unknown>)[k] = font[k];
  }
  if (f.wrapText !== undefined) c.wrap = f.wrapText as boolean;
  if (f.horizontalAlignment !== undefined) c.hAlign = f.horizontalAlignment as string;
  if (f.verticalAlignment !== undefined) c.vAlign = f.verticalAlignment as string;
  const borders = f.borders as Record<string, { style?: string }> | undefined;
  if (borders) {
    for (const k of ["top", "bottom", "left", "right"] as const) {
      const b = borders[k];
      if (b?.style !== undefined) c.borders[k] = b.style;
    }
  }
  const protection = f.protection as { locked?: boolean } | undefined;
  if (protection?.locked !== undefined) c.locked = protection.locked;
}

class RangeFormatProxy extends FakeProxy {
  protected readonly kind = "RangeFormat";
  constructor(
    context: FakeContext,
    private readonly range: RangeProxy,
  ) {
    super(context);
  }
  protected read(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `RangeFormat.${prop} is not in the fake`);
  }
  /** A format write on every cell of the range. */
  cells(member: string, data: unknown, f: (c: CellState) => void, allow: "formatCells" | "formatColumns" | "formatRows" = "formatCells"): void {
    this.queueAs(member, data, () => {
      const s = this.range.state();
      s.assertAllowed(allow);
      s.forEach(this.range.rect(), f);
    });
  }
  queueAs(member: string, data: unknown, exec: () => void): void {
    this.queue(member, data, exec, () => this.range.whereNow());
  }
  rangeProxy(): RangeProxy {
    return this.range;
  }
  get fill(): RangeFillProxy {
    return new RangeFillProxy(this.context, this);
  }
  get font(): RangeFontProxy {
    return new RangeFontProxy(this.context, this);
  }
  get borders(): RangeBordersProxy {
    return new RangeBordersProxy(this.context, this);
  }
  get protection(): FormatProtectionProxy {
    return new FormatProtectionProxy(this.context, this);
  }
  set wrapText(v: boolean) {
    this.cells("wrapText", v, (c) => (c.wrap = v));
  }
  set horizontalAlignment(v: string) {
    this.cells("horizontalAlignment", v, (c) => (c.hAlign = v));
  }
  set verticalAlignment(v: string) {
    this.cells("verticalAlignment", v, (c) => (c.vAlign = v));
  }
  set columnWidth(w: number) {
    this.queueAs("columnWidth", w, () => {
      const s = this.range.state();
      s.assertAllowed("formatColumns");
      const r = this.range.rect();
      for (const c of range(r.left, r.right)) s.colWidth.set(c, w);
    });
  }
  set rowHeight(h: number) {
    this.queueAs("rowHeight", h, () => {
      const s = this.range.state();
      s.assertAllowed("formatRows");
      const r = this.range.rect();
      for (const row of range(r.top, r.bottom)) s.rowHeight.set(row, h);
    });
  }
}

class RangeFillProxy extends FakeProxy {
  protected readonly kind = "RangeFill";
  constructor(
    context: FakeContext,
    private readonly f: RangeFormatProxy,
  ) {
    super(context);
  }
  protected read(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `RangeFill.${prop} is not in the fake`);
  }
  set color(v: string) {
    this.f.cells("fill.color", v, (c) => (c.fill = v.toUpperCase()));
  }
  clear(): void {
    this.f.cells("fill.clear", undefined, (c) => (c.fill = null));
  }
}

class RangeFontProxy extends FakeProxy {
  protected readonly kind = "RangeFont";
  constructor(
    context: FakeContext,
    private readonly f: RangeFormatProxy,
  ) {
    super(context);
  }
  protected read(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `RangeFont.${prop} is not in the fake`);
  }
  set bold(v: boolean) {
    this.f.cells("font.bold", v, (c) => (c.font.bold = v));
  }
  set italic(v: boolean) {
    this.f.cells("font.italic", v, (c) => (c.font.italic = v));
  }
  set size(v: number) {
    this.f.cells("font.size", v, (c) => (c.font.size = v));
  }
  set color(v: string) {
    this.f.cells("font.color", v, (c) => (c.font.color = v.toUpperCase()));
  }
}

const EDGE_NAMES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"];

class RangeBordersProxy extends FakeProxy {
  protected readonly kind = "RangeBorderCollection";
  constructor(
    context: FakeContext,
    private readonly f: RangeFormatProxy,
  ) {
    super(context);
  }
  protected read(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `RangeBorderCollection.${prop} is not in the fake`);
  }
  getItem(index: string): RangeBorderProxy {
    if (!EDGE_NAMES.includes(index)) throw new FakeOfficeError("InvalidArgument", `Border ${index} is not in the fake`);
    return new RangeBorderProxy(this.context, this.f, index);
  }
}

class RangeBorderProxy extends FakeProxy {
  protected readonly kind = "RangeBorder";
  constructor(
    context: FakeContext,
    private readonly f: RangeFormatProxy,
    private readonly edge: string,
  ) {
    super(context);
  }
  protected read(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `RangeBorder.${prop} is not in the fake`);
  }
  private apply(member: string, data: unknown, setStyle?: string): void {
    const edge = this.edge;
    const rp = this.f.rangeProxy();
    this.f.queueAs(`borders.${edge}.${member}`, data, () => {
      const s = rp.state();
      s.assertAllowed("formatCells");
      if (setStyle === undefined) return; // weight and colour are not modelled
      const r = rp.rect();
      s.forEach(r, (c, row, col) => {
        if (edge === "EdgeTop" && row === r.top) c.borders.top = setStyle;
        if (edge === "EdgeBottom" && row === r.bottom) c.borders.bottom = setStyle;
        if (edge === "EdgeLeft" && col === r.left) c.borders.left = setStyle;
        if (edge === "EdgeRight" && col === r.right) c.borders.right = setStyle;
        if (edge === "InsideHorizontal") {
          if (row > r.top) c.borders.top = setStyle;
          if (row < r.bottom) c.borders.bottom = setStyle;
        }
        if (edge === "InsideVertical") {
          if (col > r.left) c.borders.left = setStyle;
          if (col < r.right) c.borders.right = setStyle;
        }
      });
    });
  }
  set style(v: string) {
    this.apply("style", v, v);
  }
  set weight(v: string) {
    this.apply("weight", v);
  }
  set color(v: string) {
    this.apply("color", v);
  }
}

class FormatProtectionProxy extends FakeProxy {
  protected readonly kind = "FormatProtection";
  constructor(
    context: FakeContext,
    private readonly f: RangeFormatProxy,
  ) {
    super(context);
  }
  protected read(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `FormatProtection.${prop} is not in the fake`);
  }
  set locked(v: boolean) {
    this.f.cells("protection.locked", v, (c) => (c.locked = v));
  }
}

class DataValidationProxy extends FakeProxy {
  protected readonly kind = "DataValidation";
  constructor(
    context: FakeContext,
    private readonly range: RangeProxy,
  ) {
    super(context);
  }
  protected read(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `DataValidation.${prop} is not in the fake`);
  }
  private cells(member: string, data: unknown, f: (c: CellState) => void): void {
    this.queue(
      member,
      data,
      () => {
        const s = this.range.state();
        s.assertAllowed("edit");
        s.forEach(this.range.rect(), f);
      },
      () => this.range.whereNow(),
    );
  }
  private field<K extends keyof FakeValidation>(k: K, v: FakeValidation[K]): void {
    this.cells(k, v, (c) => (c.validation = { ...(c.validation ?? {}), [k]: v }));
  }
  set rule(v: unknown) {
    this.field("rule", v);
  }
  set errorAlert(v: unknown) {
    this.field("errorAlert", v);
  }
  set prompt(v: unknown) {
    this.field("prompt", v);
  }
  set ignoreBlanks(v: boolean) {
    this.field("ignoreBlanks", v);
  }
  clear(): void {
    this.cells("clear", undefined, (c) => delete c.validation);
  }
}

// Conditional formats and charts -------------------------------------------------------------

const CONDITIONAL_FORMAT_TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];
const COLOR_CRITERION_TYPES = ["LowestValue", "HighestValue", "Number", "Percent", "Formula", "Percentile"];

/** A colour as Excel takes it: "#RRGGBB" or a name ("red"). */
function isFakeColour(v: unknown): boolean {
  return typeof v === "string" && (/^#[0-9a-fA-F]{6}$/.test(v) || /^[a-zA-Z]+$/.test(v));
}

/** What Excel checks in `colorScale.criteria`: a minimum and a maximum, types, colours, formulas where the type needs one. */
function colorScaleCriteriaProblem(criteria: unknown): string | undefined {
  if (!criteria || typeof criteria !== "object") return "criteria must be an object";
  const c = criteria as Record<string, unknown>;
  for (const key of Object.keys(c)) if (!["minimum", "midpoint", "maximum"].includes(key)) return `unknown criterion "${key}"`;
  if (!c.minimum || !c.maximum) return "a colour scale needs a minimum and a maximum";
  for (const key of ["minimum", "midpoint", "maximum"]) {
    const k = c[key] as { type?: unknown; formula?: unknown; color?: unknown } | undefined;
    if (k === undefined) continue;
    if (!COLOR_CRITERION_TYPES.includes(String(k.type))) return `${key}: type ${String(k.type)} is not a ConditionalFormatColorCriterionType`;
    if (k.color !== undefined && !isFakeColour(k.color)) return `${key}: colour ${String(k.color)} is not a colour`;
    const noFormula = k.type === "LowestValue" || k.type === "HighestValue";
    if (noFormula && k.formula !== null && k.formula !== undefined) return `${key}: ${String(k.type)} takes no formula`;
    if (!noFormula && typeof k.formula !== "string") return `${key}: ${String(k.type)} needs a formula`;
    if ((k.type === "Percentile" || k.type === "Percent") && !(Number(k.formula) >= 0 && Number(k.formula) <= 100)) {
      return `${key}: ${String(k.type)} ${String(k.formula)} is not between 0 and 100`;
    }
  }
  return undefined;
}

class ConditionalFormatCollectionProxy extends FakeProxy {
  protected readonly kind = "ConditionalFormatCollection";
  constructor(
    context: FakeContext,
    private readonly range: RangeProxy,
  ) {
    super(context);
  }
  protected read(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `ConditionalFormatCollection.${prop} is not in the fake`);
  }
  add(type: string): ConditionalFormatProxy {
    this.engine.require("1.6", "ConditionalFormatCollection.add");
    let created: { sheet: SheetState; cf: ConditionalFormatState } | undefined;
    this.queue(
      "add",
      type,
      () => {
        if (!CONDITIONAL_FORMAT_TYPES.includes(type)) throw new FakeOfficeError("InvalidArgument", `${type} is not a ConditionalFormatType.`);
        const s = this.range.state();
        s.assertAllowed("formatCells");
        const cf: ConditionalFormatState = { type, range: { ...this.range.rect() } };
        s.conditionalFormats.push(cf);
        created = { sheet: s, cf };
      },
      () => this.range.whereNow(),
    );
    return new ConditionalFormatProxy(this.context, () => created);
  }
}

class ConditionalFormatProxy extends FakeProxy {
  protected readonly kind = "ConditionalFormat";
  constructor(
    context: FakeContext,
    private readonly resolver: () => { sheet: SheetState; cf: ConditionalFormatState } | undefined,
  ) {
    super(context);
  }
  target(): { sheet: SheetState; cf: ConditionalFormatState } {
    const t = this.resolver();
    if (!t || t.sheet.deleted || !t.sheet.conditionalFormats.includes(t.cf)) throw new FakeOfficeError("ItemNotFound", "The conditional format doesn't exist.");
    return t;
  }
  protected read(prop: string): unknown {
    if (prop === "type") return this.target().cf.type;
    throw new FakeOfficeError("InvalidArgument", `ConditionalFormat.${prop} is not in the fake`);
  }
  get type(): string {
    return this.get("type");
  }
  get colorScale(): ColorScaleFormatProxy {
    this.engine.require("1.6", "ConditionalFormat.colorScale");
    return new ColorScaleFormatProxy(this.context, this);
  }
  whereNow(): { sheet: string; address: string } {
    const t = this.target();
    return { sheet: t.sheet.name, address: rectA1(t.cf.range) };
  }
}

class ColorScaleFormatProxy extends FakeProxy {
  protected readonly kind = "ColorScaleConditionalFormat";
  constructor(
    context: FakeContext,
    private readonly cf: ConditionalFormatProxy,
  ) {
    super(context);
  }
  protected read(prop: string): unknown {
    const { cf } = this.cf.target();
    if (prop === "criteria") return structuredClone(cf.colorScale?.criteria);
    throw new FakeOfficeError("InvalidArgument", `ColorScaleConditionalFormat.${prop} is not in the fake`);
  }
  get criteria(): Record<string, unknown> {
    return this.get("criteria");
  }
  set criteria(v: Record<string, unknown>) {
    this.queue(
      "criteria",
      v,
      () => {
        const { sheet, cf } = this.cf.target();
        if (cf.type !== "ColorScale") throw new FakeOfficeError("InvalidOperation", `The conditional format is a ${cf.type}, not a ColorScale.`);
        sheet.assertAllowed("formatCells");
        const problem = colorScaleCriteriaProblem(v);
        if (problem) throw new FakeOfficeError("InvalidArgument", `Color scale criteria: ${problem}.`);
        cf.colorScale = { criteria: structuredClone(v) };
      },
      () => this.cf.whereNow(),
    );
  }
}

const CHART_TYPES = ["ColumnClustered", "ColumnStacked", "BarClustered", "BarStacked", "Line", "LineMarkers", "Pie", "XYScatter", "Area"];

/** A range argument as the sheet-qualified address Excel reports, checked at execution time. */
function rangeArg(r: unknown, what: string): { sheet: SheetState; rect: Rect; address: string } {
  if (!(r instanceof RangeProxy)) throw new FakeOfficeError("InvalidArgument", `${what} must be a Range object.`);
  const sheet = r.state();
  const rect = r.rect();
  return { sheet, rect, address: `${quoteSheet(sheet.name)}!${rectA1(rect)}` };
}

class ChartCollectionProxy extends FakeProxy {
  protected readonly kind = "ChartCollection";
  constructor(
    context: FakeContext,
    private readonly ws: WorksheetProxy,
  ) {
    super(context);
  }
  protected read(prop: string): unknown {
    if (prop === "count") return this.ws.state().charts.length;
    throw new FakeOfficeError("InvalidArgument", `ChartCollection.${prop} is not in the fake`);
  }
  get count(): number {
    return this.get("count");
  }
  /**
   * A chart over `sourceData` (ExcelApi 1.1): one series per column ("Columns", and "Auto" as on the
   * web) or per row, named "Series1", … — the fake does not take a text first cell for a name.
   */
  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): ChartProxy {
    let created: { sheet: SheetState; chart: ChartState } | undefined;
    const source = sourceData as unknown;
    this.queue(
      "add",
      { type, seriesBy },
      () => {
        if (!CHART_TYPES.includes(type)) throw new FakeOfficeError("InvalidArgument", `${type} is not a ChartType the fake knows.`);
        if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw new FakeOfficeError("InvalidArgument", `${seriesBy} is not a ChartSeriesBy.`);
        const s = this.ws.state();
        s.assertAllowed("edit");
        const src = rangeArg(source, "sourceData");
        const byRows = seriesBy === "Rows";
        const lines = byRows ? range(src.rect.top, src.rect.bottom) : range(src.rect.left, src.rect.right);
        const series = lines.map((i, n) => {
          const r: Rect = byRows ? { ...src.rect, top: i, bottom: i } : { ...src.rect, left: i, right: i };
          return { name: `Series${n + 1}`, values: `${quoteSheet(src.sheet.name)}!${rectA1(r)}` };
        });
        const chart: ChartState = { name: `Chart ${this.engine.nextChart++}`, type, seriesBy, source: src.address, title: "", legendVisible: true, series };
        s.charts.push(chart);
        created = { sheet: s, chart };
      },
      () => ({ sheet: this.ws.state().name }),
    );
    return new ChartProxy(this.context, () => created);
  }
}

class ChartProxy extends FakeProxy {
  protected readonly kind = "Chart";
  constructor(
    context: FakeContext,
    private readonly resolver: () => { sheet: SheetState; chart: ChartState } | undefined,
  ) {
    super(context);
  }
  target(): { sheet: SheetState; chart: ChartState } {
    const t = this.resolver();
    if (!t || t.sheet.deleted || !t.sheet.charts.includes(t.chart)) throw new FakeOfficeError("ItemNotFound", "The chart doesn't exist.");
    return t;
  }
  readonly where = (): { sheet: string } => ({ sheet: this.target().sheet.name });
  /** What a queued change of the chart (or of its parts) does: charts are objects, a protected sheet refuses them. */
  editing(f: (c: ChartState) => void): () => void {
    return () => {
      const t = this.target();
      t.sheet.assertAllowed("edit");
      f(t.chart);
    };
  }
  protected read(prop: string): unknown {
    const { chart } = this.target();
    if (prop === "name") return chart.name;
    if (prop === "chartType") return chart.type;
    throw new FakeOfficeError("InvalidArgument", `Chart.${prop} is not in the fake`);
  }
  /** Queue a change of the chart. */
  change(member: string, data: unknown, f: (c: ChartState) => void): void {
    this.queue(member, data, this.editing(f), this.where);
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.change("name", v, (c) => (c.name = v));
  }
  get chartType(): string {
    return this.get("chartType");
  }
  get title(): ChartPartProxy {
    return new ChartPartProxy(this.context, this, "ChartTitle");
  }
  get legend(): ChartPartProxy {
    return new ChartPartProxy(this.context, this, "ChartLegend");
  }
  get series(): ChartSeriesCollectionProxy {
    return new ChartSeriesCollectionProxy(this.context, this);
  }
  /** Place the chart over cells (ExcelApi 1.1): start cell, optional end cell, as addresses or Ranges. */
  setPosition(startCell: string | RangeProxy, endCell?: string | RangeProxy): void {
    const cellText = (c: string | RangeProxy | undefined) => (c === undefined ? undefined : typeof c === "string" ? c : "(range)");
    this.change("setPosition", { startCell: cellText(startCell), endCell: cellText(endCell) }, (chart) => {
      const a1Of = (c: string | RangeProxy): string => {
        const r = typeof c === "string" ? parseRect(splitSheet(c).address) : c.rect();
        if (!r) throw new FakeOfficeError("InvalidArgument", `"${String(c)}" is not a cell address.`);
        return rectA1(r);
      };
      chart.position = { from: a1Of(startCell), ...(endCell !== undefined ? { to: a1Of(endCell) } : {}) };
    });
  }
  delete(): void {
    this.queue(
      "delete",
      undefined,
      () => {
        const t = this.target();
        t.sheet.assertAllowed("edit");
        t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
      },
      this.where,
    );
  }
}

/** The chart's title (`text`, `visible`) or legend (`visible`, `position`). */
class ChartPartProxy extends FakeProxy {
  constructor(
    context: FakeContext,
    private readonly chart: ChartProxy,
    protected readonly kind: string,
  ) {
    super(context);
  }
  protected read(prop: string): unknown {
    const { chart } = this.chart.target();
    if (this.kind === "ChartTitle" && prop === "text") return chart.title;
    if (prop === "visible") return this.kind === "ChartTitle" ? chart.title !== "" : chart.legendVisible;
    throw new FakeOfficeError("InvalidArgument", `${this.kind}.${prop} is not in the fake`);
  }
  private change(member: string, data: unknown, f: (c: ChartState) => void): void {
    this.queue(member, data, this.chart.editing(f), this.chart.where);
  }
  get text(): string {
    return this.get("text");
  }
  set text(v: string) {
    if (this.kind !== "ChartTitle") throw new FakeOfficeError("InvalidArgument", `${this.kind}.text is not in the fake`);
    this.change("text", v, (c) => (c.title = v));
  }
  get visible(): boolean {
    return this.get("visible");
  }
  set visible(v: boolean) {
    this.change("visible", v, (c) => {
      if (this.kind === "ChartLegend") c.legendVisible = v;
    });
  }
  set position(v: string) {
    this.change("position", v, () => undefined);
  }
}

class ChartSeriesCollectionProxy extends FakeProxy {
  protected readonly kind = "ChartSeriesCollection";
  constructor(
    context: FakeContext,
    private readonly chart: ChartProxy,
  ) {
    super(context);
  }
  protected read(prop: string): unknown {
    if (prop === "count") return this.chart.target().chart.series.length;
    throw new FakeOfficeError("InvalidArgument", `ChartSeriesCollection.${prop} is not in the fake`);
  }
  get count(): number {
    return this.get("count");
  }
  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.context, this.chart, index);
  }
}

class ChartSeriesProxy extends FakeProxy {
  protected readonly kind = "ChartSeries";
  constructor(
    context: FakeContext,
    private readonly chart: ChartProxy,
    private readonly index: number,
  ) {
    super(context);
  }
  private series(): ChartSeriesState {
    const s = this.chart.target().chart.series[this.index];
    if (!s) throw new FakeOfficeError("ItemNotFound", `The chart has no series ${this.index}.`);
    return s;
  }
  protected read(prop: string): unknown {
    if (prop === "name") return this.series().name;
    throw new FakeOfficeError("InvalidArgument", `ChartSeries.${prop} is not in the fake`);
  }
  private change(member: string, data: unknown, f: (s: ChartSeriesState) => void): void {
    this.queue(member, data, this.chart.editing(() => f(this.series())), this.chart.where);
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.change("name", v, (s) => (s.name = v));
  }
  /** ExcelApi 1.7. */
  setValues(sourceData: RangeProxy): void {
    this.engine.require("1.7", "ChartSeries.setValues");
    const source = sourceData as unknown;
    this.change("setValues", undefined, (s) => (s.values = rangeArg(source, "sourceData").address));
  }
  /** ExcelApi 1.7. */
  setXAxisValues(sourceData: RangeProxy): void {
    this.engine.require("1.7", "ChartSeries.setXAxisValues");
    const source = sourceData as unknown;
    this.change("setXAxisValues", undefined, (s) => (s.xAxisValues = rangeArg(source, "sourceData").address));
  }
}

// Notes and comments ---------------------------------------------------------------------------

/** A cell given as a Range proxy or an address ("A1" on a sheet's collection, "Sheet!A1" on the workbook's). */
function cellOf(engine: Engine, scope: WorksheetProxy | undefined, cell: string | RangeProxy): { sheet: SheetState; row: number; col: number } {
  let sheet: SheetState;
  let r: Rect | undefined;
  if (typeof cell === "string") {
    const { sheet: name, address } = splitSheet(cell);
    const found = name !== undefined ? engine.findSheet(name) : scope?.state();
    if (!found) throw new FakeOfficeError("InvalidArgument", `The cell address "${cell}" must name its sheet.`);
    sheet = found;
    r = parseRect(address);
  } else {
    sheet = cell.state();
    r = cell.rect();
  }
  if (!r || cellCount(r) !== 1) throw new FakeOfficeError("InvalidArgument", `"${String(typeof cell === "string" ? cell : rectA1(r!))}" is not one cell.`);
  if (scope && scope.state() !== sheet) throw new FakeOfficeError("InvalidArgument", "The cell is on another sheet.");
  return { sheet, row: r.top, col: r.left };
}

function keyRowCol(k: number): { row: number; col: number } {
  return { row: Math.floor(k / (MAX_COL + 1)), col: k % (MAX_COL + 1) };
}

class NoteCollectionProxy extends CollectionProxy<NoteProxy> {
  protected readonly kind = "NoteCollection";
  constructor(
    context: FakeContext,
    private readonly scope: WorksheetProxy | undefined,
  ) {
    super(context);
  }
  private sheets(): SheetState[] {
    return this.scope ? [this.scope.state()] : this.engine.sheets;
  }
  protected itemsNow(): NoteProxy[] {
    return this.sheets().flatMap((s) =>
      [...s.notes.keys()].sort((a, b) => a - b).map((k) => new NoteProxy(this.context, () => ({ sheet: s, key: k }), false, a1(keyRowCol(k).row, keyRowCol(k).col))),
    );
  }
  add(cell: string | RangeProxy, content: string): NoteProxy {
    let at: { sheet: SheetState; key: number } | undefined;
    this.queue(
      "add",
      content,
      () => {
        const { sheet, row, col } = cellOf(this.engine, this.scope, cell);
        sheet.assertAllowed("edit");
        const key = SheetState.key(row, col);
        if (sheet.notes.has(key)) throw new FakeOfficeError("InvalidArgument", `The cell ${a1(row, col)} already has a note.`);
        sheet.notes.set(key, { content });
        at = { sheet, key };
      },
      () => (at ? { sheet: at.sheet.name, address: a1(keyRowCol(at.key).row, keyRowCol(at.key).col) } : undefined),
    );
    return new NoteProxy(this.context, () => at, false, "(new)");
  }
  private byKey(key: string, orNull: boolean): NoteProxy {
    return new NoteProxy(
      this.context,
      () => {
        const { sheet, row, col } = cellOf(this.engine, this.scope, key);
        const k = SheetState.key(row, col);
        return sheet.notes.has(k) ? { sheet, key: k } : undefined;
      },
      orNull,
      key,
    );
  }
  getItem(key: string): NoteProxy {
    return this.byKey(key, false);
  }
  getItemOrNullObject(key: string): NoteProxy {
    return this.byKey(key, true);
  }
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.queue("getCount", undefined, () => result.set(this.sheets().reduce((n, s) => n + s.notes.size, 0)));
    return result;
  }
}

class NoteProxy extends FakeProxy {
  protected readonly kind = "Note";
  private bound: { sheet: SheetState; key: number } | undefined;
  private isNull = false;
  constructor(
    context: FakeContext,
    private readonly resolver: () => { sheet: SheetState; key: number } | undefined,
    private readonly orNull: boolean,
    private readonly label: string,
  ) {
    super(context);
  }
  target(): { sheet: SheetState; key: number } {
    if (!this.bound && !this.isNull) {
      const t = this.resolver();
      if (t) this.bound = t;
      else if (this.orNull) this.isNull = true;
    }
    if (!this.bound || !this.bound.sheet.notes.has(this.bound.key)) throw new FakeOfficeError("ItemNotFound", `No note at ${this.label}.`);
    return this.bound;
  }
  private where = () => {
    const t = this.target();
    const { row, col } = keyRowCol(t.key);
    return { sheet: t.sheet.name, address: a1(row, col) };
  };
  override applyLoad(paths: string[]): void {
    try {
      this.target();
    } catch (e) {
      if (!this.isNull) throw e;
    }
    this.loaded.set("isNullObject", this.isNull);
    if (!this.isNull) super.applyLoad(paths);
  }
  protected read(prop: string): unknown {
    const t = this.target();
    if (prop === "content") return t.sheet.notes.get(t.key)!.content;
    if (prop === "authorName") return "Fake";
    throw new FakeOfficeError("InvalidArgument", `Note.${prop} is not in the fake`);
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get content(): string {
    return this.get("content");
  }
  set content(v: string) {
    this.queue(
      "content",
      v,
      () => {
        const t = this.target();
        t.sheet.assertAllowed("edit");
        t.sheet.notes.get(t.key)!.content = v;
      },
      this.where,
    );
  }
  delete(): void {
    this.queue(
      "delete",
      undefined,
      () => {
        const t = this.target();
        t.sheet.assertAllowed("edit");
        t.sheet.notes.delete(t.key);
      },
      this.where,
    );
  }
  getLocation(): RangeProxy {
    const ws = new WorksheetProxy(this.context, () => this.target().sheet, false, "(note)");
    return new RangeProxy(this.context, ws, () => {
      const { row, col } = keyRowCol(this.target().key);
      return { top: row, bottom: row, left: col, right: col };
    });
  }
}

class CommentCollectionProxy extends CollectionProxy<CommentProxy> {
  protected readonly kind = "CommentCollection";
  constructor(
    context: FakeContext,
    private readonly scope: WorksheetProxy | undefined,
  ) {
    super(context);
  }
  private sheets(): SheetState[] {
    return this.scope ? [this.scope.state()] : this.engine.sheets;
  }
  protected itemsNow(): CommentProxy[] {
    return this.sheets().flatMap((s) => [...s.comments.keys()].sort((a, b) => a - b).map((k) => new CommentProxy(this.context, () => ({ sheet: s, key: k }))));
  }
  add(cell: string | RangeProxy, content: string): CommentProxy {
    let at: { sheet: SheetState; key: number } | undefined;
    this.queue(
      "add",
      content,
      () => {
        const { sheet, row, col } = cellOf(this.engine, this.scope, cell);
        sheet.assertAllowed("edit");
        const key = SheetState.key(row, col);
        if (sheet.comments.has(key)) throw new FakeOfficeError("InvalidArgument", `The cell ${a1(row, col)} already has a comment.`);
        sheet.comments.set(key, { id: `comment-${this.engine.nextId++}`, content });
        at = { sheet, key };
      },
      () => (at ? { sheet: at.sheet.name, address: a1(keyRowCol(at.key).row, keyRowCol(at.key).col) } : undefined),
    );
    return new CommentProxy(this.context, () => at);
  }
  getItemByCell(cell: string | RangeProxy): CommentProxy {
    return new CommentProxy(this.context, () => {
      const { sheet, row, col } = cellOf(this.engine, this.scope, cell);
      const k = SheetState.key(row, col);
      return sheet.comments.has(k) ? { sheet, key: k } : undefined;
    });
  }
}

class CommentProxy extends FakeProxy {
  protected readonly kind = "Comment";
  private bound: { sheet: SheetState; key: number } | undefined;
  constructor(
    context: FakeContext,
    private readonly resolver: () => { sheet: SheetState; key: number } | undefined,
  ) {
    super(context);
  }
  target(): { sheet: SheetState; key: number } {
    if (!this.bound) this.bound = this.resolver();
    if (!this.bound || !this.bound.sheet.comments.has(this.bound.key)) throw new FakeOfficeError("ItemNotFound", "The comment doesn't exist.");
    return this.bound;
  }
  private where = () => {
    const t = this.target();
    const { row, col } = keyRowCol(t.key);
    return { sheet: t.sheet.name, address: a1(row, col) };
  };
  protected read(prop: string): unknown {
    const t = this.target();
    const c = t.sheet.comments.get(t.key)!;
    if (prop === "content") return c.content;
    if (prop === "id") return c.id;
    throw new FakeOfficeError("InvalidArgument", `Comment.${prop} is not in the fake`);
  }
  get content(): string {
    return this.get("content");
  }
  set content(v: string) {
    this.queue("content", v, () => (this.target().sheet.comments.get(this.target().key)!.content = v), this.where);
  }
  get id(): string {
    return this.get("id");
  }
  delete(): void {
    this.queue(
      "delete",
      undefined,
      () => {
        const t = this.target();
        t.sheet.comments.delete(t.key);
      },
      this.where,
    );
  }
  getLocation(): RangeProxy {
    const ws = new WorksheetProxy(this.context, () => this.target().sheet, false, "(comment)");
    return new RangeProxy(this.context, ws, () => {
      const { row, col } = keyRowCol(this.target().key);
      return { top: row, bottom: row, left: col, right: col };
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Install

function sheetView(s: SheetState): FakeSheetView {
  const at = (address: string) => {
    const r = parseRect(address);
    if (!r) throw new Error(`bad address ${address}`);
    return r;
  };
  const byAddress = <T>(m: Map<number, T>, f: (t: T) => string) =>
    Object.fromEntries([...m].map(([k, v]) => [a1(keyRowCol(k).row, keyRowCol(k).col), f(v)]));
  return {
    get name() {
      return s.name;
    },
    id: s.id,
    get visibility() {
      return s.visibility;
    },
    get tabColor() {
      return s.tabColor;
    },
    get freeze() {
      return { ...s.freeze };
    },
    get print() {
      return { ...s.print };
    },
    get protection() {
      return { protected: s.protection.protected, options: { ...s.protection.options }, ...(s.protection.password ? { password: s.protection.password } : {}) };
    },
    cell: (address) => {
      const r = at(address);
      return cellView(s.get(r.top, r.left));
    },
    value: (address) => {
      const r = at(address);
      return s.get(r.top, r.left)?.value ?? "";
    },
    values: () => {
      const u = s.used(true);
      if (!u) return [];
      return range(0, u.bottom).map((row) => range(0, u.right).map((col) => s.get(row, col)?.value ?? ""));
    },
    cells: () => new Map([...s.cellMap].map(([k, c]) => [a1(keyRowCol(k).row, keyRowCol(k).col), cellView(c)])),
    get merges() {
      return s.merges.map(rectA1);
    },
    get notes() {
      return byAddress(s.notes, (n) => n.content);
    },
    get comments() {
      return byAddress(s.comments, (c) => c.content);
    },
    columnWidth: (i) => s.colWidth.get(i),
    columnHidden: (i) => s.colHidden.has(i),
    rowHeight: (i) => s.rowHeight.get(i),
    rowHidden: (i) => s.rowHidden.has(i),
    get conditionalFormats() {
      return s.conditionalFormats.map((cf) => ({
        type: cf.type,
        range: rectA1(cf.range),
        ...(cf.colorScale ? { colorScale: structuredClone(cf.colorScale) } : {}),
      }));
    },
    get charts() {
      return s.charts.map((c) => structuredClone(c));
    },
  };
}

/**
 * Define `Excel` and `Office` on `target` (globalThis in jest, window in a page) backed by an
 * in-memory workbook, and return the handle to inspect it.
 */
export function installFakeExcel(target: typeof globalThis, opts: FakeOptions): FakeExcel {
  const engine = new Engine(opts.apiVersion, opts);
  const g = target as unknown as Record<string, unknown>;
  const previous = { Excel: g.Excel, Office: g.Office };

  const run = async (a: unknown, b?: unknown): Promise<unknown> => {
    const batch = (typeof a === "function" ? a : b) as (ctx: FakeContext) => Promise<unknown>;
    let ctx: FakeContext;
    if (typeof a === "function") ctx = new FakeContext(engine);
    else if (a instanceof FakeContext) ctx = a;
    else if (a && typeof a === "object" && (a as { context?: unknown }).context instanceof FakeContext) ctx = (a as { context: FakeContext }).context;
    else throw new FakeOfficeError("InvalidArgument", "Excel.run needs a batch function, or a context/object and a batch.");
    engine.inFlight++;
    try {
      const result = await batch(ctx);
      if (ctx.queue.length > 0) {
        // Office.js sends what is still queued when the batch ends.
        engine.implicitSyncs++;
        await ctx.sync();
      }
      return result;
    } finally {
      engine.inFlight--;
    }
  };

  g.Excel = {
    run,
    RequestContext: FakeContext,
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ChartType: { barClustered: "BarClustered", columnClustered: "ColumnClustered", line: "Line", pie: "Pie" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    ConditionalFormatType: { colorScale: "ColorScale", dataBar: "DataBar", iconSet: "IconSet", cellValue: "CellValue", custom: "Custom" },
    ConditionalFormatColorCriterionType: {
      lowestValue: "LowestValue",
      highestValue: "HighestValue",
      number: "Number",
      percent: "Percent",
      formula: "Formula",
      percentile: "Percentile",
    },
  };
  g.Office = {
    HostType: { Excel: "Excel" },
    context: {
      displayLanguage: opts.displayLanguage ?? "zh-CN",
      requirements: {
        isSetSupported: (name: string, version?: string) => name === "ExcelApi" && engine.supports(version ?? "1.1"),
      },
    },
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
  };

  return {
    get syncs() {
      return engine.syncs;
    },
    get implicitSyncs() {
      return engine.implicitSyncs;
    },
    get log() {
      return engine.log;
    },
    get requests() {
      return engine.requests;
    },
    get apiVersion() {
      return engine.apiVersion;
    },
    set apiVersion(v: string) {
      engine.apiVersion = v;
    },
    get hangSyncs() {
      return engine.hangSyncs;
    },
    set hangSyncs(v: boolean) {
      engine.hangSyncs = v;
    },
    get activeSheet() {
      return engine.active;
    },
    get selection() {
      return engine.selection;
    },
    sheetNames: () => engine.sheets.map((s) => s.name),
    sheet: (name) => {
      const s = engine.findSheet(name);
      if (!s) throw new Error(`no sheet "${name}" in the fake workbook (${engine.sheets.map((x) => x.name).join(", ")})`);
      return sheetView(s);
    },
    merge: (sheet, range) => {
      const s = engine.findSheet(sheet);
      const r = parseRect(range);
      if (!s || !r) throw new Error(`no range ${sheet}!${range}`);
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          if (row === r.top && col === r.left) continue;
          const c = s.get(row, col);
          if (c) {
            c.value = "";
            delete c.formula;
          }
        }
      }
      s.merges = s.merges.filter((m) => !overlaps(m, r));
      s.merges.push({ ...r });
    },
    edit: async (sheet, address, value) => {
      const s = engine.findSheet(sheet);
      const r = parseRect(address);
      if (!s || !r) throw new Error(`no cell ${sheet}!${address}`);
      const c = s.at(r.top, r.left);
      c.value = value;
      delete c.formula;
      engine.pendingEdits = [{ sheet: s, address: rectA1(r) }];
      await Promise.all(engine.flushEvents("Unknown"));
    },
    rename: (sheet, to) => {
      const s = engine.findSheet(sheet);
      if (!s) throw new Error(`no sheet "${sheet}"`);
      if (engine.active === s.name) engine.active = to;
      s.name = to;
    },
    idle: async () => {
      for (let i = 0; i < 1000 && engine.inFlight > 0; i++) await new Promise((res) => setTimeout(res, 0));
      await new Promise((res) => setTimeout(res, 0));
    },
    resetCounters: () => {
      engine.syncs = 0;
      engine.implicitSyncs = 0;
      engine.log = [];
      engine.requests = [];
    },
    uninstall: () => {
      g.Excel = previous.Excel;
      g.Office = previous.Office;
    },
  };
}
