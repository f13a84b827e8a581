import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Lang } from "../core/findings/format";
import { CliError } from "./io";

/**
 * A command's own options, strictly: an unknown option or a missing value is a usage error (exit 2).
 * Node's errors are matched by code, not class: under jest they come from another realm.
 */
export function parseCommandOptions<O extends NonNullable<ParseArgsConfig["options"]>>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (e) {
    const code = e && typeof e === "object" ? String((e as { code?: unknown }).code) : "";
    if (code.startsWith("ERR_PARSE_ARGS")) throw new CliError(`参数有误 Bad arguments: ${(e as { message: string }).message}`);
    throw e;
  }
}

/** `--lang zh|en`, Chinese by default. */
export function parseLang(v: string | boolean | undefined): Lang {
  if (v === undefined || v === "zh" || v === "zh-CN") return "zh";
  if (v === "en") return "en";
  throw new CliError(`--lang 只能是 zh 或 en。--lang is zh or en.`);
}
