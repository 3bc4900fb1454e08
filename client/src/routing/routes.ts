/** The app's pages, parsed from a pathname. Pure, so it is tested without a browser. */
export type Route =
  | { name: 'home' }
  | { name: 'join'; code: string }
  | { name: 'board'; workshopId: string }
  | { name: 'strategy'; strategyId: string }
  | { name: 'notFound' };

export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) return { name: 'home' };
  const [first, second] = parts;
  if (parts.length === 2 && first === 'join' && second) return { name: 'join', code: second };
  if (parts.length === 2 && first === 'w' && second && /^[A-Za-z0-9_-]{1,64}$/.test(second)) {
    return { name: 'board', workshopId: second };
  }
  if (parts.length === 2 && first === 's' && second && /^[A-Za-z0-9_-]{1,64}$/.test(second)) {
    return { name: 'strategy', strategyId: second };
  }
  return { name: 'notFound' };
}

export function joinPath(code: string): string {
  return `/join/${encodeURIComponent(code)}`;
}

export function boardPath(workshopId: string): string {
  return `/w/${encodeURIComponent(workshopId)}`;
}

/** The strategy page: its sessions, new session, what changed. */
export function strategyPath(strategyId: string): string {
  return `/s/${encodeURIComponent(strategyId)}`;
}

/** Reads `token=…` from a URL fragment such as `#token=abc`; `null` when absent. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && token.length > 0 ? token : null;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
