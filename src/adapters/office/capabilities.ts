/**
 * Which Excel JavaScript API requirement sets the running host supports, asked once at run
 * time (`Office.context.requirements.isSetSupported`) so the adapter degrades instead of failing:
 * notes → comments → the check column; `setCellProperties` → per-range format calls.
 */
import type { HostCapabilities } from "../../core/host";

/** What a host without Office.js (a plain browser page, Node) supports: nothing optional. */
export const NO_CAPABILITIES: HostCapabilities = {
  notes: false,
  comments: false,
  cellProperties: false,
  insertFromBase64: false,
  dataValidation: false,
  mergedAreas: false,
  pageLayout: false,
};

interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

function requirements(): RequirementsLike | undefined {
  // `Office` is a global defined by office.js; outside Office (tests, a plain page) it is undefined.
  const office = (globalThis as { Office?: { context?: { requirements?: RequirementsLike } } }).Office;
  return office?.context?.requirements;
}

/** True when the host supports ExcelApi `version` (e.g. "1.9"); false without Office.js. */
export function isExcelApiSupported(version: string): boolean {
  const req = requirements();
  if (!req) return false;
  try {
    return req.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
}

export function detectCapabilities(): HostCapabilities {
  if (!requirements()) return NO_CAPABILITIES;
  return {
    notes: isExcelApiSupported("1.18"),
    comments: isExcelApiSupported("1.10"),
    cellProperties: isExcelApiSupported("1.9"),
    insertFromBase64: isExcelApiSupported("1.13"),
    dataValidation: isExcelApiSupported("1.8"),
    mergedAreas: isExcelApiSupported("1.13"),
    pageLayout: isExcelApiSupported("1.9"),
  };
}
