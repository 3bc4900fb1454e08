import type { Participation, Step } from '@atelier/shared';
import { useEffect, useState } from 'react';
import { fetchParticipation } from '../../../api/participation';

/** How often the open panel asks again: contributions show within this, presence at once. */
export const PARTICIPATION_POLL_MS = 5000;

export interface ParticipationAnswer {
  /** The last answer for `step`, or `null` until one came (a new step waits for its own). */
  participation: Participation | null;
  /** Why the last read failed, until one succeeds. */
  error: unknown;
}

/**
 * The server's participation in `step`, read now, every 5 s while the component is mounted and
 * at once when the step changes; not while the tab is hidden (read again when it shows).
 * Unmounting (the panel closed) stops it and drops a read under way.
 */
export function useParticipation(workshopId: string, token: string, step: Step): ParticipationAnswer {
  const [answer, setAnswer] = useState<ParticipationAnswer>({ participation: null, error: null });
  useEffect(() => {
    const abort = new AbortController();
    const poll = () => {
      if (document.visibilityState === 'hidden') return;
      fetchParticipation(workshopId, step, token, abort.signal).then(
        (participation) => {
          if (!abort.signal.aborted) setAnswer({ participation, error: null });
        },
        (error: unknown) => {
          if (!abort.signal.aborted) setAnswer((before) => ({ ...before, error }));
        },
      );
    };
    poll();
    const timer = window.setInterval(poll, PARTICIPATION_POLL_MS);
    document.addEventListener('visibilitychange', poll);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', poll);
      abort.abort();
    };
  }, [workshopId, token, step]);
  // An answer about the step before is not shown under the new step's name.
  return answer.participation?.step === step ? answer : { participation: null, error: answer.error };
}
