import type { Lang } from "../core/findings/format";
import type { MessageArgs } from "../core/text/translate";
import type { zh } from "./locales/zh-CN";
import { t } from "./text";

/** Where the CLI writes: the process by default, a buffer in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
};

type CliKey = keyof typeof zh & string;

/** A message chosen where a problem is met and worded where it is printed, in the reader's language. */
export type Words = (lang: Lang) => string;

/** The words of one key of the CLI's locale maps (placeholders checked at compile time). */
export function words<K extends CliKey>(key: K, ...args: MessageArgs<(typeof zh)[K]>): Words {
  return (lang) => t(lang, key, ...args);
}

/**
 * A usage or input problem: printed to stderr with the usage text, exit code 2. `detail` (a system's or
 * library's words) shows with --verbose. The Error's own message is the Chinese text, for logs.
 */
export class CliError extends Error {
  constructor(
    readonly words: Words,
    readonly detail?: string,
  ) {
    super(words("zh"));
  }
}

/** A problem met while running (a file that cannot be read or written, an output that is an input): exit 2, without the usage text. */
export class RunError extends CliError {}
