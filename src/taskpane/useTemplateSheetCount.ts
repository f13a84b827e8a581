import * as React from "react";
import type { WorkbookHost } from "../core/host";
import { templateSheetNames } from "./district-file";

/** Quiet time before focusing the pane again counts the sheets again. */
const REFOCUS_MS = 5000;

/**
 * How many fill-in sheets the workbook holds, for the 汇总 section's label. Counting reads the
 * workbook (one read, 2 syncs), so it happens only once the section is on screen, and again when
 * `refreshKey` changes (sheets inserted, a consolidation run) or the pane gets focus back (the
 * person may have added or removed sheets in Excel; at most every 5 s). Never while the pane is
 * busy with an action; undefined until counted (and where the browser cannot tell what is on screen).
 */
export function useTemplateSheetCount(host: WorkbookHost, target: React.RefObject<HTMLElement | null>, refreshKey: unknown, busy: boolean): number | undefined {
  const [count, setCount] = React.useState<number>();
  const [visible, setVisible] = React.useState(false);
  const [focus, setFocus] = React.useState(0);
  const stale = React.useRef(true);
  const lastRead = React.useRef(0);

  React.useEffect(() => {
    const el = target.current;
    if (!el || typeof IntersectionObserver === "undefined") return undefined;
    const observer = new IntersectionObserver((entries) => setVisible(entries.some((e) => e.isIntersecting)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [target]);

  React.useEffect(() => {
    // Not on every click into the pane: at most every few seconds.
    const onFocus = () => {
      if (Date.now() - lastRead.current >= REFOCUS_MS) setFocus((n) => n + 1);
    };
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, []);

  React.useEffect(() => {
    stale.current = true;
  }, [host, refreshKey, focus]);

  React.useEffect(() => {
    if (!visible || busy || !stale.current) return undefined;
    stale.current = false;
    lastRead.current = Date.now();
    let live = true;
    let done = false;
    host.read().then(
      (read) => {
        done = true;
        if (live) setCount(templateSheetNames(read.sheets).length);
      },
      // Only a label: the 汇总 button reads again anyway; try again on the next occasion.
      () => {
        done = true;
        stale.current = true;
      },
    );
    return () => {
      live = false;
      // Superseded before it answered: count again on the next run of this effect.
      if (!done) stale.current = true;
    };
  }, [host, visible, busy, refreshKey, focus]);

  return count;
}
