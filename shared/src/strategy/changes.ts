import { z } from 'zod';
import { ParticipantGroup } from '../schema/enums';
import type { Strategy } from './schema';

/**
 * What changed between two sessions of a strategy: items added, changed (field by field) and
 * removed, per collection, compared by id (a new session starts from the last one's documents
 * with the same ids, see docs/contract.md "Strategies and sessions"). Pure: the server's
 * changes route, the client's recap and the exports compute the same thing from two strategy
 * objects.
 *
 * Who and when: the documents record a note's author and every item's creation time, not who
 * edited a field nor when. So an added item carries what is known of it (a note's author and
 * group, its `createdAt`), and a changed item only its fields, before and after.
 */

/** The collections compared, in the method's order. */
export const CHANGE_COLLECTIONS = ['notes', 'issues', 'axes', 'actions', 'partners', 'indicators'] as const;
export type ChangeCollection = (typeof CHANGE_COLLECTIONS)[number];

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

/** Added, changed and removed items from `before` to `after`, in `after`'s order then removed ones in `before`'s. */
export function strategyChanges(before: Strategy, after: Strategy): StrategyChanges {
  const out = {} as StrategyChanges;
  for (const collection of CHANGE_COLLECTIONS)
    out[collection] = collectionChanges(
      before[collection] as unknown as readonly Item[],
      after[collection] as unknown as readonly Item[],
      CHANGE_FIELDS[collection],
      labelOf(collection),
    );
  return out;
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
