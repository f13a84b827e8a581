/**
 * Peak memory of the worst input Huishen accepts: a workbook just under the parse limit, loaded in full
 * (as --annotate does), measured in a fresh process so nothing else counts. Run by `npm run bench`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newWorkbook, openWorkbook, toBuffer } from "../src/adapters/xlsx";
import { DEFAULT_LIMITS } from "../src/adapters/xlsx/package-guard";
import { readCentralDirectory } from "../src/adapters/xlsx/zip/central-directory";

/** In the child: load the file in full and print the peak resident memory in MiB. */
async function child(file: string): Promise<void> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  await openWorkbook(readFileSync(file), file, { scope: "all" });
  clearInterval(timer);
  console.log(Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20));
}

export async function measurePeakAtLimit(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "huishen-peak-"));
  try {
    // About 690 bytes of sheet XML a row of 20 numbers: stay just under the limit.
    const rows = Math.floor((DEFAULT_LIMITS.maxLoadedBytes * 0.95) / 700);
    const wb = newWorkbook(new Date(0));
    const ws = wb.addWorksheet("数据");
    for (let r = 1; r <= rows; r++) ws.addRow(Array.from({ length: 20 }, (_, c) => r * 100 + c));
    const bytes = await toBuffer(wb);
    const unpacked = readCentralDirectory(bytes).reduce((n, e) => n + e.size, 0);
    const file = join(dir, "at-limit.xlsx");
    writeFileSync(file, bytes);
    const peak = execFileSync(process.execPath, [__filename, file], { encoding: "utf8" }).trim();
    console.log(`  ${(unpacked / 2 ** 20).toFixed(0)} MiB unpacked (limit ${DEFAULT_LIMITS.maxLoadedBytes / 2 ** 20} MiB), loaded in full: peak resident memory ${peak} MiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv[2]) void child(process.argv[2]);
