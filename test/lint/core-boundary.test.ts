import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "../..");

/** Lint a piece of code as if it were a file at `filePath`, with the project's own config. */
function lint(code: string, filePath: string): string[] {
  const r = spawnSync(process.execPath, [join(root, "node_modules/eslint/bin/eslint.js"), "--stdin", "--stdin-filename", filePath, "--format", "json"], {
    cwd: root,
    input: code,
    encoding: "utf8",
  });
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("the pure core boundary (eslint)", () => {
  it.each([
    ['import ExcelJS from "exceljs";'],
    ['import type { Workbook } from "exceljs";'],
    ['import { useState } from "react";'],
    ['import { Button } from "@fluentui/react-components";'],
    ['import { readFileSync } from "node:fs";'],
    ['import * as path from "path";'],
  ])("rejects %s in src/core", (line) => {
    expect(lint(`${line}\nexport const x = 1;\n`, "src/core/probe.ts").join("\n")).toMatch(/no-restricted-imports: .*src\/core is pure/);
  });

  it("rejects the Office and Excel globals in src/core", () => {
    const messages = lint("export const run = () => Excel.run(async () => Office.context);\n", "src/core/probe.ts");
    expect(messages.filter((m) => m.startsWith("no-restricted-globals"))).toHaveLength(2);
  });

  it("rejects eval and new Function anywhere in src", () => {
    const messages = lint('export const f = () => eval("1+1");\nexport const g = new Function("return 1");\n', "src/cli/probe.ts");
    expect(messages.some((m) => m.startsWith("no-eval"))).toBe(true);
    expect(messages.some((m) => m.startsWith("no-new-func"))).toBe(true);
  });

  it("allows the same imports in adapters", () => {
    expect(lint('import ExcelJS from "exceljs";\nexport const wb = new ExcelJS.Workbook();\n', "src/adapters/xlsx/probe.ts")).toEqual([]);
  });
});

describe("the layers, by path (eslint)", () => {
  const restricted = (messages: string[]) => messages.filter((m) => m.startsWith("@typescript-eslint/no-restricted-imports"));

  it.each([
    ['import { applyPlan } from "../adapters/xlsx";', "src/core/probe.ts"],
    ['import { openWorkbook } from "../../adapters/xlsx/read";', "src/core/sheet/probe.ts"],
    ['import { main } from "../cli/main";', "src/core/probe.ts"],
    ['import { t } from "../taskpane/i18n";', "src/core/probe.ts"],
  ])("the core imports no other layer: %s", (line, file) => {
    expect(restricted(lint(`${line}\nexport const x = 1;\n`, file)).join("\n")).toMatch(/src\/core imports no other layer/);
  });

  it.each([
    ['import { applyPlan } from "../xlsx/apply";', "src/adapters/office/probe.ts"],
    ['import { readWorkbook } from "../office/read";', "src/adapters/xlsx/probe.ts"],
    ['import { main } from "../../cli/main";', "src/adapters/xlsx/probe.ts"],
    ['import { t } from "../../taskpane/i18n";', "src/adapters/office/probe.ts"],
  ])("an adapter imports only the core: %s", (line, file) => {
    expect(restricted(lint(`${line}\nexport const x = 1;\n`, file)).join("\n")).toMatch(/An adapter imports only the core/);
  });

  it("the CLI does not import the pane, and the pane does not import the CLI", () => {
    expect(restricted(lint('import { t } from "../taskpane/i18n";\nexport const x = t;\n', "src/cli/probe.ts")).join()).toMatch(/The CLI does not import the pane/);
    expect(restricted(lint('import { main } from "../cli/main";\nexport const x = main;\n', "src/taskpane/probe.ts")).join()).toMatch(/do not import the CLI/);
  });

  it.each([
    ['import { createOfficeHost } from "../adapters/office/office-host";', "src/workbench/probe.ts"],
    ['import { main } from "../../cli/main";', "src/workbench/engine/probe.ts"],
  ])("the workbench stays off Office.js and the CLI: %s", (line, file) => {
    expect(restricted(lint(`${line}\nexport const x = 1;\n`, file)).join("\n")).toMatch(/The workbench uses the pane's sections/);
  });

  it("the pane does not import the workbench that hosts it", () => {
    expect(restricted(lint('import { FileHost } from "../workbench/file-host";\nexport const x = FileHost;\n', "src/taskpane/probe.ts")).join()).toMatch(/do not import the CLI or the workbench/);
  });

  it("each layer may import what sits below it", () => {
    expect(lint('import { parseAddress } from "../../core/grid";\nexport const x = parseAddress;\n', "src/adapters/office/probe.ts")).toEqual([]);
    expect(lint('import { toBuffer } from "../adapters/xlsx";\nimport { parseAddress } from "../core/grid";\nexport const x = [toBuffer, parseAddress];\n', "src/cli/probe.ts")).toEqual([]);
    expect(lint('import { runValidate } from "./commands/validate";\nexport const x = runValidate;\n', "src/cli/probe.ts")).toEqual([]);
    expect(lint('import { createOfficeHost } from "../adapters/office/office-host";\nexport const x = createOfficeHost;\n', "src/taskpane/probe.ts")).toEqual([]);
    expect(lint('import { PaneSections } from "../taskpane/PaneSections";\nimport { toBuffer } from "../adapters/xlsx";\nexport const x = [PaneSections, toBuffer];\n', "src/workbench/probe.tsx")).toEqual([]);
  });
});
