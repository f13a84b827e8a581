/**
 * A formula filled down, as Excel's fill handle does it: `rows` below, every relative row reference is
 * that many rows further down (E7 → E9 for two rows), an absolute one stays ($E$5, E$5). Text in
 * quotes and sheet names are left as they are. For the formulas Huishen writes itself.
 */
export function filledDown(formula: string, rows: number): string {
  if (rows === 0) return formula;
  return formula.replace(TOKENS, (token: string, text: string | undefined, sheet: string | undefined, col: string | undefined, dollar: string, row: string) => {
    if (text !== undefined || sheet !== undefined || col === undefined || dollar === "$") return token;
    return `${col}${Number(row) + rows}`;
  });
}

/**
 * A string literal, a sheet name before `!` (quoted or not), or a cell reference: column letters with
 * their optional `$`, then the row with its own. A name followed by `(` is a function (LOG10), and a
 * reference is never part of a longer word.
 */
const TOKENS = /("(?:[^"]|"")*")|('(?:[^']|'')*'!|[A-Za-z_][\w.]*!)|(?<![\w.$])(\$?[A-Z]{1,3})(\$?)(\d+)(?![\w(.!])/g;
