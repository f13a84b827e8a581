import { limitsForLoadedMiB, type PackageLimits } from "../adapters/xlsx/package-guard";
import { CliError } from "./io";

/** Options every command takes. */
export const COMMON_OPTIONS = {
  verbose: { type: "boolean" },
  "max-size": { type: "string" },
} as const;

/** `--max-size MB`: how many MB of a workbook's XML Huishen parses (default 48; see README, Known limits). */
export function readLimits(v: string | boolean | undefined): PackageLimits | undefined {
  if (v === undefined) return undefined;
  const n = typeof v === "string" ? Number(v.trim()) : NaN;
  if (!Number.isFinite(n) || n <= 0 || n > 4096) throw new CliError(`--max-size 应为 1 到 4096 之间的 MB 数，而不是“${String(v)}”。--max-size is a number of MB from 1 to 4096.`);
  return limitsForLoadedMiB(n);
}
