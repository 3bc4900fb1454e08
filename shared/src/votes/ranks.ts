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
