import * as Y from 'yjs';

/**
 * What a (V1) update would do to the entries of one root `Y.Map` of `doc`, read from the
 * update's structs and delete set only (the document is not copied): the items that are new
 * entries or overwrites of a key, and whether it deletes an entry. Throws on a malformed
 * update, like `Y.decodeUpdate`. The server asks it before applying a write it may refuse.
 */
export function rootMapChanges(
  doc: Y.Doc,
  update: Uint8Array,
  rootKey: string,
): { entries: Y.Item[]; deletesEntry: boolean } {
  const { structs, ds } = Y.decodeUpdate(update);
  const map = doc.getMap(rootKey);
  const entries: Y.Item[] = [];
  /** Items of this update that are entries of the map, by `client:clock` of their id. */
  const inUpdate = new Set<string>();
  const key = (id: Y.ID) => `${id.client}:${id.clock}`;
  const known = (id: Y.ID): Y.Item | null => {
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    const item = Y.getItem(doc.store, id);
    return item instanceof Y.Item ? item : null;
  };
  const isEntry = (origin: Y.ID | null): boolean => {
    if (origin === null) return false;
    if (inUpdate.has(key(origin))) return true;
    const item = known(origin);
    return item !== null && item.parent === map && item.parentSub !== null;
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    // A root's entries name the root by key (decoded structs hold it as a string); a later entry
    // of the same key names only its origin.
    const parent: unknown = struct.parent;
    const entry =
      parent === rootKey
        ? struct.parentSub !== null
        : struct.parent === null && (isEntry(struct.origin) || isEntry(struct.rightOrigin));
    if (!entry) continue;
    inUpdate.add(key(struct.id));
    entries.push(struct);
  }
  let deletesEntry = false;
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len && !deletesEntry; ) {
        const item = known(Y.createID(client, clock));
        if (item === null) break;
        if (item.parent === map && item.parentSub !== null) deletesEntry = true;
        clock = item.id.clock + item.length;
      }
    }
  }
  return { entries, deletesEntry };
}
