import { flat } from "../text/flat";
import type { LoadedTemplate } from "../template/load";
import type { Finding, FindingCode } from "./finding";
import { formatFigure, type Lang } from "./format";
import { en } from "./locales/en";
import type { MessageContext, MessageMap } from "./locales/types";
import { zhCN } from "./locales/zh-CN";
import { nameThenCode } from "../text/wording";

const MAPS: Record<Lang, MessageMap> = { zh: zhCN, en };

export const SEVERITY_LABEL: Record<Lang, Record<Finding["severity"], string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

export function messageContext(template: LoadedTemplate, lang: Lang): MessageContext {
  const indicator = (code: string) => template.byCode.get(code);
  // A large run words tens of thousands of findings over the template's hundred-odd indicators and
  // two dozen rules: each name and each rule is looked up once, not once per message.
  const names = new Map<string, string>();
  const relations = new Map<string, (typeof template.relations)[number]>();
  for (const r of template.relations) if (!relations.has(r.id)) relations.set(r.id, r);
  const name = (code: string) => {
    let text = names.get(code);
    if (text === undefined) names.set(code, (text = flat(nameThenCode(indicator(code)?.name, code, lang))));
    return text;
  };
  const figure = (code: string, v: number) => formatFigure(indicator(code), v, lang);
  return {
    indicator,
    name,
    figure,
    // Most findings of a large run are failed relations: their values are written by a loop, without entry pairs and a list to join.
    namedValues: (values, separator) => {
      let text = "";
      let first = true;
      for (const code in values) {
        text += `${first ? "" : separator}${name(code)} = ${figure(code, values[code])}`;
        first = false;
      }
      return text;
    },
    relationMessage: (ruleId) => relations.get(ruleId)?.message,
  };
}

// One context per edition and language: a large run renders thousands of findings against the same one.
const contexts = new WeakMap<LoadedTemplate, Partial<Record<Lang, MessageContext>>>();
// A finding's message is read several times (its cell's note, the check column, the findings sheet):
// worded once per language. Findings are never changed once made.
const rendered = new WeakMap<Finding, { readonly template: LoadedTemplate; text: Partial<Record<Lang, string>> }>();

/** A finding's message in the reader's language (zh-CN by default). */
export function renderFinding(f: Finding, template: LoadedTemplate, lang: Lang = "zh"): string {
  let memo = rendered.get(f);
  if (!memo || memo.template !== template) rendered.set(f, (memo = { template, text: {} }));
  return (memo.text[lang] ??= word(f, template, lang));
}

function word(f: Finding, template: LoadedTemplate, lang: Lang): string {
  const render = MAPS[lang][f.code] as (f: Finding<FindingCode>, c: MessageContext) => string;
  let byLang = contexts.get(template);
  if (!byLang) contexts.set(template, (byLang = {}));
  return flat(render(f, (byLang[lang] ??= messageContext(template, lang))));
}
