import * as Y from 'yjs';
import { BOARD_ROOTS } from '../doc/layout';
import { CHANGE_FIELDS, type ChangeCollection } from './changes';

/**
 * Which strategy items a board transaction touched: what the server's edit journal records of
 * each accepted update (docs/contract.md, "Who and when"). Read from the transaction's own
 * `changed` map (types and keys Yjs already collected), so it costs no decoding: a keystroke in
 * a sheet's description is one entry. Items are named in the changes' terms (`strategyChanges`):
 * the collection (`clusters` are issues), the item's id and the compared field (`cluster` is a
 * note's `issue`, `order` an item's `rank`, a sheet's `partners` text its `partnersText`, the
 * `process` root a sheet's `process`); `null` for the item itself (added, removed, restored).
 * Fields the changes do not compare (positions, stacking, authors, times) are left out, so moving
 * a note is no edit of it.
 */
export interface EditedItem {
  collection: ChangeCollection;
  item: string;
  field: string | null;
}

const COLLECTION_ROOTS: Readonly<Record<string, ChangeCollection>> = {
  [BOARD_ROOTS.notes]: 'notes',
  [BOARD_ROOTS.clusters]: 'issues',
  [BOARD_ROOTS.axes]: 'axes',
  [BOARD_ROOTS.actions]: 'actions',
  [BOARD_ROOTS.partners]: 'partners',
  [BOARD_ROOTS.indicators]: 'indicators',
};

/** Document keys whose name differs in the changes. */
const RENAMED: Partial<Record<ChangeCollection, Readonly<Record<string, string>>>> = {
  notes: { cluster: 'issue' },
  issues: { order: 'rank' },
  axes: { order: 'rank' },
  actions: { order: 'rank', partners: 'partnersText' },
};

const COMPARED = Object.fromEntries(
  Object.entries(CHANGE_FIELDS).map(([c, fields]) => [c, new Set<string>(fields)]),
) as Record<ChangeCollection, Set<string>>;

// biome-ignore lint/suspicious/noExplicitAny: Yjs types its shared types as AbstractType<any>.
type Shared = Y.AbstractType<any>;

export function editedItems(tr: Y.Transaction): EditedItem[] {
  const roots = new Map<Shared, string>();
  for (const [name, type] of tr.doc.share) roots.set(type, name);
  const out = new Map<string, EditedItem>();
  const add = (collection: ChangeCollection, item: string, key: string | null) => {
    const field = key === null ? null : (RENAMED[collection]?.[key] ?? key);
    if (field !== null && !COMPARED[collection].has(field)) return;
    out.set(`${collection}\u0000${item}\u0000${field ?? ''}`, { collection, item, field });
  };
  for (const [type, keys] of tr.changed) {
    const rootName = roots.get(type);
    if (rootName === BOARD_ROOTS.process) {
      // Flat keys `<sheet id>/<step>`.
      for (const key of keys) if (key !== null) add('actions', key.slice(0, key.lastIndexOf('/')), 'process');
      continue;
    }
    if (rootName !== undefined) {
      const collection = COLLECTION_ROOTS[rootName];
      if (collection) for (const key of keys) if (key !== null) add(collection, key, null);
      continue;
    }
    // A nested type: climb to the item map (the root's child); the field is the key under it.
    let node: Shared = type;
    let field: string | null = null;
    for (;;) {
      const item: Y.Item | null = node._item;
      if (item === null) break;
      const parent = item.parent as Shared;
      const collection = COLLECTION_ROOTS[roots.get(parent) ?? ''];
      if (collection && typeof item.parentSub === 'string') {
        if (node === type) for (const key of keys) add(collection, item.parentSub, key);
        else add(collection, item.parentSub, field);
        break;
      }
      if (!(parent instanceof Y.AbstractType)) break;
      field = item.parentSub;
      node = parent;
    }
  }
  return [...out.values()];
}
