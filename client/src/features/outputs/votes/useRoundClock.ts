import type { PublicRound, TimerState } from '@atelier/shared';
import { useMemo } from 'react';
import { useRemaining } from '../../../toolbox/time/useRemaining';

/**
 * The time left to vote in an open, timed round (server clock), ticking every second; `null`
 * when the round has no end. Zero once the time is up: the server takes no more votes then.
 */
export function useRoundRemaining(round: Pick<PublicRound, 'state' | 'endsAt'> | null): number | null {
  const endsAt = round?.state === 'open' ? round.endsAt : null;
  const timer = useMemo<TimerState | null>(
    () => (endsAt === null ? null : { durationMs: 1000, remainingMs: 0, endsAt, freezeAtEnd: false }),
    [endsAt],
  );
  return useRemaining(timer);
}
