#!/usr/bin/env node
// The command line as one script, lib/huishen-cli.js (or the file named), made from what
// `tsc -p tsconfig.node.json` compiled into lib/ (`npm run prepare`, which `npm ci` runs). Node then reads,
// resolves and compiles one file where it took ~410 modules, ExcelJS's included: about 130 ms of a
// 38-file consolidation started on its own (`npm run bench`). bin/huishen.js runs it unless lib/ was
// compiled after it. pdf.js and mammoth, which only `extract` loads, stay modules of their own.
"use strict";

const fs = require("fs");
const path = require("path");
const esbuild = require("esbuild");

const root = path.join(__dirname, "..");
const outfile = path.resolve(process.argv[2] || path.join(root, "lib", "huishen-cli.js"));
const [out] = esbuild.buildSync({
  entryPoints: [path.join(root, "lib", "src", "cli", "main.js")],
  outfile,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["mammoth", "pdfjs-dist"],
  logLevel: "warning",
  write: false,
}).outputFiles;
// Renamed into place whole: a command started meanwhile reads the old script or the new one, never half of one.
const temporary = `${outfile}.${process.pid}.tmp`;
fs.writeFileSync(temporary, out.contents);
fs.renameSync(temporary, outfile);
