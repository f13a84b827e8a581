/** Where the CLI writes: the process by default, a buffer in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
};

/** A usage or input problem: printed to stderr, exit code 2. `detail` (a system's or library's words) shows with --verbose. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** A problem met while running (a file that cannot be read or written, an output that is an input): exit 2, without the usage text. */
export class RunError extends CliError {}
