/** Branded strings, so an indicator code is never passed where a cell address is expected. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** An indicator's stable code in a template, e.g. `E03`. */
export type IndicatorCode = Brand<string, "IndicatorCode">;
/** A cell address in A1 notation without the sheet, e.g. `E12`. */
export type CellAddress = Brand<string, "CellAddress">;

export const asCode = (s: string): IndicatorCode => s as IndicatorCode;
export const asAddress = (s: string): CellAddress => s as CellAddress;

/** A cell on a named sheet: what findings point at. */
export interface CellRef {
  readonly sheet: string;
  readonly address: CellAddress;
}
