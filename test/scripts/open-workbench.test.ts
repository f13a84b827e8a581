/** `npm start` without desktop Excel: build the workbench when needed, open it, or print where it is. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// A plain CommonJS script (run by npm before anything is compiled).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { openWorkbench, workbenchIsStale, openerFor, PAGE } = require("../../scripts/open-workbench.js") as {
  openWorkbench: (deps: Record<string, unknown>) => Promise<number>;
  workbenchIsStale: (page: string, sources: string[]) => boolean;
  openerFor: (platform: string) => { command: string; args: (t: string) => string[] };
  PAGE: string;
};

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "huishen-start-"));
}

describe("npm start → the workbench", () => {
  it("builds a stale page, then opens its file:// address", async () => {
    const dir = tempDir();
    const page = path.join(dir, "workbench.html");
    const calls: string[] = [];
    let out = "";
    const code = await openWorkbench({
      stale: () => true,
      build: async () => {
        calls.push("build");
        fs.writeFileSync(page, "<html></html>");
        return 0;
      },
      open: async (url: string) => {
        calls.push(`open ${url}`);
        return 0;
      },
      out: (t: string) => void (out += t),
      page,
    });
    expect(code).toBe(0);
    expect(calls).toEqual(["build", `open file://${page}`]);
    expect(out).toContain(`已在浏览器中打开汇审工作台`);
  });

  it("prints the address when no browser can be opened, and does not rebuild a current page", async () => {
    let out = "";
    let built = false;
    const code = await openWorkbench({ stale: () => false, build: async () => ((built = true), 0), open: async () => -1, out: (t: string) => void (out += t), page: PAGE });
    expect(code).toBe(0);
    expect(built).toBe(false);
    expect(out).toContain("无法自动打开浏览器，请在浏览器中打开");
    expect(out).toContain("/dist/workbench.html");
  });

  it("stops with exit 1 when the build fails, without opening anything", async () => {
    let opened = false;
    const code = await openWorkbench({ stale: () => true, build: async () => 2, open: async () => ((opened = true), 0), out: () => undefined, page: path.join(tempDir(), "none.html") });
    expect(code).toBe(1);
    expect(opened).toBe(false);
  });

  it("calls a page stale when it is missing or older than a source", () => {
    const dir = tempDir();
    const page = path.join(dir, "workbench.html");
    const src = path.join(dir, "src");
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, "a.ts"), "");
    expect(workbenchIsStale(page, [src])).toBe(true);
    fs.writeFileSync(page, "");
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(page, later, later);
    expect(workbenchIsStale(page, [src])).toBe(false);
    fs.utimesSync(path.join(src, "a.ts"), new Date(Date.now() + 120_000), new Date(Date.now() + 120_000));
    expect(workbenchIsStale(page, [src])).toBe(true);
  });

  it("opens with each desktop's own opener", () => {
    expect(openerFor("linux").command).toBe("xdg-open");
    expect(openerFor("darwin").command).toBe("open");
    expect(openerFor("win32")).toMatchObject({ command: "rundll32" });
    expect(openerFor("win32").args("file:///C:/x.html")).toEqual(["url.dll,FileProtocolHandler", "file:///C:/x.html"]);
  });
});
