import type { Lang } from "../core/findings/format";
import type { SheetReadFailure } from "../core/sheet/read-template";

/** Why a workbook cannot be checked, in words a statistician understands. */
export function describeFailure(f: SheetReadFailure, lang: Lang): string {
  const zh = lang === "zh";
  switch (f.reason) {
    case "noMarker":
      return zh
        ? `“${f.sheet}”中没有汇审模板工作表（请用“huishen template”或加载项插入模板后填写）。`
        : `"${f.sheet}" has no Huishen template sheet (insert one with "huishen template" or the add-in, then fill it).`;
    case "unknownTemplate": {
      const known = f.knownVersions.length ? f.knownVersions.join("、") : zh ? "无" : "none";
      return zh
        ? `工作表“${f.sheet}”使用模板 ${f.id} 的版本 ${f.version}，本程序不认识该版本（已知版本：${known}）。`
        : `Sheet "${f.sheet}" uses template ${f.id} version ${f.version}, which this program does not know (known: ${known}).`;
    }
    case "noHeader":
      return zh
        ? `工作表“${f.sheet}”是汇审模板，但找不到表头行（编码、本年值……），可能被删除或改动。`
        : `Sheet "${f.sheet}" is a Huishen template but its header row (编码, 本年值, …) is missing or changed.`;
  }
}
