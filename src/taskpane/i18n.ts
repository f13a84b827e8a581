/**
 * Every string the task pane shows, in Chinese and English. `en` is typed against `zh`'s keys,
 * so a key missing from either map (or a stray one) is a compile error.
 * Placeholders are `{name}`, filled by `t(lang, key, { name })`.
 */

import type { Lang } from "../core/findings/format";
import { en } from "./locales/en";
import { zh } from "./locales/zh-CN";

export type { Lang };

export type MessageKey = keyof typeof zh;

/** The `{name}` placeholders of a message, from its Chinese text: a missing or stray parameter does not compile. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
export type MessageParams<K extends MessageKey> = Readonly<Record<Placeholders<(typeof zh)[K]>, string | number>>;

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** A message in the reader's language, with `{name}` placeholders filled (exactly the ones it has). */
export function t<K extends MessageKey>(lang: Lang, key: K, ...args: Placeholders<(typeof zh)[K]> extends never ? [] : [MessageParams<K>]): string {
  const text = MESSAGES[lang][key];
  const params = args[0] as Readonly<Record<string, string | number>> | undefined;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A message whose key is data (a notice kept in state, a button table): its placeholders cannot be
 * checked at compile time, so unknown ones stay visible rather than vanish.
 */
export function message(lang: Lang, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  return (t as (lang: Lang, key: MessageKey, params?: Readonly<Record<string, string | number>>) => string)(lang, key, params);
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
