import { type TimerState, timerRemaining } from '@atelier/shared';
import { useEffect, useReducer, useSyncExternalStore } from 'react';
import { serverClockOffset, serverNow, subscribeServerClock } from '../../state/serverClock';

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
