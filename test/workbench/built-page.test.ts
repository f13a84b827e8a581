/**
 * The built workbench page as it ships: every script it loads (and the worker's, bundled into it)
 * parses as ES2019, for the older Chromium builds of 统信 UOS and 麒麟; its Content-Security-Policy
 * forbids connections; it names no address off the machine.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "acorn";
import { DIST, ROOT, ensurePaneBuilt } from "../browser/harness";

jest.setTimeout(300_000);

const html = () => fs.readFileSync(path.join(DIST, "workbench.html"), "utf8");

describe("dist/workbench.html", () => {
  beforeAll(() => ensurePaneBuilt());

  it("loads only scripts beside it, each ES2019, and so is the worker's", () => {
    const scripts = [...html().matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual([expect.stringMatching(/^workbench\.[0-9a-f]+\.js$/)]);
    const files = [...scripts.map((s) => path.join(DIST, s)), path.join(ROOT, "build", "workbench", "engine-worker.js")];
    for (const file of files) {
      const code = fs.readFileSync(file, "utf8");
      expect(() => parse(code, { ecmaVersion: 2019, sourceType: "script" })).not.toThrow();
    }
    // Nothing is fetched later: a chunk would escape the ES2019 lowering (the pane's chunks are not lowered).
    const page = fs.readFileSync(path.join(DIST, scripts[0]), "utf8");
    const chunks = fs.readdirSync(DIST).filter((f) => f.endsWith(".js") && f !== scripts[0]);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.filter((f) => page.includes(f.replace(/\.js$/, "")))).toEqual([]);
    // A script with ES2020 syntax is refused by the same check (it can fail).
    expect(() => parse("const a = b?.c ?? 1;", { ecmaVersion: 2019, sourceType: "script" })).toThrow();
  });

  it("forbids connections and names no address off the machine", () => {
    const page = html();
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? "";
    const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get("connect-src")).toEqual(["'none'"]);
    expect(directives.get("default-src")).toEqual(["'none'"]);
    expect(directives.get("script-src")).toEqual(["'self'", "file:"]);
    expect(directives.get("worker-src")).toEqual(["blob:"]);
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
