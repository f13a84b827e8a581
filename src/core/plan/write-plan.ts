/**
 * A write plan: everything Huishen wants written, as data. Adapters (the Office JavaScript API, ExcelJS)
 * apply it; the core never writes. Addresses are A1 on the named sheet.
 * A plan never puts a value into a cell that holds a person's input (see `inputCells`).
 */

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** #RRGGBB */
  readonly fontColor?: string;
  /** Solid background, #RRGGBB. */
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly hAlign?: "left" | "center" | "right";
  readonly vAlign?: "top" | "middle" | "bottom";
  readonly border?: boolean;
  /** Excel's cell lock; only meaningful on a protected sheet. Defaults to locked. */
  readonly locked?: boolean;
}

export interface CellWrite {
  readonly address: string;
  readonly value?: string | number | boolean | null;
  /** Excel formula without the leading `=`, in en-US syntax with `_xlfn.` where a newer function needs it. */
  readonly formula?: string;
  /** The engine's result of `formula`, stored as the cached value so viewers show it before recalculating. */
  readonly result?: string | number | boolean | null;
  readonly numberFormat?: string;
  readonly style?: CellStyle;
}

/** What a cell of a `CellColumn` holds: a value, a formula's cached result, or undefined to leave its content alone. */
export type ColumnEntry = string | number | boolean | null | undefined;

/**
 * Cells from `top` down, one entry per row: the compact form of `cells` for the body of a table. A
 * consolidation of 1,031 districts plans about half a million such cells; as an object and an address
 * each they were most of its memory and much of the engine's time. A column means exactly the cells
 * `planCells` expands it to, so adapters, checks and the reference interpreter treat both forms alike.
 */
export interface CellColumn {
  /** The first cell (A1). */
  readonly top: string;
  /** Per row: the value, or where `formulas` has one, the formula's cached result. */
  readonly values: readonly ColumnEntry[];
  /** Per row, a formula (as `CellWrite.formula`), or undefined where the row holds a value. */
  readonly formulas?: readonly (string | undefined)[];
  /**
   * Instead of `formulas`: the top cell's formula, filled down every row as Excel's fill handle does
   * (`filledDown`: relative rows move with the row, `$` rows stay). One string for a column of thousands.
   */
  readonly filledFormula?: string;
  /**
   * With `filledFormula`: how many rows each row's formula lies below it (entry i's formula is
   * `filledDown(filledFormula, fillRows[i])`; without, i). For a column whose rows are in another order
   * than the rows they refer to — the index sheet lists districts by rank, each referring to its row on
   * the summary — one formula and one list of offsets stand for thousands of formulas.
   */
  readonly fillRows?: readonly number[];
  /**
   * With `filledFormula`: the rows that hold it (true); the others hold their entry of `values` as a
   * value. The summary's column of a rate holds the formula where a district's rate is computed from
   * its counts and the rate itself where the district reported one: one formula and a mark per row
   * instead of a formula built per row. Without it, every row holds the formula.
   */
  readonly formulaRows?: readonly boolean[];
  readonly numberFormat?: string;
  readonly style?: CellStyle;
  /** Per row, a style in place of `style` (undefined keeps `style`). */
  readonly styles?: readonly (CellStyle | undefined)[];
}

export interface ColumnSpec {
  /** 0-based */
  readonly index: number;
  readonly width?: number;
  readonly hidden?: boolean;
}

export interface RowSpec {
  /** 0-based */
  readonly index: number;
  readonly height?: number;
  readonly hidden?: boolean;
}

/**
 * An input rule on cells: what Excel calls data validation (a drop-down list, whole or decimal number
 * bounds). Named apart from checking figures, which is the core's `checks/`.
 */
export interface InputRuleSpec {
  readonly range: string;
  /** `date`: min and max are Excel date serials (days since 1899-12-30). */
  readonly type: "whole" | "decimal" | "date" | "list";
  readonly operator?: "between" | "greaterThanOrEqual";
  readonly min?: number;
  readonly max?: number;
  readonly list?: readonly string[];
  /** `warning` lets a person keep an unusual entry (200余) after the prompt. */
  readonly errorStyle: "stop" | "warning" | "information";
  readonly promptTitle?: string;
  readonly prompt?: string;
  readonly errorTitle?: string;
  readonly error?: string;
}

export interface FillSpec {
  readonly address: string;
  /** #RRGGBB */
  readonly color: string;
}

export interface NoteSpec {
  readonly address: string;
  readonly text: string;
}

/**
 * A three-colour scale (low → middle → high) over a range, as conditional formatting: it follows
 * the values when they are recalculated. Colours #RRGGBB; the middle stop is the 50th percentile.
 */
export interface ColorScaleSpec {
  readonly range: string;
  readonly low: string;
  readonly mid: string;
  readonly high: string;
}

/**
 * A clustered bar chart of one series on the same sheet. Hosts that cannot draw charts (the .xlsx
 * adapter) skip it and say so in their stats; the CLI draws its own picture beside the workbook.
 */
export interface ChartSpec {
  /** Unique on the sheet; a chart of that name is replaced. */
  readonly name: string;
  readonly title: string;
  /** Category labels, one column (e.g. `A5:A42`). */
  readonly categories: string;
  /** Values, one column of the same length (e.g. `E5:E42`). */
  readonly values: string;
  readonly seriesName: string;
  /** Where the chart sits: its top-left and bottom-right cells. */
  readonly from: string;
  readonly to: string;
}

/**
 * How a sheet prints, as Chinese offices print a 统计报表: A4, one page wide (as many pages tall as
 * it takes), the header rows on every page, the title above and 第 N 页 共 M 页 below.
 */
export interface PrintSpec {
  readonly orientation: "portrait" | "landscape";
  /** 0-based rows repeated at the top of every page. */
  readonly titleRows?: { readonly first: number; readonly last: number };
  /**
   * Pages across (default 1). A table too wide to read at one page (the 汇总表's 92 indicators) is
   * spread over a few, with `titleColumns` (the district) repeated at the left of each.
   */
  readonly pagesWide?: number;
  /** 0-based columns repeated at the left of every page. */
  readonly titleColumns?: { readonly first: number; readonly last: number };
  /** What prints (A1:H120); the used range when absent. */
  readonly area?: string;
  /** Centre of the page header: the sheet's title. */
  readonly header: string;
}

/** The page footer every printed sheet carries (`&P` page, `&N` pages: Excel's header/footer codes). */
export const PAGE_FOOTER = "第 &P 页 共 &N 页";

export interface SheetPlan {
  readonly name: string;
  /**
   * `create` adds a new sheet (never replaces one); `update` writes into an existing sheet;
   * `replace` deletes Huishen's own sheet of that name if there is one and creates it afresh
   * (only for sheets Huishen owns entirely, such as the summary: never a person's sheet).
   */
  readonly mode: "create" | "update" | "replace";
  readonly activate?: boolean;
  readonly visibility?: "visible" | "hidden" | "veryHidden";
  readonly tabColor?: string;
  readonly cells?: readonly CellWrite[];
  /** More cells, column by column; written after `cells`. */
  readonly cellColumns?: readonly CellColumn[];
  readonly merges?: readonly string[];
  readonly columns?: readonly ColumnSpec[];
  readonly rows?: readonly RowSpec[];
  readonly inputRules?: readonly InputRuleSpec[];
  /** Protect the sheet without a password; cells with `style.locked === false` stay editable. */
  readonly protect?: boolean;
  readonly freeze?: { readonly rows: number; readonly columns: number };
  /** Flags on cells (fills and notes Huishen owns); `clearFlags` first removes the ones it wrote before. */
  readonly fills?: readonly FillSpec[];
  readonly notes?: readonly NoteSpec[];
  readonly clearFlags?: {
    readonly fills: readonly string[];
    readonly notes: readonly string[];
  };
  readonly colorScales?: readonly ColorScaleSpec[];
  readonly charts?: readonly ChartSpec[];
  readonly print?: PrintSpec;
}

export interface WritePlan {
  readonly sheets: readonly SheetPlan[];
}
