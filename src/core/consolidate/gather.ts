import type { Finding } from "../findings/finding";
import { makeWorkbookFinding } from "../findings/make";
import type { TemplateSheetRead } from "../sheet/read-template";
import type { LoadedTemplate } from "../template/load";
import type { SheetReader } from "../check-workbook";
import { indicatorColumns, type IndicatorColumns } from "./figure-columns";
import { districtData } from "./figures";
import type { ConsolidateOptions, DistrictData, DistrictSource } from "./model";

/** What gathering found: the districts that take part, and why other sheets do not. */
export interface Gathered {
  readonly template: LoadedTemplate;
  readonly year?: number;
  readonly districts: readonly DistrictData[];
  readonly city?: DistrictData;
  /** The districts' figures by indicator (the city's are not among them). */
  readonly columns: IndicatorColumns;
  /** Every template sheet read in the consolidation's edition (left-out ones included): each gets its own checks. */
  readonly reads: readonly { readonly read: TemplateSheetRead; readonly source: DistrictSource }[];
  readonly findings: readonly Finding[];
}

/**
 * Bring the template sheets of the workbook and of district files together. The edition is the one
 * most sheets use; the year is the given one or the latest; each district takes part once (its sheet
 * of that year first, else its first sheet). Sheets of another edition, without a header, without a
 * district name, or a second sheet of a district are findings, not errors; so are listed districts
 * with no sheet. Returns undefined when there is no template sheet at all.
 */
export function gatherDistricts(sources: readonly DistrictSource[], options: ConsolidateOptions, reader: SheetReader): Gathered | undefined {
  const findings: Finding[] = [];
  const all: { read: TemplateSheetRead; source: DistrictSource }[] = [];
  const unknown: { sheet: string; edition: string }[] = [];
  for (const source of sources) {
    for (const s of source.snapshots) {
      const r = reader.read(s);
      if (r.ok) all.push({ read: r.value, source });
      else if (r.error.reason === "unknownTemplate") unknown.push({ sheet: s.name, edition: `${r.error.id}@${r.error.version}` });
      else if (r.error.reason === "noHeader") unknown.push({ sheet: s.name, edition: "" });
    }
  }
  const template = mostCommonTemplate(all.map((x) => x.read.template));
  if (!template) return undefined;

  const gatherFinding = (read: Pick<TemplateSheetRead, "district" | "year" | "sheet">) => ({
    template: template.key,
    district: read.district || read.sheet,
    year: read.year,
    sheet: read.sheet,
  });
  for (const u of unknown) {
    findings.push(
      u.edition
        ? makeWorkbookFinding({ ...gatherFinding({ district: "", year: undefined, sheet: u.sheet }), code: "gather.otherEdition", cells: [], details: { edition: u.edition, expected: template.key } })
        : makeWorkbookFinding({ ...gatherFinding({ district: "", year: undefined, sheet: u.sheet }), code: "gather.noHeader", cells: [], details: {} }),
    );
  }

  const reads = all.filter(({ read }) => {
    if (read.template.key === template.key) return true;
    findings.push(makeWorkbookFinding({ ...gatherFinding(read), code: "gather.otherEdition", cells: [], details: { edition: read.template.key, expected: template.key } }));
    return false;
  });
  const years = reads.map((x) => x.read.year).filter((y): y is number => y !== undefined);
  const year = options.year ?? (years.length > 0 ? Math.max(...years) : undefined);

  const named = reads.filter(({ read }) => {
    if (read.district) return true;
    findings.push(makeWorkbookFinding({ ...gatherFinding(read), code: "gather.noDistrict", cells: [read.districtCell], details: {} }));
    return false;
  });

  const city = options.city?.trim();
  const byName = new Map<string, { read: TemplateSheetRead; source: DistrictSource }[]>();
  for (const x of named) byName.set(x.read.district, [...(byName.get(x.read.district) ?? []), x]);

  const chosen: { read: TemplateSheetRead; source: DistrictSource }[] = [];
  let cityChoice: { read: TemplateSheetRead; source: DistrictSource } | undefined;
  for (const [name, sheets] of byName) {
    const keep = sheets.find((x) => x.read.year === year) ?? sheets[0];
    for (const other of sheets) {
      if (other === keep) continue;
      findings.push(makeWorkbookFinding({ ...gatherFinding(other.read), code: "gather.duplicate", cells: [other.read.districtCell], details: { keptSheet: keep.read.sheet } }));
    }
    if (year !== undefined && keep.read.year !== year) {
      findings.push(makeWorkbookFinding({ ...gatherFinding(keep.read), code: "gather.otherYear", cells: [keep.read.yearCell], details: { consolidationYear: year } }));
    }
    if (city && name === city) cityChoice = keep;
    else chosen.push(keep);
  }

  const present = new Set(byName.keys());
  for (const listed of options.districtList ?? []) {
    const name = listed.trim();
    if (!name || present.has(name)) continue;
    findings.push(makeWorkbookFinding({ template: template.key, district: name, year, sheet: "", code: "gather.missingDistrict", cells: [], details: {} }));
  }

  const districts = chosen.map((x) => districtData(x.read, x.source));
  return {
    template,
    year,
    districts,
    city: cityChoice && districtData(cityChoice.read, cityChoice.source),
    columns: indicatorColumns(template, districts),
    reads,
    findings,
  };
}

/** The edition most sheets were filled in (the first one met on a tie). */
export function mostCommonTemplate(templates: readonly LoadedTemplate[]): LoadedTemplate | undefined {
  const counts = new Map<string, { t: LoadedTemplate; n: number }>();
  for (const t of templates) {
    const c = counts.get(t.key);
    if (c) c.n++;
    else counts.set(t.key, { t, n: 1 });
  }
  let best: { t: LoadedTemplate; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.t;
}
