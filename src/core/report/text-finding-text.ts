/** A text finding in words, Chinese first: what the report says, what its own figures give, where. */
import { formatFigure, formatPercent, type Lang } from "../findings/format";
import { translator } from "../text/translate";
import type { LoadedTemplate } from "../template/load";
import type { SheetTextFinding } from "./sheet-vs-text";
import type { TextFinding } from "./text-checks";
import { MARKS, nameThenCode } from "../text/wording";

const zh = {
  "text.rateInconsistent": "{rate}写为 {stated}，但同一句中 {num} {n} ÷ {den} {d} = {ratio}。",
  "text.rateRounding": "{rate}写为 {stated}，按同一句中的 {num} {n} ÷ {den} {d} 应为 {ratio}；只差末位或为截断，供参考。",
  "text.rateUndetermined.countMissing": "{rate}写为 {stated}，但同一句只给出了它的分子或分母之一，无法判断是否一致。",
  "text.rateUndetermined.approximate": "{rate}写为 {stated}，但同一句中的计数是近似值（如“余”“以上”），无法判断是否一致。",
  "text.rateUndetermined.definition": "{rate}写为 {stated}，但句中另有口径说明（如“含上年结转”），不能简单按 {num} ÷ {den} 判断。",
  "text.relationFailed": "同一句中的{names}不符合“{expr}”：{values}。",
  "text.statedTwice": "报告中{name}出现了不同的数值：{values}。",
  "text.sheetDiffers": "{cell} 的{name}填报 {sheet}，但报告写的是 {text}：“{sentence}”",
  "text.shareInconsistent": "所占比例写为 {stated}，但 {part} ÷ {total} = {ratio}。",
  "text.shareRounding": "所占比例写为 {stated}，按 {part} ÷ {total} 应为 {ratio}；只差末位或为截断，供参考。",
  "text.changeInconsistent": "变化写为 {stated}，但从 {last} 到 {current} 是 {ratio}。",
  "text.changeRounding": "变化写为 {stated}，从 {last} 到 {current} 应为 {ratio}；只差末位或为截断，供参考。",
} as const;

const en: { readonly [K in keyof typeof zh]: string } = {
  "text.rateInconsistent": "{rate} is stated as {stated}, but the same sentence gives {num} {n} ÷ {den} {d} = {ratio}.",
  "text.rateRounding": "{rate} is stated as {stated}; the same sentence's {num} {n} ÷ {den} {d} gives {ratio} — off only in the last digit or truncated (info).",
  "text.rateUndetermined.countMissing": "{rate} is stated as {stated}, but the sentence gives only one of its counts: whether it agrees cannot be determined.",
  "text.rateUndetermined.approximate": "{rate} is stated as {stated}, but the counts beside it are approximate: whether it agrees cannot be determined.",
  "text.rateUndetermined.definition": "{rate} is stated as {stated}, but the sentence gives it a definition of its own (e.g. including last year's cases): {num} ÷ {den} cannot settle it.",
  "text.relationFailed": "In one sentence, {names} break “{expr}”: {values}.",
  "text.statedTwice": "The report states {name} with different values: {values}.",
  "text.sheetDiffers": "{cell}: {name} is filled in as {sheet}, but the report says {text}: “{sentence}”",
  "text.shareInconsistent": "A share is stated as {stated}, but {part} ÷ {total} = {ratio}.",
  "text.shareRounding": "A share is stated as {stated}; {part} ÷ {total} gives {ratio} — off only in the last digit or truncated (info).",
  "text.changeInconsistent": "A change is stated as {stated}, but from {last} to {current} it is {ratio}.",
  "text.changeRounding": "A change is stated as {stated}; from {last} to {current} it is {ratio} — off only in the last digit or truncated (info).",
};

const text = translator(zh, en);

/** A sheet figure that differs from the report's, in words: the cell, both values, the sentence. */
export function sheetTextMessage(f: SheetTextFinding, t: LoadedTemplate, lang: Lang): string {
  const code = f.codes[0];
  const ind = t.byCode.get(code);
  return text.t(lang, "text.sheetDiffers", {
    cell: `${f.cell.sheet}!${f.cell.address}`,
    name: nameThenCode(ind?.name, code, lang),
    sheet: formatFigure(ind, f.actual ?? 0, lang),
    text: f.figures[0].raw,
    sentence: f.sentence.text,
  });
}

export function textFindingMessage(f: TextFinding, t: LoadedTemplate, lang: Lang): string {
  const name = (code: string) => nameThenCode(t.byCode.get(code)?.name, code, lang);
  const raw = (code: string) => f.figures.find((s) => s.code === code)?.raw ?? "";
  const sep = MARKS[lang].list;
  switch (f.code) {
    case "text.rateInconsistent":
    case "text.rateRounding":
    case "text.rateUndetermined": {
      const [rate, num, den] = f.codes;
      const params = {
        rate: name(rate),
        stated: raw(rate),
        num: name(num),
        n: raw(num),
        den: name(den),
        d: raw(den),
        ratio: f.expected !== undefined ? formatFigure(t.byCode.get(rate), f.expected, lang) : "",
      };
      if (f.code === "text.rateUndetermined") return text.message(lang, `text.rateUndetermined.${f.reason ?? "countMissing"}`, params);
      return text.message(lang, f.code, params);
    }
    case "text.relationFailed": {
      const relation = t.relations.find((r) => r.id === f.ruleId);
      return text.t(lang, "text.relationFailed", {
        names: f.codes.map(name).join(sep),
        expr: relation?.expr ?? f.codes.join(" ? "),
        values: f.figures.map((s) => `${s.code} ${s.raw}`).join(sep),
      });
    }
    case "text.statedTwice":
      return text.t(lang, "text.statedTwice", { name: name(f.codes[0]), values: f.figures.map((s) => s.raw).join(sep) });
    case "text.shareInconsistent":
    case "text.shareRounding": {
      const [stated, part, total] = f.figures;
      return text.t(lang, f.code, { stated: stated.raw, part: part.raw, total: total.raw, ratio: formatPercent(f.expected ?? 0) });
    }
    case "text.changeInconsistent":
    case "text.changeRounding": {
      const [stated, current, last] = f.figures;
      const ratio = `${(f.expected ?? 0) >= 0 ? "+" : "−"}${formatPercent(Math.abs(f.expected ?? 0))}`;
      return text.t(lang, f.code, { stated: stated.raw, current: current.raw, last: last.raw, ratio });
    }
  }
}
