import { weightsProblemText } from "../../consolidate/weights-text";
import { formatNumber, formatPercent, formatStatedPercent } from "../format";
import type { MessageMap } from "./types";

const RELATION_LEAD = { "part-of-total": "A part exceeds its total", "parts-sum": "The parts do not add up to the total", custom: "A check does not hold" } as const;

export const en: MessageMap = {
  "value.unparsable": (f, c) => {
    const name = c.name(f.codes[0]);
    switch (f.details.reason) {
      case "percentInCount":
        return `${name} is a ${c.indicator(f.codes[0])?.kind ?? "count"}, not a percentage: "${f.raw}"`;
      case "date":
        return `${name} holds a date ("${f.raw}"), not a figure`;
      case "boolean":
        return `${name} holds TRUE/FALSE ("${f.raw}"), not a figure`;
      case "excelError":
        return `${name} holds the error ${f.raw}; enter a figure`;
      case "notANumber":
        return `${name}: "${f.raw}" is not a number (enter e.g. 159, 1.8万, 94.44%)`;
      case "tooManyDigits":
        return `${name}: "${f.raw}" has more than the 15 significant digits Excel keeps; the figure cannot be right`;
    }
  },
  "value.negative": (f, c) => `${c.name(f.codes[0])} is negative (${f.raw}); it must be 0 or more`,
  "value.nonInteger": (f, c) => `${c.name(f.codes[0])} must be a whole number, got ${f.raw}`,
  "value.approximate": (f, c) => `${c.name(f.codes[0])} is approximate ("${f.raw}"): read as ${c.figure(f.codes[0], f.actual)} and not checked exactly`,
  "value.percentPoints": (f, c) => `${c.name(f.codes[0])}: ${f.raw} was read as the percentage ${formatPercent(f.actual)}`,
  "value.invisibleCharacters": (f, c) => `${c.name(f.codes[0])}: invisible characters (zero-width spaces or similar, pasted from a web page or PDF) were removed; read as ${c.figure(f.codes[0], f.actual)}`,
  "value.uncachedFormula": (f, c) => `${c.name(f.codes[0])} holds a formula saved without its result, so its value is unknown: open the file in Excel or WPS, recalculate (F9) and save`,
  "rate.outOfRange": (f, c) => `${c.name(f.codes[0])} is ${formatPercent(f.actual)}, outside 0%–100%`,
  "rate.numeratorAboveDenominator": (f, c) =>
    `${c.name(f.codes[0])} ${formatNumber(f.details.numerator)} exceeds ${c.name(f.codes[1])} ${formatNumber(f.details.denominator)}, so ${c.name(f.codes[2])} would exceed 100%`,
  "rate.inconsistent": (f, c) =>
    `${c.name(f.codes[2])} is reported as ${formatStatedPercent(f.actual, f.details.resolution)}, but ${c.name(f.codes[0])} ${formatNumber(f.details.numerator)} ÷ ${c.name(f.codes[1])} ${formatNumber(f.details.denominator)} = ${formatPercent(f.expected, f.details.resolution)}`,
  "rate.zeroDenominator": (f, c) => `${c.name(f.codes[1])} is 0, yet ${c.name(f.codes[2])} is reported as ${formatPercent(f.actual)}`,
  "relation.failed": (f, c) => {
    const lead = RELATION_LEAD[f.details.kind];
    const values = c.namedValues(f.details.values, "; ");
    return `${c.relationMessage(f.ruleId)?.en ?? lead}: ${f.details.expr} (${values})`;
  },
  "rule.invalid": (f) => `A check could not run: ${f.details.expr} (${f.details.problem})`,
  "yoy.jump": (f, c) => {
    const code = f.codes[0];
    if (f.details.measure === "points") {
      const pp = ((f.actual - f.details.lastYear) * 100).toFixed(2);
      return `${c.name(code)} moved from ${formatPercent(f.details.lastYear)} last year to ${formatPercent(f.actual)}: ${pp} percentage points (threshold ${f.details.threshold * 100})`;
    }
    const ratio = f.actual / f.details.lastYear;
    return `${c.name(code)} went from ${c.figure(code, f.details.lastYear)} last year to ${c.figure(code, f.actual)}: ×${formatNumber(ratio, 2)} (threshold ×${f.details.threshold} either way)`;
  },
  "sheet.noDistrict": () => "The district name is not filled in",
  "sheet.noYear": () => "The year is not filled in, or is not a four-digit year",
  "sheet.missingIndicator": (f, c) => `Indicator ${c.name(f.codes[0])} is not on the sheet (its row may have been deleted)`,
  "sheet.duplicateIndicator": (f, c) => `Indicator ${c.name(f.codes[0])} appears on several rows (${f.details.rows.join(", ")}); the first is read`,
  "sheet.mergedInput": (f, c) => `Merged cells ${f.details.range} cover the input cells of ${f.codes.map((x) => c.name(x)).join(", ")}: only one value shows and the others are hidden; unmerge them`,
  "gather.duplicate": (f) => `${f.district}${f.year ? ` ${f.year}` : ""} is already consolidated from sheet "${f.details.keptSheet}"; this sheet is left out`,
  "gather.otherEdition": (f) => `This sheet uses template ${f.details.edition}, not ${f.details.expected} as the consolidation; it is left out`,
  "gather.noHeader": () => "The header row (Code, This year …) cannot be found; the sheet is left out",
  "gather.noDistrict": () => "The district name is not filled in; the sheet is left out",
  "gather.otherYear": (f) => `The year is ${f.year ?? "(blank)"}, not the consolidation year ${f.details.consolidationYear}`,
  "gather.missingDistrict": (f) => `"${f.district}" is on the district list but has no sheet`,
  "peer.outlier": (f, c) =>
    `${c.name(f.codes[0])} is ${c.figure(f.codes[0], f.actual)}, far from the other districts (median of ${f.details.peers}: ${c.figure(f.codes[0], f.details.median)}; robust z ${formatNumber(f.details.score, 1)}, threshold ${f.details.threshold})`,
  "peer.yoyOutlier": (f, c) =>
    `${c.name(f.codes[0])} went from ${c.figure(f.codes[0], f.details.lastYear)} to ${c.figure(f.codes[0], f.actual)} (×${formatNumber(f.details.ratio, 2)}), out of line with the other districts (median of ${f.details.peers}: ×${formatNumber(f.details.medianRatio, 2)})`,
  "peer.missing": (f, c) => `${c.name(f.codes[0])} is not reported, while ${f.details.reported} of ${f.details.districts} districts reported it (median ${c.figure(f.codes[0], f.details.median)})`,
  "index.weights": (f) => weightsProblemText(f.details.problem, "en"),
  "city.sumMismatch": (f, c) =>
    f.details.reporting === f.details.districts
      ? `The city reports ${c.name(f.codes[0])} as ${c.figure(f.codes[0], f.actual)}, but its ${f.details.districts} districts add up to ${c.figure(f.codes[0], f.details.sum)}`
      : `The city reports ${c.name(f.codes[0])} as ${c.figure(f.codes[0], f.actual)}, less than the ${f.details.reporting} reporting districts (of ${f.details.districts}) add up to: ${c.figure(f.codes[0], f.details.sum)}`,
};
