import { COMMON_OPTIONS } from "./common-options";
import { parseCommandOptions } from "./options";

export interface ParsedCommand {
  readonly command: string | undefined;
  readonly positionals: string[];
  readonly options: Record<string, string | boolean | undefined>;
}

/** The options of template, validate and extract (review-report and consolidate read their own). */
export function parseCommand(argv: readonly string[]): ParsedCommand {
  const { values, positionals } = parseCommandOptions(argv, {
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
  });
  const [command, ...rest] = positionals;
  return { command, positionals: rest, options: values };
}
