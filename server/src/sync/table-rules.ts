import { WRITE_DENIED_REASONS, type WriteDeniedReason } from '@atelier/shared';
import { BOARD_ROOTS, CLUSTER_FIELDS, TABLE_FIELD, TABLE_ITEM_ROOTS } from '@atelier/shared/layout';
import * as Y from 'yjs';
import { type Shared, type Target, type UpdateView, viewOf } from './update-targets';

/** What the table round says about one participant's board writes (read from the control room at each write). */
export interface TableRoundPolicy {
  /** The writer's table, `null` when they have no seat (or a seat at a table since removed). */
  seat: string | null;
  /** "Tables fermées": items of other tables (and the plenary's) are read-only. */
  closed: boolean;
}

/**
 * Why a participant's (V1) board update breaks the table round's rules, or `null`. During a
 * round a participant creates notes, issues, axes and action sheets only for their own table
 * (`table` = their seat; none at all without a seat: `no-table`), and may set an item's `table`
 * to their own table only (`other-table`). When the tables are closed they also change or delete
 * nothing of another table's items, nor of the plenary's (no `table`): `other-table`, or
 * `no-table` without a seat — except an issue's `axis` (step 3: the pool of issues is everyone's):
 * a seated participant may attach an issue of the pool to their table's axis, or take it off
 * one, but not take it off another table's axis nor attach it to one. Reads the update's structs and delete set against the room's
 * document, never copying it; leaves what it cannot place to the note rules (they refuse it).
 * Throws on a malformed update, like `Y.decodeUpdate`.
 */
export function tableWriteDenial(
  doc: Y.Doc,
  update: Uint8Array | UpdateView,
  { seat, closed }: TableRoundPolicy,
): WriteDeniedReason | null {
  const view = viewOf(doc, update);
  const roots = new Map<Shared, string>(TABLE_ITEM_ROOTS.map((name) => [doc.getMap(name), name]));
  const rootNames: ReadonlySet<string> = new Set(TABLE_ITEM_ROOTS);
  const elsewhere = seat === null ? WRITE_DENIED_REASONS.noTable : WRITE_DENIED_REASONS.otherTable;

  /** The item (a note's, issue's, axis's or sheet's live map) that `type` is, or lies in; `null` when none. */
  const itemOf = (type: Shared): Y.Map<unknown> | null => {
    let t = type;
    while (t._item !== null) {
      if (t._item.deleted) return null;
      const parent = t._item.parent as Shared;
      if (roots.has(parent)) return t instanceof Y.Map ? t : null;
      t = parent;
    }
    return null;
  };
  const tableOf = (item: Y.Map<unknown>) => {
    const table = item.get(TABLE_FIELD);
    return typeof table === 'string' && table !== '' ? table : null;
  };
  /** A change to an existing item: refused in a closed round unless the item is the writer's table's. */
  const changes = (item: Y.Map<unknown> | null): WriteDeniedReason | null =>
    closed && item !== null && (seat === null || tableOf(item) !== seat) ? elsewhere : null;
  const axes = doc.getMap(BOARD_ROOTS.axes);
  const clusters = doc.getMap(BOARD_ROOTS.clusters);
  /** Whether an issue's `axis` value leaves it to the writer's table: the pool (no axis, or one that is gone) or their table's axis. */
  const ownOrPool = (value: unknown): boolean => {
    if (value === null || value === undefined) return true;
    const axis = typeof value === 'string' ? axes.get(value) : null;
    return !(axis instanceof Y.Map) || (seat !== null && tableOf(axis) === seat);
  };
  /** Whether a struct attaching (or detaching) an issue keeps to the writer's table's axes. */
  const attachesOwn = (struct: Y.Item): boolean =>
    struct.content instanceof Y.ContentAny && struct.content.getContent().every(ownOrPool);
  /** Whether `type`'s key `sub` is an issue's axis. */
  const isIssueAxis = (type: Shared, sub: string | null): boolean =>
    sub === CLUSTER_FIELDS.axis && type._item?.parent === clusters;
  /** Whether every value a struct holds is the writer's seat (a merged update may hold a key's successive values in one struct). */
  const onlySeat = (struct: Y.Item): boolean =>
    seat !== null &&
    struct.content instanceof Y.ContentAny &&
    struct.content.getContent().every((value) => value === seat);
  /**
   * The `table` values the update writes into each map it creates, by the map's id: a key's
   * first value names the map, later ones (the key set again in the same update) only the value
   * they follow. Indexed once, on the first creation asked about.
   */
  let tableWrites: Map<string, Y.Item[]> | null = null;
  const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;
  const tableWritesOf = (created: Y.Item): Y.Item[] => {
    if (tableWrites === null) {
      const index = new Map<string, Y.Item[]>();
      const mapOf = new Map<Y.Item, string>();
      for (const struct of view.structs) {
        if (!(struct instanceof Y.Item)) continue;
        const at: unknown = struct.parent;
        let key: string | undefined;
        if (at instanceof Y.ID && struct.parentSub === TABLE_FIELD) key = idKey(at);
        else if (at === null && struct.origin) {
          const before = view.inUpdate(struct.origin);
          if (before instanceof Y.Item) key = mapOf.get(before);
        }
        if (key === undefined) continue;
        mapOf.set(struct, key);
        index.set(key, [...(index.get(key) ?? []), struct]);
      }
      tableWrites = index;
    }
    return tableWrites.get(idKey(created.id)) ?? [];
  };
  /** Whether the update gives the new map `created` a `table`, and only ever the writer's seat. */
  const createdForSeat = (created: Y.Item): boolean => {
    const writes = tableWritesOf(created);
    return writes.length > 0 && writes.every(onlySeat);
  };
  const isItemEntry = (target: Target): boolean =>
    target.kind === 'root'
      ? rootNames.has(target.key) && target.sub !== null
      : target.kind === 'type' && roots.has(target.type) && target.sub !== null;

  for (const struct of view.structs) {
    if (!(struct instanceof Y.Item) || struct.content instanceof Y.ContentDeleted) continue;
    const target = view.resolve(struct);
    if (isItemEntry(target)) {
      // A new item (or a new value replacing one): it must be the writer's table's.
      if (seat === null) return WRITE_DENIED_REASONS.noTable;
      if (!(struct.content instanceof Y.ContentType && createdForSeat(struct)))
        return WRITE_DENIED_REASONS.otherTable;
      if (target.kind === 'type' && target.sub !== null) {
        const replaced = (target.type as Y.Map<unknown>).get(target.sub);
        if (replaced instanceof Y.Map) {
          const denied = changes(replaced);
          if (denied) return denied;
        }
      }
      continue;
    }
    if (target.kind !== 'type') continue;
    const item = itemOf(target.type);
    if (item === null) continue;
    if (item === target.type && target.sub === TABLE_FIELD) {
      // Giving an item to a table: only one's own table, and only an item of no other table.
      const current = tableOf(item);
      if (!onlySeat(struct) || (current !== null && current !== seat)) return elsewhere;
    }
    if (closed && item === target.type && isIssueAxis(item, target.sub)) {
      // Attaching an issue: the value it replaces is checked with the deletions below.
      if (seat !== null && attachesOwn(struct)) continue;
      return elsewhere;
    }
    const denied = changes(item);
    if (denied) return denied;
  }
  if (!closed) return null;
  for (const removed of view.deletedItems() ?? []) {
    const parent = removed.parent as Shared;
    // The attachment an issue had, replaced or removed: only the pool's or the writer's table's.
    if (isIssueAxis(parent, removed.parentSub)) {
      if (seat !== null && attachesOwn(removed)) continue;
      return elsewhere;
    }
    // An item deleted (its entry in a root), or something inside one.
    const item =
      roots.has(parent) && removed.content instanceof Y.ContentType && removed.content.type instanceof Y.Map
        ? (removed.content.type as Y.Map<unknown>)
        : itemOf(parent);
    const denied = changes(item);
    if (denied) return denied;
  }
  return null;
}
