/**
 * A workbook opened in the workbench, as the pane's sections see a workbook: the same `WorkbookHost`
 * the Excel add-in implements, over the engine's ExcelJS copy of the file. Writes change that copy
 * only (the page offers it for download); selecting cells shows them in the page's preview.
 */
import type { ApplyStats, FileSnapshot, HostCapabilities, WorkbookHost, WorkbookRead } from "../core/host";
import type { WritePlan } from "../core/plan/write-plan";
import type { EngineApi } from "./engine/protocol";

export interface FileHostEvents {
  /** The workbook was written to (a plan applied, sheets inserted): it now differs from what was downloaded. */
  readonly onChanged: () => void;
  /** A section asked to show cells (a finding's, a review item's). */
  readonly onSelect: (sheet: string, addresses: readonly string[]) => void;
}

/** Everything the xlsx adapter writes (notes, validation, merged areas, inserting sheets); nobody types into the file here. */
const CAPABILITIES: HostCapabilities = { notes: true, comments: true, cellProperties: true, insertFromBase64: true, dataValidation: true, mergedAreas: true, pageLayout: true, edits: false };

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export class FileHost implements WorkbookHost {
  readonly capabilities = CAPABILITIES;
  /** The sheet last shown in the preview: the "active sheet" of a workbook without a window. */
  private active: string | undefined;

  constructor(
    private readonly engine: EngineApi,
    readonly id: string,
    private readonly events: FileHostEvents,
  ) {}

  async read(opts?: { readonly sheets?: readonly string[] }): Promise<WorkbookRead> {
    const read = await this.engine.read(this.id, opts?.sheets);
    const active = this.active;
    const stillThere = active !== undefined && read.sheets.some((s) => s.name === active);
    return stillThere ? { ...read, activeSheet: active } : read;
  }

  sheetNames(): Promise<string[]> {
    return this.engine.sheetNames(this.id);
  }

  async apply(plan: WritePlan, onProgress?: (done: number, total: number) => void): Promise<ApplyStats> {
    onProgress?.(0, 1);
    const stats = await this.engine.apply(this.id, plan);
    this.events.onChanged();
    onProgress?.(1, 1);
    return stats;
  }

  async select(sheet: string, addresses: readonly string[]): Promise<void> {
    this.active = sheet;
    this.events.onSelect(sheet, addresses);
  }

  async insertSheets(file: { readonly name: string; readonly base64: string }, sheetNames: readonly string[]): Promise<string[]> {
    const names = await this.engine.insertSheets(this.id, fromBase64(file.base64), sheetNames);
    if (names.length > 0) this.events.onChanged();
    return names;
  }

  snapshotFile(name: string, bytes: Uint8Array): Promise<FileSnapshot> {
    return this.engine.snapshotFile(name, bytes);
  }

  /** Nobody types into a workbook in the workbench: its cells change only through the sections. */
  async onSheetChanged(): Promise<() => Promise<void>> {
    return async () => {};
  }
}
