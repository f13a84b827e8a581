import { limitsForLoadedMiB, type PackageLimits } from "../adapters/xlsx/package-guard";
import { CliError, words } from "./io";

/** Options every command takes. */
export const COMMON_OPTIONS = {
  verbose: { type: "boolean" },
  "max-size": { type: "string" },
} as const;

/** `--max-size MB`: how many MB of a workbook's XML Huishen parses (default 48; see README, Known limits). */
export function readLimits(v: string | boolean | undefined): PackageLimits | undefined {
  if (v === undefined) return undefined;
  const n = typeof v === "string" ? Number(v.trim()) : NaN;
  if (!Number.isFinite(n) || n <= 0 || n > 4096) throw new CliError(words("arg.maxSize", { value: String(v) }));
  return limitsForLoadedMiB(n);
}
