/**
 * The ranks of items already in order, best first: 1 for the first, and an item equal to the one
 * before it (`same`) shares its rank (standard competition ranking: 1, 1, 3).
 */
export function competitionRanks<T>(ordered: readonly T[], same: (before: T, item: T) => boolean): number[] {
  const ranks: number[] = [];
  ordered.forEach((item, position) => {
    const before = ordered[position - 1];
    const previous = ranks[position - 1];
    ranks.push(
      before !== undefined && previous !== undefined && same(before, item) ? previous : position + 1,
    );
  });
  return ranks;
}

/** Groups of two or more target ids sharing a rank, from lines in order (best first). */
export function tiesOf(order: readonly { targetId: string; rank: number }[]): string[][] {
  const ties: string[][] = [];
  for (const [position, entry] of order.entries()) {
    const previous = order[position - 1];
    if (previous === undefined || previous.rank !== entry.rank) continue;
    const group = ties[ties.length - 1];
    if (group?.includes(previous.targetId)) group.push(entry.targetId);
    else ties.push([previous.targetId, entry.targetId]);
  }
  return ties;
}

/** Totals are kept to this many decimals, so equal means compare equal. */
export const round3 = (n: number) => Math.round(n * 1000) / 1000;
