/** The words of the review's report sheets (审核汇总, 审核意见-区县), in the report's language. */
import { translator } from "../text/translate";

export const { t: sheetText } = translator(
  {
    sep: "、",
    summaryTitle: "审核汇总",
    generated: "生成时间",
    summaryNote: "确认无误和已关闭的问题不再需要处理；“其中重新打开”是待处理中数值在决定后又改变的问题。",
    total: "合计",
    details: "明细",
    opinionTitle: "{district}指标审核意见（退回修改）",
    opinionTitleYears: "{district} {years} 年度指标审核意见（退回修改）",
    opinionNone: "目前没有退回修改的问题。",
    opinionIntro: "以下 {count} 个问题经审核退回，请核实后在填报表中更正相应单元格（或说明理由），并重新报送。",
    district: "区县",
    year: "年度",
  } as const,
  {
    sep: ", ",
    summaryTitle: "Review summary",
    generated: "Generated",
    summaryNote: "Accepted and closed findings need nothing more; “reopened” counts the open findings whose figures changed after a decision.",
    total: "Total",
    details: "Details",
    opinionTitle: "Review: findings sent back to {district}",
    opinionTitleYears: "Review: findings sent back to {district} ({years})",
    opinionNone: "Nothing is sent back at present.",
    opinionIntro: "The {count} findings below were sent back: please check and correct the cells in the fill-in sheet (or explain), then submit again.",
    district: "District",
    year: "Year",
  },
);
