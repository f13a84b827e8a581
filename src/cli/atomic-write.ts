/**
 * The one way Huishen writes a file (Node): into a temporary file beside the target, then renamed
 * over it, so a killed or failed run never leaves half a workbook where a file was. Temporary files
 * a killed run left behind are removed the next time the same target is written.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { errorCode } from "./error-text";

/** What went wrong, as a person can act on it. */
export type FileWriteFailure = "noFolder" | "notFolder" | "noPermission" | "readOnly" | "diskFull" | "locked" | "isFolder" | "other";

export class FileWriteError extends Error {
  override readonly name = "FileWriteError";
  constructor(
    readonly reason: FileWriteFailure,
    readonly target: string,
    /** The system's code or words, for `--verbose`. */
    readonly detail: string,
  ) {
    super(`${reason}: ${target} (${detail})`);
  }
}

const TEMP_TAG = ".huishen-";

/** `.~汇总.xlsx.huishen-<pid>-<n>.tmp`: hidden, named after its target and the process that wrote it. */
function tempName(target: string, n: number): string {
  return path.join(path.dirname(target), `.~${path.basename(target)}${TEMP_TAG}${process.pid}-${n}.tmp`);
}

let counter = 0;

function failure(code: string | undefined): FileWriteFailure {
  switch (code) {
    case "ENOENT":
      return "noFolder";
    case "ENOTDIR":
      return "notFolder";
    case "EACCES":
      return "noPermission";
    // Linux says EPERM for an immutable folder; Windows says it (or EBUSY) for a file Excel holds open.
    case "EPERM":
      return process.platform === "win32" ? "locked" : "noPermission";
    case "EBUSY":
    case "ETXTBSY":
      return "locked";
    case "EROFS":
      return "readOnly";
    case "ENOSPC":
    case "EDQUOT":
      return "diskFull";
    case "EISDIR":
      return "isFolder";
    default:
      return "other";
  }
}

/** Is the process that wrote a temporary file still running? */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === "EPERM";
  }
}

/** Remove what a killed run left while writing `target`: temporary files of processes no longer running. */
async function removeStaleTemps(target: string): Promise<void> {
  const prefix = `.~${path.basename(target)}${TEMP_TAG}`;
  let names: string[];
  try {
    names = await fs.readdir(path.dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (pid !== process.pid && Number.isInteger(pid) && !alive(pid)) await fs.rm(path.join(path.dirname(target), name), { force: true }).catch(() => undefined);
  }
}

/** Write `data` to `target` through a temporary file and a rename; throws `FileWriteError`. */
export async function atomicWrite(target: string, data: Uint8Array | string): Promise<void> {
  await removeStaleTemps(target);
  const st = await fs.stat(target).catch(() => undefined);
  if (st?.isDirectory()) throw new FileWriteError("isFolder", target, "EISDIR");
  const tmp = tempName(target, counter++);
  try {
    await fs.writeFile(tmp, data, { flag: "wx" });
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const code = errorCode(e);
    throw new FileWriteError(failure(code), target, code ?? (e instanceof Error ? e.message : String(e)));
  }
}

/** Make a folder (and its parents) for outputs; throws `FileWriteError`. */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    const code = errorCode(e);
    throw new FileWriteError(code === "EEXIST" ? "notFolder" : failure(code), dir, code ?? String(e));
  }
}
