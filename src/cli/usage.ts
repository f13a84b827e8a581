export const USAGE = `汇审 Huishen — 法治政府建设指标校验 (checks district indicator reports)

用法 Usage:
  huishen template -o 文件.xlsx [--district 区县名称] [--year 年度]
      生成标准模板填报表 / write a fill-in workbook of the standard template
  huishen validate 文件.xlsx [--json] [--lang zh|en] [--annotate 输出.xlsx]
      校验填报表，列出问题 / check a filled workbook and list the findings
      --annotate  另存一份标注了问题的副本（原文件不变）/ save a flagged copy; the input is never changed

退出码 Exit codes (validate): 0 无错误 no errors · 1 有错误 errors found · 2 无法读取 unreadable input
`;
