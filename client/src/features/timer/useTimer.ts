import { type TimerState, timerRemaining } from '@atelier/shared';
import { useEffect, useReducer, useSyncExternalStore } from 'react';
import { serverClockOffset, serverNow, subscribeServerClock } from '../../state/serverClock';
import { boardStore, useBoard } from '../../state/store';
import { playChime } from './chime';

/** The time left on the facilitator's timer, re-rendering once a second (on the second) while it runs. */
export function useRemaining(timer: TimerState | null): number | null {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  const offset = useSyncExternalStore(subscribeServerClock, serverClockOffset);
  const remaining = timer ? timerRemaining(timer, serverNow()) : null;
  useEffect(() => {
    if (!timer || timer.endsAt === null) return;
    const now = () => Date.now() + offset;
    let id: ReturnType<typeof setTimeout>;
    const next = () => {
      const left = timerRemaining(timer, now());
      tick();
      // Wake when the shown second changes (the display rounds up).
      if (left > 0) id = setTimeout(next, ((left - 1) % 1000) + 1);
    };
    const left = timerRemaining(timer, now());
    if (left > 0) id = setTimeout(next, ((left - 1) % 1000) + 1);
    return () => clearTimeout(id);
  }, [timer, offset]);
  return remaining;
}

/**
 * Keeps the store's `timeUp` true while a timer set to freeze input has run out (the
 * server refuses participants' writes then; the board shows it read-only), and plays the
 * gentle signal when the time runs out while the board is open.
 */
export function useTimerExpiry(): void {
  const timer = useBoard((s) => s.control.timer);
  const offset = useSyncExternalStore(subscribeServerClock, serverClockOffset);
  useEffect(() => {
    const now = () => Date.now() + offset;
    const update = () => {
      const ended = timer !== null && timerRemaining(timer, now()) === 0;
      const timeUp = ended && timer.freezeAtEnd;
      if (boardStore.getState().timeUp !== timeUp) boardStore.setState({ timeUp });
    };
    update();
    if (!timer || timer.endsAt === null) return;
    const left = timerRemaining(timer, now());
    if (left === 0) return;
    // A little after zero, so that the server's clock has surely passed it too.
    const id = setTimeout(() => {
      update();
      playChime();
    }, left + 50);
    return () => clearTimeout(id);
  }, [timer, offset]);
}
