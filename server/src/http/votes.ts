import {
  ApiError,
  Ballot,
  BallotChange,
  BallotPath,
  CreateRoundBody,
  ExtendRoundBody,
  PublicRound,
  RemindBody,
  RemindResponse,
  RoundActionPath,
  RoundList,
  RoundPath,
  RoundProgress,
  TransitionBody,
  WorkshopPath,
} from '@atelier/shared';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { WorkshopStore } from '../store/workshops';
import type { Outcome } from '../votes/service';
import { workshopCaller, workshopFacilitator } from './auth';
import type { AppDeps } from './deps';
import { apiError } from './errors';
import { jsonContent, validationHook } from './openapi';

const ROUNDS = '/api/workshops/{id}/rounds';
const ROUND = `${ROUNDS}/{roundId}`;
const BALLOT = `${ROUND}/ballots/{participantId}`;

const error = (description: string) => ({ description, ...jsonContent(ApiError) });

/** The refusals every vote route may answer. */
const COMMON = {
  400: error('bad_request: invalid id or body (the fields are named)'),
  401: error('unauthorized: no token, or not a token of this workshop'),
  404: error('not_found: unknown workshop, or no round of it has this id (discarded rounds included)'),
  default: error('payload_too_large (413): a body over 64 KiB; internal (500): a fault of the server'),
};
const FACILITATOR_ONLY = { ...COMMON, 403: error('forbidden: not a facilitator') };
const BALLOT_REFUSALS = {
  ...COMMON,
  403: error(
    'observer_cannot_vote: observers never vote; not_your_ballot: the path names another participant (only they may read or change their ballot)',
  ),
};
const NOT_FACILITATOR = 'Only facilitators can manage vote rounds';

const listRounds = createRoute({
  method: 'get',
  path: ROUNDS,
  summary: 'The workshop’s vote rounds, as everyone sees them',
  description:
    'The same public faces the control document’s `votes` root holds: settings, state and times; `results` only once revealed (or live for an open-visibility round). Never a ballot. Any member of the workshop.',
  security: [{ bearer: [] }],
  request: { params: WorkshopPath },
  responses: {
    200: { description: 'Rounds, oldest first', ...jsonContent(RoundList) },
    ...COMMON,
  },
});

const createRound = createRoute({
  method: 'post',
  path: ROUNDS,
  summary: 'Create a vote round, as a draft (facilitators only)',
  description:
    'On every target of a kind on the board now (`targets: "all"`) or a selection of them (kept in the board’s order, each label copied into the round). Dots mode defaults to 5 dots, 2 per item, no dots against; scoring mode to the criteria impact, feasibility, cost and speed (weight 1, named in the workshop’s language). The round is published into the control document at once.',
  security: [{ bearer: [] }],
  request: { params: WorkshopPath, body: { ...jsonContent(CreateRoundBody), required: true } },
  responses: {
    201: { description: 'The new round (state `draft`)', ...jsonContent(PublicRound) },
    ...FACILITATOR_ONLY,
    422: error(
      'unknown_target: a selected id is not a target of that kind on the board, or there is none to vote on',
    ),
  },
});

const extendRound = createRoute({
  method: 'post',
  path: `${ROUND}/extend`,
  summary: 'Give an open timed round more time (facilitators only)',
  description:
    'Moves the round’s `endsAt` and the workshop timer by `minutes` (at most 4 hours from now in all).',
  security: [{ bearer: [] }],
  request: { params: RoundPath, body: { ...jsonContent(ExtendRoundBody), required: true } },
  responses: {
    200: { description: 'The round now', ...jsonContent(PublicRound) },
    ...FACILITATOR_ONLY,
    409: error(
      'round_not_open: the round is not open (its time may have run out: reopen it); invalid_transition: the round has no time limit',
    ),
  },
});

const remind = createRoute({
  method: 'post',
  path: `${ROUND}/remind`,
  summary: 'Remind people to vote (facilitators only)',
  description:
    'Writes a reminder (round id → now) into each person’s private document, which their client shows. By default everyone expected to vote who is not done; or the given `participantIds`. The body may be left out.',
  security: [{ bearer: [] }],
  request: { params: RoundPath, body: { ...jsonContent(RemindBody), required: false } },
  responses: {
    200: { description: 'Who was reminded', ...jsonContent(RemindResponse) },
    ...FACILITATOR_ONLY,
    404: error(
      'not_found: unknown workshop or round, or a given participant id is nobody of the workshop who can vote',
    ),
    409: error('round_not_open: the round is not open'),
  },
});

const transition = createRoute({
  method: 'post',
  path: `${ROUND}/{action}`,
  summary: 'Open, close, reveal or reopen a round (facilitators only)',
  description:
    'Moves allowed (`ROUND_TRANSITIONS`): open from draft; close from open; reveal from open or closed (an open round closes at the same moment); reopen from closed or revealed. Opening (or reopening) a round with `durationMinutes` starts the workshop timer, and the server closes the round by itself at `endsAt`. Reveal counts the ballots and publishes the results into the control document (with the result where each group weighs the same when the round asked for it); a round with a quorum is revealed only once every group has reached it, or with `{"overrideQuorum": true}`, and its results record the quorum as it stood. Reopen withdraws a secret round’s results.',
  security: [{ bearer: [] }],
  request: { params: RoundActionPath, body: { ...jsonContent(TransitionBody), required: false } },
  responses: {
    200: { description: 'The round now', ...jsonContent(PublicRound) },
    ...FACILITATOR_ONLY,
    409: error(
      'invalid_transition: the round’s state does not allow this move; quorum_not_met: a reveal while a group has not reached the round’s quorum (send `{"overrideQuorum": true}` to reveal anyway: the results say so)',
    ),
  },
});

const discardRound = createRoute({
  method: 'delete',
  path: ROUND,
  summary: 'Discard a round (facilitators only)',
  description: 'In any state: its ballots are deleted and it is taken off the control document.',
  security: [{ bearer: [] }],
  request: { params: RoundPath },
  responses: { 204: { description: 'Discarded' }, ...FACILITATOR_ONLY },
});

const progress = createRoute({
  method: 'get',
  path: `${ROUND}/progress`,
  summary: 'Who has voted, never what (facilitators only)',
  description:
    'Expected voters (people with the participant role still in the workshop, plus anyone else who placed something) with their name, group and status (none, partial, done); how many voted and are done; in dots mode, the dots still to place all together.',
  security: [{ bearer: [] }],
  request: { params: RoundPath },
  responses: { 200: { description: 'Progress', ...jsonContent(RoundProgress) }, ...FACILITATOR_ONLY },
});

const readBallot = createRoute({
  method: 'get',
  path: BALLOT,
  summary: 'Read your own ballot',
  description:
    'What you placed and your dots left, in any state of the round (after a reload, or from another device with the same token). Nobody else may read it, facilitators included.',
  security: [{ bearer: [] }],
  request: { params: BallotPath },
  responses: { 200: { description: 'Your ballot', ...jsonContent(Ballot) }, ...BALLOT_REFUSALS },
});

const castBallot = createRoute({
  method: 'put',
  path: BALLOT,
  summary: 'Change your ballot: place or withdraw dots, set scores, say you are done',
  description:
    'Entries are absolute (dots on a target, 0 withdraws; a score, null withdraws) and the others are kept. `requestId` is a new UUID per change: a request already applied is refused as `replayed`. Checked in this order: token (401), observer (403), your own ballot (403), round (404), open and in time (409), replay (409), the voting rules (422). A refused request changes nothing.',
  security: [{ bearer: [] }],
  request: { params: BallotPath, body: { ...jsonContent(BallotChange), required: true } },
  responses: {
    200: { description: 'Your ballot now', ...jsonContent(Ballot) },
    ...BALLOT_REFUSALS,
    409: error(
      'round_not_open: the round is not open; time_up: its time ran out (it is closed now); replayed: this requestId was already applied to this ballot',
    ),
    422: error(
      'over_budget, over_cap, negative_not_allowed, unknown_target, unknown_criterion, unknown_grade, wrong_mode: the change breaks a rule of the round',
    ),
  },
});

const clearBallot = createRoute({
  method: 'delete',
  path: BALLOT,
  summary: 'Withdraw everything from your ballot',
  description: 'Only while the round is open; your ballot is left empty and not done.',
  security: [{ bearer: [] }],
  request: { params: BallotPath },
  responses: {
    200: { description: 'Your ballot, emptied', ...jsonContent(Ballot) },
    ...BALLOT_REFUSALS,
    409: error('round_not_open: the round is not open; time_up: its time ran out'),
  },
});

/** The caller, if the ballot in the path is theirs and they may vote; or the error answer. */
async function ballotOwner(c: Context, workshops: WorkshopStore, path: z.infer<typeof BallotPath>) {
  const caller = await workshopCaller(c, workshops, path.id);
  if (caller.error) return caller;
  if (caller.you.role === 'observer') {
    return { error: apiError(c, 'observer_cannot_vote', 'Observers do not vote') } as const;
  }
  if (caller.you.id !== path.participantId) {
    return { error: apiError(c, 'not_your_ballot', 'Only its owner may read or change a ballot') } as const;
  }
  return caller;
}

/** The answer for a service outcome: its value with `status`, or its error. */
function answer<T, S extends 200 | 201>(c: Context, outcome: Outcome<T>, status: S) {
  if (outcome.error) return apiError(c, outcome.error.code, outcome.error.message);
  return c.json(outcome.value, status);
}

/** Vote rounds and ballots (docs/votes.md). */
export function voteRoutes(deps: AppDeps) {
  const { workshops, votes, log } = deps;
  const app = new OpenAPIHono({ defaultHook: validationHook });

  app.openapi(listRounds, async (c) => {
    const { id } = c.req.valid('param');
    const caller = await workshopCaller(c, workshops, id);
    if (caller.error) return caller.error;
    return c.json({ rounds: await votes.list(id) }, 200);
  });

  app.openapi(createRound, async (c) => {
    const { id } = c.req.valid('param');
    const caller = await workshopFacilitator(c, workshops, id, NOT_FACILITATOR);
    if (caller.error) return caller.error;
    const outcome = await votes.create(caller.workshop, c.req.valid('json'));
    if (outcome.value)
      log.info({ workshopId: id, roundId: outcome.value.id, by: caller.you.id }, 'vote round created');
    return answer(c, outcome, 201);
  });

  // Before `{action}`, which would take "extend" and "remind" for actions.
  app.openapi(extendRound, async (c) => {
    const { id, roundId } = c.req.valid('param');
    const caller = await workshopFacilitator(c, workshops, id, NOT_FACILITATOR);
    if (caller.error) return caller.error;
    return answer(c, await votes.extend(id, roundId, c.req.valid('json').minutes), 200);
  });

  app.openapi(remind, async (c) => {
    const { id, roundId } = c.req.valid('param');
    const caller = await workshopFacilitator(c, workshops, id, NOT_FACILITATOR);
    if (caller.error) return caller.error;
    const body = c.req.valid('json') as RemindBody | undefined;
    return answer(c, await votes.remind(id, roundId, body?.participantIds), 200);
  });

  app.openapi(transition, async (c) => {
    const { id, roundId, action } = c.req.valid('param');
    const caller = await workshopFacilitator(c, workshops, id, NOT_FACILITATOR);
    if (caller.error) return caller.error;
    const body = c.req.valid('json') as TransitionBody | undefined;
    const outcome = await votes.transition(id, roundId, action, {
      overrideQuorum: body?.overrideQuorum === true,
    });
    if (outcome.value) log.info({ workshopId: id, roundId, action, by: caller.you.id }, 'vote round moved');
    return answer(c, outcome, 200);
  });

  app.openapi(discardRound, async (c) => {
    const { id, roundId } = c.req.valid('param');
    const caller = await workshopFacilitator(c, workshops, id, NOT_FACILITATOR);
    if (caller.error) return caller.error;
    const outcome = await votes.discard(id, roundId);
    if (outcome.error) return apiError(c, outcome.error.code, outcome.error.message);
    log.info({ workshopId: id, roundId, by: caller.you.id }, 'vote round discarded');
    return c.body(null, 204);
  });

  app.openapi(progress, async (c) => {
    const { id, roundId } = c.req.valid('param');
    const caller = await workshopFacilitator(c, workshops, id, 'Only facilitators can see who has voted');
    if (caller.error) return caller.error;
    return answer(c, await votes.progress(id, roundId), 200);
  });

  app.openapi(readBallot, async (c) => {
    const path = c.req.valid('param');
    const owner = await ballotOwner(c, workshops, path);
    if (owner.error) return owner.error;
    return answer(c, await votes.ballot(path.id, path.roundId, path.participantId), 200);
  });

  app.openapi(castBallot, async (c) => {
    const path = c.req.valid('param');
    const owner = await ballotOwner(c, workshops, path);
    if (owner.error) return owner.error;
    return answer(c, await votes.cast(path.id, path.roundId, path.participantId, c.req.valid('json')), 200);
  });

  app.openapi(clearBallot, async (c) => {
    const path = c.req.valid('param');
    const owner = await ballotOwner(c, workshops, path);
    if (owner.error) return owner.error;
    return answer(c, await votes.withdraw(path.id, path.roundId, path.participantId), 200);
  });

  return app;
}
