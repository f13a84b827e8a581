/**
 * Every `context.sync()` of the adapter goes through `guardedSync`: a sync on Excel on the web
 * can hang, so it races a timer and rejects with `HostTimeoutError`; and it counts, so tests
 * (and the task pane's diagnostics) can see how many round trips an action took.
 */
import { HostTimeoutError } from "./host-timeout";

export const DEFAULT_SYNC_TIMEOUT_SECONDS = 30;

/** Counts syncs; one per host, shared by every action. */
export class SyncCounter {
  count = 0;
}

/** Anything with a `sync()`: `Excel.RequestContext`, office-addin-mock's context, the test fake. */
export interface Syncable {
  sync(): Promise<unknown>;
}

/** `context.sync()` or `HostTimeoutError` after `seconds` (fractions allowed, for tests). */
export async function guardedSync(
  context: Syncable,
  action: string,
  seconds: number = DEFAULT_SYNC_TIMEOUT_SECONDS,
  counter?: SyncCounter,
): Promise<void> {
  if (counter) counter.count++;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HostTimeoutError(action, seconds)), seconds * 1000);
  });
  try {
    await Promise.race([context.sync(), timeout]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** A sync bound to one context, timeout and counter: what read/apply/select receive. */
export type Syncer = (action: string) => Promise<void>;

export function syncerFor(context: Syncable, seconds?: number, counter?: SyncCounter): Syncer {
  return (action) => guardedSync(context, action, seconds, counter);
}
