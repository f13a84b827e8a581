import type { Finding } from "../findings/finding";
import type { SheetSnapshot } from "../grid";
import type { TemplateSheetRead } from "../sheet/read-template";
import type { LoadedTemplate } from "../template/load";
import type { IndicatorColumns } from "./figure-columns";

/**
 * What consolidation works on and what it gives back. The numbers here are the engine's: the summary
 * sheets show the same numbers as formulas, and carry these as the formulas' cached results.
 */

/** Sheets of one workbook: the open workbook, or one district file. */
export interface DistrictSource {
  readonly snapshots: readonly SheetSnapshot[];
  /** The file the sheets came from; undefined for the workbook being consolidated. */
  readonly file?: string;
  /**
   * Whether these sheets are (or are about to be) sheets of the workbook that receives the summary,
   * under these names: then findings link to their cells and flags are painted on them.
   */
  readonly inWorkbook: boolean;
}

export type Normalisation = "minmax" | "goalposts";

export interface ConsolidateOptions {
  /** The year consolidated; by default the latest year among the sheets. */
  readonly year?: number;
  /** Name of the city-level sheet's "district" (e.g. 重庆市): compared with the sum of its districts, not ranked. */
  readonly city?: string;
  /** Every district expected; the ones with no sheet are findings. */
  readonly districtList?: readonly string[];
  /** Composite index settings; a weights sheet in the workbook overrides the default weights. */
  readonly normalisation?: Normalisation;
  readonly dimensionWeights?: ReadonlyMap<string, number>;
  readonly stability?: StabilityOptions;
}

export interface StabilityOptions {
  /** Random weight draws (default 1000). */
  readonly draws: number;
  /** Each dimension weight is multiplied by a factor drawn uniformly from [1 − spread, 1 + spread] (default 0.2). */
  readonly spread: number;
  /** Seed of the deterministic generator: the same workbook gives the same intervals. */
  readonly seed: number;
}

/** A template sheet read for the consolidation, and where it is. */
export interface SheetTaken {
  readonly read: TemplateSheetRead;
  readonly file?: string;
  readonly inWorkbook: boolean;
}

/** One district as consolidated: its sheet, and its figures as the summary shows them. */
export interface DistrictData {
  readonly name: string;
  readonly year?: number;
  readonly read: TemplateSheetRead;
  readonly file?: string;
  readonly inWorkbook: boolean;
  /**
   * This year's figure of each indicator as the summary shows it (absent: blank). Counts and amounts
   * as parsed (an approximate 200余 counts as 200); a rate is numerator ÷ denominator when both are
   * figures and the denominator is above 0, else the rate as reported.
   */
  readonly figures: ReadonlyMap<string, number>;
  /** For rates in `figures`: computed from the counts, or as reported. */
  readonly rateSource: ReadonlyMap<string, "computed" | "reported">;
  /** Last year's figures where filled (parsed, approximate ones left out). */
  readonly lastYear: ReadonlyMap<string, number>;
  /** Codes whose figure this year is approximate (余, 以上). */
  readonly approximate: ReadonlySet<string>;
  /** Codes left blank this year (not reported): distinct from a figure that could not be read. */
  readonly blank: ReadonlySet<string>;
}

export interface IndexSettings {
  readonly normalisation: Normalisation;
  /** Dimension code → weight (equal by default; the aggregator edits them on the weights sheet). */
  readonly dimensionWeights: ReadonlyMap<string, number>;
  readonly stability: StabilityOptions;
}

/** The composite index (法治政府建设指数), per district in the order of `Consolidation.districts`. */
export interface CompositeIndex {
  /** Ranked indicators (direction ↑ or ↓), in template order: the index's columns. */
  readonly indicators: readonly string[];
  /** Weight of each indicator: its dimension's weight shared equally among the dimension's ranked indicators. */
  readonly indicatorWeights: ReadonlyMap<string, number>;
  /** Per district: indicator → normalised score in [0, 1] (absent where the district has no figure). */
  readonly normalised: readonly ReadonlyMap<string, number>[];
  /** Per ranked indicator with any figure: the lowest and highest figure, which min–max normalisation scales between. */
  readonly bounds: ReadonlyMap<string, { readonly min: number; readonly max: number }>;
  /** Per district: 0–100, weights re-normalised over the indicators the district reported; undefined with none. */
  readonly scores: readonly (number | undefined)[];
  readonly ranks: readonly (number | undefined)[];
  /** Per district: lowest and highest rank over the random weight draws. */
  readonly stability: readonly ({ readonly best: number; readonly worst: number } | undefined)[];
}

export interface Consolidation {
  readonly template: LoadedTemplate;
  readonly year?: number;
  /** Districts in the order of the summary's rows. */
  readonly districts: readonly DistrictData[];
  /** The city-level sheet, when one is named and present. */
  readonly city?: DistrictData;
  /** The districts' figures by indicator, in their order. */
  readonly columns: IndicatorColumns;
  /** Municipal figure of each indicator: SUM for counts and amounts, Σnumerator ÷ Σdenominator for rates with counts. */
  readonly totals: ReadonlyMap<string, number>;
  /** Per ranked indicator, each district's rank (as RANK.EQ: ties share, the next rank skipped); undefined for blanks. */
  readonly ranks: ReadonlyMap<string, readonly (number | undefined)[]>;
  readonly index: CompositeIndex;
  readonly settings: IndexSettings;
  /** The options it ran with (kept in the summary sheet for later re-checks). */
  readonly options: ConsolidateOptions;
  /** Every template sheet read in the consolidation's edition, left-out ones included (they are checked and flagged too). */
  readonly sheets: readonly SheetTaken[];
  /** Every finding: each district's own checks, the gathering, and the anomalies across districts, in `sortFindings` order (errors first), as the findings sheet lists them. */
  readonly findings: readonly Finding[];
}
