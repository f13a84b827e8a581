import { parseArgs } from "node:util";
import { COMMON_OPTIONS } from "./common-options";

export interface ParsedCommand {
  readonly command: string | undefined;
  readonly positionals: string[];
  readonly options: Record<string, string | boolean | undefined>;
}

/** Thin wrapper over Node's parseArgs: unknown options are an error the user sees, not a crash. */
export function parseCommand(argv: readonly string[]): ParsedCommand {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      output: { type: "string", short: "o" },
      district: { type: "string" },
      year: { type: "string" },
      json: { type: "boolean" },
      lang: { type: "string" },
      annotate: { type: "string" },
      sheet: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
      ...COMMON_OPTIONS,
    },
  });
  const [command, ...rest] = positionals;
  return { command, positionals: rest, options: values };
}
