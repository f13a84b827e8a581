/** Shared set-up for the Office.js adapter tests: the fake Excel on globalThis and a host over it. */
import standard2024 from "../../../src/core/template/editions/standard-2024.json";
import { loadTemplate } from "../../../src/core/template/from-data";
import type { LoadedTemplate } from "../../../src/core/template/load";
import { createOfficeHost, type OfficeHost, type OfficeHostOptions } from "../../../src/adapters/office/office-host";
import { installFakeExcel, type FakeExcel, type FakeWorkbookInit } from "../../office-fake/excel-fake";

export interface Setup {
  readonly fake: FakeExcel;
  readonly host: OfficeHost;
}

let installed: FakeExcel[] = [];

/** Install the fake with `apiVersion` and an optional workbook, and create a host over it. */
export function setup(apiVersion: string, workbook?: FakeWorkbookInit, hostOpts: OfficeHostOptions = {}): Setup {
  const fake = installFakeExcel(globalThis, { apiVersion, workbook });
  installed.push(fake);
  return { fake, host: createOfficeHost(hostOpts) };
}

/** Call in `afterEach`: remove every fake installed by this test file. */
export function teardown(): void {
  for (const f of installed.reverse()) f.uninstall();
  installed = [];
}

/** Syncs spent by one action of the host. */
export async function syncsOf<T>(host: OfficeHost, action: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = host.syncCount;
  const result = await action();
  return { result, syncs: host.syncCount - before };
}

/**
 * The standard template with every indicator (and relation) copied `times` times under new codes
 * (`A01` → `A1_01`, `A2_01`, …), validated through `loadTemplate` like any user template.
 */
export function multipliedTemplate(times: number): LoadedTemplate {
  type Ind = { code: string; numerator?: string; denominator?: string };
  type Rel = { id: string; expr: string };
  const src = standard2024 as unknown as { indicators: Ind[]; relations: Rel[] } & Record<string, unknown>;
  const rename = (code: string, k: number) => (k === 0 ? code : `${code[0]}${k}_${code.slice(1)}`);
  const indicators: Ind[] = [];
  const relations: Rel[] = [];
  for (let k = 0; k < times; k++) {
    for (const ind of src.indicators) {
      indicators.push({
        ...ind,
        code: rename(ind.code, k),
        ...(ind.numerator ? { numerator: rename(ind.numerator, k) } : {}),
        ...(ind.denominator ? { denominator: rename(ind.denominator, k) } : {}),
      });
    }
    for (const rel of src.relations) {
      relations.push({ ...rel, id: `${rel.id}-${k}`, expr: rel.expr.replace(/\b([A-H]\d{2})\b/g, (c) => rename(c, k)) });
    }
  }
  const loaded = loadTemplate({ ...src, id: `standard-x${times}`, indicators, relations });
  if (!loaded.ok) throw new Error(`template did not load: ${JSON.stringify(loaded.error.slice(0, 3))}`);
  return loaded.value;
}
