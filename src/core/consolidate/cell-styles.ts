import type { CellStyle } from "../plan/write-plan";

/**
 * The summary sheets' body cell styles, as shared objects: a plan for 1,000 districts writes about
 * 400,000 cells, and a style object per cell was most of its garbage. Plans never mutate styles.
 */
export const PLAIN: CellStyle = Object.freeze({ border: true });
export const PLAIN_CENTER: CellStyle = Object.freeze({ border: true, hAlign: "center" });
export const PLAIN_BOLD: CellStyle = Object.freeze({ border: true, bold: true });
