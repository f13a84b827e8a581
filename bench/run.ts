import * as fs from "node:fs";
import * as path from "node:path";
import { measurePeakAtLimit } from "./peak-load";
import { measureLargeSheet } from "./large-sheet";
import { PerformanceObserver, constants, performance } from "node:perf_hooks";
import type { SheetSnapshot } from "../src/core/grid";
import { standardTemplate } from "../src/core/template/registry";
import { SheetReader, checkWorkbook } from "../src/core/check-workbook";
import { consolidate, planConsolidation } from "../src/core/consolidate";
import { planCellCount } from "../src/core/plan/plan-cells";
import { flagPlan } from "../src/core/sheet/plan-flags";
import { gc, measureCli, measureConsolidation, warmUpConsolidation } from "./consolidate";
import { readEveryCell } from "./floor";
import { generatedDistrict } from "./generate";
import { kib, paneScripts, total } from "./pane-scripts";

/** `npm run bench`: engine time and memory as the number of districts grows. Reported, never asserted. */
function measure(label: string, districts: number): void {
  const t = standardTemplate();
  const sheets = Array.from({ length: districts }, (_, i) => generatedDistrict(t, i));
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const run = checkWorkbook(sheets);
  const validated = performance.now();
  const plan = flagPlan(run.sheets, run.findings, sheets);
  const planned = performance.now();
  const heapAfter = process.memoryUsage().heapUsed;
  const cells = plan.sheets.reduce((n, s) => n + planCellCount(s) + (s.fills?.length ?? 0), 0);
  console.log(
    [
      label.padEnd(28),
      `${String(districts).padStart(6)} districts`,
      `validate ${(validated - start).toFixed(1).padStart(8)} ms`,
      `flag plan ${(planned - validated).toFixed(1).padStart(8)} ms`,
      `${String(run.findings.length).padStart(7)} findings`,
      `${String(cells).padStart(8)} cells planned`,
      `heap +${((heapAfter - heapBefore) / 1048576).toFixed(1)} MiB`,
    ].join("  "),
  );
}

/** The collector's pauses as Node reports them (entries arrive after the code that caused them has run). */
const pauses: { start: number; duration: number; full: boolean }[] = [];
new PerformanceObserver((list) =>
  pauses.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration, full: (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR }))),
).observe({ entryTypes: ["gc"] });

/**
 * The collector's time between two moments of `performance.now()`, once its entries have arrived, and
 * how much of it went to full mark-compacts. Apart because they have different causes: the young
 * generation's scavenges copy what a run keeps as it is made; a full collection marks everything alive,
 * the input sheets included (at 10,000 districts one pause of about 300 ms, as `node --trace-gc` shows).
 */
async function collectorTime(from: number, to: number): Promise<{ total: number; full: number }> {
  await new Promise((resolve) => setTimeout(resolve, 10));
  const during = pauses.filter((p) => p.start >= from && p.start < to);
  const sum = (ps: typeof during) => ps.reduce((n, p) => n + p.duration, 0);
  return { total: sum(during), full: sum(during.filter((p) => p.full)) };
}

/** One whole engine run over these sheets, as one analysis does it: each sheet read and checked once, then flagged, consolidated and planned. */
async function wholeRun(sheets: readonly SheetSnapshot[]) {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const reader = new SheetReader();
  const run = checkWorkbook(sheets, reader);
  const checked = performance.now();
  const flags = flagPlan(run.sheets, run.findings, sheets);
  const flagged = performance.now();
  const c = consolidate([{ snapshots: sheets, inWorkbook: true }], {}, reader);
  if (!c) throw new Error("bench: nothing consolidated");
  const consolidated = performance.now();
  const plan = planConsolidation(c, sheets, "zh");
  const elapsed = performance.now() - start;
  const collector = await collectorTime(start, start + elapsed);
  const phases = `(check ${(checked - start).toFixed(0)}, flags ${(flagged - checked).toFixed(0)}, consolidate ${(consolidated - flagged).toFixed(0)}, plan ${(start + elapsed - consolidated).toFixed(0)}; of all that, the collector ${collector.total.toFixed(0)}, ${collector.full.toFixed(0)} of it in full collections)`;
  const heapAtEnd = process.memoryUsage().heapUsed - heapBefore;
  // What stays once the garbage is collected: the analysis and the two plans, still referenced here.
  gc();
  const heapKept = process.memoryUsage().heapUsed - heapBefore;
  const cells = [flags, plan].reduce((n, p) => n + p.sheets.reduce((m, s) => m + planCellCount(s) + (s.fills?.length ?? 0), 0), 0);
  return { elapsed, phases, heapAtEnd, heapKept, cells };
}

const WHOLE_RUNS = 5;

/**
 * The whole run over one workbook of `districts` sheets, five times: a single run's time depends on
 * where the collector's pauses fall (after a 10,000-district run, the next one pays for freeing it), and
 * on a shared 2-core machine three runs of 1,031 districts could spread by a third (254–338 ms).
 * Reports the median run beside the median floor (`floor.ts`) and returns the run's time in ms.
 */
async function measureWholeRun(label: string, districts: number): Promise<number> {
  const t = standardTemplate();
  const sheets = Array.from({ length: districts }, (_, i) => generatedDistrict(t, i));
  const runs = [];
  const floors = [];
  for (let i = 0; i < WHOLE_RUNS; i++) {
    runs.push(await wholeRun(sheets));
    floors.push(readEveryCell(sheets));
  }
  const { elapsed, phases, heapAtEnd, heapKept, cells } = [...runs].sort((a, b) => a.elapsed - b.elapsed)[WHOLE_RUNS >> 1];
  const floor = [...floors].sort((a, b) => a.ms - b.ms)[WHOLE_RUNS >> 1];
  console.log(
    [
      label.padEnd(28),
      `${String(districts).padStart(6)} districts`,
      `total ${elapsed.toFixed(0).padStart(7)} ms ${phases}, median of ${runs.map((r) => r.elapsed.toFixed(0)).join(" / ")}`,
      `${String(cells).padStart(8)} cells planned`,
      `heap +${(heapAtEnd / 1048576).toFixed(0)} MiB (kept after GC +${(heapKept / 1048576).toFixed(0)} MiB; target ≤ 400 at 10,000)`,
    ].join("  "),
  );
  console.log(`${"".padEnd(28)}  floor: the ${floor.cells.toLocaleString("en")} cells' values and formats read once, ${floor.ms.toFixed(1)} ms (median of five); the run is ${(elapsed / floor.ms).toFixed(0)}× it`);
  return elapsed;
}

/** What the pane loads before it draws, and after (needs `npm run build`). */
function measurePaneScripts(): void {
  const dist = path.join(__dirname, "..", "..", "dist");
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) {
    console.log("  (no build: run `npm run build` first)");
    return;
  }
  const { initial, later } = paneScripts(dist);
  console.log(`  before the first paint: ${initial.map((s) => s.file).join(", ")}  ${kib(total(initial, "bytes"))} minified, ${kib(total(initial, "gzipped"))} gzipped (target 150 KiB)`);
  console.log(`  loaded afterwards, on use: ${later.length} chunks, ${kib(total(later, "gzipped"))} gzipped`);
}

const SIZES = [
  ["one city (重庆 38 区县)", 38],
  ["towns and streets (1,031)", 1031],
  ["a large province-wide run", 10000],
] as const;

async function bench(): Promise<void> {
  console.log(`Huishen engine benchmark — Node ${process.version}, ${new Date().toISOString()}`);
  // First, in a process that has not yet held the 10,000-district runs: after them, the command's first
  // call measured the collector's work on what they left behind (60–120 ms more) as much as its own.
  console.log("\nCommand line (read files, copy sheets, consolidate, apply, write .xlsx and .html):");
  await measureCli(38);
  console.log("\nValidation (checkWorkbook + flagPlan):");
  for (const [label, n] of SIZES) measure(label, n);
  console.log("\nConsolidation (consolidate + planConsolidation; the composite index and its rank-stability draws timed again on their own):");
  warmUpConsolidation();
  for (const [label, n] of SIZES) measureConsolidation(label, n);
  console.log("\nThe whole run (one analysis: check + flag plan + consolidate + plan, each sheet read once; the median of five runs; target ≤ 150 ms at 1,031):");
  const times: number[] = [];
  for (const [label, n] of SIZES) times.push(await measureWholeRun(label, n));
  const [, small, large] = times;
  console.log(`  growth: time(10,000) / time(1,031) = ${(large / small).toFixed(1)} (target ≤ 12)`);
  console.log("\nTask pane scripts:");
  measurePaneScripts();
  console.log("\nA large workbook (package guard: only the sheets a check needs are parsed):");
  await measureLargeSheet();
  await measurePeakAtLimit();
}

bench().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
