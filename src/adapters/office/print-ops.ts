/** A sheet's print set-up queued as Office.js calls (ExcelApi 1.9 `pageLayout`), as the file adapter writes it (xlsx/print.ts). */
import { headerText, titleColumnsRef, titleRowsRef } from "../../core/plan/print";
import { PAGE_FOOTER, type PrintSpec } from "../../core/plan/write-plan";
import { jsonBytes } from "./blocks";
import type { Op, OpFn, SheetFn } from "./ops";

export function queuePrint(name: string, spec: PrintSpec, sheet: SheetFn, list: Op[], op: OpFn): void {
  op(list, jsonBytes(spec) + 128, () => {
    const layout = sheet(name).pageLayout;
    layout.paperSize = "A4";
    layout.orientation = spec.orientation === "landscape" ? "Landscape" : "Portrait";
    // N pages wide (1: Excel's "fit all columns on one page"); 0 pages tall = as many as it takes.
    layout.zoom = { horizontalFitToPages: spec.pagesWide ?? 1, verticalFitToPages: 0 };
    layout.centerHorizontally = true;
    if (spec.titleRows) layout.setPrintTitleRows(titleRowsRef(spec.titleRows));
    if (spec.titleColumns) layout.setPrintTitleColumns(titleColumnsRef(spec.titleColumns));
    if (spec.area) layout.setPrintArea(spec.area);
    const pages = layout.headersFooters.defaultForAllPages;
    pages.centerHeader = headerText(spec);
    pages.centerFooter = PAGE_FOOTER;
  });
}
