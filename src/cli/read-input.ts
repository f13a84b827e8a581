import type ExcelJS from "exceljs";
import type { PackageLimits, SheetScope } from "../adapters/xlsx/package-guard";
import { XlsxReadError } from "../adapters/xlsx/read-package";
import type { Lang } from "../core/findings/format";
import type { Io } from "./io";
import { t } from "./text";
import type { SheetSnapshot } from "../core/grid";
import { snapshotWorkbookFile } from "./file-bytes";
import type { DistrictFileRead } from "./workbook-files";

/** ExcelJS and what opens workbooks with it, loaded by the commands that build a workbook: a check alone never does. */
const workbooks = () => import("./workbook-files");

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
  const { openWorkbookFile } = await workbooks();
  return reported(() => openWorkbookFile(file, { scope, limits: ctx.limits }), ctx);
}

/** An input workbook's sheets, for a command that only reads them (no workbook is built); unreadable: as `readInput`. */
export async function readInputSnapshots(file: string, ctx: ReadContext): Promise<SheetSnapshot[] | undefined> {
  return reported(() => snapshotWorkbookFile(file, { limits: ctx.limits }), ctx);
}

/**
 * The input as a command needs it: when the command writes it back, the workbook with every sheet (and
 * its snapshots); otherwise only the sheets it reads, as snapshots. Unreadable: as `readInput`.
 */
export async function readInputFor(file: string, ctx: ReadContext, writesBack: boolean): Promise<{ readonly wb?: ExcelJS.Workbook; readonly sheets: SheetSnapshot[] } | undefined> {
  if (!writesBack) {
    const sheets = await readInputSnapshots(file, ctx);
    return sheets && { sheets };
  }
  const wb = await readInput(file, ctx, "all");
  const { snapshotWorkbook } = await import("../adapters/xlsx/snapshot");
  return wb && { wb, sheets: snapshotWorkbook(wb) };
}

/** A district's file to consolidate (`readDistrictFile`); unreadable: as `readInput`. */
export async function readDistrictInput(file: string, ctx: ReadContext): Promise<DistrictFileRead | undefined> {
  const { readDistrictFile } = await workbooks();
  return reported(() => readDistrictFile(file, { limits: ctx.limits }), ctx);
}

async function reported<T>(read: () => T | Promise<T>, ctx: ReadContext): Promise<T | undefined> {
  try {
    return await read();
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    ctx.io.err(`${readErrorText(e, ctx.lang, ctx.verbose)}\n`);
    return undefined;
  }
}
