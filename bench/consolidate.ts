import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { applyPlan, newWorkbook } from "../src/adapters/xlsx";
import { writeWorkbookFile } from "../src/cli/workbook-files";
import { recalculate, sofficeAvailable } from "./libreoffice";
import { main } from "../src/cli/main";
import { consolidate, planConsolidation, type DistrictSource } from "../src/core/consolidate";
import { compositeIndex, stabilityDraws } from "../src/core/consolidate/composite";
import { planCellCount } from "../src/core/plan/plan-cells";
import { COL } from "../src/core/sheet/layout";
import { templateSheetPlan } from "../src/core/sheet/plan-template";
import type { LoadedTemplate } from "../src/core/template/load";
import { standardTemplate } from "../src/core/template/registry";
import { generatedDistrict } from "./generate";

/** A collector the benchmark can call without `node --expose-gc` (the npm script runs plain node). */
export const gc: () => void = (() => {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
})();

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
const ms = (t: number) => `${t.toFixed(0).padStart(7)} ms`;

/**
 * Consolidation of `districts` generated district sheets, all in the workbook (as the pane does it):
 * consolidate and planConsolidation timed apart, then the composite index alone with and without its
 * rank-stability draws (after the consolidation and its plan are let go, so the heap holds one at a time).
 */
export function measureConsolidation(label: string, districts: number): void {
  const t = standardTemplate();
  const sheets = Array.from({ length: districts }, (_, i) => generatedDistrict(t, i));
  const sources: DistrictSource[] = [{ snapshots: sheets, inWorkbook: true }];

  const run = (() => {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    const c = consolidate(sources);
    const consolidated = performance.now();
    if (!c) throw new Error("bench: nothing consolidated");
    const plan = planConsolidation(c, sheets, "zh");
    const planned = performance.now();
    const heapPeak = process.memoryUsage().heapUsed;
    gc();
    const heapKept = process.memoryUsage().heapUsed;
    return {
      consolidate: consolidated - start,
      plan: planned - consolidated,
      districts: c.districts,
      settings: c.settings,
      findings: c.findings.length,
      cells: plan.sheets.reduce((n, s) => n + planCellCount(s), 0),
      flags: plan.sheets.reduce((n, s) => n + (s.fills?.length ?? 0) + (s.notes?.length ?? 0), 0),
      sheets: plan.sheets.length,
      heapPeak: heapPeak - heapBefore,
      heapKept: heapKept - heapBefore,
    };
  })();

  gc();
  const a = performance.now();
  compositeIndex(t, run.districts, run.settings);
  const b = performance.now();
  compositeIndex(t, run.districts, { ...run.settings, stability: { ...run.settings.stability, draws: 0 } });
  const withoutDraws = performance.now() - b;
  const draws = stabilityDraws(run.settings.stability.draws);

  console.log(
    [
      label.padEnd(28),
      `${String(run.districts.length).padStart(6)} districts`,
      `consolidate ${ms(run.consolidate)}`,
      `(index ${ms(b - a).trim()}, of which ${draws} stability draws ${ms(Math.max(0, b - a - withoutDraws)).trim()})`,
      `plan ${ms(run.plan)}`,
      `${String(run.findings).padStart(7)} findings`,
      `${String(run.cells).padStart(8)} cells + ${run.flags} flags planned on ${run.sheets} sheets`,
      `heap +${mib(run.heapPeak)} (kept after GC +${mib(run.heapKept)})`,
    ].join("  "),
  );
}

/** One untimed run first, so the first measured size does not pay for compiling the code paths. */
export function warmUpConsolidation(): void {
  const t = standardTemplate();
  const sheets = Array.from({ length: 38 }, (_, i) => generatedDistrict(t, i));
  const c = consolidate([{ snapshots: sheets, inWorkbook: true }]);
  if (c) planConsolidation(c, sheets, "zh");
  consolidate([{ snapshots: sheets, inWorkbook: true }], { stability: { draws: 0, spread: 0.2, seed: 1 } });
}

/** A district's .xlsx as staff send it: the template written by the adapter, then the figures typed in. */
export async function writeDistrictFile(t: LoadedTemplate, index: number, file: string): Promise<void> {
  const s = generatedDistrict(t, index);
  const wb = newWorkbook();
  const district = s.name;
  const { plan, rowOf } = templateSheetPlan(t, { sheetName: district, district, year: 2024 });
  await applyPlan(wb, { sheets: [plan] });
  const ws = wb.getWorksheet(district)!;
  for (const row of rowOf.values()) {
    for (const col of [COL.thisYear, COL.lastYear]) {
      const v = s.values[row][col];
      if (typeof v === "number") ws.getCell(row + 1, col + 1).value = v;
    }
  }
  await writeWorkbookFile(wb, file);
}

/** `huishen consolidate` over `districts` district files, in process, output discarded. */
/**
 * The environment of the command's own process: this one's without NODE_EXTRA_CA_CERTS. Node reads those
 * certificates as it starts (80 ms on the 2-core machine here, whose npm proxy sets it), for connections
 * the command never makes; a person's shell has no such setting.
 */
function commandEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** Milliseconds for `huishen consolidate` over `files` in a new Node process (exit 1, findings, is its normal end here). */
function freshProcessRun(files: readonly string[], out: string): number {
  const bin = join(__dirname, "..", "..", "bin", "huishen.js");
  const start = performance.now();
  const run = spawnSync(process.execPath, [bin, "consolidate", ...files, "-o", out, "--json"], { encoding: "utf8", maxBuffer: 64 * 1048576, env: commandEnv() });
  const took = performance.now() - start;
  if (run.status !== 0 && run.status !== 1) throw new Error(`huishen consolidate exited ${run.status}: ${run.stderr}`);
  return took;
}

export async function measureCli(districts: number): Promise<void> {
  const t = standardTemplate();
  const dir = mkdtempSync(join(tmpdir(), "huishen-bench-"));
  try {
    const files: string[] = [];
    const genStart = performance.now();
    for (let i = 0; i < districts; i++) {
      const file = join(dir, `district-${String(i + 1).padStart(4, "0")}.xlsx`);
      await writeDistrictFile(t, i, file);
      files.push(file);
    }
    const generated = performance.now() - genStart;
    const out = join(dir, "summary.xlsx");
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    let stdout = "";
    const code = await main(["consolidate", ...files, "-o", out, "--json"], { out: (s) => void (stdout += s), err: () => undefined });
    const took = performance.now() - start;
    const heapAfter = process.memoryUsage().heapUsed;
    const doc = JSON.parse(stdout) as { findings: unknown[] };
    console.log(
      [
        "huishen consolidate (CLI)".padEnd(28),
        `${String(districts).padStart(6)} files   `,
        `total ${ms(took)}`,
        `exit ${code}`,
        `${String(doc.findings.length).padStart(7)} findings`,
        `summary.xlsx ${mib(statSync(out).size)}, summary.html ${(statSync(join(dir, "summary.html")).size / 1024).toFixed(0)} KiB`,
        `heap +${mib(heapAfter - heapBefore)}`,
        `(writing the ${districts} input files took ${(generated / 1000).toFixed(1)} s, not counted)`,
      ].join("  "),
    );
    // As a person runs it: a process of its own, from starting Node to writing both outputs. The first
    // run also compiles the modules for the ones after it (compile-cache.ts); the median of three after it.
    const first = freshProcessRun(files, join(dir, "summary-fresh.xlsx"));
    const runs = [1, 2, 3].map(() => freshProcessRun(files, join(dir, "summary-fresh.xlsx"))).sort((a, b) => a - b);
    const fresh = runs[1];
    const certificates = process.env.NODE_EXTRA_CA_CERTS ? "; NODE_EXTRA_CA_CERTS left out" : "";
    console.log(
      `${"huishen consolidate (fresh)".padEnd(28)}  the same as a command started on its own (Node's start and every module's loading included${certificates}): ${ms(fresh)}, median of ${runs.map((r) => r.toFixed(0)).join(" / ")} (the first run, compiling the modules: ${first.toFixed(0)} ms)`,
    );
    // The peer: LibreOffice loading, recalculating and saving the summary Huishen wrote, in the same run.
    if (sofficeAvailable()) {
      recalculate(out); // a first start pays for creating the profile
      const loStart = performance.now();
      recalculate(out);
      const lo = performance.now() - loStart;
      console.log(`${"LibreOffice (peer)".padEnd(28)}  load, recalculate and save summary.xlsx: ${ms(lo)}  → Huishen is ${(lo / took).toFixed(1)}× as fast (${(lo / fresh).toFixed(1)}× as a process of its own)`);
    } else {
      console.log(`${"LibreOffice (peer)".padEnd(28)}  not installed (apt-get install libreoffice-calc-nogui): no side-by-side`);
    }
    // Checking the same files one by one, as a district's staff or a batch script would: read as snapshots, no workbook built.
    const checkStart = performance.now();
    for (const file of files) await main(["validate", file, "--json"], { out: () => undefined, err: () => undefined });
    const checked = performance.now() - checkStart;
    console.log(`${"huishen validate (CLI)".padEnd(28)}  ${districts} files checked one by one: ${ms(checked)} (${(checked / districts).toFixed(1)} ms a file)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
