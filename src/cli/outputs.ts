/**
 * Every file the CLI writes goes through here: an output that is one of the inputs (the same path,
 * a symbolic link to it, or a hard link: the same device and inode) is refused before anything is
 * read or written, and writes go through `atomicWrite`. Failures become Chinese messages (exit 2).
 */
import { promises as fs, type Stats } from "node:fs";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { atomicWrite, FileWriteError, makeFolder, type FileWriteFailure } from "./atomic-write";
import { toBuffer } from "../adapters/xlsx";
import { RunError } from "./io";

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
    if (input) {
      throw new RunError(
        `${option} ${target} 指向输入文件 ${input.path}：汇审从不改写输入文件，请换一个输出文件名。` +
          `\n${option} ${target} is the input file ${input.path}: Huishen never writes over an input; choose another output name.`,
      );
    }
    if (this.written.some((w) => sameFile(w, id))) {
      throw new RunError(`${option} ${target} 与本次的另一个输出是同一个文件。${option} ${target} is another output of this run.`);
    }
  }

  /** Refuse a target that exists already unless `force` (template -o). */
  async refuseExisting(target: string, force: boolean): Promise<void> {
    if (force) return;
    const st = await fs.lstat(target).catch(() => undefined);
    if (st) throw new RunError(`文件 ${target} 已存在；要替换它请加 --force。${target} exists already; add --force to replace it.`);
  }

  async write(target: string, data: Uint8Array | string, option: string): Promise<void> {
    await this.check(target, option);
    try {
      await atomicWrite(target, data);
    } catch (e) {
      throw asCliError(e, target);
    }
    this.written.push(await identity(target));
  }

  async writeWorkbook(wb: ExcelJS.Workbook, target: string, option: string): Promise<void> {
    await this.write(target, await toBuffer(wb, this.at), option);
  }

  async folder(dir: string): Promise<void> {
    try {
      await makeFolder(dir);
    } catch (e) {
      throw asCliError(e, dir, true);
    }
  }
}

const WHY: Record<FileWriteFailure, (dir: string) => { zh: string; en: string }> = {
  noFolder: (d) => ({ zh: `文件夹 ${d} 不存在`, en: `the folder ${d} does not exist` }),
  notFolder: (d) => ({ zh: `路径 ${d} 中有一段不是文件夹`, en: `part of the path ${d} is not a folder` }),
  noPermission: (d) => ({ zh: `没有在文件夹 ${d} 中写入的权限`, en: `no permission to write in ${d}` }),
  readOnly: () => ({ zh: "该磁盘是只读的", en: "the disk is read-only" }),
  diskFull: () => ({ zh: "磁盘空间不足", en: "the disk is full" }),
  locked: () => ({ zh: "文件被其他程序占用（可能正在 Excel 或 WPS 中打开），请关闭后重试", en: "another program holds the file (open in Excel or WPS?); close it and try again" }),
  isFolder: () => ({ zh: "这是一个文件夹", en: "it is a folder" }),
  other: () => ({ zh: "写入失败", en: "the write failed" }),
};

function asCliError(e: unknown, target: string, folder = false): unknown {
  if (!(e instanceof FileWriteError)) return e;
  const why = WHY[e.reason](folder ? path.resolve(target) : path.dirname(path.resolve(target)));
  return folder
    ? new RunError(`无法创建文件夹 ${target}：${why.zh}。Cannot make the folder ${target}: ${why.en}.`, e.detail)
    : new RunError(`无法保存 ${target}：${why.zh}。Cannot save ${target}: ${why.en}.`, e.detail);
}
