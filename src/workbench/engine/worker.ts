/**
 * The workbench's Web Worker: answers the page's requests with the engine (engine.ts), one at a time
 * in the order they came, so two writes to one workbook never interleave. Built as one script of its
 * own (webpack.config.js) and started from a Blob: a worker script cannot be loaded from a file://
 * page, and the page must work opened straight from disk.
 */
import { createEngine } from "./engine";
import type { EngineRequest, EngineResponse } from "./protocol";

interface WorkerScope {
  onmessage: ((e: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: EngineResponse, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const engine = createEngine();
let queue: Promise<void> = Promise.resolve();

/** The answer's bytes move to the page instead of being copied. */
function transferables(value: unknown): Transferable[] {
  if (value instanceof Uint8Array) return [value.buffer];
  const bytes = (value as { bytes?: unknown } | null)?.bytes;
  return bytes instanceof Uint8Array ? [bytes.buffer] : [];
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function answer(req: EngineRequest): Promise<void> {
  try {
    const method = engine[req.method] as (...args: unknown[]) => Promise<unknown>;
    const value = await method(...(req.args as unknown[]));
    scope.postMessage({ seq: req.seq, ok: true, value }, transferables(value));
  } catch (e) {
    scope.postMessage({ seq: req.seq, ok: false, message: messageOf(e) }, []);
  }
}

scope.onmessage = (e) => {
  queue = queue.then(() => answer(e.data));
};
