import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { ManifestInfo } from "office-addin-manifest/lib/manifestInfo";
import { checkManifest, formatProblems, readPngSize, type ProblemCode } from "./check-manifest";

const ROOT = path.join(__dirname, "..", "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const ASSETS = path.join(ROOT, "assets");
const xml = fs.readFileSync(MANIFEST, "utf8");

const problemsOf = (text: string) => checkManifest(text, { assetsDir: ASSETS });

/**
 * Runs office-addin-manifest's own offline reader (`OfficeAddinManifest.readManifestFile`) in a plain
 * Node process. Inside jest it cannot load: its module pulls ES-module-only packages (uuid 13,
 * @microsoft/app-manifest's dependencies) that Node ≥ 20.19 `require`s natively but jest's runtime
 * does not, and the jest config maps the bare "office-addin-manifest" to lib/officeApp.js (what
 * office-addin-mock needs), which does not export OfficeAddinManifest.
 */
function readWithOfficeAddinManifest(file: string): ManifestInfo {
  const script =
    'require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1]).then(' +
    "(info) => process.stdout.write(JSON.stringify(info)), " +
    "(err) => { process.stderr.write(String((err && err.stack) || err)); process.exit(1); });";
  const out = execFileSync(process.execPath, ["-e", script, file], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(out) as ManifestInfo;
}

/** Replaces the first occurrence of `from`, failing loudly if it is not there (so a mutation can't silently do nothing). */
function mutate(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`mutation found nothing to replace: ${String(from)}`);
  return out;
}

describe("manifest.xml", () => {
  test("passes every offline check", () => {
    const problems = problemsOf(xml);
    expect(formatProblems(problems)).toBe("");
  });

  test("its Version follows package.json's version", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    const version = /<Version>([^<]+)<\/Version>/.exec(xml)?.[1];
    expect(version).toBe(`${pkg.version}.0`);
  });

  test("office-addin-manifest reads it offline", () => {
    const info = readWithOfficeAddinManifest(MANIFEST);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.id).toBe(/<Id>([^<]+)<\/Id>/.exec(xml)?.[1]);
    expect(info.displayName).toBe("汇审 Huishen");
    expect(info.providerName).toBe("Huishen");
    expect(info.defaultLocale).toBe("zh-CN");
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.defaultSettings?.sourceLocation).toBe("https://localhost:3000/taskpane.html");
  });
});

describe("assets", () => {
  test.each([
    ["icon-16.png", 16],
    ["icon-32.png", 32],
    ["icon-64.png", 64],
    ["icon-80.png", 80],
    ["icon-128.png", 128],
    ["logo-filled.png", 300],
  ])("%s is a PNG of %i px square", (file, size) => {
    expect(readPngSize(fs.readFileSync(path.join(ASSETS, file)))).toEqual({ width: size, height: size });
  });

  test("readPngSize rejects bytes that are not a PNG", () => {
    expect(readPngSize(Buffer.from("GIF89a not a png at all, really"))).toBeUndefined();
    expect(readPngSize(new Uint8Array(0))).toBeUndefined();
  });
});

describe("the checker catches a broken manifest", () => {
  const cases: ReadonlyArray<[string, (x: string) => string, ProblemCode]> = [
    ["malformed XML", (x) => mutate(x, "</OfficeApp>", ""), "not-well-formed"],
    ["a different root element", (x) => mutate(x.replace("</OfficeApp>", "</OfficeAddIn>"), "<OfficeApp ", "<OfficeAddIn "), "root"],
    ["a content add-in", (x) => mutate(x, 'xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"'), "root"],
    ["a wrong basic-types namespace", (x) => mutate(x, 'xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"', 'xmlns:bt="urn:x"'), "root"],
    ["an Id that is not a GUID", (x) => mutate(x, /<Id>[^<]+<\/Id>/, "<Id>huishen</Id>"), "id"],
    ["a two-part Version", (x) => mutate(x, /<Version>[^<]+<\/Version>/, "<Version>1.0</Version>"), "version"],
    ["an empty ProviderName", (x) => mutate(x, "<ProviderName>Huishen</ProviderName>", "<ProviderName></ProviderName>"), "provider"],
    ["an English default locale", (x) => mutate(x, "<DefaultLocale>zh-CN</DefaultLocale>", "<DefaultLocale>en-US</DefaultLocale>"), "locale"],
    ["a DisplayName without en-US", (x) => mutate(x, /(<DisplayName [^>]*>)\s*<Override [^>]*\/>/, "$1"), "display-name"],
    ["a DisplayName over 125 characters", (x) => mutate(x, 'DisplayName DefaultValue="汇审 Huishen"', `DisplayName DefaultValue="${"汇".repeat(126)}"`), "display-name"],
    ["a Description without en-US", (x) => mutate(x, /(<Description DefaultValue[^>]*>)\s*<Override [^>]*\/>/, "$1"), "description"],
    ["no Workbook host", (x) => mutate(x, '<Host Name="Workbook"/>', '<Host Name="Document"/>'), "hosts"],
    ["no Workbook host in VersionOverrides", (x) => mutate(x, '<Host xsi:type="Workbook">', '<Host xsi:type="Document">'), "vo-hosts"],
    ["a wrong VersionOverrides type", (x) => mutate(x, 'xsi:type="VersionOverridesV1_0"', 'xsi:type="VersionOverridesV1_1"'), "vo-hosts"],
    ["read-only permissions", (x) => mutate(x, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>"), "permissions"],
    ["ExcelApi 1.9 (beyond Excel 2019)", (x) => mutate(x, 'Name="ExcelApi" MinVersion="1.7"', 'Name="ExcelApi" MinVersion="1.9"'), "excel-api"],
    ["ExcelApi 1.10 (compared as numbers, not text)", (x) => mutate(x, 'Name="ExcelApi" MinVersion="1.7"', 'Name="ExcelApi" MinVersion="1.10"'), "excel-api"],
    ["no ExcelApi requirement", (x) => mutate(x, /<Set Name="ExcelApi"[^>]*\/>/, '<Set Name="DialogApi" MinVersion="1.1"/>'), "excel-api"],
    ["an http resource URL", (x) => mutate(x, "https://localhost:3000/commands.html", "http://localhost:3000/commands.html"), "url-not-https"],
    ["an http SupportUrl", (x) => mutate(x, '<SupportUrl DefaultValue="https://', '<SupportUrl DefaultValue="http://'), "url-not-https"],
    ["an http URL in a string", (x) => mutate(x, 'DefaultValue="汇审已加载"', 'DefaultValue="http://example.com"'), "url-not-https"],
    ["a resid that is not defined", (x) => mutate(x, '<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'), "resid-undefined"],
    ["a label naming a long string", (x) => mutate(x, '<Label resid="Group.Label"/>', '<Label resid="TaskpaneButton.Tooltip"/>'), "resid-wrong-kind"],
    ["a task pane URL naming a string", (x) => mutate(x, '<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Group.Label"/>'), "resid-wrong-kind"],
    ["a resource id over 32 characters", (x) => x.split("Group.Label").join("Group.Label.That.Is.Much.Too.Long.For.Office"), "resid-too-long"],
    ["a resource id defined twice", (x) => mutate(x, 'bt:Url id="Commands.Url"', 'bt:Url id="Taskpane.Url"'), "resource-duplicate"],
    ["a short string over 125 characters", (x) => mutate(x, 'DefaultValue="打开汇审"', `DefaultValue="${"审".repeat(126)}"`), "string-too-long"],
    ["a short string without en-US", (x) => mutate(x, '<bt:Override Locale="en-US" Value="Huishen"/>', ""), "string-override"],
    ["an icon outside assets/", (x) => mutate(x, "https://localhost:3000/assets/icon-16.png", "https://localhost:3000/icon-16.png"), "icon-not-asset"],
    ["an icon file that does not exist", (x) => mutate(x, "assets/icon-80.png", "assets/icon-81.png"), "icon-missing"],
    ["an 80 px button icon that is 64 px", (x) => mutate(x, "assets/icon-80.png", "assets/icon-64.png"), "icon-size"],
    ["a 32 px IconUrl that is 16 px", (x) => mutate(x, '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"', '<IconUrl DefaultValue="https://localhost:3000/assets/icon-16.png"'), "icon-size"],
    ["no ShowTaskpane action", (x) => mutate(x, 'xsi:type="ShowTaskpane"', 'xsi:type="ExecuteFunction"'), "taskpane-action"],
    ["a ShowTaskpane action without TaskpaneId", (x) => mutate(x, "<TaskpaneId>ButtonId1</TaskpaneId>", ""), "taskpane-id"],
    ["a task pane URL that is not taskpane.html", (x) => mutate(x, 'id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"', 'id="Taskpane.Url" DefaultValue="https://localhost:3000/index.html"'), "source-location"],
    ["a default source that is not taskpane.html", (x) => mutate(x, /(<SourceLocation DefaultValue=")[^"]+"/, '$1https://localhost:3000/index.html"'), "source-location"],
    ["a function file that is not commands.html", (x) => mutate(x, '<FunctionFile resid="Commands.Url"/>', '<FunctionFile resid="Taskpane.Url"/>'), "function-file"],
  ];

  test.each(cases)("%s", (_name, change, code) => {
    const problems = problemsOf(change(xml));
    expect(problems.map((p) => p.code)).toContain(code);
  });

  test("without assetsDir it does not look at icon files", () => {
    const broken = mutate(xml, "assets/icon-80.png", "assets/icon-81.png");
    expect(checkManifest(broken).map((p) => p.code)).not.toContain("icon-missing");
  });
});
