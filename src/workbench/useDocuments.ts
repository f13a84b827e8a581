import * as React from "react";
import { bytesOf } from "../taskpane/district-file";
import { isLegacySpreadsheet, isOpen, withSummary, type Doc } from "./documents";
import type { EngineApi } from "./engine/protocol";

export interface BatchProgress {
  readonly done: number;
  readonly total: number;
  readonly name: string;
}

export interface Documents {
  readonly docs: readonly Doc[];
  readonly current?: Doc;
  /** Files still being read, of a batch: the page shows a progress bar. */
  readonly batch?: BatchProgress;
  /** Read files one after another in the worker; the first readable one becomes current if none is. */
  open(files: readonly File[]): void;
  /** A new, empty workbook (select it to work on it). Resolves to its id. */
  create(name: string): Promise<string>;
  select(id: string): void;
  /** Workbook `id` was written to: mark it, and count its findings again. */
  changed(id: string): void;
  /** Workbook `id` was downloaded as it is now. */
  saved(id: string): void;
  remove(id: string): void;
}

let ids = 0;
const nextId = () => `wb-${++ids}`;

/** The open workbooks: the engine holds them, this hook lists them. */
export function useDocuments(engine: EngineApi | undefined): Documents {
  const [docs, setDocs] = React.useState<readonly Doc[]>([]);
  const [currentId, setCurrentId] = React.useState<string>();
  const [batch, setBatch] = React.useState<BatchProgress>();
  // Batches queue behind each other: the worker reads one file at a time anyway.
  const queue = React.useRef<Promise<void>>(Promise.resolve());

  const update = React.useCallback((id: string, f: (d: Doc) => Doc) => setDocs((prev) => prev.map((d) => (d.id === id ? f(d) : d))), []);
  const replace = React.useCallback((doc: Doc) => update(doc.id, () => doc), [update]);

  const open = React.useCallback(
    (files: readonly File[]) => {
      if (!engine || files.length === 0) return;
      const entries = files.map((file) => ({ file, id: nextId() }));
      setDocs((prev) => [...prev, ...entries.map(({ file, id }): Doc => ({ id, name: file.name, status: "reading" }))]);
      queue.current = queue.current.then(async () => {
        for (const [i, { file, id }] of entries.entries()) {
          setBatch({ done: i, total: entries.length, name: file.name });
          if (isLegacySpreadsheet(file.name)) {
            replace({ id, name: file.name, status: "error", problem: "legacy" });
            continue;
          }
          try {
            const bytes = await bytesOf(file);
            const opened = await engine.open(id, file.name, bytes);
            if (!opened.ok) {
              replace({ id, name: file.name, status: "error", problem: opened.reason, hint: opened.hint });
              continue;
            }
            replace({ id, name: file.name, status: "open", origin: "file", templateSheets: opened.templateSheets, counts: opened.counts, bytes, dirty: false });
            setCurrentId((cur) => cur ?? id);
          } catch (e) {
            const detail = e instanceof Error ? e.message : String(e);
            replace({ id, name: file.name, status: "error", problem: "unreadable", hint: { zh: detail, en: detail } });
          }
        }
        setBatch(undefined);
      });
    },
    [engine, replace],
  );

  const create = React.useCallback(
    async (name: string) => {
      const id = nextId();
      await engine?.create(id);
      setDocs((prev) => [...prev, { id, name, status: "open", origin: "new", templateSheets: [], counts: { error: 0, warning: 0, info: 0 }, dirty: false }]);
      return id;
    },
    [engine],
  );

  const changed = React.useCallback(
    (id: string) => {
      update(id, (d) => (isOpen(d) ? { ...d, dirty: true } : d));
      engine?.summary(id).then(
        (summary) => update(id, (d) => (isOpen(d) ? withSummary(d, summary) : d)),
        () => undefined, // the counts stay as they were; the section that wrote shows its own error
      );
    },
    [engine, update],
  );

  const saved = React.useCallback((id: string) => update(id, (d) => (isOpen(d) ? { ...d, dirty: false } : d)), [update]);

  const remove = React.useCallback(
    (id: string) => {
      setDocs((prev) => prev.filter((d) => d.id !== id));
      setCurrentId((cur) => (cur === id ? undefined : cur));
      void engine?.close(id);
    },
    [engine],
  );

  const current = docs.find((d) => d.id === currentId);
  return { docs, current, batch, open, create, select: setCurrentId, changed, saved, remove };
}
