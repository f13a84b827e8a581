import * as React from "react";
import type { WorkbookHost } from "../core/host";

export const LIVE_CHECK_DELAY_MS = 1500;

export interface LiveCheckOptions {
  /** Quiet time after the last edit before re-checking. */
  readonly delayMs?: number;
  /**
   * True while the pane itself is writing: change events then are ignored (they may be
   * Huishen's own flags), and a due re-check waits for the write to finish.
   */
  readonly busy?: () => boolean;
  /** Changes when sheets were added: subscribe again (before ExcelApi 1.9 handlers are per sheet). */
  readonly sheetsVersion?: number;
}

/**
 * While `enabled`, re-check sheets a person edited: `recheck` gets the names of the sheets changed
 * since the last call, once edits have paused for `delayMs`. Unsubscribes when disabled or unmounted.
 */
export function useLiveCheck(host: WorkbookHost, enabled: boolean, recheck: (sheets: string[]) => void, opts: LiveCheckOptions = {}): void {
  const recheckRef = React.useRef(recheck);
  const busyRef = React.useRef(opts.busy);
  React.useEffect(() => {
    recheckRef.current = recheck;
    busyRef.current = opts.busy;
  });
  const delayMs = opts.delayMs ?? LIVE_CHECK_DELAY_MS;

  React.useEffect(() => {
    if (!enabled) return undefined;
    let active = true;
    let unsubscribe: (() => Promise<void>) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pending = new Set<string>();

    const fire = () => {
      timer = undefined;
      if (!active || pending.size === 0) return;
      if (busyRef.current?.()) {
        timer = setTimeout(fire, delayMs);
        return;
      }
      const sheets = [...pending];
      pending.clear();
      recheckRef.current(sheets);
    };
    const onChanged = (sheet: string) => {
      if (!active || busyRef.current?.()) return;
      pending.add(sheet);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(fire, delayMs);
    };

    host.onSheetChanged(onChanged).then(
      (off) => {
        if (active) unsubscribe = off;
        else void off().catch(() => undefined);
      },
      // A convenience only: without change events the 校验 button still works.
      (e: unknown) => console.warn("汇审：无法订阅工作表更改，自动校验不可用。", e),
    );

    return () => {
      active = false;
      if (timer !== undefined) clearTimeout(timer);
      pending.clear();
      if (unsubscribe) void unsubscribe().catch(() => undefined);
    };
  }, [host, enabled, delayMs, opts.sheetsVersion]);
}
