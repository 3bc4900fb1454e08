import { browserStorage, type KeyValueStorage } from '../../../../session/session';

/** The facilitator's messages this browser dismissed, per workshop (a reload does not bring them back). */
const PREFIX = 'atelier:dismissedMessages:';

export function loadDismissed(
  workshopId: string,
  store: KeyValueStorage | null = browserStorage(),
): ReadonlySet<string> {
  try {
    const value: unknown = JSON.parse(store?.getItem(PREFIX + workshopId) ?? '[]');
    return new Set(Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * Remembers `id` as dismissed, forgetting ids no message has any more (`existing`: the
 * messages now), so the list never outgrows the messages. Returns the new set.
 */
export function dismissMessage(
  workshopId: string,
  id: string,
  existing: readonly string[],
  store: KeyValueStorage | null = browserStorage(),
): ReadonlySet<string> {
  const still = new Set(existing);
  const next = new Set([...loadDismissed(workshopId, store)].filter((x) => still.has(x)));
  next.add(id);
  try {
    store?.setItem(PREFIX + workshopId, JSON.stringify([...next]));
  } catch {
    // A full or refused storage: dismissed for this page only.
  }
  return next;
}
