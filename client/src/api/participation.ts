import { Participation, type Step } from '@atelier/shared';
import { requestJson, workshopApiPath } from './http';

/**
 * `GET /api/workshops/:id/participation?step=…` (facilitators): per person still in the
 * workshop, their group and role, whether they contributed in `step` and voted in the current
 * round — never what they wrote or chose (docs/votes.md, "The balance of participation").
 */
export function fetchParticipation(
  workshopId: string,
  step: Step,
  token: string,
  signal?: AbortSignal,
): Promise<Participation> {
  const query = new URLSearchParams({ step });
  return requestJson(`${workshopApiPath(workshopId, 'participation')}?${query}`, Participation, {
    token,
    ...(signal ? { signal } : {}),
  });
}
