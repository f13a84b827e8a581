import type { Lang } from "../findings/format";
import type { LogProblem } from "./log";

/** 审核记录异常 / Review log anomaly: the label every log problem is shown under. */
export const LOG_PROBLEM_LABEL: Record<Lang, string> = { zh: "审核记录异常", en: "Review log anomaly" };

/** One log problem in the reader's language, naming the row of the hidden 汇审审核 sheet. */
export function logProblemText(p: LogProblem, lang: Lang): string {
  const zh = lang === "zh";
  switch (p.kind) {
    case "malformed": {
      const what = p.missing.map((m) => (zh ? { time: "时间", findingId: "问题编号", status: "状态" }[m] : { time: "time", findingId: "finding id", status: "status" }[m]));
      return zh ? `第 ${p.row} 行缺少或无法识别${what.join("、")}，该行未计入` : `Row ${p.row}: ${what.join(", ")} missing or unreadable; the row is not counted`;
    }
    case "brokenChain":
      return zh ? `第 ${p.row} 行的校验码不符：该行或其前面的记录在写入后被改动、删除或插入` : `Row ${p.row}: the digest does not match; this row or one before it was edited, deleted or inserted after it was written`;
    case "noDigest":
      return zh ? `第 ${p.row} 行没有校验码：不是汇审写入的记录` : `Row ${p.row} has no digest: it was not written by Huishen`;
    case "timeBackwards":
      return zh ? `第 ${p.row} 行的时间 ${p.at} 早于上一条记录的 ${p.before}：按写入顺序处理` : `Row ${p.row}: its time ${p.at} is earlier than the row before (${p.before}); rows are read in the order written`;
    case "unknownFinding":
      return zh ? `第 ${p.row} 行的问题编号 ${p.findingId} 不对应本工作簿中的任何问题或区县，该行未计入` : `Row ${p.row}: finding ${p.findingId} matches no finding or district of this workbook; the row is not counted`;
    case "legacy":
      return zh ? `前 ${p.rows} 行由旧版本写入，没有校验码，无法发现改动` : `The first ${p.rows} rows were written by an older version without digests; changes to them cannot be detected`;
  }
}
