import tseslint from "typescript-eslint";

// Packages the pure core must never touch, type imports included (no loophole).
const hostPackages = [
  "exceljs", "react", "react-dom", "react/*", "@fluentui/*", "office-addin-*", "@microsoft/office-js",
  "node:*", "fs", "fs/*", "path", "os", "child_process", "crypto", "stream", "util", "url", "zlib", "http", "https", "events", "buffer",
];

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
        { patterns: [{ group: hostPackages, message: "src/core is pure: no Office.js, ExcelJS, React or Node built-ins (see docs: architecture)." }] },
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
);
