import * as Y from 'yjs';

// biome-ignore lint/suspicious/noExplicitAny: Yjs types its parents as AbstractType<any> (maps, texts…).
export type Shared = Y.AbstractType<any>;

/** Where a struct of the update goes: a type of the room's document, a root not yet there, or a type the update creates. */
export type Target =
  | { kind: 'type'; type: Shared; sub: string | null }
  | { kind: 'root'; key: string; sub: string | null }
  | { kind: 'new' }
  /** Garbage-collected or deleted surroundings: Yjs drops the struct, so it changes nothing. */
  | { kind: 'void' }
  /** Hangs on something neither the room nor the update has: no honest client sends that. */
  | { kind: 'unknown' };

type Struct = Y.Item | Y.GC | Y.Skip;

/**
 * A (V1) update read against the room's document without applying it or copying the document:
 * what the write rules (note ownership, tables) ask of it. Throws on a malformed update, like
 * `Y.decodeUpdate`.
 */
export interface UpdateView {
  readonly structs: readonly Struct[];
  /** The struct of the update holding an id, or `null`. */
  inUpdate(id: Y.ID): Struct | null;
  /** Where an item of the update goes (cached per item). */
  resolve(struct: Y.Item): Target;
  /**
   * The room's live items the update deletes, in order; `null` when it deletes what the room has
   * never seen (only the update's own new content may be: no honest client does otherwise).
   */
  deletedItems(): Y.Item[] | null;
}

/** `update` read against `doc`, or the view already made of it (several rules read one write). */
export function viewOf(doc: Y.Doc, update: Uint8Array | UpdateView): UpdateView {
  return update instanceof Uint8Array ? readUpdate(doc, update) : update;
}

export function readUpdate(doc: Y.Doc, update: Uint8Array): UpdateView {
  const { structs, ds } = Y.decodeUpdate(update);
  const inUpdate = indexStructs(structs);
  const targets = new Map<Y.Item, Target>();

  const known = (id: Y.ID): Y.Item | Y.GC | null => {
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    return Y.getItem(doc.store, id) as Y.Item | Y.GC;
  };
  const resolve = (struct: Y.Item): Target => {
    const cached = targets.get(struct);
    if (cached) return cached;
    const target = resolveUncached(struct);
    targets.set(struct, target);
    return target;
  };
  const fromNeighbour = (id: Y.ID): Target | null => {
    const sibling = inUpdate(id);
    if (sibling) return sibling instanceof Y.Item ? resolve(sibling) : { kind: 'void' };
    const item = known(id);
    if (item === null) return null;
    if (!(item instanceof Y.Item)) return { kind: 'void' };
    return { kind: 'type', type: item.parent as Shared, sub: item.parentSub };
  };
  const resolveUncached = (struct: Y.Item): Target => {
    const parent: unknown = struct.parent;
    if (typeof parent === 'string') return { kind: 'root', key: parent, sub: struct.parentSub };
    if (parent instanceof Y.ID) {
      if (inUpdate(parent)) return { kind: 'new' };
      const item = known(parent);
      if (item === null) return UNKNOWN;
      if (!(item instanceof Y.Item) || !(item.content instanceof Y.ContentType)) return { kind: 'void' };
      return { kind: 'type', type: item.content.type, sub: struct.parentSub };
    }
    // Sequence neighbours and later values of a key name only their origins.
    const origin = struct.origin ? fromNeighbour(struct.origin) : null;
    const right = origin === null && struct.rightOrigin ? fromNeighbour(struct.rightOrigin) : null;
    return origin ?? right ?? UNKNOWN;
  };

  let deleted: Y.Item[] | null | undefined;
  const deletedItems = (): Y.Item[] | null => {
    if (deleted !== undefined) return deleted;
    const out: Y.Item[] = [];
    for (const [client, ranges] of ds.clients) {
      const store = doc.store.clients.get(client) ?? [];
      const state = Y.getState(doc.store, client);
      for (const { clock, len } of ranges) {
        const end = clock + len;
        // Deleting what the room has never seen: only this update's own new content may be.
        if (end > state && !coveredByUpdate(inUpdate, client, Math.max(clock, state), end)) {
          deleted = null;
          return null;
        }
        if (clock >= state) continue;
        for (let i = Y.findIndexSS(store, clock); i < store.length && store[i]!.id.clock < end; i++) {
          const item = store[i];
          if (item instanceof Y.Item && !item.deleted) out.push(item);
        }
      }
    }
    deleted = out;
    return out;
  };

  return { structs, inUpdate, resolve, deletedItems };
}

const UNKNOWN: Target = { kind: 'unknown' };

/** Whether a target is the entries of root `name` (named by key, or the room's own root type). */
export function isRoot(
  target: Target,
  name: string,
  root: Y.Map<unknown>,
): target is Extract<Target, { kind: 'root' | 'type' }> {
  if (target.kind === 'root') return target.key === name;
  return target.kind === 'type' && target.type === root;
}

/** Finds the struct of the update holding an id (structs come sorted by client, then clock). */
function indexStructs(structs: readonly Struct[]): (id: Y.ID) => Struct | null {
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  return (id) => {
    const list = byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  };
}

/** Whether every clock in [from, to) of `client` is a struct of the update. */
function coveredByUpdate(
  find: (id: Y.ID) => Struct | null,
  client: number,
  from: number,
  to: number,
): boolean {
  for (let clock = from; clock < to; ) {
    const struct = find(Y.createID(client, clock));
    if (struct === null) return false;
    clock = struct.id.clock + struct.length;
  }
  return true;
}
