import { Step, Territory } from '@atelier/shared';
import { z } from 'zod';
import {
  browserStorage,
  clearSession,
  type KeyValueStorage,
  type ListableStorage,
  loadSession,
} from './session';

/**
 * What this browser remembers for the facilitator's home, in one list: the workshops it created
 * or opened as their facilitator, and the strategies it holds the facilitator link of. For a
 * workshop only what the list shows is kept here; its token stays in the workshop's session
 * (session.ts), and an entry whose token is gone is not listed (it could not open the workshop
 * as facilitator any more). A strategy has no session: its token is kept in its entry.
 */
const KEY = 'atelier:home';
/** Where strategies were kept before this list held them, one key each: moved here when read. */
const LEGACY_STRATEGY_PREFIX = 'atelier:strategy:';

/** Beyond this, the entries opened longest ago make room: the list stays quick to read and to store. */
export const MAX_REMEMBERED = 100;

/** A date and time as `Date.parse` reads it (ISO 8601). */
const Instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)));

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const RememberedWorkshop = z.object({
  kind: z.literal('workshop'),
  id: Id,
  title: z.string().max(200),
  territory: Territory,
  /** ISO date and time: the server's once the board has opened, this browser's until then. */
  createdAt: Instant,
  lastOpenedAt: Instant,
  /** The workshop's steps, once known (from its template, then from its control document). */
  steps: z.array(Step).optional(),
});
export type RememberedWorkshop = z.infer<typeof RememberedWorkshop>;

const RememberedStrategy = z.object({
  kind: z.literal('strategy'),
  id: Id,
  /** The strategy's facilitator token, read once from its link: it opens the strategy and each of its sessions. */
  token: z.string().min(1),
  /** Once the strategy page has read it. */
  title: z.string().max(200).optional(),
  lastOpenedAt: Instant,
});
export type RememberedStrategy = z.infer<typeof RememberedStrategy>;

/** One entry of the home's list: a workshop or a strategy. */
const RememberedEntry = z.discriminatedUnion('kind', [RememberedWorkshop, RememberedStrategy]);
export type RememberedEntry = z.infer<typeof RememberedEntry>;

/** The facts the board (or the creation form) knows about a workshop opened as facilitator. */
export interface WorkshopFacts {
  id: string;
  title: string;
  territory: Territory;
  createdAt?: string;
  steps?: readonly Step[];
}

/**
 * Every valid stored entry, as stored; anything unreadable is skipped, never thrown. Strategies
 * still under their former keys are moved into the list (their keys go once it is written).
 */
function readAll(store: KeyValueStorage | null): RememberedEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(store?.getItem(KEY) ?? 'null');
  } catch {
    value = null;
  }
  const list = (value as { entries?: unknown } | null)?.entries;
  const seen = new Set<string>();
  const entries: RememberedEntry[] = [];
  for (const item of Array.isArray(list) ? list : []) {
    const parsed = RememberedEntry.safeParse(item);
    if (!parsed.success || seen.has(entryKey(parsed.data))) continue;
    seen.add(entryKey(parsed.data));
    entries.push(parsed.data);
  }
  const legacy = legacyStrategies(store);
  if (legacy.length === 0) return entries;
  for (const { entry } of legacy) if (entry && !seen.has(entryKey(entry))) entries.push(entry);
  if (writeAll(entries, store)) for (const { key } of legacy) store?.removeItem(key);
  return entries;
}

/**
 * The strategies kept one key each (`atelier:strategy:<id>`, `{token, title?, openedAt?}`) before
 * this list; `null` for a key that holds no strategy (it goes with the others).
 */
function legacyStrategies(
  store: KeyValueStorage | null,
): { key: string; entry: RememberedStrategy | null }[] {
  if (!store || !('key' in store)) return [];
  const listable = store as ListableStorage;
  const found: { key: string; entry: RememberedStrategy | null }[] = [];
  for (let i = 0; i < listable.length; i++) {
    const key = listable.key(i);
    if (!key?.startsWith(LEGACY_STRATEGY_PREFIX)) continue;
    let value: Record<string, unknown> | null = null;
    try {
      value = JSON.parse(listable.getItem(key) ?? 'null') as Record<string, unknown> | null;
    } catch {
      // Unreadable: no strategy.
    }
    const parsed = RememberedStrategy.safeParse({
      kind: 'strategy',
      id: key.slice(LEGACY_STRATEGY_PREFIX.length),
      token: value?.token,
      ...(typeof value?.title === 'string' ? { title: value.title } : {}),
      // Never opened since it was kept: listed after the others.
      lastOpenedAt: typeof value?.openedAt === 'string' ? value.openedAt : new Date(0).toISOString(),
    });
    found.push({ key, entry: parsed.success ? parsed.data : null });
  }
  return found;
}

/** Writes the list (the latest opened `MAX_REMEMBERED` entries); whether it was stored. */
function writeAll(entries: readonly RememberedEntry[], store: KeyValueStorage | null): boolean {
  const kept = [...entries].sort((a, b) => later(a.lastOpenedAt, b.lastOpenedAt)).slice(0, MAX_REMEMBERED);
  try {
    store?.setItem(KEY, JSON.stringify({ version: 1, entries: kept }));
    return store !== null;
  } catch {
    // Storage full or disabled: the home just does not list this entry.
    return false;
  }
}

/** Later first; the server's and this browser's ISO strings differ in form, so compare times. */
function later(a: string, b: string): number {
  return Date.parse(b) - Date.parse(a);
}

function entryKey(entry: Pick<RememberedEntry, 'kind' | 'id'>): string {
  return `${entry.kind}:${entry.id}`;
}

/** Newest first (by creation, then by last opening): the workshops this browser can still open as facilitator. */
export function loadRemembered(store: KeyValueStorage | null = browserStorage()): RememberedWorkshop[] {
  return readAll(store)
    .filter(
      (entry): entry is RememberedWorkshop =>
        entry.kind === 'workshop' && loadSession(entry.id, store) !== null,
    )
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
  const found = index >= 0 ? entries[index] : undefined;
  const previous = found?.kind === 'workshop' ? found : undefined;
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
  const entry = entries.find(
    (candidate): candidate is RememberedWorkshop =>
      candidate.kind === 'workshop' && candidate.id === workshopId,
  );
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

/** A strategy this browser holds the facilitator link of, or `null`. */
export function loadStrategy(
  id: string,
  store: KeyValueStorage | null = browserStorage(),
): RememberedStrategy | null {
  return (
    readAll(store).find(
      (entry): entry is RememberedStrategy => entry.kind === 'strategy' && entry.id === id,
    ) ?? null
  );
}

/**
 * Remembers a strategy opened `now`, merging with what was known (a title learnt later keeps the
 * token). Without a token, given or known, nothing is remembered (`null`).
 */
export function rememberStrategy(
  strategy: { id: string; token?: string; title?: string },
  store: KeyValueStorage | null = browserStorage(),
  now = new Date(),
): RememberedStrategy | null {
  const entries = readAll(store);
  const index = entries.findIndex((entry) => entry.kind === 'strategy' && entry.id === strategy.id);
  const found = index >= 0 ? entries[index] : undefined;
  const current = found?.kind === 'strategy' ? found : undefined;
  const token = strategy.token ?? current?.token;
  if (!token) return null;
  const title = strategy.title ?? current?.title;
  const next: RememberedStrategy = {
    kind: 'strategy',
    id: strategy.id,
    token,
    ...(title !== undefined ? { title } : {}),
    lastOpenedAt: now.toISOString(),
  };
  if (index >= 0) entries[index] = next;
  else entries.push(next);
  writeAll(entries, store);
  return next;
}

/** Forgets a strategy on this browser (its link opens and lists it again); the strategy stays. */
export function forgetStrategy(id: string, store: KeyValueStorage | null = browserStorage()): void {
  const entries = readAll(store);
  const kept = entries.filter((entry) => !(entry.kind === 'strategy' && entry.id === id));
  if (kept.length !== entries.length) writeAll(kept, store);
}

/** Every strategy this browser remembers, the latest opened first (for the home page). */
export function rememberedStrategies(store: KeyValueStorage | null = browserStorage()): RememberedStrategy[] {
  return readAll(store)
    .filter((entry): entry is RememberedStrategy => entry.kind === 'strategy')
    .sort((a, b) => later(a.lastOpenedAt, b.lastOpenedAt));
}
