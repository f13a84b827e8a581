/**
 * The page's side of the engine: each `EngineApi` call becomes a message to the worker and a promise
 * for its answer. The worker's source is bundled into the page as text and started from a Blob URL,
 * which browsers allow from file:// pages (a worker script file they do not).
 */
import type { Lang } from "../../core/findings/format";
import { translator, type Worded } from "../../core/text/translate";
import type { EngineApi, EngineMethod, EngineRequest, EngineResponse } from "./protocol";

/** What the client needs of a worker (a real one, or a stand-in in tests). */
export interface WorkerPort {
  postMessage(message: EngineRequest): void;
  onmessage: ((e: MessageEvent<EngineResponse>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

const { t } = translator({ failed: "汇审引擎出错：{why}" } as const, { failed: "Huishen's engine failed: {why}" });

/** A request the engine could not carry out; the page words it in the reader's language. */
export class EngineError extends Error implements Worded {
  constructor(readonly why: string) {
    super(why);
  }

  wordsIn(lang: Lang): string {
    return t(lang, "failed", { why: this.why });
  }
}

export function workerEngine(worker: WorkerPort): EngineApi {
  let seq = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  worker.onmessage = (e) => {
    const answer = e.data;
    const waiting = pending.get(answer.seq);
    if (!waiting) return;
    pending.delete(answer.seq);
    if (answer.ok) waiting.resolve(answer.value);
    else waiting.reject(new EngineError(answer.message));
  };
  let failed: EngineError | undefined;
  worker.onerror = (e) => {
    // The worker itself failed (it could not start, or threw outside a request): every waiting call
    // fails with it, and so does every later one, rather than wait for an answer that cannot come.
    failed = new EngineError(e.message);
    for (const w of pending.values()) w.reject(failed);
    pending.clear();
  };
  const call = (method: EngineMethod, args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      if (failed) return reject(failed);
      const id = ++seq;
      pending.set(id, { resolve, reject });
      worker.postMessage({ seq: id, method, args } as EngineRequest);
    });
  return new Proxy({} as EngineApi, {
    get: (_target, method) => (...args: unknown[]) => call(method as EngineMethod, args),
  });
}

/** Start the worker from its bundled source. */
export function startWorker(source: string): Worker {
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  return new Worker(url, { name: "huishen-engine" });
}
