import { addressOf } from "../grid";
import { SEVERITY_ORDER, type Finding } from "../findings/finding";
import type { Lang } from "../findings/format";
import { SEVERITY_LABEL, renderFinding } from "../findings/render";
import type { CellWrite, FillSpec, NoteSpec, SheetPlan, WritePlan } from "../plan/write-plan";
import type { Severity } from "../template/schema";
import { COLORS } from "./layout";
import type { TemplateSheetRead } from "./read-template";

const MARK: Record<Severity, string> = { error: "✗", warning: "⚠", info: "ℹ" };
export const NOTE_PREFIX = "汇审 Huishen";

export interface FlagOptions {
  readonly lang?: Lang;
  /** Cells flagged by an earlier run, whose fills and notes Huishen should remove first. */
  readonly previous?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Flags as a write plan: a fill by the worst severity and a note with the reasons on each flagged
 * cell, and a one-line verdict in the sheet's own check column. Values are never written to input cells.
 */
export function flagPlan(sheets: readonly TemplateSheetRead[], findings: readonly Finding[], opts: FlagOptions = {}): WritePlan {
  const lang = opts.lang ?? "zh";
  const bySheet = groupBy(findings, (f) => f.sheet);
  return { sheets: sheets.map((read) => sheetFlags(read, bySheet.get(read.sheet) ?? [], lang, opts.previous?.get(read.sheet) ?? [])) };
}

function sheetFlags(read: TemplateSheetRead, findings: readonly Finding[], lang: Lang, previous: readonly string[]): SheetPlan {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) for (const c of f.cells) byCell.set(c.address, [...(byCell.get(c.address) ?? []), f]);

  const fills: FillSpec[] = [];
  const notes: NoteSpec[] = [];
  for (const [address, fs] of byCell) {
    const sorted = [...fs].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    fills.push({ address, color: COLORS[sorted[0].severity] });
    const lines = sorted.map((f) => `${MARK[f.severity]} ${SEVERITY_LABEL[lang][f.severity]}：${renderFinding(f, read.template, lang)}`);
    notes.push({ address, text: `${NOTE_PREFIX}\n${lines.join("\n")}` });
  }

  // A finding belongs to the row of its first code; rate findings to the rate's row.
  const byRow = groupBy(findings, (f) => (f.code.startsWith("rate.") && f.codes.length === 3 ? f.codes[2] : f.codes[0]) ?? "");
  const cells: CellWrite[] = [];
  for (const e of read.entries.values()) {
    const own = byRow.get(e.indicator.code) ?? [];
    cells.push({ address: addressOf(e.row, read.columns.check), value: verdict(own, e.thisYear.status !== "blank", read, lang) });
  }
  const flagged = new Set(byCell.keys());
  const stale = previous.filter((a) => !flagged.has(a));
  return { name: read.sheet, mode: "update", cells, fills, notes, clearFlags: { fills: stale, notes: stale } };
}

/** The check column: the worst finding of the row in a few words, or ✓ for a filled row that passed. */
function verdict(own: readonly Finding[], filled: boolean, read: TemplateSheetRead, lang: Lang): string {
  if (own.length === 0) return filled ? "✓" : "";
  const worst = [...own].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])[0];
  const more = own.length > 1 ? (lang === "zh" ? `（另 ${own.length - 1} 项）` : ` (+${own.length - 1} more)`) : "";
  return `${MARK[worst.severity]} ${renderFinding(worst, read.template, lang)}${more}`;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}
