/** Where the CLI writes: the process by default, a buffer in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
};

/** A usage or input problem: printed to stderr, exit code 2. */
export class CliError extends Error {}
