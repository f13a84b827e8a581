/**
 * Plan checks for colour scales and charts, shared by both adapters (as `data-validation.ts` is), so a
 * plan is refused the same way whether it goes to a file or into Excel. Pure: no ExcelJS here.
 *
 * Both are only allowed on sheets the plan creates or replaces: on such a sheet there is no earlier
 * colour scale or chart to collide with, so neither adapter has to find and remove old ones.
 */
import { parseAddress } from "../grid";
import type { SheetPlan } from "./write-plan";
import { parseRange, type Rect } from "./range";

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

const isColour = (s: string) => /^#[0-9a-fA-F]{6}$/.test(s);

/** A rectangle inside Excel's grid ("A0" and "XFE1" parse but are not cells). */
function rangeIn(range: string): Rect | undefined {
  const r = parseRange(range);
  return r && r.top >= 0 && r.bottom <= MAX_ROW && r.right <= MAX_COL ? r : undefined;
}

function cellIn(address: string): { row: number; col: number } | undefined {
  const p = parseAddress(address);
  return p && p.row >= 0 && p.row <= MAX_ROW && p.col <= MAX_COL ? p : undefined;
}

/** Problems with the sheet's colour scales and charts, without the sheet name (callers prefix it). */
export function summarySpecProblems(sp: SheetPlan): string[] {
  const out: string[] = [];
  const scales = sp.colorScales ?? [];
  const charts = sp.charts ?? [];
  if ((scales.length > 0 || charts.length > 0) && sp.mode !== "create" && sp.mode !== "replace") {
    out.push(
      `colour scales and charts are only written on sheets the plan creates or replaces (mode "create" or "replace"), not on a "${sp.mode}" sheet`,
    );
  }
  for (const cs of scales) {
    if (!rangeIn(cs.range)) out.push(`colour scale "${cs.range}" is not a range`);
    for (const [what, c] of [
      ["low", cs.low],
      ["mid", cs.mid],
      ["high", cs.high],
    ] as const) {
      if (!isColour(c)) out.push(`colour scale ${cs.range} ${what} colour: "${c}" is not #RRGGBB`);
    }
  }
  const names = new Set<string>();
  for (const ch of charts) {
    const at = `chart "${ch.name}"`;
    if (ch.name.trim() === "") out.push("a chart needs a name");
    else if (names.has(ch.name.toLowerCase())) out.push(`${at} appears twice on the sheet`);
    names.add(ch.name.toLowerCase());
    const values = rangeIn(ch.values);
    const categories = rangeIn(ch.categories);
    if (!values) out.push(`${at}: values "${ch.values}" is not a range`);
    else if (values.left !== values.right) out.push(`${at}: values ${ch.values} must be one column`);
    if (!categories) out.push(`${at}: categories "${ch.categories}" is not a range`);
    else if (categories.left !== categories.right) out.push(`${at}: categories ${ch.categories} must be one column`);
    if (values && categories && values.bottom - values.top !== categories.bottom - categories.top) {
      out.push(`${at}: categories ${ch.categories} and values ${ch.values} differ in length`);
    }
    const from = cellIn(ch.from);
    const to = cellIn(ch.to);
    if (!from) out.push(`${at}: "${ch.from}" is not a cell address`);
    if (!to) out.push(`${at}: "${ch.to}" is not a cell address`);
    if (from && to && (to.row < from.row || to.col < from.col)) out.push(`${at}: ${ch.to} is above or left of ${ch.from}`);
  }
  return out;
}
