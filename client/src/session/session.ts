import { Role, WorkshopSummary } from '@atelier/shared';

/**
 * What this browser remembers about a workshop it joined: the token (the only secret), and
 * the last summary the server gave, so a reload without network still opens the board.
 */
export interface Session {
  token: string;
  participantId?: string;
  role?: Role;
  joinCode?: string;
  participantLink?: string;
  summary?: WorkshopSummary;
  /** The strategy this workshop is a session of, when this browser opened it from the strategy page. */
  strategyId?: string;
}

const PREFIX = 'atelier:session:';

/** The subset of `Storage` we use, so tests can pass a plain map. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What may also list its keys (the strategies this browser remembers are found by prefix). */
export type ListableStorage = KeyValueStorage & Pick<Storage, 'length' | 'key'>;

/** The browser's `localStorage`, or `null` where it is missing or refused (private modes, tests). */
export function browserStorage(): ListableStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadSession(
  workshopId: string,
  store: KeyValueStorage | null = browserStorage(),
): Session | null {
  const raw = store?.getItem(PREFIX + workshopId);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Record<string, unknown>;
    if (typeof value.token !== 'string' || value.token.length === 0) return null;
    const session: Session = { token: value.token };
    if (typeof value.participantId === 'string') session.participantId = value.participantId;
    const role = Role.safeParse(value.role);
    if (role.success) session.role = role.data;
    if (typeof value.joinCode === 'string') session.joinCode = value.joinCode;
    if (typeof value.participantLink === 'string') session.participantLink = value.participantLink;
    if (typeof value.strategyId === 'string') session.strategyId = value.strategyId;
    const summary = WorkshopSummary.safeParse(value.summary);
    if (summary.success) session.summary = summary.data;
    return session;
  } catch {
    return null;
  }
}

export function saveSession(
  workshopId: string,
  session: Session,
  store: KeyValueStorage | null = browserStorage(),
): void {
  try {
    store?.setItem(PREFIX + workshopId, JSON.stringify(session));
  } catch {
    // Storage full or disabled: the session lasts for this page only.
  }
}

/** Merges new facts into the stored session (e.g. a fresh summary), keeping the token. */
export function updateSession(
  workshopId: string,
  patch: Partial<Session>,
  store: KeyValueStorage | null = browserStorage(),
): Session | null {
  const current = loadSession(workshopId, store);
  if (!current) return null;
  const next = { ...current, ...patch };
  saveSession(workshopId, next, store);
  return next;
}

export function clearSession(workshopId: string, store: KeyValueStorage | null = browserStorage()): void {
  try {
    store?.removeItem(PREFIX + workshopId);
  } catch {
    // Nothing to clear.
  }
}

const PROFILE_KEY = 'atelier:profile';

/** Name and group last typed on the join page, to prefill it next time. */
export interface Profile {
  name: string;
  group: string;
}

export function loadProfile(store: KeyValueStorage | null = browserStorage()): Profile | null {
  try {
    const value = JSON.parse(store?.getItem(PROFILE_KEY) ?? 'null') as Partial<Profile> | null;
    return value && typeof value.name === 'string' && typeof value.group === 'string'
      ? { name: value.name, group: value.group }
      : null;
  } catch {
    return null;
  }
}

export function saveProfile(profile: Profile, store: KeyValueStorage | null = browserStorage()): void {
  try {
    store?.setItem(PROFILE_KEY, JSON.stringify(profile));
  } catch {
    // Not essential.
  }
}
