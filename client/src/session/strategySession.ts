import { navigate } from '../routing/router';
import { strategyPath } from '../routing/routes';
import { browserStorage, type KeyValueStorage, type ListableStorage, saveSession } from './session';

/**
 * What this browser remembers about a strategy it facilitates: the strategy's facilitator token
 * (the only secret: it opens the strategy and each of its sessions) and, for lists, its title.
 * Like a workshop's session, the token is read once from the link's fragment and kept here.
 */
export interface RememberedStrategy {
  id: string;
  token: string;
  title?: string;
  /** When this browser last opened it (ISO), to list the latest first. */
  openedAt?: string;
}

const PREFIX = 'atelier:strategy:';

export function loadStrategy(
  id: string,
  store: KeyValueStorage | null = browserStorage(),
): RememberedStrategy | null {
  try {
    const value = JSON.parse(store?.getItem(PREFIX + id) ?? 'null') as Record<string, unknown> | null;
    if (!value || typeof value.token !== 'string' || value.token.length === 0) return null;
    const remembered: RememberedStrategy = { id, token: value.token };
    if (typeof value.title === 'string') remembered.title = value.title;
    if (typeof value.openedAt === 'string') remembered.openedAt = value.openedAt;
    return remembered;
  } catch {
    return null;
  }
}

/**
 * Remembers a strategy on this browser (merging with what was known: a new title keeps the
 * token). The home page can call it, and list them with `rememberedStrategies`.
 */
export function rememberStrategy(
  strategy: { id: string; token?: string; title?: string },
  store: KeyValueStorage | null = browserStorage(),
  now = new Date(),
): RememberedStrategy | null {
  const current = loadStrategy(strategy.id, store);
  const token = strategy.token ?? current?.token;
  if (!token) return null;
  const title = strategy.title ?? current?.title;
  const next: RememberedStrategy = {
    id: strategy.id,
    token,
    ...(title !== undefined ? { title } : {}),
    openedAt: now.toISOString(),
  };
  try {
    store?.setItem(PREFIX + strategy.id, JSON.stringify(next));
  } catch {
    // Storage full or disabled: the strategy lasts for this page only.
  }
  return next;
}

export function forgetStrategy(id: string, store: KeyValueStorage | null = browserStorage()): void {
  try {
    store?.removeItem(PREFIX + id);
  } catch {
    // Nothing to forget.
  }
}

/** Every strategy this browser remembers, the latest opened first (for the home page). */
export function rememberedStrategies(store: ListableStorage | null = browserStorage()) {
  if (!store) return [];
  const found: RememberedStrategy[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const remembered = loadStrategy(key.slice(PREFIX.length), store);
    if (remembered) found.push(remembered);
  }
  return found.sort((a, b) => (b.openedAt ?? '').localeCompare(a.openedAt ?? ''));
}

/**
 * Opens a session as the strategy's facilitator: keeps the session's token like any workshop's,
 * noting which strategy it belongs to (so the board can offer the recap of what changed).
 */
export function enterSession(
  strategyId: string,
  entry: { workshopId: string; participantId: string; facilitatorToken: string; joinCode?: string },
): void {
  saveSession(entry.workshopId, {
    token: entry.facilitatorToken,
    participantId: entry.participantId,
    role: 'facilitator',
    strategyId,
    ...(entry.joinCode ? { joinCode: entry.joinCode } : {}),
  });
}

/** Opens the strategy page with the token kept in this browser (never in the address bar). */
export function openStrategy(id: string, token: string, title?: string): void {
  rememberStrategy({ id, token, ...(title ? { title } : {}) });
  navigate(strategyPath(id));
}
