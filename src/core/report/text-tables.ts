/**
 * Tables pasted into a report as text — cells separated by |, tabs or runs of spaces — found line
 * by line, so each figure in a cell can be read by its row's label and its column's header.
 */

export interface TableCell {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface TextTable {
  readonly start: number;
  readonly end: number;
  /** The first row is the header. */
  readonly rows: readonly (readonly TableCell[])[];
}

/** The cells of one line, or undefined when it is not a table row. */
function cellsOf(line: string, offset: number): TableCell[] | undefined {
  let parts: { text: string; at: number }[];
  const split = (sep: RegExp) => {
    const out: { text: string; at: number }[] = [];
    let at = 0;
    for (const piece of line.split(sep)) {
      const i = line.indexOf(piece, at);
      out.push({ text: piece, at: i });
      at = i + piece.length;
    }
    return out;
  };
  if ((line.match(/\|/g) ?? []).length >= 2) parts = split(/\|/);
  else if (line.includes("\t")) parts = split(/\t/);
  else if (/\S(\s{2,}|　+)\S/.test(line)) parts = split(/\s{2,}|　+/);
  else return undefined;
  const cells = parts
    .map((p) => {
      const lead = p.text.length - p.text.trimStart().length;
      const text = p.text.trim();
      return { start: offset + p.at + lead, end: offset + p.at + lead + text.length, text };
    })
    .filter((c, i, all) => c.text !== "" || (i > 0 && i < all.length - 1));
  if (cells.length < 2 || cells.every((c) => /^[-:—\s]*$/.test(c.text))) return cells.length >= 2 ? [] : undefined; // |---|---| rules
  return cells;
}

export function findTables(text: string): TextTable[] {
  const tables: TextTable[] = [];
  let rows: TableCell[][] = [];
  const close = () => {
    if (rows.length >= 2) tables.push({ start: rows[0][0].start, end: rows[rows.length - 1][rows[rows.length - 1].length - 1].end, rows });
    rows = [];
  };
  let offset = 0;
  for (const line of text.split("\n")) {
    const cells = cellsOf(line, offset);
    if (cells === undefined) close();
    else if (cells.length > 0) {
      if (rows.length > 0 && cells.length !== rows[0].length) close();
      rows.push(cells);
    }
    offset += line.length + 1;
  }
  close();
  return tables;
}
