import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/** LibreOffice headless: the formula oracle of the tests and the peer of `npm run bench`. CI installs it; locally a test says why it skipped. */
export function sofficeAvailable(): boolean {
  return spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
}

/** In CI a missing oracle is a failure, not a skip: the check must not silently vanish. */
export const requireOracle = process.env.CI === "true";

let profile: string | undefined;

/** A profile that forces recalculation on load: by default LibreOffice keeps the cached values of an .xlsx. */
function recalcProfile(): string {
  if (profile) return profile;
  profile = mkdtempSync(join(tmpdir(), "huishen-lo-"));
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return profile;
}

/** Open `file` in LibreOffice, recalculate every formula, save as .xlsx in a new folder; returns its path. */
export function recalculate(file: string): string {
  const out = mkdtempSync(join(tmpdir(), "huishen-recalc-"));
  execFileSync("soffice", [`-env:UserInstallation=file://${recalcProfile()}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, file], { stdio: "pipe", timeout: 120_000 });
  return join(out, basename(file));
}

/** `file` exported to PDF by LibreOffice as it would print (page set-up, header and footer); returns the PDF's path. */
export function exportPdf(file: string): string {
  const out = mkdtempSync(join(tmpdir(), "huishen-pdf-"));
  execFileSync("soffice", [`-env:UserInstallation=file://${recalcProfile()}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", out, file], { stdio: "pipe", timeout: 120_000 });
  return join(out, basename(file).replace(/\.xlsx$/i, ".pdf"));
}
