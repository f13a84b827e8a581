/**
 * The stand-in for office.js in the browser test: the page's
 * `<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js">` is answered with this
 * file, bundled (see webpack.stub.config.js). It installs the in-memory Excel of
 * test/office-fake/excel-fake.ts on `window` (which defines `Excel` and `Office`, `Office.onReady`
 * resolving with host Excel) and exposes the fake as `window.__fake` for the test to inspect and
 * to type values into.
 *
 * The ExcelApi version comes from `window.__HUISHEN_STUB__` (set by the test with
 * `page.addInitScript`), else from `?api=1.7` or `#api=1.7` in the page's address, else 1.18;
 * the workbook too (default: one empty Sheet1).
 */
import { installFakeExcel, type FakeExcel, type FakeWorkbookInit } from "../office-fake/excel-fake";

export interface StubConfig {
  readonly apiVersion?: string;
  readonly displayLanguage?: string;
  /** The workbook the pane opens on (default: one empty Sheet1). */
  readonly workbook?: FakeWorkbookInit;
}

declare global {
  interface Window {
    __HUISHEN_STUB__?: StubConfig;
    __fake?: FakeExcel;
  }
}

function fromAddress(): string | undefined {
  const query = new URLSearchParams(window.location.search).get("api");
  const hash = new URLSearchParams(window.location.hash.replace(/^#/, "")).get("api");
  return query ?? hash ?? undefined;
}

const config = window.__HUISHEN_STUB__ ?? {};
const fake = installFakeExcel(window, {
  apiVersion: config.apiVersion ?? fromAddress() ?? "1.18",
  displayLanguage: config.displayLanguage ?? "zh-CN",
  workbook: config.workbook ?? { sheets: [{ name: "Sheet1" }] },
});

// The fake defines Office.onReady; make sure the pane never waits on a missing one.
const office = (window as unknown as { Office: { onReady?: unknown } }).Office;
if (typeof office.onReady !== "function") {
  office.onReady = (cb?: (info: { host: string; platform: string }) => void) => {
    const info = { host: "Excel", platform: "OfficeOnline" };
    cb?.(info);
    return Promise.resolve(info);
  };
}

window.__fake = fake;
