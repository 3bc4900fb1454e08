import { boardPath, matchRoute, strategyPath, tokenFromHash } from '../../../routing/routes';

/**
 * Where a pasted facilitator link — a workshop's (`https://host/w/ID#token=…`) or a strategy's
 * (`…/s/ID#token=…`, as a co-facilitator gets it), or only its path — opens in this app: the
 * board's or the strategy page's path with its token fragment, on this origin; the token then
 * lands in this browser's storage, whatever address the link was made for. `null` when it is not one.
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
  if (token === null) return null;
  const fragment = `#token=${encodeURIComponent(token)}`;
  if (route.name === 'board') return `${boardPath(route.workshopId)}${fragment}`;
  if (route.name === 'strategy') return `${strategyPath(route.strategyId)}${fragment}`;
  return null;
}
