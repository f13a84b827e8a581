import type { CellRef } from "../brand";

/** Why a cell could not be read as a figure. Rendered by the message maps. */
export type ParseFailure =
  | "notANumber" // 约一百, 待定, 见附件, 1,04
  | "percentInCount" // 94% typed where a count or amount belongs
  | "date" // a date where a figure belongs
  | "boolean"
  | "excelError" // #DIV/0!, #VALUE! in an input cell
  | "tooManyDigits"; // more than the 15 significant digits Excel keeps

/** One input cell parsed: what staff typed, what it means, and how precisely it was written. */
export type ParsedCell =
  /** Blank, dash or 无: not reported — never the same as 0. */
  | { readonly status: "blank"; readonly raw: string }
  | {
      readonly status: "value";
      /** Counts as units, amounts in 万元, rates as a fraction (94.44 % → 0.9444). */
      readonly value: number;
      readonly raw: string;
      /** `余`, `以上`, `多`, `约`, `左右`, `+`: the figure is a bound or a round number, not exact. */
      readonly approximate: boolean;
      /** Decimals of the number as written: `94.44%` → 2, `0.9444` → 4, `1.8万` → 1, `159` → 0. */
      readonly decimals: number;
      /** One unit of the last written digit, in the stored scale: `94.44%` → 0.0001, `96%` → 0.01, `1.8万` → 1000. */
      readonly resolution: number;
      /** A plain number above 1 in a rate cell, read as percentage points (94.44 → 94.44 %). */
      readonly percentPoints?: boolean;
      /** Invisible characters (zero-width space, BOM …) were removed before reading. */
      readonly invisible?: boolean;
    }
  | { readonly status: "invalid"; readonly raw: string; readonly reason: ParseFailure };

/** A parsed cell with where it came from. */
export type ReportedCell = ParsedCell & { readonly cell: CellRef };
