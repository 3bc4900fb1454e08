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

/** Reads a flag that `navigate()` left in `history.state`, then forgets it (a reload won't repeat it). */
export function takeHistoryFlag(name: string): boolean {
  const state: Record<string, unknown> = window.history.state ?? {};
  if (state[name] !== true) return false;
  const { [name]: _taken, ...rest } = state;
  window.history.replaceState(Object.keys(rest).length > 0 ? rest : null, '');
  return true;
}

/** The current pathname, re-rendering on navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function useRoute(): Route {
  return matchRoute(usePathname());
}
