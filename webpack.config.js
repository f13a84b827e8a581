// Builds the task pane (React + Fluent UI), the function-commands page and the offline workbench into dist/.
// `npm run build`       production bundle; set HUISHEN_URL=https://host/path/ to rewrite the manifest's URLs.
// `npm run dev-server`  https://localhost:3000 with Office dev certificates (generated on first use).
// Office.js itself is not bundled: the add-in's HTML pages load it from Microsoft's CDN.
// ExcelJS (district files read in the pane) is its browser build — package.json's "browser" field,
// dist/exceljs.min.js — in a chunk of its own, loaded on the first file a person picks.
//
// The workbench (dist/workbench.html) must work opened from disk with no network: its engine runs in a
// Web Worker, and a worker cannot be loaded from a file:// URL, so the worker is built first as one
// script (build/workbench/engine-worker.js) and bundled into the page as text, started from a Blob.
// The workbench is built on its own as one script (its sections and readers inlined: it loads from disk, so
// splitting buys nothing) lowered to ES2019 (esbuild) for the older Chromium builds on 统信 UOS and 麒麟.
"use strict";

const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

/** The production base URL from HUISHEN_URL, normalised to end in "/", or undefined when unset. */
function productionUrl() {
  const raw = (process.env.HUISHEN_URL || "").trim();
  if (!raw) return undefined;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`HUISHEN_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:") throw new Error(`HUISHEN_URL must be https (Office loads add-ins over https only): ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Dev certificates, loaded only when the dev server runs (they may need sudo; a build never needs them). */
async function devHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

const WORKER_DIR = path.resolve(__dirname, "build", "workbench");
const WORKER_FILE = path.join(WORKER_DIR, "engine-worker.js");

// The xlsx adapter takes ExcelJS's Workbook class and value types from their own modules, so Node does not
// load the package's streaming reader and writer (src/adapters/xlsx/exceljs.ts); in the browser both are
// members of the one-file browser build (where package.json's "browser" field points "exceljs").
const EXCELJS_BROWSER = "exceljs/dist/exceljs.min.js";
const EXCELJS_MODULES = { "exceljs/lib/doc/workbook$": EXCELJS_BROWSER, "exceljs/lib/doc/enums$": EXCELJS_BROWSER };

/**
 * Production minifiers (webpack's own minimizer plugin): terser for the add-in's scripts; esbuild for
 * the workbench's, which also lowers their syntax to ES2019 (optional chaining, class fields…) — bytes
 * the add-in's pane, in Office's current webviews, need not pay.
 */
const addInMinimizers = () => [new MinimizerPlugin({ test: /\.js$/i, minify: MinimizerPlugin.terserMinify, minimizerOptions: { compress: { passes: 2 } } })];
const es2019Minimizers = () => [new MinimizerPlugin({ test: /\.js$/i, minify: MinimizerPlugin.esbuildMinify, minimizerOptions: { target: "es2019", charset: "utf8", legalComments: "none" } })];

const tsRule = (production) => ({
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: {
      // Type checking is `npm run typecheck`; here ES modules stay ES modules so webpack can tree-shake.
      transpileOnly: true,
      compilerOptions: { module: "esnext", sourceMap: !production },
    },
  },
});

/** The workbench's engine worker: one self-contained script, no chunks to load (it runs from a Blob). */
function workerConfig(production) {
  return {
    name: "engine-worker",
    mode: production ? "production" : "development",
    devtool: false,
    target: "webworker",
    entry: { "engine-worker": "./src/workbench/engine/worker.ts" },
    output: { path: WORKER_DIR, filename: "[name].js", clean: true, chunkLoading: false, asyncChunks: false },
    resolve: { extensions: [".ts", ".tsx", ".js"], alias: EXCELJS_MODULES },
    module: { rules: [tsRule(production)] },
    optimization: { splitChunks: false, minimizer: es2019Minimizers() },
    plugins: [
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
    ],
    performance: { hints: false },
  };
}

/**
 * The offline workbench page: one script with everything the page can load (a chunk loaded later would
 * escape the ES2019 lowering and gains nothing from disk), the worker's script bundled in as text.
 * Built after the add-in's pages, which clean dist/ first.
 */
function workbenchConfig(production) {
  return {
    name: "workbench",
    dependencies: ["pages", "engine-worker"],
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: { workbench: "./src/workbench/index.tsx" },
    output: { path: path.resolve(__dirname, "dist"), filename: production ? "[name].[contenthash].js" : "[name].js", clean: false, asyncChunks: false },
    resolve: { extensions: [".ts", ".tsx", ".js"], alias: { ...EXCELJS_MODULES, "huishen-engine-worker$": WORKER_FILE } },
    module: { rules: [tsRule(production), { test: (file) => file === WORKER_FILE, type: "asset/source" }] },
    optimization: { splitChunks: false, minimizer: es2019Minimizers() },
    plugins: [
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new HtmlWebpackPlugin({ filename: "workbench.html", template: "./src/workbench/workbench.html", chunks: ["workbench"] }),
    ],
    // It loads from disk, whole: no size budget.
    performance: { hints: false },
  };
}

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const prodUrl = production ? productionUrl() : undefined;
  const serving = Boolean(env && env.WEBPACK_SERVE);

  /** @type {import("webpack").Configuration & { devServer?: import("webpack-dev-server").Configuration }} */
  const config = {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    name: "pages",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash].js" : "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      alias: EXCELJS_MODULES,
    },
    module: {
      rules: [tsRule(production)],
    },
    optimization: { minimizer: addInMinimizers() },
    plugins: [
      // readWorkbookBuffer hands ExcelJS a Node Buffer; in the pane that is the `buffer` package's.
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return prodUrl ? content.toString().split(DEV_URL).join(prodUrl) : content;
            },
          },
        ],
      }),
    ],
    performance: {
      // React + Fluent UI v9 is a few hundred KiB minified (~100 KiB gzipped); warn only well above that.
      hints: production ? "warning" : false,
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
      assetFilter: (file) => file.endsWith(".js"),
    },
    devServer: {
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await devHttpsOptions() } : "https",
      // The pages' build reads the worker's script from disk (see WORKER_FILE).
      devMiddleware: { writeToDisk: (file) => file.startsWith(WORKER_DIR) },
    },
  };
  return [config, workerConfig(production), workbenchConfig(production)];
};
