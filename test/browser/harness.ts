/**
 * What the browser test of the task pane needs around it: the built pane (dist/), the fake Excel
 * bundled as a stand-in for office.js, a plain-http server over dist/ on 127.0.0.1, and Debian's
 * chromium driven by playwright-core with no network leaving the machine. Why so: playwright-core
 * downloads no browser, `launch()` rejects a user-data dir in its args (hence a persistent context in a
 * fresh directory), and `webpack serve`'s certificates need sudo on Linux (hence plain http over dist/).
 */
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import type { StubConfig } from "./stub-entry";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");
export const SCREENSHOTS = path.join(ARTIFACTS, "screenshots");
export const DOC_SCREENSHOTS = path.join(ROOT, "docs", "screenshots");

/** The office.js the pane's HTML loads from Microsoft's CDN; answered with the stub. */
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const WEBPACK = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");

// ---------------------------------------------------------------------------------------------
// Chromium

export const CHROMIUM_PATH = process.env.HUISHEN_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--font-render-hinting=none",
];

export const CHROMIUM_HINT = `Chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` (Debian/Ubuntu), or point HUISHEN_CHROMIUM at a Chromium binary.`;

export function chromiumAvailable(): boolean {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Building

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** The pages one build writes: the add-in's pane and the offline workbench. */
const BUILT_PAGES = ["taskpane.html", "workbench.html"].map((f) => path.join(DIST, f));

/** True when a built page is missing or older than a file in src/ (or the webpack config). */
export function paneIsStale(): boolean {
  if (!BUILT_PAGES.every((f) => fs.existsSync(f))) return true;
  const built = Math.min(...BUILT_PAGES.map((f) => fs.statSync(f).mtimeMs));
  const sources = Math.max(newestMtime(path.join(ROOT, "src")), fs.statSync(path.join(ROOT, "webpack.config.js")).mtimeMs);
  return sources > built;
}

const BUILD_LOCK = path.join(ROOT, "test-artifacts", ".pane-build.lock");

function lockAgeMs(): number {
  try {
    return Date.now() - fs.statSync(BUILD_LOCK).mtimeMs;
  } catch {
    return 0; // released meanwhile
  }
}

/** Block this thread for `ms` (the build is synchronous; so is waiting for another test file's build). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Build the pane into dist/ (production) when it is missing or stale. Synchronous; CI builds before tests anyway.
 * Browser test files run in parallel: one builds (holding a lock directory), the others wait for it.
 */
export function ensurePaneBuilt(): void {
  if (!paneIsStale()) return;
  fs.mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  for (let waited = 0; ; waited += 500) {
    try {
      fs.mkdirSync(BUILD_LOCK);
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== "EEXIST") throw e;
      // A lock older than 10 minutes is left over from a killed run.
      if (waited > 600_000 || lockAgeMs() > 600_000) fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
      sleepSync(500);
      if (!paneIsStale()) return;
    }
  }
  try {
    if (paneIsStale()) buildPane();
  } finally {
    fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

function buildPane(): void {
  execFileSync(process.execPath, [WEBPACK, "--mode", "production"], { cwd: ROOT, stdio: "pipe", env: { ...process.env, HUISHEN_URL: "" } });
  const now = new Date();
  for (const html of BUILT_PAGES) {
    if (!fs.existsSync(html)) throw new Error(`webpack ran but wrote no ${path.relative(ROOT, html)}`);
    // webpack does not rewrite an output whose content is unchanged: mark the build as current.
    fs.utimesSync(html, now, now);
  }
}

/** Bundle test/browser/stub-entry.ts (the fake Excel) into `outDir`/office-stub.js; returns the script. */
export async function buildStub(outDir: string): Promise<string> {
  fs.mkdirSync(outDir, { recursive: true });
  const config = path.join(__dirname, "webpack.stub.config.js");
  await promisify(execFile)(process.execPath, [WEBPACK, "--config", config, "--env", `out=${outDir}`], { cwd: ROOT });
  return fs.readFileSync(path.join(outDir, "office-stub.js"), "utf8");
}

// ---------------------------------------------------------------------------------------------
// Serving dist/

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** A static file server over `root` on 127.0.0.1, on a free port. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.resolve(base, `.${pathname === "/" ? "/taskpane.html" : pathname}`);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
      return;
    }
    if (pathname === "/favicon.ico") {
      // Chromium asks for one; the add-in has none (Office shows the manifest's icons).
      res.writeHead(204).end();
      return;
    }
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    if (req.method === "HEAD") res.end();
    else fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The browser

export interface Browser {
  readonly context: BrowserContext;
  readonly userDataDir: string;
  /** Requests that would have left the machine (aborted), as URLs. */
  readonly blocked: string[];
  close(): Promise<void>;
}

/**
 * Chromium with a fresh profile, the pane's width (320 px, Excel's default task pane) and every
 * request routed: office.js from the CDN is answered with `stub`, 127.0.0.1 passes, anything else
 * is aborted and recorded.
 */
export async function launchBrowser(stub: string, allowedOrigin: string): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "huishen-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 320, height: 900 },
    deviceScaleFactor: 2,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    serviceWorkers: "block",
  });
  const blocked: string[] = [];
  await context.route(
    () => true,
    (route) => {
      const url = route.request().url();
      if (url.split(/[?#]/)[0] === OFFICE_JS_CDN) return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: stub });
      if (url.startsWith(`${allowedOrigin}/`)) return route.continue();
      blocked.push(url);
      return route.abort("blockedbyclient");
    },
  );
  return {
    context,
    userDataDir,
    blocked,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface PaneErrors {
  /** Uncaught exceptions in the page. */
  readonly uncaught: string[];
  /** `console.error` messages. */
  readonly console: string[];
}

/** A new page running the task pane over a fake Excel with `stub`'s ExcelApi version; collects errors. */
export async function openPane(browser: Browser, origin: string, stub: StubConfig): Promise<{ page: Page; errors: PaneErrors }> {
  const page = await browser.context.newPage();
  const errors: PaneErrors = { uncaught: [], console: [] };
  page.on("pageerror", (e) => errors.uncaught.push(`${e.name}: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.console.push(m.text());
  });
  await page.addInitScript((config: StubConfig) => {
    (window as unknown as { __HUISHEN_STUB__: StubConfig }).__HUISHEN_STUB__ = config;
  }, stub);
  await page.goto(`${origin}/taskpane.html`, { waitUntil: "load" });
  return { page, errors };
}

/**
 * Save a screenshot into test-artifacts/screenshots/ and, when `publish`, copy it to docs/screenshots/.
 * The whole page, or only `element` (e.g. the 校验 section with its findings).
 */
export async function screenshot(page: Page, name: string, publish: boolean, element?: Locator): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  // No section still loading its script (a spinner where the section belongs), and no hover effect
  // from wherever the last click left the mouse.
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  await page.mouse.move(0, 0);
  const options = { path: file, fullPage: true, animations: "disabled", caret: "hide" } as const;
  const box = element ? await element.boundingBox() : null;
  if (element && !box) throw new Error(`screenshot ${name}: the element is not visible`);
  if (box) {
    // The element across the pane's full width, with a margin above and below; page coordinates.
    const scroll = await page.evaluate(() => window.scrollY);
    const width = page.viewportSize()?.width ?? 320;
    const top = Math.max(0, box.y + scroll - 12);
    await page.screenshot({ ...options, clip: { x: 0, y: top, width, height: box.height + 24 } });
  } else {
    await page.screenshot(options);
  }
  if (publish) {
    fs.mkdirSync(DOC_SCREENSHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(DOC_SCREENSHOTS, name));
  }
  return file;
}

// ---------------------------------------------------------------------------------------------
// A test file's suite

/** Opens the task pane on a new page over a fake Excel with the stub's ExcelApi version and workbook. */
export type OpenPane = (stub: StubConfig) => Promise<{ page: Page; errors: PaneErrors }>;

/**
 * A browser test file's `describe`: one chromium and one server over dist/ for its tests (the fake Excel
 * bundled into test-artifacts/`stubDir`/), and after each test nothing may have left the machine
 * (only 127.0.0.1 and the stubbed office.js are answered). `tests` opens pages with the `OpenPane` it
 * is given. Without chromium: skipped locally (with a warning naming `what`, the thing tested), a failure on CI.
 */
export function describeInChromium(title: string, what: string, stubDir: string, tests: (open: OpenPane) => void): void {
  const hasChromium = chromiumAvailable();
  const onCi = process.env.CI === "true";
  if (!hasChromium && !onCi) console.warn(`Skipping the browser test of ${what}. ${CHROMIUM_HINT}`);
  const suite = hasChromium || onCi ? describe : describe.skip;

  suite(title, () => {
    let server: StaticServer | undefined;
    let browser: Browser | undefined;

    beforeAll(async () => {
      if (!hasChromium) throw new Error(`CI=true but the browser test cannot run. ${CHROMIUM_HINT}`);
      ensurePaneBuilt();
      const stub = await buildStub(path.join(ARTIFACTS, stubDir));
      server = await serveStatic(DIST);
      browser = await launchBrowser(stub, server.origin);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    afterEach(() => {
      expect(browser?.blocked ?? []).toEqual([]);
    });

    tests((stub) => openPane(browser!, server!.origin, stub));
  });
}

/** No uncaught exception and no `console.error` in the page. */
export function expectNoErrors(errors: PaneErrors): void {
  expect(errors.uncaught).toEqual([]);
  expect(errors.console).toEqual([]);
}
