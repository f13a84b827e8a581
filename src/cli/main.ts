import { parseCommand } from "./args";
import { runConsolidate } from "./commands/consolidate";
import { runReviewReport } from "./commands/review-report";
import { runTemplate } from "./commands/template";
import { runValidate } from "./commands/validate";
import { USAGE } from "./usage";
import { CliError, type Io, processIo } from "./io";

/** Runs one CLI invocation and resolves to its exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    // review-report parses its own options (--split).
    if (argv[0] === "review-report") return await runReviewReport(argv.slice(1), io);
    // consolidate parses its own options (--city, --districts, --weights, …).
    if (argv[0] === "consolidate") return await runConsolidate(argv.slice(1), io);
    const cmd = parseCommand(argv);
    if (cmd.options.version) {
      io.out(`huishen ${VERSION}\n`);
      return 0;
    }
    if (cmd.options.help || !cmd.command) {
      io.out(USAGE);
      return cmd.command || cmd.options.help ? 0 : 2;
    }
    switch (cmd.command) {
      case "template":
        return await runTemplate(cmd, io);
      case "validate":
        return await runValidate(cmd, io);
      default:
        throw new CliError(`未知命令“${cmd.command}”。Unknown command "${cmd.command}".`);
    }
  } catch (e) {
    if (e instanceof CliError || (e instanceof Error && "code" in e && String((e as { code: unknown }).code).startsWith("ERR_PARSE_ARGS"))) {
      io.err(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

const VERSION = "0.1.0";
