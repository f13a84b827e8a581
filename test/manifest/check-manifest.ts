/**
 * Offline checks for Huishen's XML add-in manifest. Microsoft's validator is an online service that
 * the build machine cannot reach, so this covers what would make Office refuse or misbehave on the
 * manifest: structure, ids, URLs, resource references, icons and requirement sets. It is not a full
 * XSD validation; element order mirrors the official Office-Addin-TaskPane-React template.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export type ProblemCode =
  | "not-well-formed"
  | "root"
  | "id"
  | "version"
  | "provider"
  | "locale"
  | "display-name"
  | "description"
  | "hosts"
  | "vo-hosts"
  | "permissions"
  | "excel-api"
  | "url-not-https"
  | "url-invalid"
  | "resid-undefined"
  | "resid-wrong-kind"
  | "resid-too-long"
  | "resource-duplicate"
  | "string-too-long"
  | "string-override"
  | "icon-not-asset"
  | "icon-missing"
  | "icon-size"
  | "taskpane-action"
  | "taskpane-id"
  | "source-location"
  | "function-file";

export interface Problem {
  readonly code: ProblemCode;
  readonly detail: string;
}

export interface CheckOptions {
  /** Folder holding the files behind `…/assets/<file>` URLs; without it, icon files are not checked. */
  readonly assetsDir?: string;
  /** Highest ExcelApi MinVersion allowed: Excel 2019 supports ExcelApi up to 1.8. */
  readonly maxExcelApi?: string;
}

const NS_OFFICEAPP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_BASICTYPES = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const NS_TASKPANE_OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const DEFAULT_LOCALE = "zh-CN";
const SECOND_LOCALE = "en-US";
const SHORT_MAX = 125;
const LONG_MAX = 250;
const RESID_MAX = 32;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Icon sizes the manifest's top-level icon elements must have. */
const TOP_ICON_SIZE: Record<string, number> = { IconUrl: 32, HighResolutionIconUrl: 64 };

type ResourceKind = "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings";
const RESOURCE_KINDS: readonly ResourceKind[] = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"];
/** What kind of resource an element's `resid` must name, by element name (VersionOverrides 1.0). */
const RESID_KIND: Record<string, ResourceKind> = {
  "bt:Image": "bt:Images",
  FunctionFile: "bt:Urls",
  SourceLocation: "bt:Urls",
  LearnMoreUrl: "bt:Urls",
  Label: "bt:ShortStrings",
  Title: "bt:ShortStrings",
  Description: "bt:LongStrings",
};

// ---------- parsed-XML helpers (every element is an array, attributes are "@_name", text is "#text") ----------

type XNode = Record<string, unknown>;

function kids(node: XNode | undefined, name: string): XNode[] {
  const v = node?.[name];
  return Array.isArray(v) ? (v as XNode[]) : [];
}
const first = (node: XNode | undefined, name: string): XNode | undefined => kids(node, name)[0];
function attr(node: XNode | undefined, name: string): string | undefined {
  const v = node?.[`@_${name}`];
  return typeof v === "string" ? v : undefined;
}
function text(node: XNode | undefined): string {
  const v = node?.["#text"];
  return typeof v === "string" ? v.trim() : "";
}
/** Calls fn for every element below node, with its name. */
function walk(node: XNode, fn: (name: string, el: XNode) => void): void {
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("@_") || key === "#text" || !Array.isArray(value)) continue;
    for (const child of value as XNode[]) {
      fn(key, child);
      walk(child, fn);
    }
  }
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function readPngSize(buf: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 24 || signature.some((b, i) => buf[i] !== b)) return undefined;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const type = String.fromCharCode(buf[12], buf[13], buf[14], buf[15]);
  if (type !== "IHDR") return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function checkManifest(xml: string, options: CheckOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const report = (code: ProblemCode, detail: string): void => {
    problems.push({ code, detail });
  };

  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    report("not-well-formed", `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
    return problems;
  }
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    ignoreDeclaration: true,
    alwaysCreateTextNode: true,
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
  }).parse(xml) as XNode;

  // Root element and namespaces.
  const roots = Object.keys(doc).filter((k) => !k.startsWith("?"));
  const app = first(doc, "OfficeApp");
  if (roots.length !== 1 || !app) {
    report("root", `root element must be OfficeApp, found ${roots.join(", ") || "nothing"}`);
    return problems;
  }
  if (attr(app, "xmlns") !== NS_OFFICEAPP) report("root", `OfficeApp xmlns must be ${NS_OFFICEAPP}`);
  if (attr(app, "xmlns:bt") !== NS_BASICTYPES) report("root", `xmlns:bt must be ${NS_BASICTYPES}`);
  if (attr(app, "xsi:type") !== "TaskPaneApp") report("root", `OfficeApp xsi:type must be TaskPaneApp, is ${attr(app, "xsi:type")}`);

  // Identity.
  const id = text(first(app, "Id"));
  if (!GUID.test(id)) report("id", `Id must be a GUID, is "${id}"`);
  const version = text(first(app, "Version"));
  if (!VERSION.test(version)) report("version", `Version must be a.b.c.d, is "${version}"`);
  if (!text(first(app, "ProviderName"))) report("provider", "ProviderName is empty or missing");
  const locale = text(first(app, "DefaultLocale"));
  if (locale !== DEFAULT_LOCALE) report("locale", `DefaultLocale must be ${DEFAULT_LOCALE}, is "${locale}"`);

  const localised = (name: "DisplayName" | "Description", code: ProblemCode, max: number): void => {
    const el = first(app, name);
    const value = attr(el, "DefaultValue");
    if (!el || !value) return report(code, `${name} has no DefaultValue`);
    const overrides = kids(el, "Override");
    if (!overrides.some((o) => attr(o, "Locale") === SECOND_LOCALE && attr(o, "Value"))) {
      report(code, `${name} has no ${SECOND_LOCALE} Override`);
    }
    for (const v of [value, ...overrides.map((o) => attr(o, "Value") ?? "")]) {
      if (v.length > max) report(code, `${name} "${v.slice(0, 20)}…" is longer than ${max} characters`);
    }
  };
  localised("DisplayName", "display-name", SHORT_MAX);
  localised("Description", "description", LONG_MAX);

  // Hosts, permissions, requirement sets.
  if (!kids(first(app, "Hosts"), "Host").some((h) => attr(h, "Name") === "Workbook")) {
    report("hosts", "Hosts has no <Host Name=\"Workbook\"/>");
  }
  const permissions = text(first(app, "Permissions"));
  if (permissions !== "ReadWriteDocument") report("permissions", `Permissions must be ReadWriteDocument, is "${permissions}"`);
  const sets = first(first(app, "Requirements"), "Sets");
  const excelApi = kids(sets, "Set").find((s) => attr(s, "Name") === "ExcelApi");
  const maxExcelApi = options.maxExcelApi ?? "1.8";
  if (!excelApi) {
    report("excel-api", "Requirements has no ExcelApi set");
  } else {
    const min = attr(excelApi, "MinVersion") ?? attr(sets, "DefaultMinVersion") ?? "1.1";
    if (!/^\d+\.\d+$/.test(min)) report("excel-api", `ExcelApi MinVersion "${min}" is not n.n`);
    else if (compareVersions(min, maxExcelApi) > 0) {
      report("excel-api", `ExcelApi MinVersion ${min} is above ${maxExcelApi}, so Excel 2019 could not load the add-in`);
    }
  }

  // URLs: named URL settings must be https, and nothing else in the file may name a non-https URL.
  const checkUrl = (where: string, value: string): void => {
    if (!value.toLowerCase().startsWith("https://")) return report("url-not-https", `${where}: ${value}`);
    try {
      new URL(value);
    } catch {
      report("url-invalid", `${where}: ${value}`);
    }
  };
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const el = first(app, name);
    if (el) [attr(el, "DefaultValue") ?? "", ...kids(el, "Override").map((o) => attr(o, "Value") ?? "")].forEach((v) => checkUrl(name, v));
  }
  for (const domain of kids(first(app, "AppDomains"), "AppDomain")) checkUrl("AppDomain", text(domain));
  const defaultSource = first(first(app, "DefaultSettings"), "SourceLocation");
  const defaultSourceUrl = attr(defaultSource, "DefaultValue") ?? "";
  checkUrl("DefaultSettings/SourceLocation", defaultSourceUrl);
  if (!/\/taskpane\.html$/.test(defaultSourceUrl)) {
    report("source-location", `DefaultSettings/SourceLocation must point to taskpane.html, is "${defaultSourceUrl}"`);
  }
  const nonHttps = (where: string, value: string): void => {
    if (HAS_SCHEME.test(value.trim()) && !value.trim().toLowerCase().startsWith("https://")) report("url-not-https", `${where}: ${value}`);
  };
  walk(doc, (name, el) => {
    for (const [key, value] of Object.entries(el)) {
      if (typeof value !== "string") continue;
      if (key === "#text") nonHttps(name, value);
      else if (key.startsWith("@_") && key !== "@_xmlns" && !key.startsWith("@_xmlns:")) nonHttps(`${name} ${key.slice(2)}`, value);
    }
  });

  // VersionOverrides: namespace, Workbook host, resources and every reference to them.
  const vo = first(app, "VersionOverrides");
  if (!vo) {
    report("vo-hosts", "VersionOverrides is missing");
    return problems;
  }
  if (attr(vo, "xmlns") !== NS_TASKPANE_OVERRIDES) report("vo-hosts", `VersionOverrides xmlns must be ${NS_TASKPANE_OVERRIDES}`);
  if (attr(vo, "xsi:type") !== "VersionOverridesV1_0") report("vo-hosts", "VersionOverrides xsi:type must be VersionOverridesV1_0");
  const voHosts = kids(first(vo, "Hosts"), "Host");
  if (!voHosts.some((h) => attr(h, "xsi:type") === "Workbook")) report("vo-hosts", "VersionOverrides/Hosts has no Workbook host");

  const resources = first(vo, "Resources");
  const defined = new Map<string, { kind: ResourceKind; el: XNode }>();
  for (const kind of RESOURCE_KINDS) {
    const childName = kind === "bt:Images" ? "bt:Image" : kind === "bt:Urls" ? "bt:Url" : "bt:String";
    for (const el of kids(first(resources, kind), childName)) {
      const rid = attr(el, "id") ?? "";
      if (defined.has(rid)) report("resource-duplicate", `resource id "${rid}" is defined twice`);
      defined.set(rid, { kind, el });
      if (rid.length > RESID_MAX) report("resid-too-long", `resource id "${rid}" is longer than ${RESID_MAX} characters`);
      const values = [attr(el, "DefaultValue") ?? "", ...kids(el, "bt:Override").map((o) => attr(o, "Value") ?? "")];
      if (kind === "bt:Images" || kind === "bt:Urls") {
        values.forEach((v) => checkUrl(`${childName} ${rid}`, v));
        continue;
      }
      const max = kind === "bt:ShortStrings" ? SHORT_MAX : LONG_MAX;
      for (const v of values) {
        if (v.length === 0 || v.length > max) report("string-too-long", `${rid}: "${v.slice(0, 20)}…" must be 1–${max} characters`);
      }
      if (!kids(el, "bt:Override").some((o) => attr(o, "Locale") === SECOND_LOCALE)) {
        report("string-override", `${rid} has no ${SECOND_LOCALE} bt:Override`);
      }
    }
  }
  const urlOf = (rid: string | undefined): string | undefined => {
    const r = rid === undefined ? undefined : defined.get(rid);
    return r?.kind === "bt:Urls" ? attr(r.el, "DefaultValue") : undefined;
  };

  /** Sizes each image resource is used at (bt:Image size="…" resid="…"). */
  const imageUses = new Map<string, Set<number>>();
  walk(first(vo, "Hosts") ?? {}, (name, el) => {
    const rid = attr(el, "resid");
    if (rid === undefined) return;
    if (rid.length > RESID_MAX) report("resid-too-long", `${name} resid "${rid}" is longer than ${RESID_MAX} characters`);
    const target = defined.get(rid);
    if (!target) return report("resid-undefined", `${name} resid "${rid}" is not defined in Resources`);
    const want = RESID_KIND[name];
    if (want && target.kind !== want) report("resid-wrong-kind", `${name} resid "${rid}" names a ${target.kind} entry, needs ${want}`);
    const size = Number(attr(el, "size"));
    if (name === "bt:Image" && Number.isFinite(size)) imageUses.set(rid, (imageUses.get(rid) ?? new Set()).add(size));
  });

  // The ribbon button opens the task pane; the function file is commands.html.
  const actions: XNode[] = [];
  walk(first(vo, "Hosts") ?? {}, (name, el) => {
    if (name === "Action" && attr(el, "xsi:type") === "ShowTaskpane") actions.push(el);
  });
  if (actions.length === 0) report("taskpane-action", "no ShowTaskpane action in VersionOverrides");
  for (const action of actions) {
    if (!text(first(action, "TaskpaneId"))) report("taskpane-id", "a ShowTaskpane action has no TaskpaneId");
    const url = urlOf(attr(first(action, "SourceLocation"), "resid"));
    if (!url || !/\/taskpane\.html$/.test(url)) report("source-location", `ShowTaskpane SourceLocation must point to taskpane.html, is "${url}"`);
  }
  for (const host of voHosts) {
    for (const ff of kids(first(host, "DesktopFormFactor"), "FunctionFile")) {
      const url = urlOf(attr(ff, "resid"));
      if (!url || !/\/commands\.html$/.test(url)) report("function-file", `FunctionFile must point to commands.html, is "${url}"`);
    }
  }

  // Icon files: each URL must be under assets/, exist there and have the size it is used at.
  if (options.assetsDir) {
    const assetsDir = options.assetsDir;
    const checkIcon = (where: string, url: string, sizes: Iterable<number>): void => {
      const match = /\/assets\/([^/?#]+)$/.exec(url);
      if (!match) return report("icon-not-asset", `${where}: ${url} is not a file in assets/`);
      const file = path.join(assetsDir, match[1]);
      if (!fs.existsSync(file)) return report("icon-missing", `${where}: ${match[1]} is not in assets/`);
      const dims = readPngSize(fs.readFileSync(file));
      if (!dims) return report("icon-size", `${where}: ${match[1]} is not a PNG`);
      for (const size of sizes) {
        if (dims.width !== size || dims.height !== size) {
          report("icon-size", `${where}: ${match[1]} is ${dims.width}×${dims.height}, used at ${size}×${size}`);
        }
      }
    };
    for (const [name, size] of Object.entries(TOP_ICON_SIZE)) {
      const url = attr(first(app, name), "DefaultValue");
      if (url) checkIcon(name, url, [size]);
    }
    for (const [rid, r] of defined) {
      if (r.kind === "bt:Images") checkIcon(`bt:Image ${rid}`, attr(r.el, "DefaultValue") ?? "", imageUses.get(rid) ?? []);
    }
  }

  return problems;
}

/** One line per problem, for test failure messages. */
export const formatProblems = (problems: readonly Problem[]): string =>
  problems.map((p) => `${p.code}: ${p.detail}`).join("\n");
