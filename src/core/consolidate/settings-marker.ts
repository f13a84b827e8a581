import { cellText, type SheetSnapshot } from "../grid";
import { CONSOLIDATION_SHEETS } from "./layout";
import type { ConsolidateOptions, Normalisation } from "./model";

/**
 * The options a consolidation ran with, kept in a hidden cell of the summary sheet, so that checking
 * the workbook again later (the review re-checks) finds the same findings: the city compared with its
 * districts, the district list, the year. Weights are not here: they live on the weights sheet.
 */
export const SETTINGS_PREFIX = "HUISHEN-CONSOLIDATION:";

interface Stored {
  readonly year?: number;
  readonly city?: string;
  readonly districtList?: readonly string[];
  readonly normalisation?: Normalisation;
}

export function settingsMarker(options: ConsolidateOptions, year: number | undefined): string {
  const stored: Stored = { year: options.year ?? year, city: options.city, districtList: options.districtList, normalisation: options.normalisation };
  return SETTINGS_PREFIX + JSON.stringify(stored);
}

/** The options of the workbook's last consolidation; undefined when it was never consolidated. */
export function readConsolidationSettings(snapshots: readonly SheetSnapshot[]): ConsolidateOptions | undefined {
  const summary = snapshots.find((s) => s.name === CONSOLIDATION_SHEETS.summary);
  const text = summary?.values[0]?.map(cellText).find((v) => v.startsWith(SETTINGS_PREFIX));
  if (text === undefined) return undefined;
  try {
    const s = JSON.parse(text.slice(SETTINGS_PREFIX.length)) as Stored;
    return {
      year: typeof s.year === "number" ? s.year : undefined,
      city: typeof s.city === "string" ? s.city : undefined,
      districtList: Array.isArray(s.districtList) ? s.districtList.filter((d): d is string => typeof d === "string") : undefined,
      normalisation: s.normalisation === "goalposts" || s.normalisation === "minmax" ? s.normalisation : undefined,
    };
  } catch {
    // A person edited the hidden cell: consolidate with the defaults rather than fail.
    return {};
  }
}
