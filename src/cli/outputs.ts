/**
 * Every file the CLI writes goes through here: an output that is one of the inputs (the same path,
 * a symbolic link to it, or a hard link: the same device and inode) is refused before anything is
 * read or written, and writes go through `atomicWrite`. Failures become Chinese messages (exit 2).
 */
import { promises as fs, type Stats } from "node:fs";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { atomicWrite, FileWriteError, makeFolder } from "./atomic-write";
import { RunError, words } from "./io";
import { nativeZip } from "./native-zip";
import { t } from "./text";

interface Identity {
  readonly real: string;
  readonly stat?: Stats;
}

async function identity(p: string): Promise<Identity> {
  const stat = await fs.stat(p).catch(() => undefined);
  const real = await fs.realpath(p).catch(async () => {
    // A file not there yet: its folder's real path and its name.
    const dir = await fs.realpath(path.dirname(path.resolve(p))).catch(() => path.dirname(path.resolve(p)));
    return path.join(dir, path.basename(p));
  });
  return { real, stat };
}

const sameFile = (a: Identity, b: Identity) => a.real === b.real || (!!a.stat && !!b.stat && a.stat.dev === b.stat.dev && a.stat.ino === b.stat.ino);

export class Outputs {
  private readonly written: Identity[] = [];

  private constructor(
    private readonly inputs: readonly { path: string; id: Identity }[],
    /** The run's time (see `clock.ts`): stamped into every workbook written. */
    readonly at: Date,
  ) {}

  static async forInputs(inputs: readonly string[], at: Date): Promise<Outputs> {
    return new Outputs(await Promise.all(inputs.map(async (p) => ({ path: p, id: await identity(p) }))), at);
  }

  /** Refuse `target` when it is an input or an output already written by this run. `option` names where it came from (-o, --html). */
  async check(target: string, option: string): Promise<void> {
    const id = await identity(target);
    const input = this.inputs.find((i) => sameFile(i.id, id));
    if (input) throw new RunError(words("write.isInput", { option, target, input: input.path }));
    if (this.written.some((w) => sameFile(w, id))) throw new RunError(words("write.twice", { option, target }));
  }

  /** Refuse a target that exists already unless `force` (template -o). */
  async refuseExisting(target: string, force: boolean): Promise<void> {
    if (force) return;
    const st = await fs.lstat(target).catch(() => undefined);
    if (st) throw new RunError(words("write.exists", { target }));
  }

  async write(target: string, data: Uint8Array | string, option: string): Promise<void> {
    await this.check(target, option);
    try {
      await atomicWrite(target, data);
    } catch (e) {
      throw writeError(e, target);
    }
    this.written.push(await identity(target));
  }

  async writeWorkbook(wb: ExcelJS.Workbook, target: string, option: string): Promise<void> {
    // Loaded here: a command that writes no workbook never loads ExcelJS's writer.
    const { packWorkbook } = await import("../adapters/xlsx/pack-workbook");
    await this.write(target, await packWorkbook(wb, nativeZip, this.at), option);
  }

  async folder(dir: string): Promise<void> {
    try {
      await makeFolder(dir);
    } catch (e) {
      throw writeError(e, dir, true);
    }
  }
}

function writeError(e: unknown, target: string, folder = false): unknown {
  if (!(e instanceof FileWriteError)) return e;
  const { reason } = e;
  const dir = folder ? path.resolve(target) : path.dirname(path.resolve(target));
  return new RunError((lang) => t(lang, folder ? "write.folderFailed" : "write.failed", { target, why: t(lang, `why.${reason}`, { dir }) }), e.detail);
}
