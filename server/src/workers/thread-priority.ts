import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value of the pool's threads: below the sync loop's (0), so it runs first on a busy core. */
export const WORKER_NICE = 10;

/**
 * Lowers the calling thread's scheduling priority to `nice`. On Linux a nice value belongs to
 * a thread, not the process (setpriority(2)), and a thread's id is the name `/proc/thread-self`
 * points to: the pool's threads give way to the sync loop when they share a core with it (a
 * cold load's slicing, a Word export), and still use any idle core. Elsewhere, or if refused,
 * nothing changes: `null`.
 */
export function lowerThreadPriority(nice = WORKER_NICE): number | null {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return null;
    setPriority(tid, nice);
    return nice;
  } catch {
    return null;
  }
}
