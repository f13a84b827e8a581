/** Excel's sheet names: 1–31 characters, none of []:*?/\, no quote at either end; "History" is reserved. Both adapters refuse a plan that breaks this. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 31) return `sheet name "${name}" must have 1 to 31 characters`;
  if (/[[\]:*?/\\]/.test(name)) return `sheet name "${name}" contains one of [ ] : * ? / \\`;
  if (/^'|'$/.test(name)) return `sheet name "${name}" starts or ends with a quote`;
  if (name.toLowerCase() === "history") return `sheet name "History" is reserved by Excel`;
  return undefined;
}
