import { ServerTime } from '@atelier/shared';
import { requestJson } from '../api/http';

/**
 * The server's clock, as this page estimates it. The facilitator's timer is stored in
 * server time, so every laptop shows the same time left whatever its own clock says.
 */
let offsetMs = 0;
const listeners = new Set<() => void>();

/** For `useSyncExternalStore`: timers re-plan when the offset is learnt. */
export function subscribeServerClock(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function serverClockOffset(): number {
  return offsetMs;
}

/** Whole milliseconds: the timer stores integers. */
export function serverNow(): number {
  return Math.round(Date.now() + offsetMs);
}

/** The offset of the server's clock from ours: its reading is taken as the middle of the round trip. */
export function clockOffset(sentAt: number, serverTime: number, receivedAt: number): number {
  return serverTime - (sentAt + receivedAt) / 2;
}

/** Asks the server for its time (on opening a board); on failure the page's own clock stands in. */
export async function syncServerClock(): Promise<void> {
  try {
    const sentAt = Date.now();
    const { now } = await requestJson('/api/time', ServerTime);
    offsetMs = clockOffset(sentAt, now, Date.now());
    for (const listener of listeners) listener();
  } catch {
    // Offline: the timer is then as right as this laptop's clock.
  }
}
