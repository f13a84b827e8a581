/**
 * Every string the task pane shows, in Chinese and English. `en` is typed against `zh`'s keys,
 * so a key missing from either map (or a stray one) is a compile error.
 * Placeholders are `{name}`, filled by `t(lang, key, { name })`.
 */

export type Lang = "zh" | "en";

const zh = {
  "app.title": "汇审 Huishen",
  "app.subtitle": "法治政府建设指标填报与校验",
  "app.noHost": "汇审需要在 Excel 中运行：请从 Excel 的“开始”选项卡打开此加载项。",
  "lang.group": "界面语言",
  "lang.zh": "中文",
  "lang.en": "English",

  "insert.heading": "插入模板",
  "insert.intro": "插入一张受保护的填报表：只有白色单元格可以填写。",
  "insert.template": "模板版本",
  "insert.district": "区县",
  "insert.districtPlaceholder": "例如 荣昌区",
  "insert.districtRequired": "请填写区县名称。",
  "insert.year": "年度",
  "insert.yearInvalid": "请填写四位年份（2000–2100），例如 {year}。",
  "insert.button": "插入模板",
  "insert.running": "正在插入填报表…",
  "insert.done": "已插入工作表“{sheet}”。",
  "insert.duplicateTitle": "已有同一区县和年度的填报表",
  "insert.duplicateBody": "工作簿中已有 {district} {year} 年的填报表：",
  "insert.duplicateQuestion": "仍然新建一张工作表“{sheet}”吗？已有的工作表不会被覆盖。",
  "insert.confirm": "仍然新建",
  "insert.cancel": "取消",

  "check.heading": "校验",
  "check.scope": "校验范围",
  "check.scopeActive": "当前工作表",
  "check.scopeAll": "所有填报表",
  "check.button": "校验",
  "check.clear": "清除标记",
  "check.running": "正在校验…",
  "check.liveRunning": "正在自动校验“{sheet}”…",
  "check.clearing": "正在清除标记…",
  "check.live": "编辑后自动校验",
  "check.liveHint": "编辑填报表后约 1.5 秒自动重新校验该表；以“校验”按钮的结果为准。",
  "check.noTemplateSheets": "没有找到汇审填报表。请先插入模板，或选择“所有填报表”。",
  "check.noTemplateActive": "当前工作表不是汇审填报表。",
  "check.noFindings": "已校验 {sheets} 张填报表，没有发现问题。",
  "check.checked": "已校验 {sheets} 张填报表。",
  "check.cleared": "已清除标记。",
  "check.failuresTitle": "以下工作表无法读取",
  "check.failureUnknownTemplate": "“{sheet}”：模板 {id} 的版本 {version} 未知（已知版本：{known}）。",
  "check.failureNoHeader": "“{sheet}”：找不到表头行（编码、本年值等），可能被删除或改动。",

  "legend.label": "标记颜色",
  "legend.error": "错误：必须更正",
  "legend.warning": "警告：请核实",
  "legend.info": "提示：供参考",

  "severity.error": "错误",
  "severity.warning": "警告",
  "severity.info": "提示",
  "counts.label": "问题数量",

  "findings.label": "校验发现的问题",
  "findings.hint": "点击某一条可在表中选中相应单元格。",
  "findings.sheetLevel": "整张工作表",
  "findings.where": "{district} · {sheet} · {cells}",
  "findings.whereNoDistrict": "{sheet} · {cells}",
  "findings.cellsSep": "、",

  "status.progress": "{done} / {total}",
  "error.title": "操作没有完成",
  "error.dismiss": "关闭",
  "error.unknown": "发生未知错误。请稍后重试。",
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  "app.title": "Huishen 汇审",
  "app.subtitle": "Law-based government indicators: fill-in and checks",
  "app.noHost": "Huishen runs inside Excel: open this add-in from Excel's Home tab.",
  "lang.group": "Display language",
  "lang.zh": "中文",
  "lang.en": "English",

  "insert.heading": "Insert template",
  "insert.intro": "Inserts a protected fill-in sheet: only the white cells can be typed in.",
  "insert.template": "Template edition",
  "insert.district": "District",
  "insert.districtPlaceholder": "e.g. 荣昌区",
  "insert.districtRequired": "Enter the district's name.",
  "insert.year": "Year",
  "insert.yearInvalid": "Enter a four-digit year (2000–2100), e.g. {year}.",
  "insert.button": "Insert template",
  "insert.running": "Inserting the fill-in sheet…",
  "insert.done": "Inserted the sheet “{sheet}”.",
  "insert.duplicateTitle": "A sheet for this district and year exists",
  "insert.duplicateBody": "The workbook already has a fill-in sheet for {district} {year}:",
  "insert.duplicateQuestion": "Create another sheet “{sheet}” anyway? The existing sheet is not overwritten.",
  "insert.confirm": "Create anyway",
  "insert.cancel": "Cancel",

  "check.heading": "Check",
  "check.scope": "What to check",
  "check.scopeActive": "The active sheet",
  "check.scopeAll": "Every fill-in sheet",
  "check.button": "Check",
  "check.clear": "Clear flags",
  "check.running": "Checking…",
  "check.liveRunning": "Re-checking “{sheet}”…",
  "check.clearing": "Clearing flags…",
  "check.live": "Check after each edit",
  "check.liveHint": "Re-checks a fill-in sheet about 1.5 s after an edit; the Check button gives the definitive result.",
  "check.noTemplateSheets": "No Huishen fill-in sheet found. Insert a template first, or choose every fill-in sheet.",
  "check.noTemplateActive": "The active sheet is not a Huishen fill-in sheet.",
  "check.noFindings": "Checked {sheets} fill-in sheet(s): no problems found.",
  "check.checked": "Checked {sheets} fill-in sheet(s).",
  "check.cleared": "Flags cleared.",
  "check.failuresTitle": "These sheets could not be read",
  "check.failureUnknownTemplate": "“{sheet}”: version {version} of template {id} is unknown (known: {known}).",
  "check.failureNoHeader": "“{sheet}”: the header row (Code, This year…) is missing or was changed.",

  "legend.label": "Flag colours",
  "legend.error": "Error: must be corrected",
  "legend.warning": "Warning: please verify",
  "legend.info": "Info: for reference",

  "severity.error": "Errors",
  "severity.warning": "Warnings",
  "severity.info": "Info",
  "counts.label": "Number of findings",

  "findings.label": "Findings",
  "findings.hint": "Click a finding to select its cells in the sheet.",
  "findings.sheetLevel": "Whole sheet",
  "findings.where": "{district} · {sheet} · {cells}",
  "findings.whereNoDistrict": "{sheet} · {cells}",
  "findings.cellsSep": ", ",

  "status.progress": "{done} / {total}",
  "error.title": "The action did not finish",
  "error.dismiss": "Dismiss",
  "error.unknown": "Something went wrong. Please try again later.",
};

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** A message in the reader's language, with `{name}` placeholders filled. */
export function t(lang: Lang, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const text = MESSAGES[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Office's display language ("zh-CN", "zh-TW", "en-US"…) → the pane's language: Chinese unless clearly not. */
export function langFromLocale(locale: string | undefined): Lang {
  if (!locale) return "zh";
  return locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** The BCP 47 tag for the `lang` attribute. */
export function htmlLang(lang: Lang): string {
  return lang === "zh" ? "zh-CN" : "en";
}
