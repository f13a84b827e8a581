/** @type {import('jest').Config} */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }];
const shared = {
  transform: { "^.+\\.tsx?$": tsJest },
  moduleNameMapper: {
    // office-addin-mock pulls office-addin-manifest, whose default entry is ES-module-only deep down.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};
module.exports = {
  // A hang guard, not a speed check: jest's 5 s default fails sound tests on a busy two-core machine.
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: "node", testEnvironment: "node", testMatch: ["<rootDir>/test/**/*.test.ts"] },
    { ...shared, displayName: "dom", testEnvironment: "jsdom", setupFiles: ["<rootDir>/test/setup-jsdom.ts"], testMatch: ["<rootDir>/test/**/*.test.tsx"] },
  ],
};
