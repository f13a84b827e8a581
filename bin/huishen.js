#!/usr/bin/env node
// Entry for `npx huishen`: runs the CLI compiled by `npm ci` (the prepare script).
"use strict";
const path = require("path");
const fs = require("fs");
const lib = path.join(__dirname, "..", "lib");
const entry = path.join(lib, "src", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("汇审 CLI 尚未编译：请先运行 npm ci（或 npm run prepare）。\nThe CLI is not compiled yet: run npm ci (or npm run prepare) first.\n");
  process.exit(2);
}
/**
 * The command as one script (scripts/bundle-cli.js; ~130 ms less to start) where it was made from what lib/
 * holds now; the compiled modules themselves where lib/ was compiled again after it (tsc alone).
 */
function current(bundle, modules) {
  try {
    return fs.statSync(bundle).mtimeMs >= fs.statSync(modules).mtimeMs ? bundle : modules;
  } catch {
    return modules;
  }
}
// Compiled modules kept between runs (see compile-cache.ts): never a reason for the command to fail.
try {
  require(path.join(lib, "src", "cli", "compile-cache.js")).installCompileCache();
} catch {
  // compiled as Node compiles them
}
require(current(path.join(lib, "huishen-cli.js"), entry)).main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
