/** A sheet's print set-up written with ExcelJS, as the Office adapter sets it (office/print-ops.ts). */
import type * as ExcelJS from "exceljs";
import { columnLetters } from "../../core/grid";
import { headerFooterCodes } from "../../core/plan/print";
import type { PrintSpec } from "../../core/plan/write-plan";

/** ExcelJS's paper size code for A4. */
const A4 = 9;

export function setPrint(ws: ExcelJS.Worksheet, spec: PrintSpec): void {
  const t = spec.titleRows;
  const c = spec.titleColumns;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: spec.orientation,
    // N pages wide (1 unless the spec says); 0 pages tall = as many as it takes.
    fitToPage: true,
    fitToWidth: spec.pagesWide ?? 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(t ? { printTitlesRow: `${t.first + 1}:${t.last + 1}` } : {}),
    ...(c ? { printTitlesColumn: `${columnLetters(c.first)}:${columnLetters(c.last)}` } : {}),
    ...(spec.area ? { printArea: spec.area } : {}),
  };
  const { header, footer } = headerFooterCodes(spec);
  ws.headerFooter = { ...ws.headerFooter, oddHeader: header, oddFooter: footer };
}
