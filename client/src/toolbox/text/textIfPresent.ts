import type * as Y from 'yjs';

/**
 * The entity's shared text, or `null` while it is gone (removed by someone else, or not yet
 * synced): shared's text accessors throw for a missing entity, a field simply shows nothing.
 */
export function textIfPresent<A extends unknown[]>(
  accessor: (...args: A) => Y.Text,
  ...args: A
): Y.Text | null {
  try {
    return accessor(...args);
  } catch {
    return null;
  }
}
