import {
  ApiError,
  JoinBody,
  JoinCode,
  JoinResponse,
  type ParticipantGroup,
  WorkshopPreview,
} from '@atelier/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { JoinAttempts, type JoinRefusal } from '../limits/join-attempts';
import { retryAfterSeconds } from '../limits/token-bucket';
import type { WorkshopRecord } from '../store/workshops';
import type { AppDeps } from './deps';
import { apiError, apiErrorRetryAfter, describeIssues } from './errors';
import { jsonContent, validationHook } from './openapi';
import { requestAddress } from './request-address';
import { seatablePeople } from './tables';

/** A join code stops working this long after the workshop's last activity (`JOIN_CODE_TTL_DAYS`). */
export const DEFAULT_JOIN_CODE_TTL_MS = 30 * 86_400_000;

/** The answers both routes give when the code opens nothing, or the address tried too many. */
const refusals = {
  410: {
    description:
      'The facilitator closed joining (`joining_closed`), or the code expired after the workshop was idle too long (`code_expired`)',
    ...jsonContent(ApiError),
  },
  429: {
    description:
      'Too many failed attempts from this address or on the whole server (`too_many_attempts`); `Retry-After` says how many seconds to wait',
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' as const } } },
    ...jsonContent(ApiError),
  },
};

const previewByCode = createRoute({
  method: 'get',
  path: '/api/join/{code}',
  summary: 'What a join code leads to',
  description:
    'The title and territory shown on the join page before a participant gives a name, and the privacy notice (in the workshop’s language) that joining acknowledges.',
  request: { params: z.object({ code: z.string() }) },
  responses: {
    200: { description: 'The workshop this code opens', ...jsonContent(WorkshopPreview) },
    400: { description: 'Not a well-formed code', ...jsonContent(ApiError) },
    404: { description: 'No workshop has this code', ...jsonContent(ApiError) },
    ...refusals,
  },
});

const join = createRoute({
  method: 'post',
  path: '/api/join',
  summary: 'Join a workshop with its code',
  description:
    'Returns a token that syncs the board as a participant, or read-only as an observer. `noticeVersion` must be the version of the privacy notice `GET /api/join/{code}` gave: the acknowledgement (version, time) is recorded with the participant; a join without it, or with another version (the notice changed since), is refused with 400.',
  request: { body: { ...jsonContent(JoinBody), required: true } },
  responses: {
    201: { description: 'Joined', ...jsonContent(JoinResponse) },
    400: { description: 'Invalid body', ...jsonContent(ApiError) },
    404: { description: 'No workshop has this code', ...jsonContent(ApiError) },
    ...refusals,
  },
});

type Door =
  | { workshop: WorkshopRecord; error?: never }
  | { error: 'not_found' | 'joining_closed' | 'code_expired'; message: string };

/**
 * Failed attempts (a code that is malformed, unknown, closed or expired) are counted per client
 * address and for the whole server (`JoinAttempts`); past the limits, 429 before any lookup.
 * Checking and counting happen in one synchronous step per request, before the lookup; a right
 * code is given back (`JoinAttempts.attempt`).
 */
export function joinRoutes(deps: AppDeps) {
  const { workshops } = deps;
  const attempts = deps.joinAttempts ?? new JoinAttempts();
  const ttlMs = deps.joinCodeTtlMs ?? DEFAULT_JOIN_CODE_TTL_MS;
  const hops = deps.trustProxyHops ?? 0;
  const app = new OpenAPIHono({ defaultHook: validationHook });

  /**
   * In `balanced` seating, a participant who joins once tables exist is seated at once by the
   * same rule (docs/contract.md). Joining never fails for it: a control room that cannot be
   * loaded leaves them unseated for the facilitator to place.
   */
  async function seatLateArrival(
    workshopId: string,
    person: { id: string; group: ParticipantGroup },
  ): Promise<void> {
    try {
      const table = await deps.tables.placeLate(workshopId, person, () =>
        seatablePeople(workshops, workshopId),
      );
      if (table !== null)
        deps.log.info({ workshopId, participantId: person.id, tableId: table }, 'late arrival seated');
    } catch (error) {
      deps.log.warn({ workshopId, participantId: person.id, err: String(error) }, 'late arrival not seated');
    }
  }

  /** Whether `code` lets someone in now. */
  async function door(code: string): Promise<Door> {
    const workshop = await workshops.getByJoinCode(code);
    if (!workshop) return { error: 'not_found', message: 'No workshop has this code' };
    // A session of an archived strategy: the same closed door (restoring the strategy reopens it).
    if (workshop.strategyArchived) {
      return {
        error: 'joining_closed',
        message: 'This workshop belongs to an archived strategy: nobody can join it until it is restored',
      };
    }
    if (!workshop.joiningOpen) {
      return {
        error: 'joining_closed',
        message: 'The facilitator has closed joining for this workshop; ask them to reopen it',
      };
    }
    if (Date.parse(workshop.lastActiveAt) + ttlMs <= Date.now()) {
      return {
        error: 'code_expired',
        message:
          'This code has expired: the workshop was idle too long; the facilitator can issue a new code',
      };
    }
    return { workshop };
  }

  function refuse(c: Context, address: string, refusal: JoinRefusal) {
    const seconds = retryAfterSeconds(refusal.retryAfterMs);
    deps.log.warn({ limit: refusal.limit, address, retryAfter: seconds }, 'join attempt refused');
    deps.metrics?.rateLimited(refusal.limit);
    const where = refusal.limit === 'join-address' ? 'from your address' : 'on this server';
    return apiErrorRetryAfter(
      c,
      'too_many_attempts',
      `Too many wrong join codes ${where}; try again in ${seconds} seconds`,
      seconds,
    );
  }

  /**
   * Admits the attempt, looks the code up (`null`: malformed) and counts a failure: the
   * workshop, or the error answer.
   */
  async function attempt(c: Context, code: string | null, malformed = 'Not a valid join code') {
    // 404 and 410 are cacheable by default: a door reopened must not stay closed in a browser's cache.
    c.header('Cache-Control', 'no-store');
    const address = requestAddress(c, hops);
    const tried = await attempts.attempt(
      address,
      async () => (code === null ? null : door(code)),
      (found) => found !== null && !found.error,
    );
    if ('refused' in tried) return { answer: refuse(c, address, tried.refused) } as const;
    const found = tried.result;
    if (found === null) return { answer: apiError(c, 'bad_request', malformed) } as const;
    if (found.error) return { answer: apiError(c, found.error, found.message) } as const;
    return { workshop: found.workshop } as const;
  }

  app.openapi(previewByCode, async (c) => {
    const code = JoinCode.safeParse(c.req.valid('param').code);
    const found = await attempt(c, code.success ? code.data : null);
    if (found.answer) return found.answer;
    const { workshop } = found;
    return c.json(
      {
        id: workshop.id,
        title: workshop.title,
        territory: workshop.territory,
        locale: workshop.locale,
        privacy: deps.privacy.notice(workshop.locale),
      },
      200,
    );
  });

  app.openapi(
    join,
    async (c) => {
      const body = c.req.valid('json');
      const found = await attempt(c, body.code);
      if (found.answer) return found.answer;
      const { workshop } = found;
      const notice = deps.privacy.notice(workshop.locale);
      if (body.noticeVersion !== notice.version)
        return apiError(
          c,
          'bad_request',
          'The privacy notice has changed since it was shown: read it again (GET /api/join/{code}) and acknowledge the current version',
        );
      const { participant, token } = await workshops.addParticipant({
        workshopId: workshop.id,
        name: body.name,
        group: body.group,
        role: body.role,
        notice: { version: notice.version, acknowledgedAt: new Date().toISOString() },
      });
      deps.log.info(
        { workshopId: workshop.id, participantId: participant.id, role: participant.role },
        'joined',
      );
      if (participant.role === 'participant') await seatLateArrival(workshop.id, participant);
      return c.json(
        { workshopId: workshop.id, participantId: participant.id, token, role: participant.role },
        201,
      );
    },
    // A malformed code in the body is a failed attempt too; another invalid field (an empty
    // name) is not: the person may well have the right code.
    (result, c) => {
      if (result.success) return undefined;
      if (!result.error.issues.some((issue) => issue.path[0] === 'code')) return validationHook(result, c);
      const malformed = describeIssues(result.error.issues);
      // A null code always gets an answer (refused or malformed).
      return attempt(c, null, malformed).then(
        (found) => found.answer ?? apiError(c, 'bad_request', malformed),
      );
    },
  );

  return app;
}
