/**
 * The command line's compiled modules kept between runs (`compile-cache.ts`): a second process compiles
 * from the cache and behaves the same; an edited module (even of the same length) is compiled afresh;
 * a damaged cache file, a folder others can write to or a link to one only means compiling as Node does; and the
 * real command gives the same answer with the cache as without.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rongchang2024 } from "../fixtures/reports";
import { fillWorkbookFile } from "../fixtures/build-workbook";

jest.setTimeout(60_000);

const root = join(__dirname, "..", "..");
const cacheModule = join(root, "lib", "src", "cli", "compile-cache.js");

/** A new process that installs the cache in `dir`, loads `module` and prints what the cache did and what the module gave. */
function run(dir: string, module: string, env: NodeJS.ProcessEnv = {}): { stats: { hits: number; misses: number; rejected: number } | null; value: unknown } {
  const script = `const s = require(${JSON.stringify(cacheModule)}).installCompileCache(${JSON.stringify(dir)});
const value = require(${JSON.stringify(module)}).answer();
process.on("exit", () => console.log(JSON.stringify({ stats: s ?? null, value })));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: "", ...env }, encoding: "utf8" })) as never;
}

/** Two modules, one requiring the other by a relative path and through `require.resolve`. */
function modules(dir: string, figure: number): string {
  writeFileSync(join(dir, "figures.js"), `exports.e01 = ${figure};\n`);
  const main = join(dir, "answer.js");
  writeFileSync(main, `const path = require("path");\nexports.answer = () => ({ e01: require("./figures").e01, resolved: path.basename(require.resolve("./figures")), dir: path.basename(__dirname) === path.basename(${JSON.stringify(dir)}) });\n`);
  return main;
}

test("a second run compiles from the cache and gives the same; an edited module of the same length is compiled afresh", () => {
  if (!existsSync(cacheModule)) throw new Error("lib/ not compiled: run npm run prepare");
  const src = mkdtempSync(join(tmpdir(), "huishen-cc-src-"));
  const cache = join(mkdtempSync(join(tmpdir(), "huishen-cc-")), "cache");
  const main = modules(src, 337);
  const first = run(cache, main);
  expect(first.value).toEqual({ e01: 337, resolved: "figures.js", dir: true });
  expect(first.stats).toMatchObject({ hits: 0, misses: 2 });
  const second = run(cache, main);
  expect(second).toEqual({ stats: { hits: 2, misses: 0, rejected: 0, file: expect.any(String) }, value: first.value });
  // 337 → 159: the same number of characters, so only the text tells the entries apart.
  modules(src, 159);
  const edited = run(cache, main);
  expect(edited.value).toEqual({ e01: 159, resolved: "figures.js", dir: true });
  expect(edited.stats).toMatchObject({ hits: 1, misses: 1 });
});

test("a damaged cache file is read as far as it is whole; a folder others may write to, or a link, is not used; the cache can be turned off", () => {
  const src = mkdtempSync(join(tmpdir(), "huishen-cc-src-"));
  const main = modules(src, 283);
  const cache = join(mkdtempSync(join(tmpdir(), "huishen-cc-")), "cache");
  const { stats } = run(cache, main);
  const file = (stats as unknown as { file: string }).file;
  const whole = readFileSync(file);
  writeFileSync(file, whole.subarray(0, whole.length - 10));
  expect(run(cache, main)).toMatchObject({ value: { e01: 283 }, stats: { hits: 1, misses: 1 } });
  writeFileSync(file, Buffer.from("not a cache at all"));
  expect(run(cache, main)).toMatchObject({ value: { e01: 283 }, stats: { hits: 0, misses: 2 } });
  if (typeof process.getuid === "function") {
    // Through a link, even to the user's own cache: not used.
    const link = join(mkdtempSync(join(tmpdir(), "huishen-cc-")), "link");
    symlinkSync(cache, link);
    expect(run(link, main)).toMatchObject({ value: { e01: 283 }, stats: { hits: 0, misses: 2 } });
    chmodSync(cache, 0o777);
    expect(run(cache, main)).toMatchObject({ value: { e01: 283 }, stats: { hits: 0, misses: 2 } });
    expect(run(cache, main)).toMatchObject({ stats: { hits: 0 } });
  }
  expect(run(join(cache, "off"), main, { NODE_DISABLE_COMPILE_CACHE: "1" })).toEqual({ stats: null, value: { e01: 283, resolved: "figures.js", dir: true } });
  expect(existsSync(join(cache, "off"))).toBe(false);
});

test("the command line gives the same answer compiled from the cache as compiled by Node", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "huishen-cc-cli-")), "荣昌区.xlsx");
  execFileSync(process.execPath, [join(root, "bin", "huishen.js"), "template", "-o", file, "--district", "荣昌区", "--year", "2024"]);
  await fillWorkbookFile(file, rongchang2024);
  const validate = (env: NodeJS.ProcessEnv) => {
    try {
      return execFileSync(process.execPath, [join(root, "bin", "huishen.js"), "validate", file, "--json"], { env: { ...process.env, ...env }, encoding: "utf8" });
    } catch (e) {
      return (e as { stdout: string }).stdout; // exit 1: the report's rate findings
    }
  };
  const plain = validate({ NODE_DISABLE_COMPILE_CACHE: "1" });
  expect(plain).toContain("E03");
  // A temporary folder of its own: the first run fills the cache there, the second compiles from it.
  const tmp = mkdtempSync(join(tmpdir(), "huishen-cc-tmp-"));
  const cached = { NODE_DISABLE_COMPILE_CACHE: "", TMPDIR: tmp };
  expect(validate(cached)).toBe(plain);
  const user = typeof process.getuid === "function" ? `-${process.getuid()}` : "";
  expect(readFileSync(join(tmp, `huishen-compile-cache${user}`, `${process.version}-${process.arch}.bin`)).length).toBeGreaterThan(100_000);
  expect(validate(cached)).toBe(plain);
});
