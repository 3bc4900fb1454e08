import {
  Ballot,
  type BallotChange,
  type CreateRoundBody,
  PublicRound,
  RemindResponse,
  type RoundAction,
  RoundProgress,
} from '@atelier/shared';
import { requestJson, type Schema, workshopApiPath } from './http';

/**
 * The vote rounds' HTTP API (see docs/votes.md). Votes are never written into a shared
 * document: every ballot change goes through the server, which checks and stores it.
 */

const roundsPath = (workshopId: string) => workshopApiPath(workshopId, 'rounds');
const roundPath = (workshopId: string, roundId: string) => workshopApiPath(workshopId, 'rounds', roundId);
const ballotPath = (workshopId: string, roundId: string, participantId: string) =>
  workshopApiPath(workshopId, 'rounds', roundId, 'ballots', participantId);

/** `204 No Content`: nothing to read back. */
const NoContent: Schema<void> = { safeParse: () => ({ success: true, data: undefined }) };

/** `POST …/rounds` (facilitators): a new round, in the draft state. */
export function createRound(workshopId: string, body: CreateRoundBody, token: string): Promise<PublicRound> {
  return requestJson(roundsPath(workshopId), PublicRound, { method: 'POST', body, token });
}

/** `POST …/rounds/{roundId}/{action}` (facilitators): open, close, reveal or reopen. */
export function moveRound(
  workshopId: string,
  roundId: string,
  action: RoundAction,
  token: string,
): Promise<PublicRound> {
  return requestJson(`${roundPath(workshopId, roundId)}/${action}`, PublicRound, { method: 'POST', token });
}

/** `POST …/rounds/{roundId}/extend` (facilitators): more minutes for an open, timed round. */
export function extendRound(
  workshopId: string,
  roundId: string,
  minutes: number,
  token: string,
): Promise<PublicRound> {
  return requestJson(`${roundPath(workshopId, roundId)}/extend`, PublicRound, {
    method: 'POST',
    body: { minutes },
    token,
  });
}

/** `DELETE …/rounds/{roundId}` (facilitators): the round and its ballots are gone. */
export async function discardRound(workshopId: string, roundId: string, token: string): Promise<void> {
  await requestJson(roundPath(workshopId, roundId), NoContent, { method: 'DELETE', token });
}

/** `GET …/rounds/{roundId}/progress` (facilitators): who has voted, never what. */
export function fetchProgress(
  workshopId: string,
  roundId: string,
  token: string,
  signal?: AbortSignal,
): Promise<RoundProgress> {
  return requestJson(`${roundPath(workshopId, roundId)}/progress`, RoundProgress, {
    token,
    ...(signal ? { signal } : {}),
  });
}

/** `POST …/rounds/{roundId}/remind` (facilitators): these people, or everyone not done. */
export function remindVoters(
  workshopId: string,
  roundId: string,
  participantIds: readonly string[] | undefined,
  token: string,
): Promise<RemindResponse> {
  return requestJson(`${roundPath(workshopId, roundId)}/remind`, RemindResponse, {
    method: 'POST',
    body: participantIds ? { participantIds } : {},
    token,
  });
}

/** `GET …/ballots/{participantId}` (self only): one's own ballot and remaining budget. */
export function fetchBallot(
  workshopId: string,
  roundId: string,
  participantId: string,
  token: string,
  signal?: AbortSignal,
): Promise<Ballot> {
  return requestJson(ballotPath(workshopId, roundId, participantId), Ballot, {
    token,
    ...(signal ? { signal } : {}),
  });
}

/** `PUT …/ballots/{participantId}` (self only): sets the given entries; answers the whole ballot. */
export function putBallot(
  workshopId: string,
  roundId: string,
  participantId: string,
  change: BallotChange,
  token: string,
): Promise<Ballot> {
  return requestJson(ballotPath(workshopId, roundId, participantId), Ballot, {
    method: 'PUT',
    body: change,
    token,
  });
}
