import { useEffect, useState } from 'react';
import { facilitateSession } from '../../../api/strategies';
import { fetchWorkshop } from '../../../api/workshops';

/**
 * The names of a session's people, by participant id: the changes name a note's author by their
 * id in that session. Read with the strategy facilitator's way into it (its summary lists
 * everyone, removed people and former participants included). Empty while unknown or on failure:
 * the author's group is shown then.
 */
export function useSessionPeople(
  strategyId: string,
  token: string,
  workshopId: string,
): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    const abort = new AbortController();
    facilitateSession(strategyId, workshopId, token)
      .then((entry) => fetchWorkshop(workshopId, entry.facilitatorToken, abort.signal))
      .then(
        (summary) => setNames(Object.fromEntries(summary.participants.map((p) => [p.id, p.name]))),
        () => {},
      );
    return () => abort.abort();
  }, [strategyId, token, workshopId]);
  return names;
}
