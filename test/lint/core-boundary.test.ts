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
