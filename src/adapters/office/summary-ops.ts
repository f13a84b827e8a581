/** Colour scales and bar charts queued for a `create`/`replace` sheet (the checks are the core's, summary-specs.ts). */
import type { ChartSpec, ColorScaleSpec } from "../../core/plan/write-plan";
import { parseRange, rectText } from "./address";
import { jsonBytes } from "./blocks";
import { OP_OVERHEAD_BYTES, type Op, type OpFn, type SheetFn } from "./ops";

/**
 * The documented criterion for the lowest and highest value has `formula: null`; the typings
 * only allow a string or nothing.
 */
const NO_FORMULA = null as unknown as string;

/** Lowest value → `low`, 50th percentile → `mid`, highest value → `high` (ExcelApi 1.6). */
function colorScaleCriteria(cs: ColorScaleSpec): Excel.ConditionalColorScaleCriteria {
  return {
    minimum: { type: "LowestValue", formula: NO_FORMULA, color: cs.low.toUpperCase() },
    midpoint: { type: "Percentile", formula: "50", color: cs.mid.toUpperCase() },
    maximum: { type: "HighestValue", formula: NO_FORMULA, color: cs.high.toUpperCase() },
  };
}

export function queueColorScale(name: string, cs: ColorScaleSpec, sheet: SheetFn, list: Op[], op: OpFn): void {
  const range = rectText(parseRange(cs.range)!);
  const criteria = colorScaleCriteria(cs);
  op(list, jsonBytes(range) + jsonBytes(criteria) + OP_OVERHEAD_BYTES, () => {
    const cf = sheet(name).getRange(range).conditionalFormats.add("ColorScale");
    cf.colorScale.criteria = criteria;
  });
}

/**
 * A clustered bar chart of one series. The series' values are set again explicitly (ExcelApi 1.7,
 * as is `setXAxisValues`): `charts.add` may take a text first cell for the series' name.
 */
export function queueChart(name: string, c: ChartSpec, sheet: SheetFn, list: Op[], op: OpFn): void {
  const values = rectText(parseRange(c.values)!);
  const categories = rectText(parseRange(c.categories)!);
  op(list, jsonBytes(c) + 8 * OP_OVERHEAD_BYTES, () => {
    const ws = sheet(name);
    const chart = ws.charts.add("BarClustered", ws.getRange(values), "Columns");
    chart.name = c.name;
    chart.title.text = c.title;
    chart.legend.visible = false;
    const series = chart.series.getItemAt(0);
    series.name = c.seriesName;
    series.setValues(ws.getRange(values));
    series.setXAxisValues(ws.getRange(categories));
    chart.setPosition(c.from.toUpperCase(), c.to.toUpperCase());
  });
}
