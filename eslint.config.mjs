import tseslint from "typescript-eslint";

// Packages the pure core must never touch, type imports included (no loophole).
const hostPackages = [
  "exceljs", "react", "react-dom", "react/*", "@fluentui/*", "office-addin-*", "@microsoft/office-js",
  "node:*", "fs", "fs/*", "path", "os", "child_process", "crypto", "stream", "util", "url", "zlib", "http", "https", "events", "buffer",
];

// Layers, by path: the core imports no other layer; an adapter imports only the core; the CLI, the
// pane and the ribbon commands sit on top and never import each other; the workbench sits on the
// pane's sections and the file adapter, never on Office.js or the CLI.
const layers = {
  core: ["**/adapters", "**/adapters/**", "**/cli", "**/cli/**", "**/taskpane", "**/taskpane/**", "**/workbench", "**/workbench/**", "**/commands/**", "**/bench/**", "**/test/**"],
  adapters: ["**/cli", "**/cli/**", "**/taskpane", "**/taskpane/**", "**/workbench", "**/workbench/**", "**/commands/**", "../office", "../office/**", "../xlsx", "../xlsx/**"],
  // The ribbon's commands (src/commands), not the CLI's own (src/cli/commands).
  cli: ["**/taskpane", "**/taskpane/**", "**/workbench", "**/workbench/**", "../commands", "../commands/**", "../../commands", "../../commands/**"],
  taskpane: ["**/cli", "**/cli/**", "**/workbench", "**/workbench/**"],
  workbench: ["**/cli", "**/cli/**", "**/adapters/office", "**/adapters/office/**", "**/commands/**"],
};
const zone = (files, group, message) => ({
  files,
  rules: { "no-restricted-imports": "off", "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group, message }] }] },
});

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "lib/", "coverage/", "test-artifacts/", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "no-eval": "error",
      "no-new-func": "error",
      "no-implied-eval": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: hostPackages, message: "src/core is pure: no Office.js, ExcelJS, React or Node built-ins (README: 代码结构 Layout)." },
            { group: layers.core, message: "src/core imports no other layer (adapters, CLI, pane, commands)." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Office", message: "src/core must not use Office.js." },
        { name: "Excel", message: "src/core must not use Office.js." },
        { name: "process", message: "src/core must not use Node globals." },
        { name: "require", message: "src/core must not load modules at run time." },
      ],
    },
  },
  zone(["src/adapters/**/*.ts"], layers.adapters, "An adapter imports only the core, never another adapter or a door (CLI, pane, commands)."),
  zone(["src/cli/**/*.ts"], layers.cli, "The CLI does not import the pane or the ribbon commands."),
  zone(["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx", "src/commands/**/*.ts"], layers.taskpane, "The pane and the ribbon commands do not import the CLI or the workbench (they share the core and the adapters)."),
  zone(["src/workbench/**/*.ts", "src/workbench/**/*.tsx"], layers.workbench, "The workbench uses the pane's sections and the file adapter, never Office.js or the CLI."),
);
