/**
 * Cross-site WebSocket hijacking guard. Browsers always send `Origin` on a WebSocket
 * upgrade, so a page on another site can be refused; scripts that send none (the stock
 * Node client, tools) are judged by their token alone.
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (host !== undefined && parsed.host === host) return true;
  return allowed.includes(parsed.origin);
}
