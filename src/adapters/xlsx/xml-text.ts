/**
 * ExcelJS 4.4's own XML helpers, for the command line's rendering of worksheets (`render-worksheets.ts`
 * and the parts it renders itself): text is escaped and dates counted exactly as ExcelJS does. Node only.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS's internals, not in its typings */
const utils = require("exceljs/lib/utils/utils") as { xmlEncode(text: string): string; dateToExcel(d: Date, date1904?: boolean): number };
/** ExcelJS's XML writer (`XmlStream`), as far as the renderers use it. */
export const XmlStream = require("exceljs/lib/utils/xml-stream") as new () => XmlStreamLike;
/* eslint-enable @typescript-eslint/no-require-imports */

export interface XmlStreamLike {
  /** Appends XML as it is (closing an opened tag first, as ExcelJS's own nodes do). */
  writeXml(xml: string): void;
  /** Everything written, every tag closed. */
  readonly xml: string;
}

/** Text as ExcelJS escapes it: the five XML entities, and characters XML cannot hold dropped. */
export const xmlEncode = utils.xmlEncode;

/** A date as Excel's serial number, from 1900 or from 1904. */
export const dateToExcel = utils.dateToExcel;

/** An attribute as ExcelJS writes it: the value as text, escaped (a number's text never needs it). */
export function attr(name: string, value: unknown): string {
  return typeof value === "number" ? ` ${name}="${value}"` : ` ${name}="${xmlEncode(String(value))}"`;
}
