/**
 * The command line as one script (`scripts/bundle-cli.js`, which bin/huishen.js runs when it is current)
 * does what its modules do: a consolidation of real reports writes the same summary, report and findings,
 * byte for byte, while Node loads a handful of files instead of hundreds.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeWorkbookFile } from "../../src/cli/workbook-files";
import { buildReportsWorkbook } from "../fixtures/build-workbook";
import { rongchang2024, yuzhong2023 } from "../fixtures/reports";

jest.setTimeout(120_000);

const root = join(__dirname, "..", "..");
const modules = join(root, "lib", "src", "cli", "main.js");

/** `huishen consolidate` through `entry` in a process of its own: its exit code, output and how many modules Node loaded. */
function consolidate(entry: string, files: readonly string[], dir: string) {
  mkdirSync(dir);
  const script = `require(${JSON.stringify(entry)}).main(process.argv.slice(1)).then((code) => {
  process.exitCode = code;
  process.stderr.write("modules " + Object.keys(require.cache).length);
});`;
  const argv = ["consolidate", ...files, "-o", join(dir, "汇总.xlsx"), "--html", join(dir, "汇总.html"), "--json"];
  const r = spawnSync(process.execPath, ["-e", script, ...argv], { env: { ...process.env, SOURCE_DATE_EPOCH: "1735689600", NODE_DISABLE_COMPILE_CACHE: "1" }, encoding: "utf8" });
  return {
    code: r.status,
    json: r.stdout.replaceAll(dir, "<out>"),
    modules: Number(/modules (\d+)$/.exec(r.stderr)?.[1]),
    xlsx: readFileSync(join(dir, "汇总.xlsx")),
    html: readFileSync(join(dir, "汇总.html"), "utf8"),
  };
}

test("the one script writes what the modules write, loading a handful of files", async () => {
  if (!existsSync(modules)) throw new Error("lib/ not compiled: run npm run prepare");
  const dir = mkdtempSync(join(tmpdir(), "huishen-one-script-"));
  const bundle = join(dir, "huishen-cli.js");
  execFileSync(process.execPath, [join(root, "scripts", "bundle-cli.js"), bundle]);
  const files = [join(dir, "荣昌区.xlsx"), join(dir, "渝中区.xlsx")];
  await writeWorkbookFile(await buildReportsWorkbook([rongchang2024]), files[0]);
  await writeWorkbookFile(await buildReportsWorkbook([yuzhong2023]), files[1]);

  const viaModules = consolidate(modules, files, join(dir, "modules"));
  const viaScript = consolidate(bundle, files, join(dir, "script"));
  expect(viaModules.code).toBe(1); // the reports' own rate findings
  expect(JSON.parse(viaModules.json)).toMatchObject({ districts: expect.arrayContaining([expect.objectContaining({ name: "荣昌区" })]) });
  expect(viaScript.code).toBe(viaModules.code);
  expect(viaScript.json).toBe(viaModules.json);
  expect(viaScript.html).toBe(viaModules.html);
  expect(viaScript.xlsx.equals(viaModules.xlsx)).toBe(true);
  expect(viaModules.modules).toBeGreaterThan(300);
  expect(viaScript.modules).toBeLessThan(10);
});
