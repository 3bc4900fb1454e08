/** The vote API as the tests call it (docs/votes.md), over the harness's `api`. */

import { randomUUID } from 'node:crypto';
import type {
  ApiError,
  Ballot,
  BallotChange,
  CreateRoundBody,
  PublicRound,
  RemindResponse,
  RoundAction,
  RoundList,
  RoundProgress,
} from '@atelier/shared';
import { expect } from 'vitest';
import {
  type ApiAnswer,
  addIssues,
  api,
  type HttpTarget,
  type Person,
  type RunningServer,
  workshopWith,
} from './harness';

/** A ballot change; a fresh `requestId` is added unless given. */
export type Change = Omit<BallotChange, 'requestId'> & { requestId?: string };

export function votesApi(baseUrl: HttpTarget, workshopId: string) {
  const rounds = `/api/workshops/${workshopId}/rounds`;
  const ballot = (roundId: string, participantId: string) => `${rounds}/${roundId}/ballots/${participantId}`;
  return {
    list: (token: string) => api<RoundList>(baseUrl, 'GET', rounds, { token }),
    create: (token: string, body: CreateRoundBody) =>
      api<PublicRound>(baseUrl, 'POST', rounds, { token, body }),
    act: (token: string, roundId: string, action: RoundAction) =>
      api<PublicRound>(baseUrl, 'POST', `${rounds}/${roundId}/${action}`, { token }),
    extend: (token: string, roundId: string, minutes: number) =>
      api<PublicRound>(baseUrl, 'POST', `${rounds}/${roundId}/extend`, { token, body: { minutes } }),
    remind: (token: string, roundId: string, participantIds?: string[]) =>
      api<RemindResponse>(baseUrl, 'POST', `${rounds}/${roundId}/remind`, {
        token,
        ...(participantIds ? { body: { participantIds } } : {}),
      }),
    discard: (token: string, roundId: string) => api(baseUrl, 'DELETE', `${rounds}/${roundId}`, { token }),
    progress: (token: string, roundId: string) =>
      api<RoundProgress>(baseUrl, 'GET', `${rounds}/${roundId}/progress`, { token }),
    ballot: (token: string, roundId: string, participantId: string) =>
      api<Ballot>(baseUrl, 'GET', ballot(roundId, participantId), { token }),
    cast: (token: string, roundId: string, participantId: string, change: Change) =>
      api<Ballot>(baseUrl, 'PUT', ballot(roundId, participantId), {
        token,
        body: { requestId: randomUUID(), ...change },
      }),
    clear: (token: string, roundId: string, participantId: string) =>
      api<Ballot>(baseUrl, 'DELETE', ballot(roundId, participantId), { token }),
  };
}

/** Asserts a successful answer and returns its body. */
export function ok<T>(answer: ApiAnswer<T>, status = 200): T {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body;
}

/** Asserts an error answer with this status and code. */
export function refused(answer: ApiAnswer<unknown>, status: number, code: ApiError['error']['code']): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect((answer.body as ApiError).error.code).toBe(code);
}

export type VotesApi = ReturnType<typeof votesApi>;

export const ISSUES = [
  { id: 'issue-a', title: 'Mobilité rurale' },
  { id: 'issue-b', title: 'Accès aux soins' },
  { id: 'issue-c', title: 'Tiers-lieux' },
  { id: 'issue-d', title: 'Circuits courts' },
];

/**
 * Three residents, three elected officials, one business and two associations: two groups large
 * enough to show on their own, and three people the results by group merge into "other".
 */
export const NINE_VOTERS = {
  r1: { name: 'Rémi', group: 'resident' },
  r2: { name: 'Rose', group: 'resident' },
  r3: { name: 'Rachid', group: 'resident' },
  e1: { name: 'Élise', group: 'elected' },
  e2: { name: 'Étienne', group: 'elected' },
  e3: { name: 'Emma', group: 'elected' },
  b1: { name: 'Bruno', group: 'business' },
  a1: { name: 'Aline', group: 'association' },
  a2: { name: 'Aude', group: 'association' },
} as const satisfies Record<string, Person>;
export type NineVoter = keyof typeof NINE_VOTERS;

/** A workshop with these people joined and these issues on its board; `fanny` is the facilitator's token. */
export async function votingWorkshop<K extends string>(
  server: RunningServer,
  people: Record<K, Person>,
  issues: readonly { id: string; title: string }[] = ISSUES,
) {
  const cast = await workshopWith(server.url, people);
  const fanny = cast.workshop.facilitatorToken;
  await addIssues(server.wsUrl, cast.workshop.id, fanny, issues);
  return { ...cast, fanny, votes: votesApi(server.url, cast.workshop.id) };
}

/** A dots round on every issue, with `patch` over it. */
export function roundBody(patch: Partial<CreateRoundBody> = {}): CreateRoundBody {
  return { title: 'Priorités', targetKind: 'issues', targets: 'all', mode: 'dots', ...patch };
}

/** Creates a dots round on every issue (3 dots, at most 2 on one, secret unless patched) and opens it. */
export async function openDotsRound(
  w: { fanny: string; votes: VotesApi },
  patch: Partial<CreateRoundBody> = {},
) {
  const body = roundBody({ dots: { budget: 3, cap: 2, negative: false }, ...patch });
  const round = ok(await w.votes.create(w.fanny, body), 201);
  ok(await w.votes.act(w.fanny, round.id, 'open'));
  return round;
}
