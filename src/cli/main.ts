import { parseCommand } from "./args";
import { USAGE } from "./usage";
import { CliError, type Io, processIo, RunError, words } from "./io";
import { argvLang } from "./options";
import { t } from "./text";

/**
 * Runs one CLI invocation and resolves to its exit code; never throws, never prints a stack trace unless
 * --verbose. Each command's code (ExcelJS, the report readers, the consolidation) loads only when that
 * command runs: `--help` and a usage error answer without it.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const verbose = argv.includes("--verbose");
  const lang = argvLang(argv);
  try {
    // review-report parses its own options (--split).
    if (argv[0] === "review-report") return await (await import("./commands/review-report")).runReviewReport(argv.slice(1), io);
    // consolidate parses its own options (--city, --districts, --weights, …).
    if (argv[0] === "consolidate") return await (await import("./commands/consolidate")).runConsolidate(argv.slice(1), io);
    const cmd = parseCommand(argv);
    if (cmd.options.version) {
      io.out(`huishen ${VERSION}\n`);
      return 0;
    }
    if (cmd.options.help || !cmd.command) {
      io.out(USAGE[lang]);
      return cmd.command || cmd.options.help ? 0 : 2;
    }
    switch (cmd.command) {
      case "template":
        return await (await import("./commands/template")).runTemplate(cmd, io);
      case "validate":
        return await (await import("./commands/validate")).runValidate(cmd, io);
      case "extract":
        return await (await import("./commands/extract")).runExtract(cmd, io);
      default:
        throw new CliError(words("arg.unknownCommand", { command: cmd.command }));
    }
  } catch (e) {
    const detail = verbose && e instanceof CliError && e.detail ? `\n  (${e.detail})` : "";
    if (e instanceof RunError) {
      io.err(`${e.words(lang)}${detail}\n`);
      return 2;
    }
    if (e instanceof CliError) {
      io.err(`${e.words(lang)}${detail}\n\n${USAGE[lang]}`);
      return 2;
    }
    // A defect of Huishen's, not of the input: say so plainly; outputs are written only at the end, so none is half written.
    const technical = verbose ? (e instanceof Error ? (e.stack ?? e.message) : String(e)) : t(lang, "internal.verbose");
    io.err(`${t(lang, "internal")}\n${technical}\n`);
    return 2;
  }
}

const VERSION = "0.1.0";
