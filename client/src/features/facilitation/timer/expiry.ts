import { type TimerState, timerRemaining } from '@atelier/shared';

/** A little after zero, so that the server's clock has surely passed it too. */
export const END_MARGIN_MS = 50;

/**
 * Calls `onEnd` once, when this running timer reaches zero, and returns how to stop watching.
 * A timer paused, not started or already at zero when it is watched (a page opened after the
 * end, a clock corrected after it) calls nothing: the end is signalled to those who saw it come,
 * once. Another timer (more time, a restart) is watched anew and has its own end.
 */
export function watchTimerEnd(timer: TimerState | null, now: number, onEnd: () => void): () => void {
  if (!timer || timer.endsAt === null) return () => {};
  const left = timerRemaining(timer, now);
  if (left === 0) return () => {};
  const id = setTimeout(onEnd, left + END_MARGIN_MS);
  return () => clearTimeout(id);
}
