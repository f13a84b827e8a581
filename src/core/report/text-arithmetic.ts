/**
 * Arithmetic a report's sentences state about themselves, whatever indicator they are about:
 * a share of a stated total (受理1,200件，其中网上受理960件，占80%) and a change stated with both
 * years' figures (受理337件，上年301件，同比增长12%). Held to the digits written, like every stated rate.
 */
import { findFigures, type TextFigure } from "./figures";
import { judgeStated, type FigureSpan, type TextFinding } from "./text-checks";
import type { TextSpan } from "./read-report";

const SENTENCE_END = /[。！？!?\n]/;

function sentences(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || SENTENCE_END.test(text[i])) {
      if (i > start) out.push({ start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
  }
  return out;
}

const span = (f: TextFigure): FigureSpan => ({ code: "", start: f.start, end: f.end, raw: f.raw, value: f.value });
const exact = (f: TextFigure) => f.kind === "number" && !f.approximate && f.upTo === undefined;
const sameUnit = (a: TextFigure, b: TextFigure) => a.unit !== "" && a.unit === b.unit;

function finding(code: "share" | "change", judged: "rounding" | "inconsistent", figures: TextFigure[], sentence: TextSpan, actual: number, expected: number): TextFinding {
  return {
    code: `text.${code}${judged === "rounding" ? "Rounding" : "Inconsistent"}`,
    severity: judged === "rounding" ? "info" : "warning",
    codes: [],
    figures: figures.map(span),
    sentence,
    actual,
    expected,
  };
}

/** 其中 B … 占 P: P against B ÷ A, where A is the figure of the same unit before 其中. */
function shares(text: string, s: TextSpan, figures: TextFigure[]): TextFinding[] {
  const out: TextFinding[] = [];
  figures.forEach((p, i) => {
    if (p.kind !== "percent" || p.change || p.approximate) return;
    const lead = text.slice(Math.max(s.start, p.start - 6), p.start);
    if (!/占(比|全部|总数|总量)?(为|达)?$/.test(lead)) return;
    const part = figures.slice(0, i).reverse().find(exact);
    if (!part) return;
    const qiZhong = text.lastIndexOf("其中", part.start);
    if (qiZhong < s.start) return;
    const total = figures.slice(0, i).reverse().find((f) => f.end <= qiZhong && exact(f) && sameUnit(f, part));
    if (!total || total.value === 0) return;
    const judged = judgeStated(p.value, p.decimals, part.value / total.value);
    if (judged !== "ok") out.push(finding("share", judged, [p, part, total], s, p.value, part.value / total.value));
  });
  return out;
}

/** 同比增长/下降 C with this year's and last year's (上年, 去年) figures of one unit in the sentence. */
function changes(text: string, s: TextSpan, figures: TextFigure[]): TextFinding[] {
  const out: TextFinding[] = [];
  for (const c of figures) {
    if (!c.change || c.kind !== "percent" || c.approximate) continue;
    const counts = figures.filter((f) => exact(f) && f !== c);
    // Last year's figure is named so just before it (上年301件, 去年同期为301件).
    const isLast = (f: TextFigure) => /上年|去年|上一年/.test(text.slice(Math.max(s.start, f.start - 8), f.start));
    const last = counts.find(isLast);
    const current = last ? counts.find((f) => f !== last && !isLast(f) && sameUnit(f, last)) : undefined;
    if (!last || !current || last.value === 0) continue;
    const real = (current.value - last.value) / last.value;
    const stated = c.change === "down" ? -c.value : c.value;
    // A 增长 that was a fall is wrong whatever its digits.
    const wrongWay = real !== 0 && Math.sign(real) !== Math.sign(stated);
    const judged = wrongWay ? "inconsistent" : judgeStated(Math.abs(stated), c.decimals, Math.abs(real));
    if (judged !== "ok") out.push(finding("change", judged, [c, current, last], s, stated, real));
  }
  return out;
}

export function checkTextArithmetic(text: string): TextFinding[] {
  const all = findFigures(text);
  const out: TextFinding[] = [];
  for (const s of sentences(text)) {
    const figures = all.filter((f) => f.start >= s.start && f.end <= s.end);
    if (figures.length < 3) continue;
    out.push(...shares(text, s, figures), ...changes(text, s, figures));
  }
  return out;
}
