/**
 * V8's compiled code for the command line's modules, kept between runs: a command started on its own
 * spent about a tenth of its time compiling the same few hundred modules (ours and ExcelJS's) every
 * time, and compiling their functions again as they were first called. Node 22 does this itself
 * (`module.enableCompileCache`), and is asked to where it can; Node 20 compiles each CommonJS module
 * here instead, through `vm.Script` with the code V8 made for the same source the last time.
 *
 * The cache is one file per Node version, in a folder of the user's own: an entry is found by the
 * module's path and its whole text (an edited module is compiled afresh), V8 refuses data made by
 * another version or with other flags, and the file is written after the run (so it holds the
 * functions the run compiled) through a temporary file and a rename. Nothing here may stop a command:
 * any failure leaves the module compiled as Node compiles it. `NODE_DISABLE_COMPILE_CACHE=1` turns it off.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import Module from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import * as vm from "node:vm";

export interface CompileCacheStats {
  /** Modules compiled from the cache. */
  hits: number;
  /** Modules compiled afresh (their code is added to the cache after the run). */
  misses: number;
  /** Entries V8 refused (another build of Node, other flags): compiled afresh. */
  rejected: number;
  readonly file: string;
}

/** Node's module loader, as far as compiling a module goes (not in its typings). */
interface Loader {
  prototype: { _compile(this: NodeModule, content: string, filename: string): unknown };
  _resolveFilename(request: string, parent: NodeModule, isMain: boolean, options?: { paths?: string[] }): string;
  _resolveLookupPaths(request: string, parent: NodeModule): string[] | null;
  _extensions: NodeJS.RequireExtensions;
  _cache: NodeJS.Require["cache"];
  wrap(content: string): string;
  enableCompileCache?: (dir?: string) => unknown;
}

const loader = Module as unknown as Loader;
/** The program's main module (the command line's entry), as every module's `require.main`. */
const main = require.main;

/** Above this the cache keeps only what the last run used (sources edited again and again leave old entries behind). */
const MAX_BYTES = 16 * 1024 * 1024;
const MAGIC = Buffer.from("HUISHEN-V8-CACHE-1\n");

/** The user's own folder under the system's temporary one. */
export function defaultCacheDir(): string {
  const user = typeof process.getuid === "function" ? `-${process.getuid()}` : "";
  return path.join(os.tmpdir(), `huishen-compile-cache${user}`);
}

/**
 * Compile every CommonJS module loaded from now on through the cache in `dir`; returns what it did,
 * or undefined where Node keeps a cache itself or the cache is turned off.
 */
export function installCompileCache(dir: string = defaultCacheDir(), env: NodeJS.ProcessEnv = process.env): CompileCacheStats | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  if (loader.enableCompileCache) {
    loader.enableCompileCache(dir);
    return undefined;
  }
  const file = path.join(dir, `${process.version}-${process.arch}.bin`);
  const stats: CompileCacheStats = { hits: 0, misses: 0, rejected: 0, file };
  const known = ownFolder(dir) ? readEntries(file) : new Map<string, Buffer>();
  const used = new Set<string>();
  const made: { key: string; script: vm.Script }[] = [];
  const compile = loader.prototype._compile;
  loader.prototype._compile = function (this: NodeModule, content: string, filename: string) {
    let script: vm.Script;
    const key = createHash("sha1").update(filename).update("\0").update(content).digest("base64");
    const cachedData = known.get(key);
    try {
      script = new vm.Script(loader.wrap(content.startsWith("#!") ? `//${content.slice(2)}` : content), {
        filename,
        cachedData,
        importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      });
    } catch {
      return compile.call(this, content, filename); // Node's own compiling says what is wrong with the module
    }
    used.add(key);
    if (cachedData && !script.cachedDataRejected) stats.hits++;
    else {
      if (cachedData) stats.rejected++;
      stats.misses++;
      made.push({ key, script });
    }
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  process.once("exit", () => {
    if (made.length > 0) save(dir, file, known, used, made);
  });
  return stats;
}

/** `require` as Node gives a module: resolving from it, with the loader's cache, extensions and main module. */
function requireFor(mod: NodeModule): NodeJS.Require {
  const require = ((id: string) => mod.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: { paths?: string[] }) => loader._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => loader._resolveLookupPaths(request, mod);
  require.resolve = resolve;
  require.main = main;
  require.extensions = loader._extensions;
  require.cache = loader._cache;
  return require;
}

/**
 * Whether the folder is the user's alone, itself and not a link to one (compiled code from a folder
 * others can write to would run as theirs). Made, private, where it is missing. On Windows the
 * temporary folder is the user's own.
 */
function ownFolder(dir: string): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (typeof process.getuid !== "function") return true;
    // Not through a link: a link someone else made could lead to a folder of theirs.
    const st = fs.lstatSync(dir);
    return st.isDirectory() && st.uid === process.getuid() && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** The cache's entries: after the magic line, each a key (length, text) and its data (length, bytes). */
function readEntries(file: string): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return entries;
  }
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return entries;
  for (let at = MAGIC.length; at + 6 <= bytes.length; ) {
    const keyLength = bytes.readUInt16LE(at);
    const dataLength = bytes.readUInt32LE(at + 2 + keyLength);
    const start = at + 6 + keyLength;
    if (start + dataLength > bytes.length) break; // cut short: what came before stands
    entries.set(bytes.toString("latin1", at + 2, at + 2 + keyLength), bytes.subarray(start, start + dataLength));
    at = start + dataLength;
  }
  return entries;
}

function save(dir: string, file: string, known: Map<string, Buffer>, used: ReadonlySet<string>, made: readonly { key: string; script: vm.Script }[]): void {
  try {
    if (!ownFolder(dir)) return;
    for (const { key, script } of made) known.set(key, script.createCachedData());
    let total = 0;
    for (const data of known.values()) total += data.length;
    if (total > MAX_BYTES) for (const key of [...known.keys()]) if (!used.has(key)) known.delete(key);
    const parts: Buffer[] = [MAGIC];
    for (const [key, data] of known) {
      const head = Buffer.alloc(6 + key.length);
      head.writeUInt16LE(key.length, 0);
      head.write(key, 2, "latin1");
      head.writeUInt32LE(data.length, 2 + key.length);
      parts.push(head, data);
    }
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, Buffer.concat(parts), { mode: 0o600 });
    fs.renameSync(temporary, file);
  } catch {
    // A cache that cannot be written is only slower next time.
  }
}
