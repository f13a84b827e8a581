import { asAddress, type CellRef } from "../brand";
import { addressOf, cellAt, cellText, numberFormatAt, parseAddress, type CellValue, type SheetSnapshot } from "../grid";
import { err, ok, type Result } from "../result";
import type { LoadedTemplate } from "../template/load";
import type { TemplateRegistry } from "../template/registry";
import type { Indicator } from "../template/schema";
import type { ReportedCell } from "../values/types";
import { EntryTable } from "./entry-table";
import { COLUMNS, DISTRICT_LABELS_READ, HEADER_LABELS, YEAR_LABEL, parseMarker, type ColumnKey } from "./layout";

/** One indicator's row as read: both values parsed, with their cells. */
export interface IndicatorEntry {
  readonly indicator: Indicator;
  /** 0-based row where the code was found. */
  readonly row: number;
  readonly thisYear: ReportedCell;
  readonly lastYear: ReportedCell;
  readonly remark: string;
}

/** A district's template sheet, understood. */
export interface TemplateSheetRead {
  readonly sheet: string;
  readonly template: LoadedTemplate;
  readonly district: string;
  readonly districtCell?: CellRef;
  readonly year?: number;
  readonly yearCell?: CellRef;
  readonly columns: Readonly<Record<ColumnKey, number>>;
  /** The indicator rows by code; also readable as columns (see EntryTable). */
  readonly entries: EntryTable;
  /** Codes of the template with no row on the sheet. */
  readonly missing: readonly string[];
  /** Codes found on more than one row (the first row is read). */
  readonly duplicates: readonly { code: string; rows: number[] }[];
  /** Merged ranges that cover an input cell: what lies under them cannot be trusted. */
  readonly mergedInputs: readonly { range: string; codes: string[]; cells: CellRef[] }[];
  /** Input cells holding a formula saved without its result (A1 addresses). */
  readonly uncachedFormulas: ReadonlySet<string>;
}

export type SheetReadFailure =
  | { readonly reason: "noMarker"; readonly sheet: string }
  | { readonly reason: "unknownTemplate"; readonly sheet: string; readonly id: string; readonly version: string; readonly knownVersions: readonly string[] }
  | { readonly reason: "noHeader"; readonly sheet: string };

/** Where a sheet's marker is and what it names; undefined for a sheet that is not a template sheet. */
export function findMarker(s: SheetSnapshot): { id: string; version: string; row: number; col: number } | undefined {
  for (let r = 0; r < s.values.length; r++) {
    const row = s.values[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string") continue;
      const m = parseMarker(v.trim());
      if (m) return { id: m.id, version: m.version, row: r, col: c };
    }
  }
  return undefined;
}

/** What a template sheet is before its rows are read: its edition, header and the cells naming its district and year. */
export interface TemplateSheetIdentity {
  readonly template: LoadedTemplate;
  readonly headerRow: number;
  readonly columns: Readonly<Record<ColumnKey, number>>;
  readonly district: string;
  readonly districtAt?: { readonly row: number; readonly col: number };
  readonly year?: number;
  readonly yearAt?: { readonly row: number; readonly col: number };
}

/**
 * Which template, district and year a sheet is, without reading its indicator rows (the command line
 * names its copies by them before the consolidation reads them); fails as `readTemplateSheet` would.
 */
export function identifyTemplateSheet(s: SheetSnapshot, registry: TemplateRegistry): Result<TemplateSheetIdentity, SheetReadFailure> {
  const marker = findMarker(s);
  if (!marker) return err({ reason: "noMarker", sheet: s.name });
  const template = registry.get(marker.id, marker.version);
  if (!template) return err({ reason: "unknownTemplate", sheet: s.name, id: marker.id, version: marker.version, knownVersions: registry.versionsOf(marker.id) });
  const header = findHeader(s);
  if (!header) return err({ reason: "noHeader", sheet: s.name });
  const { row: headerRow, columns } = header;
  // The first label found names the district (填报单位 before the older 区县).
  let district: ReturnType<typeof labelledValue>;
  for (const label of DISTRICT_LABELS_READ) {
    district = labelledValue(s, headerRow, label);
    if (district) break;
  }
  const year = labelledValue(s, headerRow, YEAR_LABEL.zh);
  return ok({
    template,
    headerRow,
    columns,
    district: district ? cellText(district.value) : "",
    districtAt: district,
    year: parseYear(year?.value),
    yearAt: year,
  });
}

export function readTemplateSheet(s: SheetSnapshot, registry: TemplateRegistry): Result<TemplateSheetRead, SheetReadFailure> {
  const identity = identifyTemplateSheet(s, registry);
  if (!identity.ok) return identity;
  const { template, headerRow, columns, district, districtAt, year, yearAt } = identity.value;
  const ref = (row: number, col: number): CellRef => ({ sheet: s.name, address: asAddress(addressOf(row, col)) });

  const entries = new EntryTable(template, s.name, columns.thisYear, columns.lastYear);
  // Rows after the first of a code: rare, so kept apart rather than as a list per code.
  const repeats: { code: string; row: number }[] = [];
  for (let r = headerRow + 1; r < s.values.length; r++) {
    const indicator = indicatorNamed(template, cellAt(s, r, columns.code));
    if (!indicator) continue;
    const { code } = indicator;
    if (entries.has(code)) {
      repeats.push({ code, row: r });
      continue;
    }
    entries.add(
      indicator,
      r,
      cellAt(s, r, columns.thisYear),
      numberFormatAt(s, r, columns.thisYear),
      cellAt(s, r, columns.lastYear),
      numberFormatAt(s, r, columns.lastYear),
      cellText(cellAt(s, r, columns.remarks)),
      cellAt(s, r, columns.check),
    );
  }
  const duplicates =
    repeats.length === 0
      ? NO_DUPLICATES
      : [...new Set(repeats.map((d) => d.code))]
          .map((code) => ({ code, rows: [entries.rowAt(entries.positionOf(code)), ...repeats.filter((d) => d.code === code).map((d) => d.row)] }))
          .sort((a, b) => a.rows[0] - b.rows[0]);

  return ok({
    sheet: s.name,
    template,
    district,
    districtCell: districtAt ? ref(districtAt.row, districtAt.col) : undefined,
    year,
    yearCell: yearAt ? ref(yearAt.row, yearAt.col) : undefined,
    columns,
    entries,
    // The entries hold each template code at most once: as many as the template has means none is missing.
    missing: entries.size === template.template.indicators.length ? NO_CODES : template.template.indicators.map((i) => i.code).filter((c) => !entries.has(c)),
    duplicates,
    mergedInputs: mergedInputs(s, entries, columns, ref),
    uncachedFormulas: s.uncachedFormulas?.length ? new Set(s.uncachedFormulas) : NO_ADDRESSES,
  });
}

/**
 * The indicator a code cell names. Most hold the code exactly as the template writes it, and that
 * string is looked up as it is; otherwise trimmed and in capitals (" a01" → A01).
 */
function indicatorNamed(template: LoadedTemplate, v: CellValue): Indicator | undefined {
  return (typeof v === "string" ? template.byCode.get(v) : undefined) ?? template.byCode.get(cellText(v).toUpperCase());
}

/** Most sheets have no formula saved without its result, no missing row and no code twice: they share one empty set and two empty lists. */
const NO_ADDRESSES: ReadonlySet<string> = new Set();
const NO_CODES: readonly string[] = [];
const NO_DUPLICATES: TemplateSheetRead["duplicates"] = [];

/** Each merged range that covers this or last year's cell of an indicator row, with those rows' codes. */
function mergedInputs(s: SheetSnapshot, entries: EntryTable, columns: Record<ColumnKey, number>, ref: (row: number, col: number) => CellRef) {
  const out: { range: string; codes: string[]; cells: CellRef[] }[] = [];
  for (const range of s.merges ?? []) {
    const [a, b] = range.split(":").map(parseAddress);
    if (!a || !b) continue;
    const codes: string[] = [];
    const cells: CellRef[] = [];
    const inputs = [columns.thisYear, columns.lastYear].filter((c) => c >= a.col && c <= b.col);
    if (inputs.length === 0) continue;
    // Entries are in row order: from the first at or below the range's top, while inside it.
    for (let p = firstAtOrBelow(entries, a.row); p < entries.size && entries.rowAt(p) <= b.row; p++) {
      const row = entries.rowAt(p);
      codes.push(entries.indicatorAt(p).code);
      cells.push(...inputs.map((c) => ref(row, c)));
    }
    if (codes.length > 0) out.push({ range, codes, cells });
  }
  return out;
}

/** The first position whose row is `row` or below it (`entries.size` if none): rows grow with positions, as the sheet is read top down. */
function firstAtOrBelow(entries: EntryTable, row: number): number {
  let lo = 0;
  let hi = entries.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entries.rowAt(mid) < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The header row is the one that names both the code and this year's value columns. */
function findHeader(s: SheetSnapshot): { row: number; columns: Record<ColumnKey, number> } | undefined {
  const found = new Int32Array(COLUMNS.length);
  for (let r = 0; r < s.values.length; r++) {
    const row = s.values[r];
    found.fill(-1);
    let count = 0;
    for (let c = 0; c < row.length; c++) {
      // Labels are text: a number or a date never starts with one (every sheet of a run is read here).
      const v = row[c];
      if (typeof v !== "string" || v === "") continue;
      const text = v.trim();
      // Most text above and in the header (the title, the instructions, blanks) starts like no label.
      if (!LABEL_STARTS.has(text.charCodeAt(0))) continue;
      for (let k = 0; k < COLUMNS.length; k++) {
        if (found[k] < 0 && text.startsWith(HEADER_LABELS[COLUMNS[k]].zh)) {
          found[k] = c;
          count++;
        }
      }
    }
    if (count === COLUMNS.length) {
      const columns = {} as Record<ColumnKey, number>;
      for (let k = 0; k < COLUMNS.length; k++) columns[COLUMNS[k]] = found[k];
      return { row: r, columns };
    }
  }
  return undefined;
}

/** The first character of each column's label. */
const LABEL_STARTS: ReadonlySet<number> = new Set(COLUMNS.map((k) => HEADER_LABELS[k].zh.charCodeAt(0)));

/** The cell to the right of a label such as 区县 above the header. */
function labelledValue(s: SheetSnapshot, headerRow: number, label: string) {
  for (let r = 0; r < headerRow; r++) {
    const row = s.values[r];
    for (let c = 0; c < row.length; c++) {
      if (cellText(row[c]).startsWith(label)) return { row: r, col: c + 1, value: cellAt(s, r, c + 1) };
    }
  }
  return undefined;
}

/** 2024, "2024", "2024年", "２０２４" → 2024; anything else → undefined. */
export function parseYear(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1949 && v <= 2200 ? v : undefined;
  if (typeof v !== "string") return undefined;
  const text = v.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
  const m = /^(\d{4})\s*(年|年度)?$/.exec(text);
  return m ? parseYear(Number(m[1])) : undefined;
}
