import {
  ApiError,
  DeleteWorkshopBody,
  DeleteWorkshopResponse,
  EraseParticipantBody,
  moderationRefusal,
  ParticipantData,
  ParticipantPath,
  ParticipantSummary,
  WorkshopPath,
} from '@atelier/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { workshopCaller, workshopFacilitator } from './auth';
import type { AppDeps } from './deps';
import { apiError } from './errors';
import { jsonContent, validationHook } from './openapi';
import { participantSummary } from './participant-summary';

/*
 * Personal data (docs/security.md, "Personal data (RGPD)"): erasing one person, deleting a
 * workshop, and a person's own data.
 */

const eraseParticipant = createRoute({
  method: 'post',
  path: '/api/workshops/{id}/participants/{participantId}/erase',
  summary: 'Erase a participant’s name (facilitators only)',
  description:
    'Replaces the person’s name everywhere it is read from (participants list, presence, exports, vote progress) by a neutral label (“Participant·e 12” / “Participant 12”, numbered by order of arrival), revokes their token and closes their sockets with 4410. Their notes stay, unsigned, unless removeContributions is true (their notes on the board and in the bin, and their private drafts, are then deleted). Idempotent: erasing again changes nothing (but removes notes again if asked). Removed people can be erased too; the workshop’s creator, the strategy’s facilitator in a session and yourself cannot.',
  security: [{ bearer: [] }],
  request: {
    params: ParticipantPath,
    body: { ...jsonContent(EraseParticipantBody), required: false },
  },
  responses: {
    200: {
      description: 'Erased',
      ...jsonContent(z.object({ participant: ParticipantSummary, removedNotes: z.number().int() })),
    },
    400: { description: 'Invalid id or body', ...jsonContent(ApiError) },
    401: { description: 'No token, or not a token of this workshop', ...jsonContent(ApiError) },
    403: {
      description: 'Not a facilitator, or yourself, or the workshop’s creator',
      ...jsonContent(ApiError),
    },
    404: { description: 'Unknown workshop, or no such participant in it', ...jsonContent(ApiError) },
  },
});

const deleteWorkshop = createRoute({
  method: 'delete',
  path: '/api/workshops/{id}',
  summary: 'Delete a workshop for good (its creator only)',
  description:
    'Deletes every row of the workshop (documents’ logs and snapshots of all its rooms, drafts included, vote rounds and ballots, participants, the workshop and its join code), closes its open sockets with 4412, then scrubs the database file (zeroed pages, incremental vacuum, WAL checkpoint with truncation). The body’s `confirm` must be the workshop’s title (or its id). Only the facilitator token of the workshop’s creator may do it; the join code answers 404 afterwards.',
  security: [{ bearer: [] }],
  request: { params: WorkshopPath, body: { ...jsonContent(DeleteWorkshopBody), required: true } },
  responses: {
    200: { description: 'Deleted', ...jsonContent(DeleteWorkshopResponse) },
    400: {
      description: 'Invalid id or body, or a confirmation that is not the title',
      ...jsonContent(ApiError),
    },
    401: { description: 'No token, or not a token of this workshop', ...jsonContent(ApiError) },
    403: { description: 'Not the workshop’s creator', ...jsonContent(ApiError) },
    404: { description: 'Unknown workshop', ...jsonContent(ApiError) },
  },
});

const ownData = createRoute({
  method: 'get',
  path: '/api/workshops/{id}/participants/{participantId}/data',
  summary: 'Download your own data (right of access)',
  description:
    'Everything the server holds of the caller, as a JSON file: their participant record and the privacy notice they acknowledged, the notes they wrote (board, bin, private drafts) and their ballots. Only with the person’s own token: not even facilitators may read someone else’s (ballots are secret).',
  security: [{ bearer: [] }],
  request: { params: ParticipantPath },
  responses: {
    200: { description: 'The person’s data (attachment)', ...jsonContent(ParticipantData) },
    400: { description: 'Invalid id', ...jsonContent(ApiError) },
    401: { description: 'No token, or not a token of this workshop', ...jsonContent(ApiError) },
    403: { description: 'Someone else’s data', ...jsonContent(ApiError) },
    404: { description: 'Unknown workshop', ...jsonContent(ApiError) },
  },
});

/** Whether `confirm` names what is deleted: its exact title (spaces and case aside) or its id. */
export function confirms(confirm: string, workshop: { id: string; title: string }): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return confirm.trim() === workshop.id || norm(confirm) === norm(workshop.title);
}

export function privacyRoutes(deps: AppDeps) {
  const { workshops, privacy } = deps;
  const app = new OpenAPIHono({ defaultHook: validationHook });

  app.openapi(eraseParticipant, async (c) => {
    const { id, participantId } = c.req.valid('param');
    // An empty body means the defaults (keep the contributions).
    const raw = await c.req.text();
    let json: unknown = {};
    try {
      json = raw.trim() === '' ? {} : JSON.parse(raw);
    } catch {
      return apiError(c, 'bad_request', 'The body is not valid JSON');
    }
    const body = EraseParticipantBody.safeParse(json);
    if (!body.success) return apiError(c, 'bad_request', body.error.issues.map((i) => i.message).join('; '));
    const caller = await workshopFacilitator(c, workshops, id, 'Only facilitators can erase a participant');
    if (caller.error) return caller.error;
    const everyone = await workshops.participants(id);
    const target = everyone.find((p) => p.id === participantId);
    if (!target) return apiError(c, 'not_found', 'No participant of this workshop has this id');
    // The removal's rules, a removed person included (erasing comes after removing, often).
    const summary = (p: (typeof everyone)[number]) => participantSummary(p, caller.workshop);
    const refusal = moderationRefusal(
      summary(caller.you),
      { ...summary(target), removed: false },
      'remove',
      everyone.map(summary),
    );
    if (refusal === 'self') return apiError(c, 'forbidden', 'You cannot erase yourself');
    if (refusal === 'owner')
      return apiError(
        c,
        'forbidden',
        'The workshop’s creator cannot be erased; they can delete the workshop',
      );
    if (refusal === 'strategy-facilitator')
      return apiError(
        c,
        'forbidden',
        'The strategy’s facilitator cannot be erased from one of its sessions; deleting the strategy deletes them',
      );
    if (refusal) return apiError(c, 'forbidden', 'A workshop keeps at least one facilitator');
    const erased = await privacy.erasure.erase(caller.workshop, participantId, {
      removeContributions: body.data.removeContributions,
      by: caller.you.id,
    });
    if (!erased) throw new Error('erasure: the participant vanished');
    return c.json(
      {
        participant: participantSummary(erased.participant, caller.workshop),
        removedNotes: erased.removedNotes,
      },
      200,
    );
  });

  app.openapi(deleteWorkshop, async (c) => {
    const { id } = c.req.valid('param');
    const { confirm } = c.req.valid('json');
    const caller = await workshopCaller(c, workshops, id);
    if (caller.error) return caller.error;
    if (caller.you.role !== 'facilitator' || caller.you.promotedFrom !== null)
      return apiError(c, 'forbidden', 'Only the facilitator who created the workshop can delete it');
    if (!confirms(confirm, caller.workshop))
      return apiError(c, 'bad_request', 'To delete the workshop, confirm with its exact title');
    await privacy.deletion.delete(id, 'creator');
    return c.json({ id, deletedAt: new Date().toISOString() }, 200);
  });

  app.openapi(ownData, async (c) => {
    const { id, participantId } = c.req.valid('param');
    const caller = await workshopCaller(c, workshops, id);
    if (caller.error) return caller.error;
    if (caller.you.id !== participantId)
      return apiError(c, 'forbidden', 'Only the person themselves can download their data');
    const data = await privacy.ownData(caller.workshop, caller.you);
    const day = data.exportedAt.slice(0, 10);
    return c.body(JSON.stringify(data, null, 2), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="atelier-my-data-${day}.json"`,
      'Cache-Control': 'no-store',
    }) as never;
  });

  return app;
}
