import type ExcelJS from "exceljs";
import { readWorkbookFile, XlsxReadError } from "../adapters/xlsx";
import type { Io } from "./io";

/** Read an input workbook; an unreadable one is reported on stderr and gives undefined (the command exits 2). */
export async function readInput(file: string, io: Io): Promise<ExcelJS.Workbook | undefined> {
  try {
    return await readWorkbookFile(file);
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    io.err(`${e.message}\n`);
    return undefined;
  }
}
