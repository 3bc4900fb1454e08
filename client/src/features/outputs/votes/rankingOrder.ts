/**
 * The ranking ballot's moves, on the order of target ids (best first) the ballot holds: each
 * returns the whole new order, which is what the server takes (`{ ranking: [...] }`).
 */

/** Moves `id` by `delta` places (−1 up, +1 down); `null` when it cannot go further (or is not ranked). */
export function moveRanked(order: readonly string[], id: string, delta: number): string[] | null {
  const from = order.indexOf(id);
  const to = from + delta;
  if (from < 0 || delta === 0 || to < 0 || to >= order.length) return null;
  return placeAt(order, from, to);
}

/** The order after a drag: `id` dropped where `overId` was (`null` when nothing moved). */
export function dropRanked(order: readonly string[], id: string, overId: string | null): string[] | null {
  if (overId === null || overId === id) return null;
  const from = order.indexOf(id);
  const to = order.indexOf(overId);
  if (from < 0 || to < 0) return null;
  return placeAt(order, from, to);
}

function placeAt(order: readonly string[], from: number, to: number): string[] {
  const next = [...order];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}

/** `id` added at the end of the ranking (the order unchanged if it is there already). */
export function addRanked(order: readonly string[], id: string): string[] {
  return order.includes(id) ? [...order] : [...order, id];
}

/** `id` taken out of the ranking: it counts again with the targets left unranked. */
export function removeRanked(order: readonly string[], id: string): string[] {
  return order.filter((ranked) => ranked !== id);
}

/** The targets not ranked yet, in the round's order. */
export function unrankedTargets<T extends { id: string }>(
  targets: readonly T[],
  order: readonly string[],
): T[] {
  const ranked = new Set(order);
  return targets.filter((t) => !ranked.has(t.id));
}

/** The order ranked with the targets still unranked after it, in the round's order. */
export function rankAll(order: readonly string[], targets: readonly { id: string }[]): string[] {
  return [...order, ...unrankedTargets(targets, order).map((t) => t.id)];
}
