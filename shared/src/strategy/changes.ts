import { z } from 'zod';
import { CHANGE_COLLECTIONS, type ChangeCollection, ParticipantGroup } from '../schema/enums';
import type { Strategy } from './schema';

/**
 * What changed between two sessions of a strategy: items added, changed (field by field) and
 * removed, per collection, compared by id (a new session starts from the last one's documents
 * with the same ids, see docs/contract.md "Strategies and sessions"). Pure: the server's
 * changes route, the client's recap and the exports compute the same thing from two strategy
 * objects.
 *
 * Who and when: the documents record a note's author and every item's creation time, not who
 * edited a field nor when. That comes from the server's edit journal of the later session
 * (`JournalEdit`), passed in: each item then carries its last editors, the time of its last edit
 * and whether every edit of it was made with no participant connected (`betweenSessions`).
 * Without a journal those are empty (`[]`, `null`).
 */

export { CHANGE_COLLECTIONS, type ChangeCollection };

/**
 * The fields compared per collection. Left out: what follows from other fields (an action's
 * issues, totals, partner and indicator lists; an axis's issues and actions), note positions
 * (moving is not a change of content), vote results (each session has its own rounds) and note
 * authors (each session has its own participant ids).
 */
export const CHANGE_FIELDS = {
  notes: ['text', 'theme', 'issue'],
  issues: ['title', 'description', 'rank', 'axis', 'notes'],
  axes: ['title', 'description', 'rank'],
  actions: [
    'title',
    'axis',
    'rank',
    'objectives',
    'description',
    'lead',
    'targetPublic',
    'partnersText',
    'risks',
    'budget',
    'structure',
    'priority',
    'status',
    'financing',
    'milestones',
    'process',
  ],
  partners: ['name', 'action', 'kind', 'role', 'contact'],
  indicators: ['name', 'action', 'unit', 'baseline', 'target', 'source', 'frequency'],
} as const satisfies { [K in ChangeCollection]: readonly (keyof Strategy[K][number])[] };

export const FieldChange = z.object({
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
});
export type FieldChange = z.infer<typeof FieldChange>;

export const ChangeEditor = z.object({
  participant: z.string().nullable(),
  group: ParticipantGroup.nullable(),
});
export type ChangeEditor = z.infer<typeof ChangeEditor>;

/**
 * One coalesced line of a session's edit journal, as the server reads it back: someone's edits of
 * one field of an item (`field: null`: the item itself — added, removed, restored) within one
 * minute (`at`, ISO), and whether no participant was connected during all of them (`alone`).
 */
export interface JournalEdit {
  collection: ChangeCollection;
  item: string;
  field: string | null;
  participant: string | null;
  group: ParticipantGroup | null;
  at: string;
  alone: boolean;
}

/** At most this many editors are named per item (the most recent). */
export const MAX_EDITORS = 5;

export const ItemChange = z.object({
  id: z.string(),
  change: z.enum(['added', 'changed', 'removed']),
  /** The item's text or title (a note's text, a sheet's title…), as it is after (before, when removed). */
  label: z.string(),
  /** Changed items: each field that differs; empty for added and removed ones. */
  fields: z.array(FieldChange),
  /** When the item was created, when the documents record it (notes, axes, sheets, partners, indicators). */
  createdAt: z.string().nullable(),
  /** A note's author (participant id in the session it is read from) and group; `null` otherwise or unknown. */
  author: z.string().nullable(),
  authorGroup: ParticipantGroup.nullable(),
  /**
   * Who edited it in the later session, most recent first (participant ids in that session, `null`
   * for an erased person, with their group). Empty when the journal has nothing of it. Absent in
   * files written before schemaMinor 2.
   */
  editors: z.array(ChangeEditor).optional(),
  /** When it was last edited (to the minute), from the journal; `null` when unknown. */
  editedAt: z.string().nullable().optional(),
  /**
   * `true` when every edit the journal has of it was made with no participant connected (the
   * facilitator alone, between sessions), `false` when one was made with participants there,
   * `null` when unknown.
   */
  betweenSessions: z.boolean().nullable().optional(),
});
export type ItemChange = z.infer<typeof ItemChange>;

export const StrategyChanges = z.object(
  Object.fromEntries(CHANGE_COLLECTIONS.map((c) => [c, z.array(ItemChange)])) as Record<
    ChangeCollection,
    z.ZodArray<typeof ItemChange>
  >,
);
export type StrategyChanges = z.infer<typeof StrategyChanges>;

type Item = { id: string } & Record<string, unknown>;

/**
 * Added, changed and removed items from `before` to `after`, in `after`'s order then removed ones
 * in `before`'s; with who and when from `journal`, the later session's edits (none: unknown).
 */
export function strategyChanges(
  before: Strategy,
  after: Strategy,
  journal: readonly JournalEdit[] = [],
): StrategyChanges {
  const edits = editsByItem(journal);
  const out = {} as StrategyChanges;
  for (const collection of CHANGE_COLLECTIONS)
    out[collection] = collectionChanges(
      before[collection] as unknown as readonly Item[],
      after[collection] as unknown as readonly Item[],
      CHANGE_FIELDS[collection],
      labelOf(collection),
    ).map((change) => ({ ...change, ...whoAndWhen(change, edits.get(`${collection}\u0000${change.id}`)) }));
  return out;
}

function editsByItem(journal: readonly JournalEdit[]): Map<string, JournalEdit[]> {
  const out = new Map<string, JournalEdit[]>();
  for (const edit of journal) {
    const key = `${edit.collection}\u0000${edit.item}`;
    const list = out.get(key);
    if (list) list.push(edit);
    else out.set(key, [edit]);
  }
  return out;
}

/**
 * Who and when for one changed item: the edits that explain it — for a changed item those of
 * its differing fields (or of the item itself), for an added or removed one those of the item
 * itself — else, when none match, every edit of it. Editors most recent first, each once.
 */
function whoAndWhen(
  change: Omit<ItemChange, 'editors' | 'editedAt' | 'betweenSessions'>,
  edits: readonly JournalEdit[] | undefined,
): Required<Pick<ItemChange, 'editors' | 'editedAt' | 'betweenSessions'>> {
  if (!edits || edits.length === 0) return { editors: [], editedAt: null, betweenSessions: null };
  const differing = new Set(change.fields.map((f) => f.field));
  const explaining = edits.filter((e) =>
    change.change === 'changed' ? e.field === null || differing.has(e.field) : e.field === null,
  );
  const relevant = [...(explaining.length > 0 ? explaining : edits)].sort((a, b) => b.at.localeCompare(a.at));
  const editors: ChangeEditor[] = [];
  const seen = new Set<string | null>();
  for (const edit of relevant) {
    if (seen.has(edit.participant) || editors.length === MAX_EDITORS) continue;
    seen.add(edit.participant);
    editors.push({ participant: edit.participant, group: edit.group });
  }
  return {
    editors,
    editedAt: relevant[0]?.at ?? null,
    betweenSessions: relevant.every((e) => e.alone),
  };
}

/** Whether nothing changed at all. */
export function noChanges(changes: StrategyChanges): boolean {
  return CHANGE_COLLECTIONS.every((c) => changes[c].length === 0);
}

function collectionChanges(
  before: readonly Item[],
  after: readonly Item[],
  fields: readonly string[],
  label: (item: Item) => string,
): ItemChange[] {
  const old = new Map(before.map((item) => [item.id, item]));
  const kept = new Set(after.map((item) => item.id));
  const known = (item: Item) => ({
    createdAt: typeof item.createdAt === 'string' ? item.createdAt : null,
    author: typeof item.author === 'string' ? item.author : null,
    authorGroup: ParticipantGroup.safeParse(item.authorGroup).data ?? null,
  });
  const changes: ItemChange[] = [];
  for (const item of after) {
    const was = old.get(item.id);
    if (!was) {
      changes.push({ id: item.id, change: 'added', label: label(item), fields: [], ...known(item) });
      continue;
    }
    const differing = fields
      .filter((field) => !sameValue(was[field], item[field]))
      .map((field) => ({ field, from: was[field] ?? null, to: item[field] ?? null }));
    if (differing.length > 0)
      changes.push({ id: item.id, change: 'changed', label: label(item), fields: differing, ...known(item) });
  }
  for (const item of before)
    if (!kept.has(item.id))
      changes.push({ id: item.id, change: 'removed', label: label(item), fields: [], ...known(item) });
  return changes;
}

function labelOf(collection: ChangeCollection): (item: Item) => string {
  const key =
    collection === 'notes'
      ? 'text'
      : collection === 'partners' || collection === 'indicators'
        ? 'name'
        : 'title';
  return (item) => (typeof item[key] === 'string' ? (item[key] as string) : '');
}

/** Structural equality of plain JSON values (the strategy object holds nothing else); key order ignored. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((value, i) => sameValue(value, b[i]));
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  return (
    ak.length === bk.length &&
    ak.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
