/**
 * What the adapter takes from ExcelJS at run time: the Workbook class and the cell value types, from
 * their own modules. In Node, the package's entry also loads its streaming reader and writer, which
 * Huishen never uses — about half of what starting a command costs. In the browser, webpack.config.js
 * maps both paths to the package's one-file browser build, whose namespace holds the same two.
 */
import type * as ExcelJS from "exceljs";

/* eslint-disable @typescript-eslint/no-require-imports -- a module path chosen per platform by the bundler */
const workbookModule = require("exceljs/lib/doc/workbook") as typeof ExcelJS.Workbook & { Workbook?: typeof ExcelJS.Workbook };
const enums = require("exceljs/lib/doc/enums") as { ValueType: typeof ExcelJS.ValueType };
/* eslint-enable @typescript-eslint/no-require-imports */

/** The module's export in Node, the namespace's member in the browser build. */
export const Workbook: typeof ExcelJS.Workbook = workbookModule.Workbook ?? workbookModule;
export const ValueType: typeof ExcelJS.ValueType = enums.ValueType;
