import type ExcelJS from "exceljs";
import { XlsxReadError } from "../adapters/xlsx";
import type { PackageLimits, SheetScope } from "../adapters/xlsx/package-guard";
import type { Lang } from "../core/findings/format";
import type { Io } from "./io";
import { t } from "./text";
import { openWorkbookFile } from "./workbook-files";

export interface ReadContext {
  readonly io: Io;
  readonly lang: Lang;
  readonly verbose: boolean;
  readonly limits?: PackageLimits;
}

/** Why an input cannot be read, in the reader's language (the technical cause only with --verbose). */
export function readErrorText(e: XlsxReadError, lang: Lang, verbose: boolean): string {
  const hint = e.hint ? t(lang, "read.hint", { text: e.hint[lang] }) : "";
  const text = t(lang, `read.${e.reason}`, { file: e.source, hint });
  return verbose && e.detail ? `${text}\n  (${e.detail})` : text;
}

/**
 * Read an input workbook; an unreadable one is reported on stderr and gives undefined (the command
 * exits 2). `scope` "all" when the workbook will be written back, so no sheet is left out.
 */
export async function readInput(file: string, ctx: ReadContext, scope: SheetScope = "needed"): Promise<ExcelJS.Workbook | undefined> {
  try {
    return await openWorkbookFile(file, { scope, limits: ctx.limits });
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    ctx.io.err(`${readErrorText(e, ctx.lang, ctx.verbose)}\n`);
    return undefined;
  }
}
