import { formatNumber, formatPercent, formatStatedPercent } from "../format";
import type { MessageMap } from "./types";

const KIND_ZH = { count: "计数", amount: "金额", rate: "比率" } as const;

export const zhCN: MessageMap = {
  "value.unparsable": (f, c) => {
    const name = c.name(f.codes[0]);
    switch (f.details.reason) {
      case "percentInCount":
        return `${name}是${KIND_ZH[c.indicator(f.codes[0])?.kind ?? "count"]}，不应填写百分比“${f.raw}”`;
      case "date":
        return `${name}填写的是日期“${f.raw}”，应为数值`;
      case "boolean":
        return `${name}填写的是逻辑值“${f.raw}”，应为数值`;
      case "excelError":
        return `${name}单元格是错误值 ${f.raw}，请改为数值`;
      case "notANumber":
        return `${name}填写的“${f.raw}”不是数值，请填写数字（如 159、1.8万、94.44%）`;
    }
  },
  "value.negative": (f, c) => `${c.name(f.codes[0])}为负数（${f.raw}），应不小于 0`,
  "value.nonInteger": (f, c) => `${c.name(f.codes[0])}应为整数，填写的是 ${f.raw}`,
  "value.approximate": (f, c) => `${c.name(f.codes[0])}填写的是近似值“${f.raw}”，按 ${c.figure(f.codes[0], f.actual!)} 计，不参与精确校验`,
  "value.percentPoints": (f, c) => `${c.name(f.codes[0])}填写的 ${f.raw} 已按百分数理解为 ${formatPercent(f.actual!)}`,
  "rate.outOfRange": (f, c) => `${c.name(f.codes[0])}为 ${formatPercent(f.actual!)}，超出 0%–100% 的范围`,
  "rate.numeratorAboveDenominator": (f, c) =>
    `${c.name(f.codes[0])} ${formatNumber(f.details.numerator)} 大于 ${c.name(f.codes[1])} ${formatNumber(f.details.denominator)}，${c.name(f.codes[2])}将超过 100%`,
  "rate.inconsistent": (f, c) =>
    `${c.name(f.codes[2])}填报 ${formatStatedPercent(f.actual!, f.details.resolution)}，但 ${c.name(f.codes[0])} ${formatNumber(f.details.numerator)} ÷ ${c.name(f.codes[1])} ${formatNumber(f.details.denominator)} = ${formatPercent(f.expected!, f.details.resolution)}`,
  "rate.zeroDenominator": (f, c) => `${c.name(f.codes[1])}为 0，却填报了${c.name(f.codes[2])} ${formatPercent(f.actual!)}`,
  "relation.failed": (f, c) => {
    const lead = { "part-of-total": "部分大于总数", "parts-sum": "分项之和与总数不符", custom: "不满足校验关系" }[f.details.kind];
    const values = Object.entries(f.details.values).map(([code, v]) => `${c.name(code)} = ${c.figure(code, v)}`).join("，");
    const own = c.relationMessage(f.ruleId)?.zh;
    return `${own ?? lead}：${f.details.expr}（${values}）`;
  },
  "rule.invalid": (f) => `校验规则无法执行：${f.details.expr}（${f.details.problem}）`,
  "yoy.jump": (f, c) => {
    const code = f.codes[0];
    if (f.details.measure === "points") {
      const pp = ((f.actual! - f.details.lastYear) * 100).toFixed(2);
      return `${c.name(code)}由上年 ${formatPercent(f.details.lastYear)} 变为 ${formatPercent(f.actual!)}，变化 ${pp} 个百分点（提示阈值 ${f.details.threshold * 100} 个百分点）`;
    }
    const ratio = f.actual! / f.details.lastYear;
    return `${c.name(code)}由上年 ${c.figure(code, f.details.lastYear)} 变为 ${c.figure(code, f.actual!)}，是上年的 ${formatNumber(ratio, 2)} 倍（提示阈值：增减 ${f.details.threshold} 倍）`;
  },
  "sheet.noDistrict": () => "未填写区县名称",
  "sheet.noYear": () => "未填写年度，或不是四位年份",
  "sheet.missingIndicator": (f, c) => `表中找不到指标 ${c.name(f.codes[0])}（该行可能被删除）`,
  "sheet.duplicateIndicator": (f, c) => `指标 ${c.name(f.codes[0])} 出现在多行（第 ${f.details.rows.join("、")} 行），只读取第一行`,
};
