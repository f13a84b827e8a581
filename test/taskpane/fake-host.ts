import type { ApplyStats, HostCapabilities, WorkbookHost, WorkbookRead } from "../../src/core/host";
import { parseAddress, type CellValue, type SheetSnapshot } from "../../src/core/grid";
import { interpretPlan, type InterpretedSheet } from "../../src/core/plan/interpret";
import type { ChartSpec, ColorScaleSpec, WritePlan } from "../../src/core/plan/write-plan";
import { planCellCount } from "../../src/core/plan/plan-cells";

/**
 * A workbook in memory for pane tests: plans mean what the core's reference interpreter says they mean
 * (`interpretPlan`, the same the adapters are held to); colour scales and charts are only recorded
 * (`colorScalesOn`, `chartsOn`). Every `apply` and `select` is recorded.
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
  private sheets: InterpretedSheet[] = [];
  private readonly drawn = new Map<string, { colorScales: ColorScaleSpec[]; charts: ChartSpec[] }>();
  private readonly handlers = new Set<(sheet: string) => void>();
  private failures: unknown[] = [];
  private gate: Promise<void> | undefined;

  constructor(snapshots: readonly SheetSnapshot[] = [], activeSheet?: string) {
    for (const s of snapshots) this.addSheet(s);
    this.activeSheet = activeSheet ?? snapshots[0]?.name ?? "Sheet1";
    if (this.sheets.length === 0) this.addSheet({ name: this.activeSheet, values: [[""]] });
  }

  /** A sheet as a host reads it back: dense, with fills and notes read (none where the snapshot has none). */
  addSheet(s: SheetSnapshot): void {
    this.sheets.push(...interpretPlan([s], { sheets: [] }));
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
    this.sheet(sheet);
    this.sheets = interpretPlan(this.sheets, { sheets: [{ name: sheet, mode: "update", cells: [{ address, value: value instanceof Date ? value.toISOString() : value }] }] });
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
    const p = parseAddress(address)!;
    return this.sheet(sheet).fills?.[p.row]?.[p.col] ?? undefined;
  }

  noteAt(sheet: string, address: string): string | undefined {
    return this.sheet(sheet).notes?.[address];
  }

  colorScalesOn(sheet: string): readonly ColorScaleSpec[] {
    return this.drawn.get(this.sheet(sheet).name)?.colorScales ?? [];
  }

  chartsOn(sheet: string): readonly ChartSpec[] {
    return this.drawn.get(this.sheet(sheet).name)?.charts ?? [];
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
    this.sheets = interpretPlan(this.sheets, plan);
    plan.sheets.forEach((sp, i) => {
      // A sheet made afresh loses what was drawn on it; then this plan's scales and charts are recorded.
      if (sp.mode !== "update") this.drawn.delete(sp.name);
      const d = this.drawn.get(sp.name) ?? { colorScales: [], charts: [] };
      d.colorScales.push(...(sp.colorScales ?? []));
      d.charts.push(...(sp.charts ?? []));
      this.drawn.set(sp.name, d);
      if (sp.activate) this.activeSheet = sp.name;
      this.progress.push([i + 1, plan.sheets.length]);
      onProgress?.(i + 1, plan.sheets.length);
    });
    return { syncs: 1, cellsWritten: plan.sheets.reduce((n, sp) => n + planCellCount(sp), 0), chunks: 1 };
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

  private sheet(name: string): InterpretedSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`No sheet named ${name}`);
    return s;
  }

  private maybeFail(): void {
    if (this.failures.length > 0) throw this.failures.shift();
  }
}

/** What a host read gives: the sheet without what only the fake keeps. */
function snapshotOf(s: InterpretedSheet): SheetSnapshot {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { visibility, ...snapshot } = s;
  return snapshot;
}
