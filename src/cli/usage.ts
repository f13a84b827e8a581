export const USAGE = `汇审 Huishen — 法治政府建设指标校验 (checks district indicator reports)

用法 Usage:
  huishen template -o 文件.xlsx [--district 区县名称] [--year 年度] [--force]
      生成标准模板填报表 / write a fill-in workbook of the standard template
      --force  替换已存在的输出文件 / replace an existing output file
  huishen validate 文件.xlsx [--json] [--lang zh|en] [--annotate 输出.xlsx]
      校验填报表，列出问题 / check a filled workbook and list the findings
      --annotate  另存一份标注了问题的副本（原文件不变）/ save a flagged copy; the input is never changed
  huishen extract 报告.txt|.html|.docx|.pdf [--json] [--lang zh|en] [-o 区县.xlsx --district 区县 --year 年度] [--sheet 已填报.xlsx]
      从报告中读出每个指标数字及其原句，检查报告文字本身 / read every figure with its sentence and check the text itself
      -o       生成填报表：可信的数字填入（批注附原句），其余列在“待确认”工作表 / a fill-in workbook: certain figures filled in, the rest on 待确认
      --sheet  与已填报的工作簿逐项比对，不改动该文件 / compare with a filled workbook (never changed)
  huishen review-report 文件.xlsx [-o 输出.xlsx] [--split 目录] [--json] [--lang zh|en]
      审核报告：按区县和状态汇总审核结论 / summarise the review by district and status
      -o       另存加上“审核汇总”“审核意见-区县”工作表的副本 / save a copy with the 审核汇总 and 审核意见 sheets
      --split  每个有退回修改问题的区县另存“审核意见-区县.xlsx” / one 审核意见 file per district with findings sent back
  huishen consolidate 文件.xlsx... -o 汇总.xlsx [--json] [--lang zh|en] [--city 市级名称] [--districts 名单|@名单.txt]
                      [--year 年度] [--normalise min-max|goalposts] [--weights A=2,B=1,...] [--html 报告.html]
      汇总各区县填报表：复制区县表，生成汇总表、排名、综合指数、指数权重、问题清单，另存 HTML 图表报告
      / consolidate district files into one workbook (district sheets, summary, ranks, composite index,
        weights, findings) and an HTML report with the index chart (default: the output name with .html)
      --city       市级表的“区县”名称：与区县合计比对，不参加排名 / the city-level sheet: checked against its districts, not ranked
      --districts  应参加汇总的区县，逗号分隔或每行一个的文件 / expected districts, comma-separated or @file, one a line
      --weights    维度权重，未列出的维度为 1 / dimension weights; dimensions not named weigh 1

所有命令 Every command:
  --verbose       出错时同时显示技术细节 / add the technical detail to any error
  --max-size MB   可解析的工作簿 XML 上限，默认 48（另存整本时适用；只读检查跳过无关的大表）
                  / how much workbook XML may be parsed, default 48 MB (large sheets a check does not need are skipped)
  输出文件从不覆盖输入文件；设置 SOURCE_DATE_EPOCH 时输出逐字节可重现。
  Outputs never overwrite inputs; with SOURCE_DATE_EPOCH set, outputs are byte-for-byte reproducible.

退出码 Exit codes (validate, extract): 0 无错误 no errors · 1 有错误 errors found · 2 无法读取 unreadable input
退出码 Exit codes (consolidate): 0 无错误和警告 no error or warning · 1 有问题 findings · 2 无法读取或用法错误 unreadable input or usage
退出码 Exit codes (review-report): 0 全部已确认或关闭 all accepted or closed · 1 尚需处理 findings still open or sent back · 2 无法读取 unreadable input
`;
