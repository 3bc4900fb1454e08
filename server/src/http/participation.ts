import { ApiError, contributesTo, Participation, ParticipationQuery, WorkshopPath } from '@atelier/shared';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { workshopFacilitator } from './auth';
import type { AppDeps } from './deps';
import { jsonContent, validationHook } from './openapi';

const participation = createRoute({
  method: 'get',
  path: '/api/workshops/{id}/participation',
  summary: 'Who has contributed in a step and voted in the current round (facilitators only)',
  description:
    'The balance of participation behind the facilitator’s “Équilibre des collèges”: for each person still in the workshop, their group and role, whether they edited something of the step (the step’s own items, or its move of an earlier item: a note sorted into an issue, an issue put under an axis; read from the edit journal) and whether their ballot in the current round holds something (the open round, else the latest one opened). Never what anyone wrote or chose. The client adds who is here from presence and folds it per group.',
  security: [{ bearer: [] }],
  request: { params: WorkshopPath, query: ParticipationQuery },
  responses: {
    200: { description: 'Per person: contributed, voted', ...jsonContent(Participation) },
    400: { description: 'Invalid workshop id or step', ...jsonContent(ApiError) },
    401: { description: 'No token, or not a token of this workshop', ...jsonContent(ApiError) },
    403: { description: 'Not a facilitator', ...jsonContent(ApiError) },
    404: { description: 'Unknown workshop', ...jsonContent(ApiError) },
  },
});

/** `GET /api/workshops/{id}/participation`: the facilitator's balance of participation by group. */
export function participationRoutes(deps: AppDeps) {
  const { workshops, journal, votes } = deps;
  const app = new OpenAPIHono({ defaultHook: validationHook });

  app.openapi(participation, async (c) => {
    const { id } = c.req.valid('param');
    const { step } = c.req.valid('query');
    const caller = await workshopFacilitator(
      c,
      workshops,
      id,
      'Only facilitators see the balance of participation',
    );
    if (caller.error) return caller.error;
    const [people, edits, rounds] = await Promise.all([
      workshops.participants(id),
      journal.editedBy(id),
      votes.list(id),
    ]);
    const contributors = new Set(
      edits.flatMap((edit) => (contributesTo(step, edit) ? [edit.participant] : [])),
    );
    // The round being voted now, else the latest one that was opened.
    const opened = rounds.filter((r) => r.openedAt !== null);
    const round =
      opened.find((r) => r.state === 'open') ??
      opened.sort((a, b) => (b.openedAt ?? '').localeCompare(a.openedAt ?? ''))[0] ??
      null;
    const progress = round ? await votes.progress(id, round.id) : null;
    const voted = new Map(progress?.value?.voters.map((v) => [v.participantId, v.voted]));
    const answer: Participation = {
      step,
      round: round && { id: round.id, title: round.title, state: round.state },
      people: people
        .filter((p) => !p.removedAt)
        .map((p) => ({
          participantId: p.id,
          group: p.group,
          role: p.role,
          contributed: contributors.has(p.id),
          voted: round ? (voted.get(p.id) ?? false) : null,
        })),
    };
    return c.json(answer, 200);
  });

  return app;
}
