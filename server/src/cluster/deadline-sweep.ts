/**
 * The vote deadlines' duty (docs/scale-out.md, "3. Single-writer duties and leases"): every
 * second, the node holding the `vote-deadlines` lease closes the open rounds whose deadline has
 * passed, so a round still closes when the node whose timer would have closed it died. Each
 * node keeps its own timers for the rounds it opened or extended (the exact moment); the sweep
 * is the backstop. One lease for every workshop: the sweep is one indexed query a second, and a
 * lease per workshop would make every node run that query to learn which locks to try. Who
 * closes is decided by the closing's conditional save, not by the lease (a holder that lost it
 * without knowing yet, or a timer firing at the same moment, is refused by the row).
 */
import type { Logger } from '../log';
import type { Leases } from './lease';

/** The lease key: one sweeper for the whole cluster. */
export const DEADLINES_LEASE = 'vote-deadlines';

export interface DeadlineSweepOptions {
  leases: Pick<Leases, 'tryAcquire' | 'release'>;
  /** Closes the overdue rounds (`VoteService.sweepDeadlines`). */
  sweep: () => Promise<void>;
  log: Logger;
  /** Between the end of one sweep and the next try (ms). */
  everyMs?: number;
}

export interface DeadlineSweep {
  /** Stops sweeping, waits for a sweep in progress and gives the lease back to the other nodes. */
  stop(): Promise<void>;
}

export function startDeadlineSweep(options: DeadlineSweepOptions): DeadlineSweep {
  const { leases, sweep, log } = options;
  const everyMs = options.everyMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  async function tick(): Promise<void> {
    try {
      // The lease held already comes back at once; another node's is `null`.
      if (await leases.tryAcquire(DEADLINES_LEASE)) await sweep();
    } catch (error) {
      // The lease connection or the database is down: the next tick tries again.
      log.warn({ err: String(error) }, 'vote deadlines not swept');
    }
  }

  function next(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(next);
    }, everyMs);
    timer.unref();
  }
  next();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await leases.release(DEADLINES_LEASE).catch(() => {});
    },
  };
}
