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
