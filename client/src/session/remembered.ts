import { Step, Territory } from '@atelier/shared';
import { z } from 'zod';
import { browserStorage, clearSession, type KeyValueStorage, loadSession } from './session';

/**
 * What the facilitator's home lists: the workshops this browser created or opened as their
 * facilitator. Only what the list shows is kept here; the token stays in the workshop's
 * session (session.ts), in this browser only, and an entry whose token is gone is not listed
 * (it could not open the workshop as facilitator any more).
 */
const KEY = 'atelier:home';

/** Beyond this, the entries opened longest ago make room: the list stays quick to read and to store. */
export const MAX_REMEMBERED = 100;

/** A date and time as `Date.parse` reads it (ISO 8601). */
const Instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)));

const RememberedWorkshop = z.object({
  kind: z.literal('workshop'),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  title: z.string().max(200),
  territory: Territory,
  /** ISO date and time: the server's once the board has opened, this browser's until then. */
  createdAt: Instant,
  lastOpenedAt: Instant,
  /** The workshop's steps, once known (from its template, then from its control document). */
  steps: z.array(Step).optional(),
});
export type RememberedWorkshop = z.infer<typeof RememberedWorkshop>;

/**
 * One entry of the home's list. A union on `kind`: a strategy (its title, its facilitator
 * link's token kept like a workshop's, and its sessions) joins as a second member, listed by
 * the same functions, without changing how workshops are stored.
 */
const RememberedEntry = z.discriminatedUnion('kind', [RememberedWorkshop]);
export type RememberedEntry = z.infer<typeof RememberedEntry>;

/** The facts the board (or the creation form) knows about a workshop opened as facilitator. */
export interface WorkshopFacts {
  id: string;
  title: string;
  territory: Territory;
  createdAt?: string;
  steps?: readonly Step[];
}

/** Every valid stored entry, as stored; anything unreadable is skipped, never thrown. */
function readAll(store: KeyValueStorage | null): RememberedEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(store?.getItem(KEY) ?? 'null');
  } catch {
    return [];
  }
  const list = (value as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  const entries: RememberedEntry[] = [];
  for (const item of list) {
    const parsed = RememberedEntry.safeParse(item);
    if (!parsed.success || seen.has(entryKey(parsed.data))) continue;
    seen.add(entryKey(parsed.data));
    entries.push(parsed.data);
  }
  return entries;
}

function writeAll(entries: readonly RememberedEntry[], store: KeyValueStorage | null): void {
  const kept = [...entries].sort((a, b) => later(a.lastOpenedAt, b.lastOpenedAt)).slice(0, MAX_REMEMBERED);
  try {
    store?.setItem(KEY, JSON.stringify({ version: 1, entries: kept }));
  } catch {
    // Storage full or disabled: the home just does not list this workshop.
  }
}

/** Later first; the server's and this browser's ISO strings differ in form, so compare times. */
function later(a: string, b: string): number {
  return Date.parse(b) - Date.parse(a);
}

function entryKey(entry: Pick<RememberedEntry, 'kind' | 'id'>): string {
  return `${entry.kind}:${entry.id}`;
}

/** Newest first (by creation, then by last opening): the entries this browser can still open as facilitator. */
export function loadRemembered(store: KeyValueStorage | null = browserStorage()): RememberedEntry[] {
  return readAll(store)
    .filter((entry) => loadSession(entry.id, store) !== null)
    .sort((a, b) => later(a.createdAt, b.createdAt) || later(a.lastOpenedAt, b.lastOpenedAt));
}

/**
 * Adds the workshop, or refreshes what is known of it, and records that it was opened `now`.
 * Steps and creation date already known are kept when `facts` does not bring them.
 */
export function rememberWorkshop(
  facts: WorkshopFacts,
  now = new Date(),
  store: KeyValueStorage | null = browserStorage(),
): void {
  const entries = readAll(store);
  const index = entries.findIndex((entry) => entry.kind === 'workshop' && entry.id === facts.id);
  const previous = index >= 0 ? entries[index] : undefined;
  const steps = facts.steps ?? previous?.steps;
  const next: RememberedWorkshop = {
    kind: 'workshop',
    id: facts.id,
    title: facts.title,
    territory: facts.territory,
    createdAt: facts.createdAt ?? previous?.createdAt ?? now.toISOString(),
    lastOpenedAt: now.toISOString(),
    ...(steps ? { steps: [...steps] } : {}),
  };
  if (index >= 0) entries[index] = next;
  else entries.push(next);
  writeAll(entries, store);
}

/** Records a remembered workshop's steps (the facilitator's board read them); unknown workshops stay unknown. */
export function rememberSteps(
  workshopId: string,
  steps: readonly Step[],
  store: KeyValueStorage | null = browserStorage(),
): void {
  const entries = readAll(store);
  const entry = entries.find((candidate) => candidate.kind === 'workshop' && candidate.id === workshopId);
  if (!entry || JSON.stringify(entry.steps) === JSON.stringify(steps)) return;
  entry.steps = [...steps];
  writeAll(entries, store);
}

/** Takes a workshop off the list and keeps its session (a co-facilitator made a participant again). */
export function unlistWorkshop(workshopId: string, store: KeyValueStorage | null = browserStorage()): void {
  const entries = readAll(store);
  const kept = entries.filter((entry) => !(entry.kind === 'workshop' && entry.id === workshopId));
  if (kept.length !== entries.length) writeAll(kept, store);
}

/**
 * Forgets a workshop on this browser: its entry and its token. The workshop itself stays on
 * the server, and its facilitator link opens it (and lists it) again.
 */
export function forgetWorkshop(workshopId: string, store: KeyValueStorage | null = browserStorage()): void {
  unlistWorkshop(workshopId, store);
  clearSession(workshopId, store);
}
