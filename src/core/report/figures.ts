/**
 * Every figure in a report's text, as reports write them: 1,046 and １５９, 1.8万 and 23.14亿元,
 * 650余场次 and 95%以上, 85.29% and 百分之九十五, 九成, 2.3个百分点 (a difference, not a rate),
 * 同比上升44.44% (a change, not a level), 3至5天; Chinese numerals before a measure word (十二个).
 * Years, dates, times, document numbers (〔2024〕9号), ordinals (第一, 一是, (一)), list markers
 * and numbers inside names in quotes (“八五”普法) are not figures. Each figure keeps its span in
 * the source so a person can be shown the sentence it came from. Which indicator a figure is for is
 * the next layer's question; this one only reads numbers.
 */
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from "./chinese-numerals";

export type FigureKind = "number" | "percent" | "points";

export interface TextFigure {
  /** The figure as written, approximation words included: `650余场次`, `95%以上`, `近300人`. */
  readonly raw: string;
  /** Its span in the source text, `[start, end)`. */
  readonly start: number;
  readonly end: number;
  readonly kind: FigureKind;
  /** The value: 万 and 亿 applied (1.8万 → 18000), percentages and points as fractions (85.29% → 0.8529). */
  readonly value: number;
  /** The unit written after it: 件, 人次, 万元, 亿元, %, 个百分点, 成… ("" for none). */
  readonly unit: string;
  /** Digits written after the decimal point: what a stated rate can be held to. */
  readonly decimals: number;
  /** 余, 多, 以上, 超过, 近, 约, 左右: the number is not exact; the word says which way. */
  readonly approximate?: string;
  /** 同比增长 / 下降 …: the figure is a change, not a level. */
  readonly change?: "up" | "down";
  /** 3至5天: the upper end (`value` is the lower). */
  readonly upTo?: number;
  /** Written in Chinese numerals (十二个): often part of a name (三项制度), so weaker evidence. */
  readonly chinese?: boolean;
}

const ARABIC = "[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?";
const CHINESE = `[${CHINESE_NUMERAL_CHARS}]+`;
/** Measure words and units reports put after a figure, longest first. */
const UNITS = [
  "个百分点", "万元", "亿元", "人次", "场次", "件次", "户次", "余人", "个", "件", "人", "次", "项", "条", "家", "所", "卷", "份", "期", "批", "户", "名",
  "场", "起", "宗", "篇", "部", "台", "套", "处", "座", "支", "位", "天", "日", "元", "万", "亿", "%", "％", "成",
];
const UNIT = UNITS.map((u) => u.replace(/[%％]/g, "\\$&")).join("|");
const AFTER = "(?:以上|左右|多|余)?";
const PATTERN = new RegExp(
  `(百分之)?(${ARABIC}|${CHINESE})([余多])?(?:\\s*[-—–~～至到]\\s*(${ARABIC}|${CHINESE}))?([万亿](?![元]))?([余多])?(${UNIT})?(${AFTER})`,
  "g",
);

const BEFORE_APPROX = ["超过", "近", "约", "逾", "达近"];
const CHANGE_UP = /(同比|比上年|较上年|较去年)?(增长|上升|提高|增加|提升)了?$/;
const CHANGE_DOWN = /(同比|比上年|较上年|较去年)?(下降|降低|减少|缩减)了?$/;

function ascii(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[，,]/g, "").replace(/．/g, ".");
}

function numberOf(token: string): { value: number; decimals: number; chinese: boolean } | undefined {
  if (/^[0-9０-９]/.test(token)) {
    const t = ascii(token);
    const value = Number(t);
    return Number.isFinite(value) ? { value, decimals: t.includes(".") ? t.split(".")[1].length : 0, chinese: false } : undefined;
  }
  const value = parseChineseNumeral(token);
  return value === undefined ? undefined : { value, decimals: 0, chinese: true };
}

/** Context that makes a number not a figure: a year, a date or time, a document number, an ordinal, a list marker, a name. */
function notAFigure(text: string, start: number, end: number, token: string, unit: string): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 2);
  const prev = before.slice(-1);
  const next = after.slice(0, 1);
  const digits = ascii(token);
  if (/^\d{4}$/.test(digits) && Number(digits) >= 1949 && Number(digits) <= 2100 && /^(年|-|\/|\.|\s*年)/.test(text.slice(end, end + 2))) return true;
  if (/^[年月日时:：\-/]/.test(next) && unit === "") return true; // 2月27日, 09:28, 2024-02-27
  if (/[-/:：]$/.test(before) && /^\d/.test(digits)) return true; // the 27 of 2024-02-27, the 28 of 09:28
  if (unit === "日" && /月$/.test(before)) return true; // 2月27日
  if (prev === "第" || /[〔［[【]/.test(prev) || /^[〕］\]】号]/.test(next)) return true; // 第一, 〔2024〕9号
  if (prev === "“" || next === "”") return true; // “八五”普法, “十四五”
  if (/^[、.．)）]/.test(next) && unit === "") return true; // 一、 1. (1) list markers
  if ((prev === "(" || prev === "（") && /^[)）]/.test(next)) return true;
  if (/^(是|要|方面|热线)/.test(after) && unit === "") return true; // 一是, 12345热线
  return false;
}

/** The change word just before the figure (同比上升44.44%), if any. */
function changeBefore(text: string, start: number): "up" | "down" | undefined {
  const before = text.slice(Math.max(0, start - 8), start);
  if (CHANGE_UP.test(before)) return "up";
  if (CHANGE_DOWN.test(before)) return "down";
  return undefined;
}

export function findFigures(text: string): TextFigure[] {
  const out: TextFigure[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const [whole, percentWord, token, approxInner, upToToken, multiplier, approxAfterMultiplier, unitWritten = "", after = ""] = m;
    let start = m.index!;
    let end = start + whole.length;
    const n = numberOf(token);
    if (!n) continue;
    let unit = unitWritten;
    // 成 only after a numeral meant as a share (九成); elsewhere it is a word (完成, 建成).
    if (unit === "成" && !/^[一二三四五六七八九十0-9０-９.]+$/.test(token)) unit = "";
    if (n.chinese && !percentWord && unit === "") continue; // 三项制度 has a unit; 五大程序, “八五” have none
    if (n.chinese && n.value === 1 && !percentWord) continue; // 一次, 一件事: idioms, not a count of one
    if (notAFigure(text, start, start + (percentWord?.length ?? 0) + token.length, token, unit + (multiplier ?? ""))) continue;

    const scale = multiplier === "万" || unit === "万" ? 1e4 : multiplier === "亿" || unit === "亿" ? 1e8 : 1;
    const percent = Boolean(percentWord) || unit === "%" || unit === "％" || unit === "成";
    const points = unit === "个百分点";
    let value = n.value * scale;
    if (percentWord || unit === "%" || unit === "％" || points) value = n.value / 100;
    if (unit === "成") value = n.value / 10;
    if (unit === "亿元") value = n.value * 1e8;
    if (unit === "万元") value = n.value * 1e4;

    let approximate = approxInner ?? approxAfterMultiplier ?? (after !== "" ? after : undefined);
    const lead = BEFORE_APPROX.find((w) => text.slice(start - w.length, start) === w);
    if (lead) {
      start -= lead.length;
      approximate ??= lead;
    }
    // A trailing 余/多 the regex left for the unit position: keep the span to what was matched.
    end = Math.max(end, start);
    const upTo = upToToken !== undefined ? numberOf(upToToken)?.value : undefined;
    out.push({
      raw: text.slice(start, end),
      start,
      end,
      kind: points ? "points" : percent ? "percent" : "number",
      value: roundFloat(value),
      unit: multiplier && unit === "" ? multiplier : multiplier ? `${multiplier}${unit}` : unit,
      decimals: n.decimals,
      ...(approximate ? { approximate } : {}),
      ...(changeBefore(text, start) ? { change: changeBefore(text, start) } : {}),
      ...(upTo !== undefined ? { upTo: roundFloat(upTo * (percent ? 1 / 100 : scale)) } : {}),
      ...(n.chinese ? { chinese: true } : {}),
    });
  }
  return out;
}

/** 0.8529 rather than 0.8528999999999999: the value as written, within float precision. */
function roundFloat(v: number): number {
  return Number(v.toPrecision(12));
}
