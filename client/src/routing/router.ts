import { useSyncExternalStore } from 'react';
import { matchRoute, type Route } from './routes';

/**
 * A tiny history-based router: the current location is an external store that changes on
 * `navigate()` and on the browser's back/forward buttons.
 */
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function notify(): void {
  for (const listener of listeners) listener();
}

export interface NavigateOptions {
  replace?: boolean;
  /** Stored in `history.state`, read once by the next page (e.g. "open the share panel"). */
  state?: Record<string, unknown>;
}

export function navigate(path: string, options: NavigateOptions = {}): void {
  if (options.replace) window.history.replaceState(options.state ?? null, '', path);
  else window.history.pushState(options.state ?? null, '', path);
  window.scrollTo(0, 0);
  notify();
}

/** Whether `navigate()` left a flag in `history.state` for this page. */
export function historyFlag(name: string): boolean {
  const state: Record<string, unknown> = window.history.state ?? {};
  return state[name] === true;
}

/** Forgets a history flag once acted upon, so a reload does not act on it again. */
export function clearHistoryFlag(name: string): void {
  const state: Record<string, unknown> = window.history.state ?? {};
  if (!(name in state)) return;
  const { [name]: _cleared, ...rest } = state;
  window.history.replaceState(Object.keys(rest).length > 0 ? rest : null, '');
}

/** The current pathname, re-rendering on navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function useRoute(): Route {
  return matchRoute(usePathname());
}
