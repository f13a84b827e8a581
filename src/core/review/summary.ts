import type { ReviewState } from "./reconcile";

/** How many findings stand where. `reopened` is the part of `open` that was decided before. */
export interface ReviewCounts {
  readonly open: number;
  readonly reopened: number;
  readonly sentBack: number;
  readonly fixed: number;
  readonly accepted: number;
  readonly closed: number;
  /** open + sentBack + fixed + accepted + closed */
  readonly total: number;
}

export interface ReviewSummary {
  /** One row per district, in Chinese collation order. */
  readonly byDistrict: readonly { readonly district: string; readonly counts: ReviewCounts }[];
  readonly total: ReviewCounts;
  /** Current findings that still need someone (everything but accepted). */
  readonly outstanding: number;
}

type Mutable = { -readonly [K in keyof ReviewCounts]: number };
const zero = (): Mutable => ({ open: 0, reopened: 0, sentBack: 0, fixed: 0, accepted: 0, closed: 0, total: 0 });

/** Counts by district × status, with totals. */
export function reviewSummary(state: ReviewState): ReviewSummary {
  const rows = new Map<string, Mutable>();
  const total = zero();
  const add = (district: string, key: "open" | "sentBack" | "fixed" | "accepted" | "closed", reopened = false) => {
    let row = rows.get(district);
    if (!row) rows.set(district, (row = zero()));
    for (const c of [row, total]) {
      c[key]++;
      c.total++;
      if (reopened) c.reopened++;
    }
  };
  for (const r of state.items) add(r.finding.district, r.status, r.reopened);
  for (const c of state.closed) add(c.last.district, "closed");
  const byDistrict = [...rows.entries()].sort(([a], [b]) => a.localeCompare(b, "zh-CN")).map(([district, counts]) => ({ district, counts }));
  return { byDistrict, total, outstanding: total.open + total.sentBack + total.fixed };
}
