/**
 * A formula filled down, as Excel's fill handle does it: `rows` below, every relative row reference is
 * that many rows further down (E7 → E9 for two rows), an absolute one stays ($E$5, E$5). Text in
 * quotes and sheet names are left as they are. For the formulas Huishen writes itself.
 */
export function filledDown(formula: string, rows: number): string {
  return fillDownBy(formula)(rows);
}

/** A relative row reference in a formula: its column (with any `$`) and row. */
interface RowReference {
  readonly col: string;
  readonly row: number;
}

/**
 * `filledDown` for one formula at many offsets (a column of thousands): the formula is split at its
 * relative row references once, and each offset only joins the pieces.
 */
export function fillDownBy(formula: string): (rows: number) => string {
  const pieces: (string | RowReference)[] = [];
  let last = 0;
  for (const m of formula.matchAll(TOKENS)) {
    const [token, text, sheet, col, dollar, row] = m;
    if (text !== undefined || sheet !== undefined || col === undefined || dollar === "$") continue;
    pieces.push(formula.slice(last, m.index), { col, row: Number(row) });
    last = m.index! + token.length;
  }
  if (last === 0) return () => formula;
  pieces.push(formula.slice(last));
  return (rows) => (rows === 0 ? formula : pieces.map((p) => (typeof p === "string" ? p : `${p.col}${p.row + rows}`)).join(""));
}

/**
 * A string literal, a sheet name before `!` (quoted or not), or a cell reference: column letters with
 * their optional `$`, then the row with its own. A name followed by `(` is a function (LOG10), and a
 * reference is never part of a longer word.
 */
const TOKENS = /("(?:[^"]|"")*")|('(?:[^']|'')*'!|[A-Za-z_][\w.]*!)|(?<![\w.$])(\$?[A-Z]{1,3})(\$?)(\d+)(?![\w(.!])/g;
