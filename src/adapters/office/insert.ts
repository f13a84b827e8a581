/**
 * Sheets of a district's .xlsx inserted into the open workbook (ExcelApi 1.13,
 * `Workbook.insertWorksheetsFromBase64`), so a consolidation can link its findings to their cells
 * and flag them. One sync: the insert and the load of every sheet's id and name go in one request,
 * the load queued after the insert so it sees the new sheets.
 */
import type { Lang } from "../../core/findings/format";
import { translator, type Worded } from "../../core/text/translate";
import { HostTimeoutError } from "./host-timeout";
import type { Syncer } from "./sync";

const { t } = translator({ failed: "无法把“{file}”中的工作表插入本工作簿：{detail}" } as const, { failed: "Could not insert the sheets of “{file}”: {detail}" });

/** A workbook insert failed in a way the person can act on; the pane words it in the reader's language. */
export class InsertSheetsError extends Error implements Worded {
  readonly detail: string;

  constructor(readonly file: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(t("en", "failed", { file, detail }), { cause });
    this.detail = detail;
  }

  wordsIn(lang: Lang): string {
    return t(lang, "failed", { file: this.file, detail: this.detail });
  }
}

/**
 * Insert `sheetNames` of the base64 workbook at the end; resolves to the names Excel gave them, in the
 * order inserted. Excel answers with the new sheets' ids; where a host answers none, the new sheets are
 * the last ones (inserted at the end) — their count is how many sheets were added.
 */
export async function insertSheetsFromBase64(ctx: Excel.RequestContext, sync: Syncer, file: { readonly name: string; readonly base64: string }, sheetNames: readonly string[]): Promise<string[]> {
  if (sheetNames.length === 0) return [];
  const worksheets = ctx.workbook.worksheets;
  // How many sheets there were: the new ones follow them, should Excel return no ids.
  const before = ctx.workbook.worksheets.getCount();
  // "End" is Excel.WorksheetPositionType.end.
  const ids = ctx.workbook.insertWorksheetsFromBase64(file.base64, { sheetNamesToInsert: [...sheetNames], positionType: "End" });
  worksheets.load("items/id,items/name");
  try {
    await sync("insert sheets");
  } catch (e) {
    if (e instanceof HostTimeoutError) throw e;
    throw new InsertSheetsError(file.name, e);
  }
  const items = worksheets.items;
  const byId = new Map(items.map((ws) => [ws.id, ws.name]));
  const named = (ids.value ?? []).map((id) => byId.get(id)).filter((n): n is string => n !== undefined);
  if (named.length > 0) return named;
  return items.slice(before.value).map((ws) => ws.name);
}
