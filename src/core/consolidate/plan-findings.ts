import { compareFindings, countBySeverity, type Finding } from "../findings/finding";
import type { Lang } from "../findings/format";
import { SEVERITY_LABEL, renderFinding } from "../findings/render";
import { addressOf } from "../grid";
import { usedArea } from "../plan/print";
import type { CellStyle, CellWrite, SheetPlan } from "../plan/write-plan";
import { COLORS } from "../sheet/layout";
import type { LoadedTemplate } from "../template/load";
import { CONSOLIDATION_SHEETS } from "./layout";
import { sheetLabel } from "../text/sheet-label";
import { cellLink } from "./links";

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

const CELL: CellStyle = { border: true, wrap: true, vAlign: "top" };

/**
 * The findings sheet (问题清单): every finding of every district, errors first, each with a link to
 * its cell. Sheets read from files (not in this workbook) are named instead of linked.
 * @param inWorkbook names of the sheets that are in the workbook receiving this sheet
 * @param files the file each sheet read from a file came from
 */
export function findingsSheetPlan(
  findings: readonly Finding[],
  template: LoadedTemplate,
  where: { readonly inWorkbook: ReadonlySet<string>; readonly files: ReadonlyMap<string, string> },
  lang: Lang = "zh",
): SheetPlan {
  const sorted = [...findings].sort(compareFindings);
  const counts = countBySeverity(sorted);
  const cells: CellWrite[] = [
    { address: "A1", value: sheetLabel({ zh: "问题清单", en: "Findings" }, lang, "  "), style: { bold: true, fontSize: 14, fontColor: COLORS.title } },
    {
      address: "A2",
      value:
        lang === "zh"
          ? `共 ${sorted.length} 项：错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}。点击“位置”跳到单元格。`
          : `${sorted.length} findings: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info. Click a cell under 位置 Cell to go there.`,
      style: { italic: true, fontColor: "#595959" },
    },
    ...HEADERS.map(([zh, en], c) => ({ address: addressOf(2, c), value: sheetLabel({ zh, en }, lang), style: { bold: true, fill: COLORS.header, fontColor: COLORS.headerText, wrap: true, hAlign: "center", border: true } as CellStyle })),
  ];
  sorted.forEach((f, i) => {
    const row = 3 + i;
    const at = (c: number) => addressOf(row, c);
    const code = f.codes[f.code.startsWith("rate.") && f.codes.length === 3 ? 2 : 0];
    const ind = code ? template.byCode.get(code) : undefined;
    const cell = f.cells[0];
    const location = cell
      ? cellLink({ sheet: cell.sheet, address: cell.address, inWorkbook: where.inWorkbook.has(cell.sheet), file: where.files.get(cell.sheet) })
      : { value: f.sheet ? (where.files.has(f.sheet) ? `${where.files.get(f.sheet)} › ${f.sheet}` : f.sheet) : "—" };
    cells.push(
      { address: at(0), value: i + 1, style: CELL },
      { address: at(1), value: SEVERITY_LABEL[lang][f.severity], style: { ...CELL, fill: COLORS[f.severity], hAlign: "center" } },
      { address: at(2), value: f.district, style: CELL },
      { address: at(3), value: f.year ?? "", style: CELL },
      { address: at(4), value: ind ? `${ind.code} ${lang === "zh" ? ind.name.zh : ind.name.en}` : "—", style: CELL },
      { address: at(5), value: renderFinding(f, template, lang), style: CELL },
      { address: at(6), ...location, style: { ...CELL, fontColor: location.formula ? "#0563C1" : "#595959" } },
      { address: at(7), value: f.ruleId, style: { ...CELL, fontColor: "#595959" } },
      { address: at(8), value: f.id, style: { ...CELL, fontColor: "#595959" } },
    );
  });
  return {
    name: CONSOLIDATION_SHEETS.findings,
    mode: "replace",
    tabColor: COLORS.error,
    cells,
    // Below the header, right of the district.
    freeze: { rows: 3, columns: 3 },
    columns: HEADERS.map(([, , width], index) => ({ index, width })),
    rows: [{ index: 2, height: 32 }],
    print: { orientation: "landscape", titleRows: { first: 2, last: 2 }, area: usedArea(cells), header: CONSOLIDATION_SHEETS.findings },
  };
}
