/**
 * Excel writes functions newer than 2007 with a `_xlfn.` (or `_xlws.`, and `_xlpm.` for LET
 * parameters) prefix in the file; Excel's own `Range.formulas` hides it. Stripped outside string
 * literals, so every reader sees the same formula text a person sees.
 */
export function displayFormula(formula: string): string {
  // Most formulas have no prefix at all: nothing to split.
  if (!/_xl/i.test(formula)) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/_xl(?:fn|ws|pm)\./gi, "")))
    .join("");
}

/** A plan's formula (no `=`, prefixes as stored) as a host reads it back: `=` and no prefixes. */
export function formulaAsRead(formula: string): string {
  return `=${displayFormula(formula)}`;
}
