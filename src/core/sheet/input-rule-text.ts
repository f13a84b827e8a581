/**
 * What Excel and WPS show when a person types into the fill-in sheet: the prompt beside the cell and the
 * message of a refused or doubtful entry, in the sheet's language (the form's own labels stay Chinese).
 */
import { translator } from "../text/translate";

const zh = {
  "year.title": "年度",
  "year.error": "请填写四位年份，例如 2024。",
  "count.prompt": "填写{unit}数，不小于 0 的整数。",
  "count.title": "应为整数",
  "count.error": "计数应为不小于 0 的整数。",
  "amount.prompt": "单位：{unit}（可填“23.14亿元”，汇审会换算）。",
  "amount.title": "应为金额",
  "amount.error": "金额以{unit}计，不小于 0。",
  "rate.prompt": "填写百分比，如 94.44%。",
  "rate.title": "应在 0–100% 之间",
  "rate.error": "比率应在 0% 到 100% 之间。",
  "date.title": "日期",
  "date.error": "请填写日期，例如 2025-01-20。",
  "date.prompt": "填写报出日期，例如 2025-01-20。",
} as const;

export const { t: inputRuleText } = translator(zh, {
  "year.title": "Year",
  "year.error": "Enter a four-digit year, e.g. 2024.",
  "count.prompt": "The number of {unit}: a whole number ≥ 0.",
  "count.title": "Whole number",
  "count.error": "A count is a whole number ≥ 0.",
  "amount.prompt": "In {unit} (“23.14亿元” may be typed; Huishen converts it).",
  "amount.title": "Amount",
  "amount.error": "An amount in {unit}, ≥ 0.",
  "rate.prompt": "A percentage, e.g. 94.44%.",
  "rate.title": "Between 0 and 100%",
  "rate.error": "A rate lies between 0% and 100%.",
  "date.title": "Date",
  "date.error": "Enter a date, e.g. 2025-01-20.",
  "date.prompt": "The date the report is sent, e.g. 2025-01-20.",
});
