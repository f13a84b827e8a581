/** A new workbook holding one blank fill-in sheet for a district and year: `huishen template` and the workbench's download. */
import type * as ExcelJS from "exceljs";
import type { Lang } from "../../core/findings/format";
import { districtSheetName, type SheetNameChange } from "../../core/sheet/layout";
import { templateSheetPlan } from "../../core/sheet/plan-template";
import { standardTemplate } from "../../core/template/registry";
import type { LoadedTemplate } from "../../core/template/load";
import { applyPlan } from "./apply";
import { newWorkbook } from "./write";

export interface BlankTemplateWorkbook {
  readonly workbook: ExcelJS.Workbook;
  readonly template: LoadedTemplate;
  readonly sheetName: string;
  /** Why the sheet name differs from the district's, if it does. */
  readonly change?: SheetNameChange;
}

export async function blankTemplateWorkbook(district: string, year: number | undefined, at?: Date, lang: Lang = "zh"): Promise<BlankTemplateWorkbook> {
  const template = standardTemplate();
  const { name: sheetName, change } = districtSheetName(district, year, []);
  const { plan } = templateSheetPlan(template, { sheetName, district: district || undefined, year, lang });
  const workbook = newWorkbook(at);
  await applyPlan(workbook, { sheets: [plan] });
  return { workbook, template, sheetName, ...(change ? { change } : {}) };
}
