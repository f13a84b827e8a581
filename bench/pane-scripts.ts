import * as fs from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";

export interface ScriptSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipped: number;
}

/**
 * The task pane's scripts in a build: the ones `taskpane.html` loads before the pane can draw, and the
 * chunks it fetches afterwards (the 汇总, 审核 and 从报告读数 sections, the report reader, ExcelJS, mammoth).
 * Sizes are gzip level 9 of the minified files, as a web server would send them.
 */
export function paneScripts(dist: string): { initial: ScriptSize[]; later: ScriptSize[] } {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const initialFiles = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
  const size = (file: string): ScriptSize => {
    const data = fs.readFileSync(path.join(dist, file));
    return { file, bytes: data.length, gzipped: gzipSync(data, { level: 9 }).length };
  };
  // Other pages' own entries are not the pane's.
  const others = /^(workbench|commands)\./;
  const later = fs.readdirSync(dist).filter((f) => f.endsWith(".js") && !initialFiles.includes(f) && !others.test(f));
  return { initial: initialFiles.map(size), later: later.map(size) };
}

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

export const total = (sizes: readonly ScriptSize[], key: "bytes" | "gzipped"): number => sizes.reduce((n, s) => n + s[key], 0);
