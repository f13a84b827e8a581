import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Lang } from "../core/findings/format";
import { errorCode } from "./error-text";
import { CliError, words, type Words } from "./io";

/**
 * A command's own options, strictly: an unknown option or a missing value is a usage error (exit 2).
 * Node's errors are matched by code, not class: under jest they come from another realm.
 */
export function parseCommandOptions<O extends NonNullable<ParseArgsConfig["options"]>>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (e) {
    const code = errorCode(e);
    if (code?.startsWith("ERR_PARSE_ARGS")) throw new CliError(badArguments(code, (e as Error).message));
    throw e;
  }
}

/** Node's parseArgs speaks English only: the option it names, put in the reader's words. */
function badArguments(code: string, message: string): Words {
  const option = /'([^']+)'/.exec(message)?.[1]?.replace(/ <value>$/, "");
  if (option && code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return words("arg.unknownOption", { option });
  if (option && /argument missing/.test(message)) return words("arg.missingValue", { option });
  if (option && /does not take an argument/.test(message)) return words("arg.noValue", { option });
  return words("arg.bad", { detail: message });
}

/** `--lang zh|en`, Chinese by default. */
export function parseLang(v: string | boolean | undefined): Lang {
  if (v === undefined || v === "zh" || v === "zh-CN") return "zh";
  if (v === "en") return "en";
  throw new CliError(words("arg.lang"));
}

/** The language a command line asks for, read before its options are: the words of a usage error follow it. */
export function argvLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length && argv[i] !== "--"; i++) {
    const value = argv[i] === "--lang" ? argv[i + 1] : argv[i].startsWith("--lang=") ? argv[i].slice("--lang=".length) : undefined;
    if (value !== undefined) return value === "en" ? "en" : "zh";
  }
  return "zh";
}
