import {
  ApiError,
  ArchiveStrategyBody,
  ChangesQuery,
  ChangesResponse,
  CreateSessionBody,
  CreateSessionResponse,
  CreateStrategyBody,
  CreateStrategyResponse,
  DeleteStrategyBody,
  DeleteStrategyResponse,
  FacilitateResponse,
  type SessionSummary,
  StrategyDetail,
  StrategyPath,
  type StrategyRecordSummary,
  StrategySessionPath,
  strategyChanges,
} from '@atelier/shared';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { SessionRecord, StrategyRecord } from '../store/strategies';
import { sessionToken } from '../store/strategies';
import type { SessionFacts } from '../strategies/sessions';
import { strategyCaller, workshopFacilitator } from './auth';
import { workshopLink } from './created-answer';
import type { AppDeps } from './deps';
import { apiError, describeIssues, issueList } from './errors';
import { jsonContent, validationHook } from './openapi';
import { confirms } from './privacy';
import { linkOrigin } from './share-origins';

/*
 * Strategies and their sessions (docs/contract.md, "Strategies and sessions"). Every route but
 * creation takes the strategy's facilitator token as bearer; a workshop's token opens none.
 */

const unauthorized = {
  description:
    'No token, or not this strategy’s facilitator token (a workshop’s token never opens a strategy)',
  ...jsonContent(ApiError),
};
const unknown = { description: 'Unknown strategy', ...jsonContent(ApiError) };
const invalid = { description: 'Invalid path or body', ...jsonContent(ApiError) };

const createStrategy = createRoute({
  method: 'post',
  path: '/api/strategies',
  summary: 'Create a strategy (a series of sessions)',
  description:
    'Creates a strategy and its facilitator token, which opens the strategy page and every one of its sessions as facilitator (share it with a co-facilitator). With `fromWorkshop`, a standalone workshop becomes its session 1: the request then carries that workshop’s creator token as bearer, and the workshop’s title, territory and locale are the strategy’s (the title can be given). The workshop’s facilitators keep their tokens.',
  security: [{ bearer: [] }],
  request: { body: { ...jsonContent(CreateStrategyBody), required: true } },
  responses: {
    201: { description: 'Created', ...jsonContent(CreateStrategyResponse) },
    400: { description: 'Invalid body, or the workshop is already a session', ...jsonContent(ApiError) },
    401: { description: '`fromWorkshop` without a token of that workshop', ...jsonContent(ApiError) },
    403: { description: '`fromWorkshop` with a token other than its creator’s', ...jsonContent(ApiError) },
    404: { description: 'Unknown workshop', ...jsonContent(ApiError) },
  },
});

const getStrategy = createRoute({
  method: 'get',
  path: '/api/strategies/{id}',
  summary: 'Read a strategy and its sessions',
  description:
    'The strategy and its sessions in order, each with its day, the steps it walks through, its participation (people in it, facilitators aside; authors of notes written in it), its join code and whether it lets people in, and the link that opens it as facilitator.',
  security: [{ bearer: [] }],
  request: { params: StrategyPath },
  responses: {
    200: { description: 'The strategy', ...jsonContent(StrategyDetail) },
    400: invalid,
    401: unauthorized,
    404: unknown,
  },
});

const createSession = createRoute({
  method: 'post',
  path: '/api/strategies/{id}/sessions',
  summary: 'Add a session that continues from an earlier one',
  description:
    'Creates the strategy’s next session, a workshop of its own (join code, participants), entered by the strategy’s facilitator. Its board starts from the outcome of session `from` (default: the last one): notes, issues, axes, sheets, partners, indicators and the bin, with the same ids; its control document starts like a new workshop’s on the given steps (a template’s, default `full`), with the earlier session’s themes and note-editing rule, and no lock, timer, silent ideation, “follow me”, questions or vote rounds. Note authors are the new session’s people: re-invited ones, or former participants listed as removed. `invite: again` invites the earlier session’s participants and observers again (name, group, joined role) with new tokens and returns their personal links; their old tokens do not open the new session. A strategy’s first session starts from the template.',
  security: [{ bearer: [] }],
  request: { params: StrategyPath, body: { ...jsonContent(CreateSessionBody), required: true } },
  responses: {
    201: { description: 'Created', ...jsonContent(CreateSessionResponse) },
    400: {
      description: 'Invalid body, or `from` is not a session of this strategy',
      ...jsonContent(ApiError),
    },
    401: unauthorized,
    403: { description: 'The strategy is archived: restore it first', ...jsonContent(ApiError) },
    404: unknown,
  },
});

const facilitate = createRoute({
  method: 'post',
  path: '/api/strategies/{id}/sessions/{workshopId}/facilitate',
  summary: 'Enter a session as the strategy’s facilitator',
  description:
    'The facilitator token of the strategy’s facilitator in one of its sessions (always the same for a given strategy token, derived from it) and the link that opens the session with it. It opens that session only.',
  security: [{ bearer: [] }],
  request: { params: StrategySessionPath },
  responses: {
    200: { description: 'The session’s facilitator credentials', ...jsonContent(FacilitateResponse) },
    400: invalid,
    401: unauthorized,
    404: { description: 'Unknown strategy, or not one of its sessions', ...jsonContent(ApiError) },
  },
});

const setArchived = createRoute({
  method: 'put',
  path: '/api/strategies/{id}/archived',
  summary: 'Archive or restore a strategy',
  description:
    'Archived, the strategy is listed apart and the join codes of its sessions answer 410 `joining_closed`; facilitators keep their way in. Restoring brings every session’s door back to how it was.',
  security: [{ bearer: [] }],
  request: { params: StrategyPath, body: { ...jsonContent(ArchiveStrategyBody), required: true } },
  responses: {
    200: { description: 'The strategy', ...jsonContent(StrategyDetail) },
    400: invalid,
    401: unauthorized,
    404: unknown,
  },
});

const getChanges = createRoute({
  method: 'get',
  path: '/api/strategies/{id}/changes',
  summary: 'What changed between two sessions',
  description:
    'Notes, issues, axes, action sheets, partners and indicators added, changed (field by field, before and after) and removed between session `from` and session `to`, compared by id on the two sessions’ strategy objects. Who and when: when `to` comes after `from`, from `to`’s edit journal (`attribution: edit-journal`): each item’s last editors (participant ids in `to`, with their group), the minute of its last edit, and `betweenSessions` when every edit of it was made with no participant connected. Otherwise (`note-authors-and-creation-times-only`) only what the documents record: a note’s author, items’ creation times.',
  security: [{ bearer: [] }],
  request: { params: StrategyPath, query: ChangesQuery },
  responses: {
    200: { description: 'The changes', ...jsonContent(ChangesResponse) },
    400: { description: 'Invalid query, or not sessions of this strategy', ...jsonContent(ApiError) },
    401: unauthorized,
    404: unknown,
    500: { description: 'A session holds data the strategy schema refuses', ...jsonContent(ApiError) },
  },
});

const deleteStrategy = createRoute({
  method: 'delete',
  path: '/api/strategies/{id}',
  summary: 'Delete a strategy and all its sessions for good',
  description:
    'Deletes every session as `DELETE /api/workshops/{id}` does (rows, documents, sockets closed with 4412, file scrubbed), then the strategy. The body’s `confirm` must be the strategy’s title (or its id).',
  security: [{ bearer: [] }],
  request: { params: StrategyPath, body: { ...jsonContent(DeleteStrategyBody), required: true } },
  responses: {
    200: { description: 'Deleted', ...jsonContent(DeleteStrategyResponse) },
    400: invalid,
    401: unauthorized,
    404: unknown,
  },
});

/** A strategy as its answers show it. */
export const strategySummary = (s: StrategyRecord): StrategyRecordSummary => ({
  id: s.id,
  title: s.title,
  territory: s.territory,
  locale: s.locale,
  createdAt: s.createdAt,
  archivedAt: s.archivedAt,
});

/** The link that opens the strategy page (the token stays in the fragment, never sent to a server). */
export const strategyLink = (origin: string, id: string, token: string) => `${origin}/s/${id}#token=${token}`;

export function strategyRoutes(deps: AppDeps) {
  const { workshops, strategyStore, sessions, journal, log } = deps;
  const app = new OpenAPIHono({ defaultHook: validationHook });

  const sessionSummary = (c: Context, token: string, facts: SessionFacts): SessionSummary => ({
    workshopId: facts.workshop.id,
    index: facts.session.index,
    title: facts.workshop.title,
    date: facts.session.date ?? facts.workshop.createdAt.slice(0, 10),
    createdAt: facts.workshop.createdAt,
    steps: facts.steps,
    participation: { participants: facts.participants, contributors: facts.contributors },
    joinCode: facts.workshop.joinCode,
    joiningOpen: facts.workshop.joiningOpen && !facts.workshop.strategyArchived,
    facilitatorLink: workshopLink(
      linkOrigin(c, deps),
      facts.workshop.id,
      sessionToken(token, facts.workshop.id),
    ),
  });

  const detail = async (c: Context, strategy: StrategyRecord, token: string) => {
    const facts: SessionFacts[] = [];
    for (const session of await strategyStore.sessions(strategy.id)) {
      const fact = await sessions.facts(session);
      if (fact) facts.push(fact);
    }
    return { ...strategySummary(strategy), sessions: facts.map((f) => sessionSummary(c, token, f)) };
  };

  const sessionOf = async (strategyId: string, workshopId: string): Promise<SessionRecord | undefined> =>
    (await strategyStore.sessions(strategyId)).find((s) => s.workshopId === workshopId);

  app.openapi(createStrategy, async (c) => {
    const body = c.req.valid('json');
    const origin = linkOrigin(c, deps);
    if (!('fromWorkshop' in body)) {
      const { strategy, token } = await strategyStore.create(body);
      log.info({ strategyId: strategy.id }, 'strategy created');
      return c.json(
        {
          strategy: strategySummary(strategy),
          facilitatorToken: token,
          links: { facilitator: strategyLink(origin, strategy.id, token) },
        },
        201,
      );
    }
    const caller = await workshopFacilitator(
      c,
      workshops,
      body.fromWorkshop,
      'Only the facilitator who created the workshop can make it a strategy’s session',
    );
    if (caller.error) return caller.error;
    if (caller.you.promotedFrom !== null)
      return apiError(
        c,
        'forbidden',
        'Only the facilitator who created the workshop can make it a strategy’s session',
      );
    const { workshop, you } = caller;
    if (workshop.strategyId !== null)
      return apiError(c, 'bad_request', 'This workshop is already a session of a strategy');
    const { strategy, token } = await deps.transactions.withTransaction(async (tx) => {
      const made = await tx.strategies.create({
        title: body.title ?? workshop.title,
        territory: workshop.territory,
        locale: workshop.locale,
      });
      await sessions.adopt(tx, made.strategy, made.token, workshop, you.name);
      return made;
    });
    log.info(
      { strategyId: strategy.id, workshopId: workshop.id, by: you.id },
      'strategy created from a workshop',
    );
    return c.json(
      {
        strategy: strategySummary(strategy),
        facilitatorToken: token,
        links: { facilitator: strategyLink(origin, strategy.id, token) },
      },
      201,
    );
  });

  app.openapi(getStrategy, async (c) => {
    const caller = await strategyCaller(c, strategyStore, c.req.valid('param').id);
    if (caller.error) return caller.error;
    return c.json(await detail(c, caller.strategy, caller.token), 200);
  });

  app.openapi(createSession, async (c) => {
    const caller = await strategyCaller(c, strategyStore, c.req.valid('param').id);
    if (caller.error) return caller.error;
    const { strategy, token } = caller;
    if (strategy.archivedAt !== null)
      return apiError(c, 'forbidden', 'This strategy is archived: restore it before adding a session');
    const body = c.req.valid('json');
    const created = await sessions.create(strategy, token, {
      ...(body.title === undefined ? {} : { title: body.title }),
      ...(body.date === undefined ? {} : { date: body.date }),
      ...(body.template === undefined ? {} : { template: body.template }),
      ...(body.steps === undefined ? {} : { steps: body.steps }),
      ...(body.from === undefined ? {} : { from: body.from }),
      invite: body.invite,
    });
    if (created === 'unknown_from')
      return apiError(c, 'bad_request', '`from` is not a session of this strategy');
    const facts = await sessions.facts(created.session);
    if (!facts) throw new Error('the new session vanished');
    const origin = linkOrigin(c, deps);
    log.info(
      {
        strategyId: strategy.id,
        workshopId: created.workshop.id,
        from: created.from,
        index: created.session.index,
        invited: created.invited.length,
      },
      'session created',
    );
    return c.json(
      {
        session: sessionSummary(c, token, facts),
        from: created.from,
        invited: created.invited.map(({ participant, token: personal }) => ({
          participantId: participant.id,
          name: participant.name,
          group: participant.group,
          role: participant.role,
          link: workshopLink(origin, created.workshop.id, personal),
        })),
      },
      201,
    );
  });

  app.openapi(facilitate, async (c) => {
    const { id, workshopId } = c.req.valid('param');
    const caller = await strategyCaller(c, strategyStore, id);
    if (caller.error) return caller.error;
    const session = await sessionOf(id, workshopId);
    if (!session) return apiError(c, 'not_found', 'This workshop is not a session of this strategy');
    const facilitatorToken = sessionToken(caller.token, workshopId);
    return c.json(
      {
        workshopId,
        participantId: session.facilitatorId,
        facilitatorToken,
        links: { facilitator: workshopLink(linkOrigin(c, deps), workshopId, facilitatorToken) },
      },
      200,
    );
  });

  app.openapi(setArchived, async (c) => {
    const caller = await strategyCaller(c, strategyStore, c.req.valid('param').id);
    if (caller.error) return caller.error;
    const { archived } = c.req.valid('json');
    const updated = await strategyStore.setArchived(caller.strategy.id, archived);
    if (!updated) return apiError(c, 'not_found', 'No strategy has this id');
    log.info({ strategyId: updated.id }, archived ? 'strategy archived' : 'strategy restored');
    return c.json(await detail(c, updated, caller.token), 200);
  });

  app.openapi(getChanges, async (c) => {
    const caller = await strategyCaller(c, strategyStore, c.req.valid('param').id);
    if (caller.error) return caller.error;
    const query = c.req.valid('query');
    const [from, to] = await Promise.all([
      sessionOf(caller.strategy.id, query.from),
      sessionOf(caller.strategy.id, query.to),
    ]);
    if (!from || !to) return apiError(c, 'bad_request', '`from` and `to` must be sessions of this strategy');
    const read = async (session: SessionRecord) => {
      const workshop = await workshops.get(session.workshopId);
      const by = (await workshops.participants(session.workshopId)).find(
        (p) => p.id === session.facilitatorId,
      );
      if (!workshop || !by) throw new Error('a session lost its workshop or facilitator');
      return deps.strategies.read(workshop, by, { includeNames: false });
    };
    const before = await read(from);
    const after = await read(to);
    const problems = before.problems ?? after.problems;
    if (problems || !before.strategy || !after.strategy)
      return apiError(
        c,
        'internal',
        `A session holds data the strategy schema refuses, so it cannot be compared: ${describeIssues((problems ?? []).slice(0, 3))}`,
        issueList(problems ?? []),
      );
    // The later session started from an earlier one's outcome: its journal holds the edits that
    // made the changes. Items changed only in sessions in between carry no who and when; compared
    // the other way round, no journal tells who undid what.
    const journaled = to.index > from.index;
    return c.json(
      {
        from: { workshopId: from.workshopId, index: from.index },
        to: { workshopId: to.workshopId, index: to.index },
        attribution: journaled
          ? ('edit-journal' as const)
          : ('note-authors-and-creation-times-only' as const),
        changes: strategyChanges(
          before.strategy,
          after.strategy,
          journaled ? await journal.read(to.workshopId) : [],
        ),
      },
      200,
    );
  });

  app.openapi(deleteStrategy, async (c) => {
    const caller = await strategyCaller(c, strategyStore, c.req.valid('param').id);
    if (caller.error) return caller.error;
    const { strategy } = caller;
    if (!confirms(c.req.valid('json').confirm, strategy))
      return apiError(c, 'bad_request', 'To delete the strategy, confirm with its exact title');
    const deleted = await deps.privacy.strategyDeletion.delete(strategy.id);
    // Only if it was deleted between the two reads.
    if (deleted === null) return apiError(c, 'not_found', 'No strategy has this id');
    return c.json({ id: strategy.id, deletedAt: new Date().toISOString(), sessions: deleted }, 200);
  });

  return app;
}
