/**
 * Showing cells to a person (activate the sheet, select) and hearing about their edits.
 *
 * Change events are for live feedback only (they are unreliable on some platforms): the task
 * pane re-reads the workbook before anything that must be correct.
 */
import type { Syncer } from "./sync";

/**
 * Activate `sheet` and select `addresses`: all of them at once where RangeAreas exist
 * (ExcelApi 1.9, the first address holds the active cell), else the first one. One sync.
 */
export async function selectCells(
  context: Excel.RequestContext,
  sync: Syncer,
  sheet: string,
  addresses: readonly string[],
  rangeAreas: boolean,
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  const cells = addresses.map((a) => a.trim()).filter((a) => a !== "");
  if (cells.length > 1 && rangeAreas) ws.getRanges(cells.join(",")).select();
  else ws.getRange(cells[0] ?? "A1").select();
  await sync("select");
}

/** What a change handler receives (`Excel.WorksheetChangedEventArgs`, the fields used here). */
export interface ChangeArgs {
  readonly worksheetId: string;
  readonly triggerSource?: string;
}

export type ChangeHandlers = OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[];

/**
 * Register `onChanged`: on the worksheet collection where ExcelApi 1.9 has it (one sync), else
 * on each sheet that exists now (ExcelApi 1.7: one sync to list them, one to register).
 * Edits made by this add-in (`triggerSource` "ThisLocalAddin", ExcelApi 1.14) are ignored.
 * With per-sheet handlers `knownName` is the sheet's name at registration; with the collection
 * event the caller turns `worksheetId` into a name (the sheet may have been renamed since).
 * Remove the returned handlers with `removeHandlers`, inside `Excel.run(handlers[0].context, …)`.
 */
export async function subscribeChanges(
  context: Excel.RequestContext,
  sync: Syncer,
  collectionEvents: boolean,
  onChange: (args: ChangeArgs, knownName?: string) => void,
): Promise<ChangeHandlers> {
  const own = (args: ChangeArgs) => args.triggerSource === "ThisLocalAddin";
  const results: ChangeHandlers = [];
  if (collectionEvents) {
    results.push(
      context.workbook.worksheets.onChanged.add(async (args) => {
        if (!own(args)) onChange(args);
      }),
    );
    await sync("watch changes");
  } else {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await sync("watch changes: sheets");
    for (const ws of worksheets.items) {
      const name = ws.name;
      results.push(
        ws.onChanged.add(async (args) => {
          if (!own(args)) onChange(args, name);
        }),
      );
    }
    await sync("watch changes");
  }
  return results;
}

/** Queue the removal of every handler and sync once. Call inside `Excel.run(handlers[0].context, …)`. */
export async function removeHandlers(handlers: ChangeHandlers, sync: Syncer): Promise<void> {
  if (handlers.length === 0) return;
  for (const h of handlers) h.remove();
  await sync("stop watching changes");
}
