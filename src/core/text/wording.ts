import type { Lang } from "../findings/format";

/** The marks each language joins words with: Chinese full-width and tight, English ASCII with a space after. */
export interface Marks {
  /** Before what explains or lists: 说明：…, Explanation: … */
  readonly colon: string;
  /** Between the items of a list: 甲、乙; A, B. */
  readonly list: string;
  /** Between whole clauses or problems: 甲；乙; A; B. */
  readonly semicolon: string;
}

export const MARKS: Readonly<Record<Lang, Marks>> = {
  zh: { colon: "：", list: "、", semicolon: "；" },
  en: { colon: ": ", list: ", ", semicolon: "; " },
};

/** Words set aside in brackets after a word, as each language writes them: 已确认（另 2 项）, Accepted (+2 more). */
export function aside(text: string, lang: Lang): string {
  return lang === "zh" ? `（${text}）` : ` (${text})`;
}

/** An indicator's name in both languages, as an edition of the template gives it. */
type Named = { readonly zh: string; readonly en: string };

/**
 * An indicator as a sentence names it, code after: 直接纠错率（E05）, Direct correction rate (E05).
 * The bare code where the edition has no such indicator, rather than a name made up.
 */
export function nameThenCode(name: Named | undefined, code: string, lang: Lang): string {
  return name ? `${name[lang]}${aside(code, lang)}` : code;
}

/** An indicator as a list or a table labels it, code first: E05 直接纠错率 (the bare code where the edition has none). */
export function codeThenName(code: string, name: Named | undefined, lang: Lang): string {
  return name ? `${code} ${name[lang]}` : code;
}
