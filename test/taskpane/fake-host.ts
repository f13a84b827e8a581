import type { ApplyStats, HostCapabilities, WorkbookHost, WorkbookRead } from "../../src/adapters/office/host";
import { addressOf, parseAddress, type CellValue, type SheetSnapshot } from "../../src/core/grid";
import type { ChartSpec, ColorScaleSpec, SheetPlan, WritePlan } from "../../src/core/plan/write-plan";

interface FakeSheet {
  name: string;
  values: CellValue[][];
  numberFormats: string[][];
  fills: Map<string, string>;
  notes: Map<string, string>;
  visibility: "visible" | "hidden" | "veryHidden";
  /** Recorded as planned (nothing is drawn): for tests that look for them. */
  colorScales: ColorScaleSpec[];
  charts: ChartSpec[];
}

/**
 * A workbook in memory for pane tests: sheets as snapshots, plans applied roughly (values, cached
 * formula results, fills, notes: enough to re-read), every `apply` and `select` recorded.
 * `replace` empties the sheet in place (same position); colour scales and charts are only recorded
 * (`colorScalesOn`, `chartsOn`), and refused on `update` sheets as the adapters refuse them.
 */
export class FakeHost implements WorkbookHost {
  readonly capabilities: HostCapabilities = { notes: true, comments: true, cellProperties: true, insertFromBase64: true };
  readonly applied: WritePlan[] = [];
  readonly selected: { sheet: string; addresses: string[] }[] = [];
  readonly progress: [number, number][] = [];
  reads = 0;
  subscriptions = 0;
  unsubscriptions = 0;
  activeSheet: string;
  private readonly sheets: FakeSheet[] = [];
  private readonly handlers = new Set<(sheet: string) => void>();
  private failures: unknown[] = [];
  private gate: Promise<void> | undefined;

  constructor(snapshots: readonly SheetSnapshot[] = [], activeSheet?: string) {
    for (const s of snapshots) this.addSheet(s);
    this.activeSheet = activeSheet ?? snapshots[0]?.name ?? "Sheet1";
    if (this.sheets.length === 0) this.addSheet({ name: this.activeSheet, values: [[""]] });
  }

  addSheet(s: SheetSnapshot): void {
    const fills = new Map<string, string>();
    s.fills?.forEach((row, r) => row.forEach((f, c) => f && fills.set(addr(r, c), f)));
    this.sheets.push({
      name: s.name,
      values: s.values.map((row) => [...row]),
      numberFormats: (s.numberFormats ?? []).map((row) => [...row]),
      fills,
      notes: new Map(Object.entries(s.notes ?? {})),
      visibility: "visible",
      colorScales: [],
      charts: [],
    });
  }

  /** The next read, apply, select or sheetNames throws `error` (subscribing never fails). */
  failNext(error: unknown): void {
    this.failures.push(error);
  }

  /** Hold every read until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.gate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.gate = undefined;
      release();
    };
  }

  /** A person types into a cell; listeners hear about it as Excel's onChanged would. */
  edit(sheet: string, address: string, value: CellValue): void {
    const s = this.sheet(sheet);
    const p = parseAddress(address)!;
    setCell(s.values, p.row, p.col, value);
    for (const h of this.handlers) h(sheet);
  }

  /** Raise a change event without changing anything. */
  emitChange(sheet: string): void {
    for (const h of this.handlers) h(sheet);
  }

  get listenerCount(): number {
    return this.handlers.size;
  }

  names(): string[] {
    return this.sheets.map((s) => s.name);
  }

  fillAt(sheet: string, address: string): string | undefined {
    return this.sheet(sheet).fills.get(address);
  }

  noteAt(sheet: string, address: string): string | undefined {
    return this.sheet(sheet).notes.get(address);
  }

  colorScalesOn(sheet: string): readonly ColorScaleSpec[] {
    return this.sheet(sheet).colorScales;
  }

  chartsOn(sheet: string): readonly ChartSpec[] {
    return this.sheet(sheet).charts;
  }

  valueAt(sheet: string, address: string): CellValue {
    const p = parseAddress(address)!;
    return this.sheet(sheet).values[p.row]?.[p.col] ?? "";
  }

  async read(opts?: { readonly sheets?: readonly string[] }): Promise<WorkbookRead> {
    this.reads++;
    await this.gate;
    this.maybeFail();
    const wanted = opts?.sheets;
    const sheets = this.sheets.filter((s) => !wanted || wanted.includes(s.name)).map(snapshotOf);
    return { sheets, activeSheet: this.activeSheet };
  }

  async sheetNames(): Promise<string[]> {
    this.maybeFail();
    return this.names();
  }

  async apply(plan: WritePlan, onProgress?: (done: number, total: number) => void): Promise<ApplyStats> {
    this.maybeFail();
    this.applied.push(plan);
    let cellsWritten = 0;
    plan.sheets.forEach((sp, i) => {
      cellsWritten += this.applySheet(sp);
      this.progress.push([i + 1, plan.sheets.length]);
      onProgress?.(i + 1, plan.sheets.length);
    });
    return { syncs: 1, cellsWritten, chunks: 1 };
  }

  async select(sheet: string, addresses: readonly string[]): Promise<void> {
    this.maybeFail();
    this.sheet(sheet);
    this.selected.push({ sheet, addresses: [...addresses] });
    this.activeSheet = sheet;
  }

  async onSheetChanged(handler: (sheet: string) => void): Promise<() => Promise<void>> {
    this.subscriptions++;
    this.handlers.add(handler);
    return async () => {
      this.unsubscriptions++;
      this.handlers.delete(handler);
    };
  }

  private applySheet(sp: SheetPlan): number {
    let s: FakeSheet;
    const fresh = (): FakeSheet => ({
      name: sp.name,
      values: [],
      numberFormats: [],
      fills: new Map(),
      notes: new Map(),
      visibility: sp.visibility ?? "visible",
      colorScales: [],
      charts: [],
    });
    const existing = this.sheets.findIndex((x) => x.name.toLowerCase() === sp.name.toLowerCase());
    if (sp.mode === "update" && ((sp.colorScales?.length ?? 0) > 0 || (sp.charts?.length ?? 0) > 0)) {
      throw new Error(`${sp.name}: colour scales and charts only on create/replace sheets`);
    }
    if (sp.mode === "create") {
      if (existing >= 0) throw new Error(`A sheet named ${sp.name} exists`);
      s = fresh();
      this.sheets.push(s);
    } else if (sp.mode === "replace") {
      s = fresh();
      if (existing >= 0) this.sheets[existing] = s;
      else this.sheets.push(s);
    } else {
      s = this.sheet(sp.name);
    }
    s.colorScales.push(...(sp.colorScales ?? []));
    s.charts.push(...(sp.charts ?? []));
    for (const a of sp.clearFlags?.fills ?? []) s.fills.delete(a);
    for (const a of sp.clearFlags?.notes ?? []) s.notes.delete(a);
    for (const c of sp.cells ?? []) {
      const p = parseAddress(c.address)!;
      if (c.formula !== undefined) setCell(s.values, p.row, p.col, c.result ?? "");
      else if (c.value !== undefined) setCell(s.values, p.row, p.col, c.value);
      if (c.numberFormat !== undefined) {
        while (s.numberFormats.length <= p.row) s.numberFormats.push([]);
        s.numberFormats[p.row][p.col] = c.numberFormat;
      }
      if (c.style?.fill) s.fills.set(c.address, c.style.fill);
    }
    for (const f of sp.fills ?? []) s.fills.set(f.address, f.color);
    for (const n of sp.notes ?? []) s.notes.set(n.address, n.text);
    if (sp.activate) this.activeSheet = s.name;
    return sp.cells?.length ?? 0;
  }

  private sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`No sheet named ${name}`);
    return s;
  }

  private maybeFail(): void {
    if (this.failures.length > 0) throw this.failures.shift();
  }
}

const addr = (row: number, col: number): string => addressOf(row, col);

function setCell(values: CellValue[][], row: number, col: number, v: CellValue): void {
  while (values.length <= row) values.push([]);
  const r = values[row];
  while (r.length < col) r.push("");
  r[col] = v;
}

function snapshotOf(s: FakeSheet): SheetSnapshot {
  const width = Math.max(1, ...s.values.map((r) => r.length));
  const values = s.values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
  const numberFormats = values.map((r, ri) => r.map((_, c) => s.numberFormats[ri]?.[c] ?? "General"));
  const fills = values.map((r, ri) => r.map((_, c) => s.fills.get(addr(ri, c)) ?? null));
  return { name: s.name, values, numberFormats, fills, notes: Object.fromEntries(s.notes) };
}
