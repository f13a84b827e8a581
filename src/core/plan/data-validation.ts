/**
 * Excel's data validation (drop-down lists and number bounds on input cells) as a plan asks for it:
 * the checks both adapters make before writing, so a plan is refused the same way everywhere.
 * Not to be confused with checking figures (the core's `checks/`).
 */
import type { InputRuleSpec } from "./write-plan";
import { parseRange } from "./range";

/** Excel's limits: beyond them Excel reports the file as damaged. */
export const VALIDATION_LIMITS = { title: 32, prompt: 255, error: 225, listLiteral: 255 } as const;

/** Plan misuse Excel would reject; checked before anything is written. */
export function validationProblems(v: InputRuleSpec): string[] {
  const out: string[] = [];
  const ranges = splitRanges(v.range);
  if (ranges.length === 0 || ranges.some((r) => !parseRange(r))) out.push(`bad range "${v.range}"`);
  if (v.type === "list") {
    const list = v.list ?? [];
    if (list.length === 0) out.push("list validation without items");
    if (list.some((s) => s.includes(","))) out.push("a list item contains a comma (Excel splits on it)");
    if (listLiteral(list).length - 2 > VALIDATION_LIMITS.listLiteral) {
      out.push(`list longer than ${VALIDATION_LIMITS.listLiteral} characters`);
    }
  } else {
    const op = v.operator ?? "between";
    if (v.min === undefined || (op === "between" && v.max === undefined)) out.push(`${op} needs min${op === "between" ? " and max" : ""}`);
  }
  if ((v.promptTitle?.length ?? 0) > VALIDATION_LIMITS.title) out.push("promptTitle longer than 32");
  if ((v.errorTitle?.length ?? 0) > VALIDATION_LIMITS.title) out.push("errorTitle longer than 32");
  if ((v.prompt?.length ?? 0) > VALIDATION_LIMITS.prompt) out.push("prompt longer than 255");
  if ((v.error?.length ?? 0) > VALIDATION_LIMITS.error) out.push("error longer than 225");
  return out;
}

export function splitRanges(range: string): string[] {
  return range.split(/[\s,;]+/).filter((s) => s !== "");
}

/** `"a,b,c"`: a list literal in formula syntax (quotes inside doubled). */
export function listLiteral(items: readonly string[]): string {
  return `"${items.map((s) => s.replace(/"/g, '""')).join(",")}"`;
}
