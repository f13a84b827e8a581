/**
 * What the workbench page asks of its engine: the workbooks it opened, held as ExcelJS workbooks in
 * a Web Worker so parsing, writing and checking never freeze the page. The page holds ids, names and
 * snapshots; the worker holds the workbooks. Every argument and answer is structured-cloneable.
 */
import type { Lang } from "../../core/findings/format";
import type { Severity } from "../../core/template/schema";
import type { ApplyStats, FileSnapshot, WorkbookRead } from "../../core/host";
import type { WritePlan } from "../../core/plan/write-plan";

/** What the page lists for an open workbook. */
export interface WorkbookSummary {
  /** Sheets carrying Huishen's template marker, in tab order. */
  readonly templateSheets: readonly string[];
  /** What checking the whole workbook finds (as the pane's 校验 would), by severity. */
  readonly counts: Readonly<Record<Severity, number>>;
}

/** A file opened as a workbook, or why it cannot be. */
export type Opened = ({ readonly ok: true } & WorkbookSummary) | Extract<FileSnapshot, { ok: false }>;

export interface BlankTemplate {
  readonly bytes: Uint8Array;
  readonly sheetName: string;
  /** Why the sheet name differs from the district's, if it does. */
  readonly change?: "characters" | "length";
}

/** The engine's operations; the worker answers each, the page calls them through `workerEngine` (client.ts). */
export interface EngineApi {
  /** Open `bytes` as workbook `id`, keeping every sheet so it can be written back whole. */
  open(id: string, name: string, bytes: Uint8Array): Promise<Opened>;
  /** The template sheets and finding counts of workbook `id` as it is now. */
  summary(id: string): Promise<WorkbookSummary>;
  /** A new, empty workbook `id` (for a consolidation). */
  create(id: string): Promise<void>;
  read(id: string, sheets?: readonly string[]): Promise<WorkbookRead>;
  sheetNames(id: string): Promise<string[]>;
  apply(id: string, plan: WritePlan): Promise<ApplyStats>;
  /** Copy `sheetNames` of the workbook in `bytes` to the end of workbook `id`; the names they got. */
  insertSheets(id: string, bytes: Uint8Array, sheetNames: readonly string[]): Promise<string[]>;
  /** Workbook `id` as .xlsx bytes. */
  save(id: string): Promise<Uint8Array>;
  close(id: string): Promise<void>;
  /** Every sheet of an .xlsx as snapshots, without keeping the workbook (a district file to consolidate). */
  snapshotFile(name: string, bytes: Uint8Array): Promise<FileSnapshot>;
  /** A blank fill-in workbook for a district and year, as .xlsx bytes. */
  blankTemplate(district: string, year: number | undefined, lang: Lang): Promise<BlankTemplate>;
}

export type EngineMethod = keyof EngineApi;

export interface EngineRequest<M extends EngineMethod = EngineMethod> {
  readonly seq: number;
  readonly method: M;
  readonly args: Parameters<EngineApi[M]>;
}

export type EngineResponse =
  | { readonly seq: number; readonly ok: true; readonly value: unknown }
  | { readonly seq: number; readonly ok: false; readonly message: string };
