import type { Lang } from "../findings/format";
import { translator } from "../text/translate";
import type { LogProblem } from "./log";

const zh = {
  label: "审核记录异常",
  sep: "、",
  time: "时间",
  findingId: "问题编号",
  status: "状态",
  malformed: "第 {row} 行缺少或无法识别{what}，该行未计入",
  brokenChain: "第 {row} 行的校验码不符：该行或其前面的记录在写入后被改动、删除或插入",
  noDigest: "第 {row} 行没有校验码：不是汇审写入的记录",
  timeBackwards: "第 {row} 行的时间 {at} 早于上一条记录的 {before}：按写入顺序处理",
  unknownFinding: "第 {row} 行的问题编号 {id} 不对应本工作簿中的任何问题或区县，该行未计入",
  legacy: "前 {rows} 行由旧版本写入，没有校验码，无法发现改动",
} as const;

const { t } = translator(zh, {
  label: "Review log anomaly",
  sep: ", ",
  time: "time",
  findingId: "finding id",
  status: "status",
  malformed: "Row {row}: {what} missing or unreadable; the row is not counted",
  brokenChain: "Row {row}: the digest does not match; this row or one before it was edited, deleted or inserted after it was written",
  noDigest: "Row {row} has no digest: it was not written by Huishen",
  timeBackwards: "Row {row}: its time {at} is earlier than the row before ({before}); rows are read in the order written",
  unknownFinding: "Row {row}: finding {id} matches no finding or district of this workbook; the row is not counted",
  legacy: "The first {rows} rows were written by an older version without digests; changes to them cannot be detected",
});

/** 审核记录异常 / Review log anomaly: the label every log problem is shown under. */
export const LOG_PROBLEM_LABEL: Record<Lang, string> = { zh: t("zh", "label"), en: t("en", "label") };

/** One log problem in the reader's language, naming the row of the hidden 汇审审核 sheet. */
export function logProblemText(p: LogProblem, lang: Lang): string {
  switch (p.kind) {
    case "malformed":
      return t(lang, "malformed", { row: p.row, what: p.missing.map((m) => t(lang, m)).join(t(lang, "sep")) });
    case "brokenChain":
    case "noDigest":
      return t(lang, p.kind, { row: p.row });
    case "timeBackwards":
      return t(lang, "timeBackwards", { row: p.row, at: p.at, before: p.before });
    case "unknownFinding":
      return t(lang, "unknownFinding", { row: p.row, id: p.findingId });
    case "legacy":
      return t(lang, "legacy", { rows: p.rows });
  }
}
