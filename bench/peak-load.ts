/**
 * Loading a workbook in a fresh process, so nothing else counts: its time and peak resident memory.
 * Used for the worst inputs Huishen accepts (a workbook at the size limit, a template beside a huge sheet).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newWorkbook, openWorkbook, snapshotWorkbook, toBuffer } from "../src/adapters/xlsx";
import { openWorkbookFile } from "../src/cli/workbook-files";
import { DEFAULT_LIMITS, type SheetScope } from "../src/adapters/xlsx/package-guard";
import { readCentralDirectory } from "../src/adapters/xlsx/zip/central-directory";
import { checkWorkbook } from "../src/core/check-workbook";

/** Who opens the file: the pane and the workbench (pako, ExcelJS's own `load`) or the command line (Node's zlib, `loadParts`). */
export type Door = "pane" | "cli";

/** In the child: open the file (and check it), print milliseconds and peak MiB. */
async function child(file: string, scope: SheetScope, door: Door): Promise<void> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const start = performance.now();
  const wb = door === "cli" ? await openWorkbookFile(file, { scope }) : await openWorkbook(readFileSync(file), file, { scope });
  const sheets = checkWorkbook(snapshotWorkbook(wb)).sheets.length;
  const ms = performance.now() - start;
  clearInterval(timer);
  console.log(JSON.stringify({ ms: Math.round(ms), peakMiB: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20), sheets }));
}

/** Open and check `bytes` in a fresh process. */
export function measureInChild(bytes: Uint8Array, scope: SheetScope, door: Door = "pane"): { ms: number; peakMiB: number; sheets: number; unpackedMiB: number } {
  const dir = mkdtempSync(join(tmpdir(), "huishen-peak-"));
  try {
    const file = join(dir, "book.xlsx");
    writeFileSync(file, bytes);
    const out = execFileSync(process.execPath, [__filename, file, scope, door], { encoding: "utf8" });
    const unpackedMiB = readCentralDirectory(bytes).reduce((n, e) => n + e.size, 0) / 2 ** 20;
    return { ...(JSON.parse(out) as { ms: number; peakMiB: number; sheets: number }), unpackedMiB };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measurePeakAtLimit(): Promise<void> {
  // About 690 bytes of sheet XML a row of 20 numbers: stay just under the limit.
  const rows = Math.floor((DEFAULT_LIMITS.maxLoadedBytes * 0.95) / 700);
  const wb = newWorkbook(new Date(0));
  const ws = wb.addWorksheet("数据");
  for (let r = 1; r <= rows; r++) ws.addRow(Array.from({ length: 20 }, (_, c) => r * 100 + c));
  const bytes = await toBuffer(wb);
  for (const door of ["pane", "cli"] as const) {
    const m = measureInChild(bytes, "all", door);
    const who = door === "cli" ? "the command line" : "the pane and the workbench";
    console.log(`  ${m.unpackedMiB.toFixed(0)} MiB unpacked (limit ${DEFAULT_LIMITS.maxLoadedBytes / 2 ** 20} MiB), loaded in full by ${who}: ${m.ms} ms, peak resident memory ${m.peakMiB} MiB`);
  }
}

if (require.main === module && process.argv[2]) void child(process.argv[2], (process.argv[3] as SheetScope) ?? "needed", (process.argv[4] as Door) ?? "pane");
