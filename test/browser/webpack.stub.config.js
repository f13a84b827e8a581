// Bundles test/browser/stub-entry.ts (the fake Excel as a stand-in for office.js) into one
// classic script for the browser test. Used by harness.ts:
//   node node_modules/webpack/bin/webpack.js --config test/browser/webpack.stub.config.js --env out=<dir>
"use strict";

const path = require("path");

module.exports = (env = {}) => ({
  mode: "development",
  devtool: false,
  target: "web",
  context: path.resolve(__dirname, "../.."),
  entry: { "office-stub": "./test/browser/stub-entry.ts" },
  output: {
    path: path.resolve(env.out || path.resolve(__dirname, "../../test-artifacts/browser")),
    filename: "[name].js",
    iife: true,
  },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: false } } },
      },
    ],
  },
  performance: { hints: false },
  stats: "errors-warnings",
});
