import type { WorkshopSummary } from '@atelier/shared';
import { useEffect, useState } from 'react';
import { RequestError } from '../api/http';
import { fetchWorkshop } from '../api/workshops';
import { forgetWorkshop } from '../session/remembered';
import { type Session, updateSession } from '../session/session';

export type SummaryState =
  | { state: 'loading' }
  | { state: 'ready'; summary: WorkshopSummary; offline: boolean }
  | { state: 'unauthorized' }
  | { state: 'notFound' }
  | { state: 'failed' };

/**
 * The workshop as the server describes it to us (title, our role, participants, join code),
 * refreshed now and then so new arrivals show up. Without network, the copy kept with the
 * session opens the board anyway (its content comes from IndexedDB).
 */
export function useWorkshopSummary(
  workshopId: string,
  session: Session | null,
  pollMs: number,
): { summary: SummaryState; retry: () => void } {
  const token = session?.token ?? null;
  const [summary, setSummary] = useState<SummaryState>(() =>
    session?.summary ? { state: 'ready', summary: session.summary, offline: true } : { state: 'loading' },
  );
  const [attempt, setAttempt] = useState(0);

  // `attempt` re-runs the effect when the person asks to retry.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above.
  useEffect(() => {
    if (!token) return;
    const abort = new AbortController();
    let timer = 0;
    const load = async () => {
      try {
        const fresh = await fetchWorkshop(workshopId, token, abort.signal);
        updateSession(workshopId, {
          summary: fresh,
          participantId: fresh.you.id,
          role: fresh.you.role,
          ...(fresh.joinCode ? { joinCode: fresh.joinCode } : {}),
        });
        setSummary((prev) =>
          prev.state === 'ready' && !prev.offline && JSON.stringify(prev.summary) === JSON.stringify(fresh)
            ? prev
            : { state: 'ready', summary: fresh, offline: false },
        );
      } catch (error) {
        if (abort.signal.aborted) return;
        const code = error instanceof RequestError ? error.code : 'internal';
        if (code === 'unauthorized' || code === 'forbidden') {
          // The token is no good any more: forget it (and the home's entry), the person joins again with the code.
          forgetWorkshop(workshopId);
          setSummary({ state: 'unauthorized' });
          return;
        }
        if (code === 'not_found') {
          // Deleted (by its facilitator or the retention sweep): nothing left to open from the home.
          forgetWorkshop(workshopId);
          setSummary({ state: 'notFound' });
          return;
        }
        setSummary((prev) => (prev.state === 'ready' ? prev : { state: 'failed' }));
      }
      if (!abort.signal.aborted) timer = window.setTimeout(load, pollMs);
    };
    void load();
    return () => {
      abort.abort();
      window.clearTimeout(timer);
    };
  }, [workshopId, token, pollMs, attempt]);

  return { summary, retry: () => setAttempt((n) => n + 1) };
}
