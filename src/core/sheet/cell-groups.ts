import { keepShape } from "../keep-shape";

/**
 * One sheet's flagged cells, each with the positions (in the sheet's list of findings) of the findings
 * on it, in the order the cells first appear. Made once per flag plan and reused sheet after sheet:
 * a province's run flags 10,000 sheets of a dozen cells each, and a map with a list per cell, made for
 * every sheet, was a tenth of what flagging allocated. A sheet has at most a few hundred input cells,
 * so a cell is found by a walk along the few already there.
 */
export class CellGroups {
  private readonly addresses: string[] = [];
  /** Per cell: its first finding's position; its further ones, where it has any. */
  private readonly firsts: number[] = [];
  private readonly rests: (number[] | undefined)[] = [];
  private count = 0;

  constructor() {
    // Each flag plan makes one and lets it go: kept, its shape and the code made for it stay (keep-shape.ts).
    keepShape(CellGroups, () => new CellGroups());
  }

  /** Forget the last sheet's cells (the arrays are kept, to be overwritten). */
  reset(): void {
    for (let i = 0; i < this.count; i++) this.rests[i] = undefined;
    this.count = 0;
  }

  /** The finding at `finding` is on the cell at `address` (again, if a finding names a cell twice). */
  add(address: string, finding: number): void {
    const i = this.indexOf(address);
    if (i >= 0) {
      const rest = this.rests[i];
      if (rest) rest.push(finding);
      else this.rests[i] = [finding];
      return;
    }
    this.addresses[this.count] = address;
    this.firsts[this.count] = finding;
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  addressAt(i: number): string {
    return this.addresses[i];
  }

  /** How many findings are on the i-th cell. */
  findingsAt(i: number): number {
    return 1 + (this.rests[i]?.length ?? 0);
  }

  /** The position of the i-th cell's k-th finding, in the order they were added. */
  findingAt(i: number, k: number): number {
    return k === 0 ? this.firsts[i] : this.rests[i]![k - 1];
  }

  has(address: string): boolean {
    return this.indexOf(address) >= 0;
  }

  private indexOf(address: string): number {
    for (let i = 0; i < this.count; i++) if (this.addresses[i] === address) return i;
    return -1;
  }
}
