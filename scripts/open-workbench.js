#!/usr/bin/env node
// `npm start` where there is no desktop Excel to sideload into (Linux), or `npm start -- --workbench`:
// build the offline workbench page if it is missing or older than the sources, then open it in the
// default browser — or print its path when no browser can be opened (a server, a bare terminal).
"use strict";

const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");

const ROOT = path.join(__dirname, "..");
const PAGE = path.join(ROOT, "dist", "workbench.html");
const SOURCES = [path.join(ROOT, "src"), path.join(ROOT, "webpack.config.js")];

function newestMtime(p) {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((newest, name) => Math.max(newest, newestMtime(path.join(p, name))), stat.mtimeMs);
}

/** True when dist/workbench.html is missing or older than a source file. */
function workbenchIsStale(page = PAGE, sources = SOURCES) {
  if (!fs.existsSync(page)) return true;
  const built = fs.statSync(page).mtimeMs;
  return sources.some((s) => fs.existsSync(s) && newestMtime(s) > built);
}

/** The command that opens a file in the desktop's default application, per platform. */
function openerFor(platform) {
  // rundll32 rather than `cmd /c start`: no shell quoting, and it exits 0 when it handed the file over.
  if (platform === "win32") return { command: "rundll32", args: (target) => ["url.dll,FileProtocolHandler", target] };
  if (platform === "darwin") return { command: "open", args: (target) => [target] };
  return { command: "xdg-open", args: (target) => [target] };
}

/** Resolves to the child's exit code, or -1 when it could not be started (not installed). */
function run(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, options);
    child.on("error", () => resolve(-1));
    child.on("exit", (code) => resolve(code === null ? 1 : code));
  });
}

function buildProduction() {
  return run(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
}

function openInBrowser(target, platform = process.platform) {
  const opener = openerFor(platform);
  return run(opener.command, opener.args(target), { stdio: "ignore", detached: platform !== "win32" });
}

/**
 * Build if needed, then open. `deps` lets the test replace the build, the browser and the output.
 * Resolves to the exit code: 0 opened or path printed, 1 the build failed.
 */
async function openWorkbench(deps = {}) {
  const { stale = workbenchIsStale, build = buildProduction, open = openInBrowser, out = (t) => process.stdout.write(t), page = PAGE } = deps;
  if (stale()) {
    out("正在构建汇审工作台（约一分钟）… Building the Huishen workbench (about a minute)…\n");
    const code = await build();
    if (code !== 0 || !fs.existsSync(page)) {
      out("构建失败，请查看上面的错误信息。The build failed; see the errors above.\n");
      return 1;
    }
  }
  const url = pathToFileURL(page).href;
  const opened = await open(url);
  if (opened === 0) {
    out(`已在浏览器中打开汇审工作台 Opened the Huishen workbench in your browser:\n  ${url}\n`);
  } else {
    out(`无法自动打开浏览器，请在浏览器中打开 Open this in a browser:\n  ${url}\n`);
  }
  out("工作台不连网、不上传：也可以把 dist/ 文件夹复制到任何电脑或内网服务器上使用。The page needs no network; copy dist/ anywhere.\n");
  return 0;
}

if (require.main === module) {
  openWorkbench().then((code) => {
    process.exitCode = code;
  });
}

module.exports = { openWorkbench, workbenchIsStale, openerFor, PAGE };
