/** The vote tests' clock: deadlines come when the test says, on one node or several at once. */
import type { Clock } from './clock';

/** A clock the test moves by hand; what is scheduled runs only when `advance` reaches it. */
export function fakeClock(start = Date.parse('2025-03-01T09:00:00Z')) {
  let now = start;
  const pending: { at: number; fn: () => void | Promise<void>; done: boolean }[] = [];
  return {
    now: () => now,
    at(at, fn) {
      const entry = { at, fn, done: false };
      pending.push(entry);
      return () => {
        entry.done = true;
      };
    },
    /** Moves time on and runs what came due; resolves once it has run. */
    async advance(ms: number) {
      now += ms;
      for (const entry of pending.filter((e) => !e.done && e.at <= now)) {
        entry.done = true;
        await entry.fn();
      }
    },
    /** Moves time on before the timers fire (a request that arrives first). */
    jump(ms: number) {
      now += ms;
    },
  } satisfies Clock & Record<string, unknown>;
}
