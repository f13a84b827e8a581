import type ExcelJS from "exceljs";
import { XlsxReadError } from "../adapters/xlsx";
import { openWorkbookFile } from "./workbook-files";
import type { PackageLimits, SheetScope } from "../adapters/xlsx/package-guard";
import type { Io } from "./io";

export interface ReadContext {
  readonly io: Io;
  readonly verbose: boolean;
  readonly limits?: PackageLimits;
}

/**
 * Read an input workbook; an unreadable one is reported on stderr in Chinese and English (the
 * technical cause only with --verbose) and gives undefined (the command exits 2).
 * `scope` "all" when the workbook will be written back, so no sheet is left out.
 */
export async function readInput(file: string, ctx: ReadContext, scope: SheetScope = "needed"): Promise<ExcelJS.Workbook | undefined> {
  try {
    return await openWorkbookFile(file, { scope, limits: ctx.limits });
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    const more = e.reason === "tooLarge" ? "\n可用 --max-size 调高上限（单位 MB，所需内存约为其 15 倍）。Raise the limit with --max-size (MB; memory needed is about 15 times that)." : "";
    const detail = ctx.verbose && e.detail ? `\n  (${e.detail})` : "";
    ctx.io.err(`${e.message}${more}${detail}\n`);
    return undefined;
  }
}
