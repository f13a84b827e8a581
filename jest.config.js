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
  projects: [
    { ...shared, displayName: "node", testEnvironment: "node", testMatch: ["<rootDir>/test/**/*.test.ts"] },
    { ...shared, displayName: "dom", testEnvironment: "jsdom", setupFiles: ["<rootDir>/test/setup-jsdom.ts"], testMatch: ["<rootDir>/test/**/*.test.tsx"] },
  ],
};
