// Builds the task pane (React + Fluent UI) and the function-commands page into dist/.
// `npm run build`       production bundle; set HUISHEN_URL=https://host/path/ to rewrite the manifest's URLs.
// `npm run dev-server`  https://localhost:3000 with Office dev certificates (generated on first use).
// Office.js itself is not bundled: the HTML pages load it from Microsoft's CDN.
// ExcelJS (district files read in the pane) is its browser build — package.json's "browser" field,
// dist/exceljs.min.js — in a chunk of its own, loaded on the first file a person picks.
"use strict";

const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

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

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const prodUrl = production ? productionUrl() : undefined;
  const serving = Boolean(env && env.WEBPACK_SERVE);

  /** @type {import("webpack").Configuration & { devServer?: import("webpack-dev-server").Configuration }} */
  const config = {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
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
    },
    module: {
      rules: [
        {
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
        },
      ],
    },
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
    },
    devServer: {
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await devHttpsOptions() } : "https",
    },
  };
  return config;
};
