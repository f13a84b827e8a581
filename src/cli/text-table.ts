import { displayWidth } from "../core/plan/row-height";

/** Terminal columns a string takes: CJK and full-width characters take two (as cell widths count them). */
export { displayWidth };

/** A plain-text table; the last column is not padded, so long messages wrap naturally. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c + " ".repeat(widths[i] - displayWidth(c)))).join("  ").trimEnd();
  return [line(header), line(header.map((_, i) => "─".repeat(Math.min(widths[i], 40)))), ...rows.map(line)].join("\n");
}
