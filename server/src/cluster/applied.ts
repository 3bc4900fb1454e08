/**
 * What a node holds of one document's update log, by sequence number: every seq up to `upTo`,
 * plus ranges above it (its own turns, committed while another node's earlier turn was still on
 * its way over the bus). Two nodes appending to one document get contiguous numbers (the
 * database's `doc_heads`), so a hole below a range is a turn of another node, in flight or lost:
 * its entry fills it, or the database does.
 */
export class AppliedSeqs {
  #upTo: number;
  /** Disjoint, sorted, each starting above `upTo + 1`. */
  #ranges: [number, number][] = [];

  constructor(upTo: number) {
    this.#upTo = upTo;
  }

  /** The last seq of the contiguous prefix held. */
  get upTo(): number {
    return this.#upTo;
  }

  /** Whether `from..to` is all held already (a duplicate or late entry). */
  holds(from: number, to: number): boolean {
    if (to <= this.#upTo) return true;
    return this.#ranges.some(([a, z]) => a <= from && to <= z);
  }

  /** Records `from..to` as held. */
  add(from: number, to: number): void {
    if (to <= this.#upTo) return;
    const ranges = [...this.#ranges, [Math.max(from, this.#upTo + 1), to] as [number, number]].sort(
      (x, y) => x[0] - y[0],
    );
    const merged: [number, number][] = [];
    for (const [a, z] of ranges) {
      const last = merged.at(-1);
      if (last && a <= last[1] + 1) last[1] = Math.max(last[1], z);
      else merged.push([a, z]);
    }
    const first = merged[0];
    if (first && first[0] <= this.#upTo + 1) {
      this.#upTo = Math.max(this.#upTo, first[1]);
      merged.shift();
    }
    this.#ranges = merged;
  }
}
