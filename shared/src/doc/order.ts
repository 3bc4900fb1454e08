import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Reading orders of issues, axes and action sheets: fractional-index keys, so two people
 * reordering at once never duplicate an item. Two items created or dropped into the same gap
 * at the same instant can share a key; the helpers here renumber then instead of failing.
 */
export interface Keyed {
  id: string;
  order: string;
}

/**
 * Where an item goes among `others` (the list without it, in reading order): right after
 * `after`, or when `after` is `null` right before `before` (the end when both are `null`).
 * Throws on an unknown neighbour, the item itself, or `before` not below `after`.
 */
export function placeIndex(
  others: readonly Keyed[],
  id: string,
  after: string | null,
  before: string | null,
): number {
  const indexOf = (other: string) => {
    if (other === id) throw new Error('An item cannot rank next to itself');
    const index = others.findIndex((item) => item.id === other);
    if (index < 0) throw new Error(`No item ${other} to rank against`);
    return index;
  };
  const afterIndex = after === null ? -1 : indexOf(after);
  const beforeIndex = before === null ? others.length : indexOf(before);
  if (afterIndex >= beforeIndex) throw new Error('after must rank above before');
  return after === null ? beforeIndex : afterIndex + 1;
}

/**
 * The key that puts a new item at `index` of `sorted` (in reading order, the moved item not
 * in it), and the items that must be re-keyed for that: none, unless the neighbours
 * share a key (a tie) or hold a malformed one, in which case the whole list is numbered
 * afresh (a few tens of items, and rare).
 */
export function insertionKeys(
  sorted: readonly Keyed[],
  index: number,
): { key: string; rekeyed: [string, string][] } {
  const low = sorted[index - 1]?.order ?? null;
  const high = sorted[index]?.order ?? null;
  if (low === null || high === null || low < high) {
    try {
      return { key: generateKeyBetween(low, high), rekeyed: [] };
    } catch {
      // A malformed key next to the place: renumber below.
    }
  }
  const keys = generateNKeysBetween(null, null, sorted.length + 1);
  const rekeyed: [string, string][] = sorted.map((item, i) => [
    item.id,
    keys[i < index ? i : i + 1] as string,
  ]);
  return { key: keys[index] as string, rekeyed };
}
