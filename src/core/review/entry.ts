import type { Finding } from "../findings/finding";
import type { Lang } from "../findings/format";

/**
 * One row of the review log: a decision a person took, or an event Huishen recorded on re-check.
 * The finding's identifying fields are copied in (district, sheet, codes, cells, message) so a
 * report can be made from the log alone, even after the finding stopped occurring.
 */

/** What a person decides about a finding. */
export type DecisionStatus = "accepted" | "sentBack" | "fixed";
/** What Huishen records on re-check: the finding no longer occurs, or its values changed since the decision. */
export type SystemStatus = "closed" | "reopened";
export type EntryStatus = DecisionStatus | SystemStatus;

export const DECISION_STATUSES: readonly DecisionStatus[] = ["accepted", "sentBack", "fixed"];
export const ENTRY_STATUSES: readonly EntryStatus[] = [...DECISION_STATUSES, "closed", "reopened"];

/** Who wrote the system events. */
export const SYSTEM_REVIEWER = "汇审 Huishen";

export interface ReviewEntry {
  /** ISO 8601, as the caller passed it (the core never reads the clock). */
  readonly at: string;
  readonly findingId: string;
  readonly status: EntryStatus;
  /** The explanation (accepted), what to correct (sent back), or Huishen's reason (closed, reopened). */
  readonly note: string;
  readonly who: string;
  /** The finding's values as typed when the row was written: a decision holds while they stay the same. */
  readonly valueKey: string;
  readonly district: string;
  readonly year?: number;
  readonly sheet: string;
  readonly codes: readonly string[];
  /** A1 addresses on `sheet`; a cell on another sheet as `'Sheet'!A1`. */
  readonly cells: readonly string[];
  /** The finding's message in Chinese at the time. */
  readonly message: string;
  /** The finding's kind (`rate.inconsistent`); "" where a damaged row lost it. */
  readonly findingCode: string;
}

export const STATUS_LABEL: Record<Lang, Record<EntryStatus | "open", string>> = {
  zh: { open: "待处理", accepted: "确认无误", sentBack: "退回修改", fixed: "已更正", closed: "已关闭", reopened: "重新打开" },
  en: { open: "open", accepted: "accepted", sentBack: "sent back", fixed: "fixed", closed: "closed", reopened: "reopened" },
};

/** The finding's own fields of a log row. */
export function findingFields(f: Finding, messageZh: string): Pick<ReviewEntry, "findingId" | "valueKey" | "district" | "year" | "sheet" | "codes" | "cells" | "message" | "findingCode"> {
  return {
    findingId: f.id,
    valueKey: f.valueKey,
    district: f.district,
    year: f.year,
    sheet: f.sheet,
    codes: [...f.codes],
    cells: f.cells.map((c) => (c.sheet === f.sheet ? c.address : `${quoteSheet(c.sheet)}!${c.address}`)),
    message: messageZh,
    findingCode: f.code,
  };
}

/** ISO 8601 date and time, with or without seconds and offset: what `at` must be. */
export function isIsoTime(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(s) && !Number.isNaN(Date.parse(s));
}

/**
 * A local ISO time with its offset, for callers that have a clock: `localIso(new Date(), -new Date().getTimezoneOffset())`
 * → `2025-03-01T18:05:09+08:00`. Reports show the time as written, so a local offset reads naturally.
 */
export function localIso(date: Date, offsetMinutes: number): string {
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** `2025-03-01T18:05:09+08:00` → `2025-03-01 18:05`: the time as the caller wrote it, for reports. */
export function displayTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}${iso.endsWith("Z") ? " UTC" : ""}` : iso;
}

function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Split a cells field written by `findingFields` back into addresses, keeping quoted sheet names whole. */
export function splitCells(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      if (quoted && text[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      if (current.trim()) out.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
