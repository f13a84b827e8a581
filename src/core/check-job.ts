import type { Lang } from "./findings/format";
import { analyzeWorkbook } from "./analysis";
import type { SheetSnapshot } from "./grid";
import type { WritePlan } from "./plan/write-plan";
import { districtSheetName, type SheetNameChange } from "./sheet/layout";
import { clearFlagsPlan, flagPlan } from "./sheet/plan-flags";
import { templateSheetPlan } from "./sheet/plan-template";
import { readTemplateSheet, type TemplateSheetRead } from "./sheet/read-template";
import { builtinRegistry, type TemplateRegistry } from "./template/registry";
import type { CheckRun } from "./check-workbook";

/**
 * What the task pane does, as pure functions from what was read to what to write.
 * The pane reads through its host, calls one of these, and applies the plan.
 */

export interface InsertRequest {
  readonly templateKey: string;
  readonly district: string;
  readonly year: number;
  /** The reader's language: Chinese names only, or Chinese over English (see `TemplateSheetOptions.lang`). */
  readonly lang?: Lang;
}

export interface InsertPlan {
  readonly plan: WritePlan;
  readonly sheetName: string;
  /** Template sheets already in the workbook for the same district and year: ask before adding another. */
  readonly duplicates: string[];
  /** Why the sheet name differs from "district year" (forbidden characters, over 31 characters): tell the person. */
  readonly nameChange?: SheetNameChange;
}

export function planInsertTemplate(read: { readonly sheets: readonly SheetSnapshot[] }, req: InsertRequest): InsertPlan {
  const registry = builtinRegistry();
  const [id, version] = req.templateKey.split("@");
  const template = registry.get(id, version);
  if (!template) throw new Error(`Unknown template ${req.templateKey}`);
  const district = req.district.trim();
  const duplicates = templateSheets(read.sheets, registry)
    .filter((s) => s.district === district && s.year === req.year)
    .map((s) => s.sheet);
  const { name: sheetName, change } = districtSheetName(district, req.year, read.sheets.map((s) => s.name));
  const { plan } = templateSheetPlan(template, { sheetName, district, year: req.year, lang: req.lang });
  return { plan: { sheets: [plan] }, sheetName, duplicates, ...(change ? { nameChange: change } : {}) };
}

export interface CheckResult {
  readonly run: CheckRun;
  readonly plan: WritePlan;
}

/**
 * Check the active sheet or every template sheet, and plan the flags (stale ones removed). In a workbook
 * that was consolidated the consolidation's findings on those sheets count too (else checking a sheet
 * would wipe its outlier flags), and findings a reviewer accepted keep their muted mark.
 */
export function planCheck(
  read: { readonly sheets: readonly SheetSnapshot[]; readonly activeSheet: string },
  opts: { readonly scope: "active" | "all"; readonly lang: Lang },
): CheckResult {
  const analysis = analyzeWorkbook(read.sheets);
  const inScope = (sheet: string) => opts.scope === "all" || sheet === read.activeSheet;
  const run: CheckRun = {
    sheets: analysis.sheets.filter((s) => inScope(s.sheet)),
    failures: analysis.failures.filter((f) => inScope(f.sheet)),
    findings: analysis.findings.filter((f) => inScope(f.sheet)),
  };
  return { run, plan: flagPlan(run.sheets, run.findings, read.sheets, opts.lang, analysis.reviews) };
}

/** Remove Huishen's flags from the active sheet or every template sheet. */
export function planClear(
  read: { readonly sheets: readonly SheetSnapshot[] },
  opts: { readonly scope?: "active" | "all"; readonly activeSheet?: string } = {},
): WritePlan {
  const sheets = templateSheets(read.sheets, builtinRegistry()).filter((s) => opts.scope !== "active" || s.sheet === opts.activeSheet);
  return clearFlagsPlan(sheets, read.sheets);
}

export function templateChoices(): { key: string; label: { zh: string; en: string } }[] {
  return builtinRegistry().all().map((t) => ({ key: t.key, label: { zh: `${t.template.title.zh}`, en: t.template.title.en } }));
}

function templateSheets(sheets: readonly SheetSnapshot[], registry: TemplateRegistry): TemplateSheetRead[] {
  return sheets.flatMap((s) => {
    const r = readTemplateSheet(s, registry);
    return r.ok ? [r.value] : [];
  });
}
