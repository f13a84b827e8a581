import type { Lang } from "../core/findings/format";

/** `huishen --help`, and the text after a usage error: one complete text per language (`--lang`). */
export const USAGE: Readonly<Record<Lang, string>> = {
  zh: `汇审 Huishen — 法治政府建设指标校验（English: add --lang en）

用法：
  huishen template -o 文件.xlsx [--district 区县名称] [--year 年度] [--lang zh|en] [--force]
      生成标准模板填报表
      --force  替换已存在的输出文件
  huishen validate 文件.xlsx [--json] [--lang zh|en] [--annotate 输出.xlsx]
      校验填报表，列出问题
      --annotate  另存一份标注了问题的副本（原文件不变）
  huishen extract 报告.txt|.html|.docx|.pdf [--json] [--lang zh|en] [-o 区县.xlsx --district 区县 --year 年度] [--sheet 已填报.xlsx]
      从报告中读出每个指标数字及其原句，检查报告文字本身
      -o       生成填报表：可信的数字填入（批注附原句），其余列在“待确认”工作表
      --sheet  与已填报的工作簿逐项比对，不改动该文件
  huishen review-report 文件.xlsx [-o 输出.xlsx] [--split 目录] [--json] [--lang zh|en]
      审核报告：按区县和状态汇总审核结论
      -o       另存加上“审核汇总”“审核意见-区县”工作表的副本
      --split  每个有退回修改问题的区县另存“审核意见-区县.xlsx”
  huishen consolidate 文件.xlsx... -o 汇总.xlsx [--json] [--lang zh|en] [--city 市级名称] [--districts 名单|@名单.txt]
                      [--year 年度] [--normalise min-max|goalposts] [--weights A=2,B=1,...] [--html 报告.html]
      汇总各区县填报表：复制区县表，生成汇总表、排名、综合指数、指数权重、问题清单，另存 HTML 图表报告
      （默认与输出文件同名，扩展名 .html）
      --city       市级表的“区县”名称：与区县合计比对，不参加排名
      --districts  应参加汇总的区县，逗号分隔，或每行一个名称的文件
      --weights    维度权重，未列出的维度为 1

所有命令：
  --lang zh|en    输出语言，默认中文
  --verbose       出错时同时显示技术细节
  --max-size MB   可解析的工作簿 XML 上限，默认 48（另存整本时适用；只读检查跳过无关的大表）
  输出文件从不覆盖输入文件；设置 SOURCE_DATE_EPOCH 时输出逐字节可重现。

退出码（validate、extract）：0 无错误 · 1 有错误 · 2 无法读取或用法错误
退出码（consolidate）：0 无错误和警告 · 1 有问题 · 2 无法读取或用法错误
退出码（review-report）：0 全部已确认或关闭 · 1 尚需处理 · 2 无法读取或用法错误
`,
  en: `汇审 Huishen — checks district indicator reports on law-based government construction

Usage:
  huishen template -o FILE.xlsx [--district NAME] [--year YEAR] [--lang zh|en] [--force]
      write a fill-in workbook of the standard template
      --force  replace an existing output file
  huishen validate FILE.xlsx [--json] [--lang zh|en] [--annotate OUT.xlsx]
      check a filled workbook and list the findings
      --annotate  save a flagged copy; the input is never changed
  huishen extract REPORT.txt|.html|.docx|.pdf [--json] [--lang zh|en] [-o DISTRICT.xlsx --district NAME --year YEAR] [--sheet FILLED.xlsx]
      read every figure with its sentence and check the text itself
      -o       a fill-in workbook: certain figures filled in (the note quotes the sentence), the rest on 待确认
      --sheet  compare with a filled workbook, which is never changed
  huishen review-report FILE.xlsx [-o OUT.xlsx] [--split FOLDER] [--json] [--lang zh|en]
      summarise the review by district and status
      -o       save a copy with the 审核汇总 and 审核意见-district sheets
      --split  one 审核意见-district.xlsx file per district with findings sent back
  huishen consolidate FILES.xlsx... -o SUMMARY.xlsx [--json] [--lang zh|en] [--city NAME] [--districts LIST|@LIST.txt]
                      [--year YEAR] [--normalise min-max|goalposts] [--weights A=2,B=1,...] [--html REPORT.html]
      consolidate district files into one workbook (district sheets, summary, ranks, composite index,
      weights, findings) and an HTML report with the index chart (default: the output's name with .html)
      --city       the city-level sheet's district name: checked against its districts, not ranked
      --districts  the districts expected, comma-separated, or a file with one name a line
      --weights    dimension weights; dimensions not named weigh 1

Every command:
  --lang zh|en    the language of the output, Chinese by default
  --verbose       add the technical detail to any error
  --max-size MB   how much workbook XML may be parsed, default 48 MB (large sheets a check does not need are skipped)
  Outputs never overwrite inputs; with SOURCE_DATE_EPOCH set, outputs are byte-for-byte reproducible.

Exit codes (validate, extract): 0 no errors · 1 errors found · 2 unreadable input or usage
Exit codes (consolidate): 0 no error or warning · 1 findings · 2 unreadable input or usage
Exit codes (review-report): 0 all accepted or closed · 1 findings still open or sent back · 2 unreadable input or usage
`,
};
