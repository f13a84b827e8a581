/**
 * The `WorkbookHost` of the task pane inside Excel: the only place that calls `Excel.run`.
 * Every sync goes through `guardedSync` (timeout, counted in `syncCount`).
 *
 * Syncs per action (see read.ts / apply.ts for why):
 *  - read: 2, whatever the number of sheets and cells (notes or comments included);
 *  - sheetNames: 1;
 *  - apply: 1 (inspect) + one per request of at most `maxRequestBytes` — 2 for a template sheet
 *    or a flag plan; +1 on ExcelApi 1.10–1.17 when notes (as comments) go into existing sheets;
 *  - insertSheets: 1 (the insert and the new sheets' names in one request; ExcelApi 1.13);
 *  - select: 1;
 *  - onSheetChanged: 1 (ExcelApi 1.9) or 2 (1.7–1.8) to register, 1 to unsubscribe, and 1 per
 *    collection-level event to turn the sheet id into its name.
 */
import { applyPlan, type OfficeApplyStats } from "./apply";
import { detectCapabilities, isExcelApiSupported } from "./capabilities";
import type { HostCapabilities, WorkbookHost, WorkbookRead } from "../../core/host";
import { insertSheetsFromBase64 } from "./insert";
import { readSheetNames, readWorkbook } from "./read";
import { removeHandlers, selectCells, subscribeChanges, type ChangeHandlers } from "./select";
import { DEFAULT_SYNC_TIMEOUT_SECONDS, SyncCounter, syncerFor } from "./sync";
import type { WritePlan } from "../../core/plan/write-plan";

export interface OfficeHostOptions {
  /** Seconds before a sync counts as hung (default 30). */
  readonly timeoutSeconds?: number;
  /** Estimated payload per request (default 4 MB; Excel on the web rejects > 5 MB). */
  readonly maxRequestBytes?: number;
  /** Override detection (tests, or a host known to misreport). */
  readonly capabilities?: HostCapabilities;
}

export interface OfficeHost extends WorkbookHost {
  /** Syncs made by this host so far, across all actions. */
  readonly syncCount: number;
  readonly counter: SyncCounter;
  /** What the last `apply` did. */
  readonly lastApply?: OfficeApplyStats;
  apply(plan: WritePlan, onProgress?: (done: number, total: number) => void): Promise<OfficeApplyStats>;
}

export function createOfficeHost(opts: OfficeHostOptions = {}): OfficeHost {
  const capabilities = opts.capabilities ?? detectCapabilities();
  const counter = new SyncCounter();
  const seconds = opts.timeoutSeconds ?? DEFAULT_SYNC_TIMEOUT_SECONDS;
  const syncer = (ctx: Excel.RequestContext) => syncerFor(ctx, seconds, counter);
  let lastApply: OfficeApplyStats | undefined;

  const sheetName = (worksheetId: string): Promise<string> =>
    Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(worksheetId);
      ws.load("name");
      await syncer(ctx)("sheet name");
      return ws.name;
    });

  return {
    capabilities,
    counter,
    get syncCount() {
      return counter.count;
    },
    get lastApply() {
      return lastApply;
    },

    read(readOpts?: { readonly sheets?: readonly string[] }): Promise<WorkbookRead> {
      return Excel.run((ctx) => readWorkbook(ctx, syncer(ctx), { capabilities, sheets: readOpts?.sheets }));
    },

    sheetNames(): Promise<string[]> {
      return Excel.run((ctx) => readSheetNames(ctx, syncer(ctx)));
    },

    async apply(plan: WritePlan, onProgress?: (done: number, total: number) => void): Promise<OfficeApplyStats> {
      const stats = await Excel.run((ctx) =>
        applyPlan(ctx, plan, syncer(ctx), { capabilities, maxRequestBytes: opts.maxRequestBytes, onProgress }),
      );
      lastApply = stats;
      return stats;
    },

    insertSheets(file: { readonly name: string; readonly base64: string }, sheetNames: readonly string[]): Promise<string[]> {
      if (!capabilities.insertFromBase64) return Promise.reject(new Error("insertWorksheetsFromBase64 needs ExcelApi 1.13"));
      return Excel.run((ctx) => insertSheetsFromBase64(ctx, syncer(ctx), file, sheetNames));
    },

    select(sheet: string, addresses: readonly string[]): Promise<void> {
      return Excel.run((ctx) => selectCells(ctx, syncer(ctx), sheet, addresses, isExcelApiSupported("1.9")));
    },

    async onSheetChanged(handler: (sheet: string) => void): Promise<() => Promise<void>> {
      const collection = isExcelApiSupported("1.9");
      const handlers: ChangeHandlers = await Excel.run((ctx) =>
        subscribeChanges(ctx, syncer(ctx), collection, (args, knownName) => {
          if (knownName !== undefined) {
            handler(knownName);
            return;
          }
          // Live feedback only: a failed lookup (sheet deleted meanwhile) is dropped.
          sheetName(args.worksheetId).then(handler, () => undefined);
        }),
      );
      let removed = false;
      return async () => {
        if (removed || handlers.length === 0) return;
        removed = true;
        await Excel.run(handlers[0].context, (ctx) => removeHandlers(handlers, syncer(ctx as Excel.RequestContext)));
      };
    },
  };
}
