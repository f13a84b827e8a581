#!/usr/bin/env node
// `npm start` / `npm stop`: sideload the add-in into desktop Excel (Windows, macOS); where there is no
// desktop Excel (Linux), or with `npm start -- --workbench`, open the offline workbench page instead
// and say how to sideload into Excel on the web.
//
// office-addin-debugging does the desktop sideloading on Windows and macOS. It is run through
// `npx` on purpose and kept out of package.json and the lock file: its dependency tree does not
// install on Linux (a package missing from the registry, a native module that downloads at install
// time), and `npm ci` must work everywhere. Its 7.x line matches the office-addin-* 3.x packages
// this project pins (office-addin-manifest, office-addin-dev-certs).
"use strict";

const { spawn } = require("child_process");
const path = require("path");
const { openWorkbench } = require("./open-workbench");

const DEBUGGING = "office-addin-debugging@7";
const MANIFEST = "manifest.xml";
const ROOT = path.join(__dirname, "..");

function linuxInstructions(command) {
  if (command === "stop") {
    return [
      "Linux 上没有可停止的桌面 Excel 旁加载；停止开发服务器请在运行 npm run dev-server 的终端按 Ctrl+C。",
      "There is no desktop Excel sideload to stop on Linux; stop the dev server with Ctrl+C in the terminal running npm run dev-server.",
      "",
    ].join("\n");
  }
  return [
    "Linux 上没有桌面版 Excel。要在 Excel 网页版中使用汇审加载项：",
    "  1. 运行 npm run dev-server（https://localhost:3000；首次运行会生成开发证书，可能需要 sudo；",
    "     浏览器须信任该证书：先在浏览器中打开 https://localhost:3000/taskpane.html 确认能正常显示）；",
    "  2. 在 Excel 网页版中打开一个工作簿，依次选择 插入 → 加载项 → 上传我的加载项；",
    `  3. 选择本目录中的 ${MANIFEST}，然后在“开始”选项卡的“汇审”组中单击“打开汇审”。`,
    "",
    "There is no desktop Excel on Linux. To use the Huishen add-in in Excel on the web:",
    "  1. Run npm run dev-server (https://localhost:3000; the first run creates dev certificates and may ask for",
    "     sudo; your browser must trust them: open https://localhost:3000/taskpane.html once and check it loads).",
    "  2. In Excel on the web, open a workbook and choose Insert → Add-ins → Upload My Add-in.",
    `  3. Pick ${MANIFEST} from this folder, then select Open Huishen in the Huishen group on the Home tab.`,
    "",
  ].join("\n");
}

function main(argv) {
  const command = argv[0];
  if (command !== "start" && command !== "stop") {
    process.stderr.write("用法 Usage: node scripts/sideload.js start [--workbench] | stop\n");
    return Promise.resolve(2);
  }

  const desktopExcel = process.platform === "win32" || process.platform === "darwin";
  if (command === "start" && (!desktopExcel || argv.includes("--workbench"))) {
    return openWorkbench().then((code) => {
      if (!desktopExcel) process.stdout.write(`\n${linuxInstructions(command)}`);
      return code;
    });
  }
  if (!desktopExcel) {
    process.stdout.write(linuxInstructions(command));
    return Promise.resolve(0);
  }

  const args = ["--yes", DEBUGGING, command, MANIFEST];
  if (command === "start") args.push("desktop", "--app", "excel");
  const windows = process.platform === "win32";
  return new Promise((resolve) => {
    // On Windows npx is a .cmd script, which Node only starts through a shell: pass one command line
    // (every part is a constant without spaces). Elsewhere run npx directly, without a shell.
    const child = windows
      ? spawn(`npx ${args.join(" ")}`, { cwd: ROOT, stdio: "inherit", shell: true })
      : spawn("npx", args, { cwd: ROOT, stdio: "inherit" });
    child.on("error", (err) => {
      process.stderr.write(`无法运行 npx Could not run npx: ${err.message}\n`);
      resolve(1);
    });
    child.on("exit", (code, signal) => {
      if (signal) process.stderr.write(`${DEBUGGING} 被信号终止 was stopped by ${signal}\n`);
      resolve(code === null ? 1 : code);
    });
  });
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

module.exports = { main, linuxInstructions };
