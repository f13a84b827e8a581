import { measurePeakAtLimit } from "./peak-load";
import { measureLargeSheet } from "./large-sheet";
import { performance } from "node:perf_hooks";
import { standardTemplate } from "../src/core/template/registry";
import { checkWorkbook } from "../src/core/check-workbook";
import { flagPlan } from "../src/core/sheet/plan-flags";
import { gc, measureCli, measureConsolidation, warmUpConsolidation } from "./consolidate";
import { generatedDistrict } from "./generate";

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
  const cells = plan.sheets.reduce((n, s) => n + (s.cells?.length ?? 0) + (s.fills?.length ?? 0), 0);
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

const SIZES = [
  ["one city (重庆 38 区县)", 38],
  ["towns and streets (1,031)", 1031],
  ["a large province-wide run", 10000],
] as const;

async function bench(): Promise<void> {
  console.log(`Huishen engine benchmark — Node ${process.version}, ${new Date().toISOString()}`);
  console.log("\nValidation (checkWorkbook + flagPlan):");
  for (const [label, n] of SIZES) measure(label, n);
  console.log("\nConsolidation (consolidate + planConsolidation; the composite index and its rank-stability draws timed again on their own):");
  warmUpConsolidation();
  for (const [label, n] of SIZES) measureConsolidation(label, n);
  console.log("\nCommand line (read files, copy sheets, consolidate, apply, write .xlsx and .html):");
  await measureCli(38);
  console.log("\nA large workbook (package guard: only the sheets a check needs are parsed):");
  await measureLargeSheet();
  await measurePeakAtLimit();
}

bench().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
