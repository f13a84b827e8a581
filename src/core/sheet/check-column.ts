import type { CellValue } from "../grid";
import type { Severity } from "../template/schema";

/** How a verdict in the check column starts: the severity of the worst open finding of its row. */
export const MARK: Record<Severity, string> = { error: "✗", warning: "⚠", info: "ℹ" };

/** Every verdict Huishen writes in the check column starts with one of these marks. */
const VERDICT_MARKS = ["✓", ...Object.values(MARK)];

/**
 * May Huishen write this check-column cell? Only when it is blank or holds one of Huishen's own
 * verdicts: text a person typed there (an explanation, a source) is kept, never replaced.
 */
export function isOwnCheckText(v: CellValue): boolean {
  if (v === undefined || v === null || v === "") return true;
  return typeof v === "string" && VERDICT_MARKS.some((m) => v.startsWith(m));
}
