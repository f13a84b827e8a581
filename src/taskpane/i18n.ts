/**
 * Every string the task pane shows, in Chinese and English. `en` is typed against `zh`'s keys,
 * so a key missing from either map (or a stray one) is a compile error.
 * Placeholders are `{name}`, filled by `t(lang, key, { name })`.
 */

import type { Lang } from "../core/findings/format";
import { en } from "./locales/en";
import { zh } from "./locales/zh-CN";
import { translator } from "../core/text/translate";

export type { Lang };

export type MessageKey = keyof typeof zh;

const text = translator(zh, en);

export const MESSAGES = text.maps;

/** A message in the reader's language, with `{name}` placeholders filled (exactly the ones it has). */
export const t = text.t;

/**
 * A message whose key is data (a notice kept in state, a button table): its placeholders cannot be
 * checked at compile time, so unknown ones stay visible rather than vanish.
 */
export const message = text.message;

/** Office's display language ("zh-CN", "zh-TW", "en-US"…) → the pane's language: Chinese unless clearly not. */
export function langFromLocale(locale: string | undefined): Lang {
  if (!locale) return "zh";
  return locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** The BCP 47 tag for the `lang` attribute. */
export function htmlLang(lang: Lang): string {
  return lang === "zh" ? "zh-CN" : "en";
}
