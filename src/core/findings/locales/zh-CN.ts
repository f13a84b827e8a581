import { weightsProblemText } from "../../consolidate/weights-text";
import { formatNumber, formatPercent, formatStatedPercent } from "../format";
import type { MessageMap } from "./types";

const KIND_ZH = { count: "计数", amount: "金额", rate: "比率" } as const;
const RELATION_LEAD = { "part-of-total": "部分大于总数", "parts-sum": "分项之和与总数不符", custom: "不满足校验关系" } as const;

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
      case "tooManyDigits":
        return `${name}填写的“${f.raw}”超过 Excel 能保存的 15 位有效数字，数值不可能正确`;
    }
  },
  "value.negative": (f, c) => `${c.name(f.codes[0])}为负数（${f.raw}），应不小于 0`,
  "value.nonInteger": (f, c) => `${c.name(f.codes[0])}应为整数，填写的是 ${f.raw}`,
  "value.approximate": (f, c) => `${c.name(f.codes[0])}填写的是近似值“${f.raw}”，按 ${c.figure(f.codes[0], f.actual)} 计，不参与精确校验`,
  "value.percentPoints": (f, c) => `${c.name(f.codes[0])}填写的 ${f.raw} 已按百分数理解为 ${formatPercent(f.actual)}`,
  "value.invisibleCharacters": (f, c) => `${c.name(f.codes[0])}中含有不可见字符（零宽空格等，多从网页或 PDF 复制而来），已去除后按 ${c.figure(f.codes[0], f.actual)} 读取`,
  "value.uncachedFormula": (f, c) => `${c.name(f.codes[0])}是公式，但文件中没有保存计算结果，数值未知：请在 Excel 或 WPS 中打开，重新计算（F9）后保存`,
  "rate.outOfRange": (f, c) => `${c.name(f.codes[0])}为 ${formatPercent(f.actual)}，超出 0%–100% 的范围`,
  "rate.numeratorAboveDenominator": (f, c) =>
    `${c.name(f.codes[0])} ${formatNumber(f.details.numerator)} 大于 ${c.name(f.codes[1])} ${formatNumber(f.details.denominator)}，${c.name(f.codes[2])}将超过 100%`,
  "rate.inconsistent": (f, c) =>
    `${c.name(f.codes[2])}填报 ${formatStatedPercent(f.actual, f.details.resolution)}，但 ${c.name(f.codes[0])} ${formatNumber(f.details.numerator)} ÷ ${c.name(f.codes[1])} ${formatNumber(f.details.denominator)} = ${formatPercent(f.expected, f.details.resolution)}`,
  "rate.zeroDenominator": (f, c) => `${c.name(f.codes[1])}为 0，却填报了${c.name(f.codes[2])} ${formatPercent(f.actual)}`,
  "relation.failed": (f, c) => {
    const lead = RELATION_LEAD[f.details.kind];
    const values = c.namedValues(f.details.values, "，");
    const own = c.relationMessage(f.ruleId)?.zh;
    return `${own ?? lead}：${f.details.expr}（${values}）`;
  },
  "rule.invalid": (f) => `校验规则无法执行：${f.details.expr}（${f.details.problem}）`,
  "yoy.jump": (f, c) => {
    const code = f.codes[0];
    if (f.details.measure === "points") {
      const pp = ((f.actual - f.details.lastYear) * 100).toFixed(2);
      return `${c.name(code)}由上年 ${formatPercent(f.details.lastYear)} 变为 ${formatPercent(f.actual)}，变化 ${pp} 个百分点（提示阈值 ${f.details.threshold * 100} 个百分点）`;
    }
    const ratio = f.actual / f.details.lastYear;
    return `${c.name(code)}由上年 ${c.figure(code, f.details.lastYear)} 变为 ${c.figure(code, f.actual)}，是上年的 ${formatNumber(ratio, 2)} 倍（提示阈值：增减 ${f.details.threshold} 倍）`;
  },
  "sheet.noDistrict": () => "未填写区县名称",
  "sheet.noYear": () => "未填写年度，或不是四位年份",
  "sheet.missingIndicator": (f, c) => `表中找不到指标 ${c.name(f.codes[0])}（该行可能被删除）`,
  "sheet.duplicateIndicator": (f, c) => `指标 ${c.name(f.codes[0])} 出现在多行（第 ${f.details.rows.join("、")} 行），只读取第一行`,
  "sheet.mergedInput": (f, c) => `合并单元格 ${f.details.range} 覆盖了${f.codes.map((x) => c.name(x)).join("、")}的填报单元格：只显示一个数值，其余被隐藏，请取消合并`,
  "gather.duplicate": (f) => `${f.district}${f.year ? ` ${f.year} 年度` : ""}已有工作表“${f.details.keptSheet}”纳入汇总，本表未纳入`,
  "gather.otherEdition": (f) => `本表使用模板 ${f.details.edition}，与汇总所用的 ${f.details.expected} 不同，未纳入汇总`,
  "gather.noHeader": () => "找不到表头（编码、本年值等列），本表未纳入汇总",
  "gather.noDistrict": () => "未填写区县名称，本表未纳入汇总",
  "gather.otherYear": (f) => `填报年度为 ${f.year ?? "（未填）"}，与汇总年度 ${f.details.consolidationYear} 不同`,
  "gather.missingDistrict": (f) => `区县名单中的“${f.district}”没有填报表`,
  "peer.outlier": (f, c) =>
    `${c.name(f.codes[0])}为 ${c.figure(f.codes[0], f.actual)}，远离其他区县（${f.details.peers} 个区县的中位数 ${c.figure(f.codes[0], f.details.median)}，稳健 z 值 ${formatNumber(f.details.score, 1)}，阈值 ${f.details.threshold}）`,
  "peer.yoyOutlier": (f, c) =>
    `${c.name(f.codes[0])}由上年 ${c.figure(f.codes[0], f.details.lastYear)} 变为 ${c.figure(f.codes[0], f.actual)}，是上年的 ${formatNumber(f.details.ratio, 2)} 倍，与其他区县的变化不一致（${f.details.peers} 个区县的中位数 ${formatNumber(f.details.medianRatio, 2)} 倍）`,
  "peer.missing": (f, c) => `${c.name(f.codes[0])}未填报，而 ${f.details.districts} 个区县中有 ${f.details.reported} 个填报了该指标（中位数 ${c.figure(f.codes[0], f.details.median)}）`,
  "index.weights": (f) => weightsProblemText(f.details.problem, "zh"),
  "city.sumMismatch": (f, c) =>
    f.details.reporting === f.details.districts
      ? `全市填报${c.name(f.codes[0])}为 ${c.figure(f.codes[0], f.actual)}，与 ${f.details.districts} 个区县合计 ${c.figure(f.codes[0], f.details.sum)} 不符`
      : `全市填报${c.name(f.codes[0])}为 ${c.figure(f.codes[0], f.actual)}，小于已填报的 ${f.details.reporting} 个区县（共 ${f.details.districts} 个）合计 ${c.figure(f.codes[0], f.details.sum)}`,
};
