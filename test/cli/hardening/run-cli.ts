import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../src/cli/main";

/** Run the CLI in process, capturing what it prints. */
export async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** A fresh folder for one test file. */
export function scratch(prefix: string): (name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return (name: string) => join(dir, name);
}

/** No stack trace or library text reached the person. */
export const NO_TRACE = /\n\s+at |Error:|Corrupted|Cannot read properties|Bug :/;
