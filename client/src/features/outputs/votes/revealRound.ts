import { PublicRound, type TransitionBody } from '@atelier/shared';
import { requestJson, workshopApiPath } from '../../../api/http';

/**
 * `POST …/rounds/{roundId}/reveal` (facilitators), and with `overrideQuorum` although a group has
 * not reached the round's quorum (without it the server answers 409 `quorum_not_met`).
 * (`moveRound` in api/votes.ts sends no body; this one may.)
 */
export function revealRound(
  workshopId: string,
  roundId: string,
  token: string,
  overrideQuorum = false,
): Promise<PublicRound> {
  const body: TransitionBody | undefined = overrideQuorum ? { overrideQuorum: true } : undefined;
  return requestJson(`${workshopApiPath(workshopId, 'rounds', roundId)}/reveal`, PublicRound, {
    method: 'POST',
    token,
    ...(body ? { body } : {}),
  });
}
