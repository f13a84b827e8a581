/** A report's text read whole: the figures mapped to indicators, and what cannot be right in the text itself. */
import type { LoadedTemplate } from "../template/load";
import { readReport, type ReadCandidate } from "./read-report";
import { checkTextArithmetic } from "./text-arithmetic";
import { checkReportText, type TextFinding } from "./text-checks";

export interface ReportReading {
  readonly candidates: readonly ReadCandidate[];
  readonly findings: readonly TextFinding[];
}

export function readReportText(text: string, t: LoadedTemplate): ReportReading {
  const candidates = readReport(text, t);
  return { candidates, findings: [...checkReportText(candidates, t), ...checkTextArithmetic(text)] };
}

/** The sentence shortened to `width` characters either side of the figure: enough to recognise it on one line. */
export function sentenceExcerpt(c: ReadCandidate, width: number): string {
  const s = c.sentence;
  const from = Math.max(s.start, c.figure.start - width);
  const to = Math.min(s.end, c.figure.end + width);
  return `${from > s.start ? "…" : ""}${s.text.slice(from - s.start, to - s.start)}${to < s.end ? "…" : ""}`;
}
