import type { Lang } from "../findings/format";

/**
 * A label on a sheet Huishen writes: Chinese only for a Chinese reader (a Chinese office's form and
 * report), Chinese then English for an English one. The Chinese comes first either way, so whatever
 * reads a sheet back matches on it.
 */
export function sheetLabel(label: { readonly zh: string; readonly en: string }, lang: Lang, sep = "\n"): string {
  return lang === "en" ? `${label.zh}${sep}${label.en}` : label.zh;
}
