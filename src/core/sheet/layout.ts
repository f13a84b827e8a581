/**
 * Where things stand on a template (fill-in) sheet. Writers use the fixed positions;
 * readers locate the header and indicator rows by content, so rows a person inserted,
 * hid or sorted still read correctly.
 */

/**
 * The grid is the template's contract with saved workbooks (as codes are): it never moves. The
 * dimension column is written but hidden — each dimension's section header already names it on screen
 * and on paper; the column stays for filtering and sorting.
 */
export const COLUMNS = ["code", "dimension", "name", "unit", "thisYear", "lastYear", "computed", "check", "remarks"] as const;
export type ColumnKey = (typeof COLUMNS)[number];

/** Header labels, Chinese first; readers match on the Chinese part. */
export const HEADER_LABELS: Record<ColumnKey, { zh: string; en: string }> = {
  code: { zh: "编码", en: "Code" },
  dimension: { zh: "维度", en: "Dimension" },
  name: { zh: "指标名称", en: "Indicator" },
  unit: { zh: "单位", en: "Unit" },
  thisYear: { zh: "本年值", en: "This year" },
  lastYear: { zh: "上年值", en: "Last year" },
  computed: { zh: "计算比率", en: "Computed rate" },
  check: { zh: "校验", en: "Check" },
  remarks: { zh: "备注", en: "Remarks" },
};

/** 0-based column of each field as written. */
export const COL: Record<ColumnKey, number> = Object.fromEntries(COLUMNS.map((k, i) => [k, i])) as Record<ColumnKey, number>;

/** Column widths as written (Excel's units: about one "0" each; a CJK character takes two). */
export const COLUMN_WIDTHS: Record<ColumnKey, number> = { code: 9, dimension: 10, name: 36, unit: 7, thisYear: 13, lastYear: 13, computed: 11, check: 22, remarks: 18 };

/** Columns written but hidden (see COLUMNS). */
export const HIDDEN_COLUMNS: readonly ColumnKey[] = ["dimension"];

/** Hidden column holding the marker (J). */
export const MARKER_COL = COLUMNS.length;
export const MARKER_PREFIX = "HUISHEN-TEMPLATE:";

/**
 * Fixed rows of a freshly written sheet (0-based): the title (with the form's identification — 表号,
 * 制定机关… — at its right), the reporting unit, year and units, the instructions, the column headers,
 * then the body; the footer (signatures, telephone, date) follows the last indicator.
 */
export const ROW = { title: 0, meta: 1, instructions: 2, header: 3, firstBody: 4 } as const;

/** The title spans the columns before this one; the identification the rest. */
export const IDENTIFICATION_COL = 7;

/** Labels of the district and year inputs in the meta row; the value sits in the next cell to the right. */
export const DISTRICT_LABEL = { zh: "填报单位\n（盖章）", en: "Reporting unit (seal)" };
/** What readers take as the district's label: this layout's, and 区县 of sheets written before it. */
export const DISTRICT_LABELS_READ = ["填报单位", "区县"] as const;
export const YEAR_LABEL = { zh: "年度", en: "Year" };

/** Meta row positions as written: label, then the input (the district's spans two columns); the units' text spans to the last column. */
export const META = { districtLabel: 0, district: 1, yearLabel: 3, year: 4, unitLabel: 6, unit: 7 } as const;

export const COLORS = {
  title: "#1F4E79",
  header: "#1F4E79",
  headerText: "#FFFFFF",
  dimension: "#DDEBF7",
  locked: "#F2F2F2",
  input: "#FFFFFF",
  /** Flag fills by severity, light enough to read the figure through. */
  error: "#F8CBAD",
  warning: "#FFE699",
  info: "#DDEBF7",
} as const;

export function markerText(key: string): string {
  return `${MARKER_PREFIX}${key}`;
}

/** `HUISHEN-TEMPLATE:standard@2024.1` → id and version. */
export function parseMarker(text: string): { id: string; version: string } | undefined {
  if (!text.startsWith(MARKER_PREFIX)) return undefined;
  const m = /^([^@\s]+)@(\S+)$/.exec(text.slice(MARKER_PREFIX.length).trim());
  return m ? { id: m[1], version: m[2] } : undefined;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(wanted: string, existing: readonly string[]): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, "-").replace(/^'+|'+$/g, "").slice(0, 31) || "填报表";
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Why a sheet name differs from the district and year it was made of. */
export type SheetNameChange = "characters" | "length";

/**
 * The fill-in sheet's name for a district and year: `荣昌区 2024`. Characters Excel forbids in sheet
 * names become "-", and a long district is shortened so the year still fits in 31 characters; `change`
 * says which happened, so the caller can tell the person (the district cell keeps the name as typed).
 */
export function districtSheetName(district: string, year: number | undefined, existing: readonly string[]): { name: string; change?: SheetNameChange } {
  const suffix = year !== undefined ? ` ${year}` : "";
  const clean = district.replace(/[:\\/?*[\]]/g, "-");
  const change: SheetNameChange | undefined = clean !== district ? "characters" : clean.length + suffix.length > 31 ? "length" : undefined;
  const wanted = `${clean.slice(0, 31 - suffix.length)}${suffix}`.trim() || "指标填报";
  return { name: safeSheetName(wanted, existing), ...(change ? { change } : {}) };
}
