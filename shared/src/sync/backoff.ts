import type { WebsocketProvider } from 'y-websocket';
import { CLOSE_CODES, FINAL_CLOSE_CODES } from './protocol';

// Browsers and Node both have it; shared compiles against neither's library, so it is declared here.
declare function setTimeout(callback: () => void, ms: number): unknown;

/**
 * How long to wait before reconnect attempt `attempt` (1 for the first): exponential like
 * the stock provider (100·2ⁿ ms, capped), but drawn uniformly below that bound ("full
 * jitter"). Without it, every laptop of a room dropped by the same server restart or Wi-Fi
 * hiccup knocks again at the same instants.
 */
export function reconnectDelay(attempt: number, capMs: number, random: () => number = Math.random): number {
  const bound = Math.min(100 * 2 ** Math.max(1, attempt), capMs);
  return Math.floor(random() * bound);
}

/**
 * After a close for going past the connection's rate (4529), the least wait before
 * reconnecting: at once, the same runaway would be closed again; a few seconds refill the
 * server's buckets (docs/security.md, "Socket limits").
 */
export const RATE_LIMITED_DELAY_MS = 3000;

/**
 * Takes a provider's reconnects over to add jitter: on a close its own timer then finds
 * `shouldConnect` false and does nothing, and ours reconnects after `reconnectDelay` if
 * `mayReconnect()` still says so. A deliberate disconnect, or a close code after which
 * reconnecting cannot help, leaves the provider as it is.
 */
export function reconnectWithJitter(provider: WebsocketProvider, mayReconnect: () => boolean): void {
  provider.on('connection-close', (event) => {
    if (!provider.shouldConnect || (event && FINAL_CLOSE_CODES.has(event.code))) return;
    provider.shouldConnect = false;
    // The provider counts this close right after this event.
    const jitter = reconnectDelay(provider.wsUnsuccessfulReconnects + 1, provider.maxBackoffTime);
    const delay = event?.code === CLOSE_CODES.rateLimited ? RATE_LIMITED_DELAY_MS + jitter : jitter;
    setTimeout(() => {
      if (mayReconnect()) provider.connect();
    }, delay);
  });
}
