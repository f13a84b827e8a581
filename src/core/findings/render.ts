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

/** Per edition and language: the words messages are made of, and each finding's message once made. */
interface Wording {
  readonly context: MessageContext;
  // A finding's message is read several times (its cell's note, the check column, the findings sheet):
  // worded once. Findings are never changed once made. The message itself is all a finding keeps here.
  readonly messages: WeakMap<Finding, string>;
}

const wordings = new WeakMap<LoadedTemplate, Partial<Record<Lang, Wording>>>();

/** A finding's message in the reader's language (zh-CN by default). */
export function renderFinding(f: Finding, template: LoadedTemplate, lang: Lang = "zh"): string {
  let byLang = wordings.get(template);
  if (!byLang) wordings.set(template, (byLang = {}));
  const wording = (byLang[lang] ??= { context: messageContext(template, lang), messages: new WeakMap() });
  let text = wording.messages.get(f);
  if (text === undefined) {
    const render = MAPS[lang][f.code] as (f: Finding<FindingCode>, c: MessageContext) => string;
    wording.messages.set(f, (text = flat(render(f, wording.context))));
  }
  return text;
}
