import { CliError, words } from "./io";

/**
 * The time every output of this run carries: now, or `SOURCE_DATE_EPOCH` (seconds since 1970, the
 * reproducible-builds convention), so two runs over the same inputs write the same bytes.
 */
export function runClock(env: NodeJS.ProcessEnv = process.env): { at: Date; reproducible: boolean } {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return { at: new Date(), reproducible: false };
  if (!/^\d{1,12}$/.test(epoch.trim())) throw new CliError(words("arg.epoch", { value: epoch }));
  return { at: new Date(Number(epoch.trim()) * 1000), reproducible: true };
}

/** The time as reports show it: local with its offset, or UTC in a reproducible run (the machine's zone must not change the bytes). */
export function runOffsetMinutes(clock: { at: Date; reproducible: boolean }): number {
  return clock.reproducible ? 0 : -clock.at.getTimezoneOffset();
}
