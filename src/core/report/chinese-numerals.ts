/**
 * Chinese numerals as reports write them: 十二, 一百五十九, 两千零二十四, 三万五千, 1.2万 (the
 * multiplier after Arabic digits is handled by the figure finder). Pure parsing; whether a numeral
 * is a figure at all (三项制度 and “八五”普法 are names) is the finder's question.
 */

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** Characters a Chinese numeral is made of. */
export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿";

/**
 * The value of a Chinese numeral, or undefined when the characters do not form one
 * (十二 → 12, 一百零五 → 105, 两千零二十四 → 2024, 三万五千 → 35000, 十 → 10).
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text === "") return undefined;
  let total = 0; // completed 万/亿 groups
  let section = 0; // the group being read, below 万
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== undefined && digit !== 0 && DIGITS[ch] !== 0) return undefined; // 三五: not one numeral
      digit = DIGITS[ch];
    } else if (ch in SMALL_UNITS) {
      // 十 alone at the start means 一十.
      section += (digit ?? (section === 0 && ch === "十" ? 1 : undefined) ?? NaN) * SMALL_UNITS[ch];
      if (Number.isNaN(section)) return undefined;
      digit = undefined;
    } else if (ch in LARGE_UNITS) {
      const group = section + (digit ?? 0);
      if (group === 0 && total === 0) return undefined;
      // 一亿两千万: the 万 scales its own group only, under the 亿 already read.
      total = ch === "万" && total >= 1e8 ? total + group * 1e4 : (total + group) * LARGE_UNITS[ch];
      section = 0;
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0);
}
