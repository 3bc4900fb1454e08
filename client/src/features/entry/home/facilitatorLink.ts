import { boardPath, matchRoute, tokenFromHash } from '../../../routing/routes';

/**
 * Where a pasted facilitator link (`https://host/w/ID#token=…`, or only its path) opens in this
 * app: the board's path with its token fragment, on this origin — the token then lands in this
 * browser's storage, whatever address the link was made for. `null` when it is not one.
 */
export function facilitatorLinkTarget(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    // The base only serves links pasted without their origin.
    url = new URL(trimmed, 'http://atelier.invalid');
  } catch {
    return null;
  }
  const route = matchRoute(url.pathname);
  const token = tokenFromHash(url.hash);
  if (route.name !== 'board' || token === null) return null;
  return `${boardPath(route.workshopId)}#token=${encodeURIComponent(token)}`;
}
