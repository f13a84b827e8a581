import { countBySeverity, type Finding } from "../findings/finding";
import type { Lang } from "../findings/format";
import { SEVERITY_LABEL, renderFinding } from "../findings/render";
import { addressOf, columnLetters } from "../grid";
import type { CellColumn, CellStyle, CellWrite, SheetPlan } from "../plan/write-plan";
import { COLORS } from "../sheet/layout";
import type { LoadedTemplate } from "../template/load";
import { CONSOLIDATION_SHEETS } from "./layout";
import { sheetLabel } from "../text/sheet-label";
import { cellLink } from "./links";
import { codeThenName } from "../text/wording";

const HEADERS = [
  ["序号", "No.", 6],
  ["严重程度", "Severity", 9],
  ["区县", "District", 12],
  ["年度", "Year", 7],
  ["指标", "Indicator", 26],
  ["问题说明", "What is wrong", 70],
  ["位置", "Cell", 22],
  ["规则", "Rule", 22],
  ["标识", "Finding id", 20],
] as const;

const CELL: CellStyle = Object.freeze({ border: true, wrap: true, vAlign: "top" });
const MUTED: CellStyle = Object.freeze({ ...CELL, fontColor: "#595959" });
const LINK: CellStyle = Object.freeze({ ...CELL, fontColor: "#0563C1" });
const SEVERITY_CELL: Record<Finding["severity"], CellStyle> = {
  error: Object.freeze({ ...CELL, fill: COLORS.error, hAlign: "center" }),
  warning: Object.freeze({ ...CELL, fill: COLORS.warning, hAlign: "center" }),
  info: Object.freeze({ ...CELL, fill: COLORS.info, hAlign: "center" }),
};

/**
 * The findings sheet (问题清单): every finding of every district, errors first, each with a link to
 * its cell. Sheets read from files (not in this workbook) are named instead of linked.
 * @param findings in the order a consolidation keeps them (`sortFindings`): written as they come, not sorted again
 * @param inWorkbook names of the sheets that are in the workbook receiving this sheet
 * @param files the file each sheet read from a file came from
 */
export function findingsSheetPlan(
  findings: readonly Finding[],
  template: LoadedTemplate,
  where: { readonly inWorkbook: ReadonlySet<string>; readonly files: ReadonlyMap<string, string> },
  lang: Lang = "zh",
): SheetPlan {
  const counts = countBySeverity(findings);
  const cells: CellWrite[] = [
    { address: "A1", value: sheetLabel({ zh: "问题清单", en: "Findings" }, lang, "  "), style: { bold: true, fontSize: 14, fontColor: COLORS.title } },
    {
      address: "A2",
      value:
        lang === "zh"
          ? `共 ${findings.length} 项：错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}。点击“位置”跳到单元格。`
          : `${findings.length} findings: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info. Click a cell under 位置 Cell to go there.`,
      style: { italic: true, fontColor: "#595959" },
    },
    ...HEADERS.map(([zh, en], c) => ({ address: addressOf(2, c), value: sheetLabel({ zh, en }, lang), style: { bold: true, fill: COLORS.header, fontColor: COLORS.headerText, wrap: true, hAlign: "center", border: true } as CellStyle })),
  ];
  const locations = findings.map((f) => {
    const cell = f.cells[0];
    if (cell) return cellLink({ sheet: cell.sheet, address: cell.address, inWorkbook: where.inWorkbook.has(cell.sheet), file: where.files.get(cell.sheet) });
    return { value: f.sheet ? (where.files.has(f.sheet) ? `${where.files.get(f.sheet)} › ${f.sheet}` : f.sheet) : "—" };
  });
  // Tens of thousands of findings name a hundred-odd indicators: each label is made once.
  const labels = new Map<string, string>();
  const indicatorText = (f: Finding) => {
    let label = labels.get(f.subject);
    if (label === undefined) {
      const ind = f.subject ? template.byCode.get(f.subject) : undefined;
      labels.set(f.subject, (label = ind ? codeThenName(ind.code, ind.name, lang) : "—"));
    }
    return label;
  };
  // One row per finding, written column by column (A–I as HEADERS).
  const column = (col: number, values: CellColumn["values"], more: Omit<CellColumn, "top" | "values"> = { style: CELL }): CellColumn => ({ top: addressOf(3, col), values, ...more });
  const cellColumns: CellColumn[] = [
    column(0, findings.map((_, i) => i + 1)),
    column(1, findings.map((f) => SEVERITY_LABEL[lang][f.severity]), { styles: findings.map((f) => SEVERITY_CELL[f.severity]) }),
    column(2, findings.map((f) => f.district)),
    column(3, findings.map((f) => f.year ?? "")),
    column(4, findings.map(indicatorText)),
    column(5, findings.map((f) => renderFinding(f, template, lang))),
    column(6, locations.map((l) => (l.formula !== undefined ? l.result : l.value)), { formulas: locations.map((l) => l.formula), styles: locations.map((l) => (l.formula ? LINK : MUTED)) }),
    column(7, findings.map((f) => f.ruleId), { style: MUTED }),
    column(8, findings.map((f) => f.id), { style: MUTED }),
  ];
  return {
    name: CONSOLIDATION_SHEETS.findings,
    mode: "replace",
    tabColor: COLORS.error,
    cells,
    cellColumns,
    // Below the header, right of the district.
    freeze: { rows: 3, columns: 3 },
    columns: HEADERS.map(([, , width], index) => ({ index, width })),
    rows: [{ index: 2, height: 32 }],
    print: { orientation: "landscape", titleRows: { first: 2, last: 2 }, area: `A1:${columnLetters(HEADERS.length - 1)}${3 + findings.length}`, header: CONSOLIDATION_SHEETS.findings },
  };
}
