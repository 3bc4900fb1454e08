import {
  ApiError,
  CLOSE_CODES,
  type ModerationAction,
  type ModerationRefusal,
  moderationRefusal,
  ParticipantPath,
  ParticipantRoleBody,
  ParticipantSummary,
} from '@atelier/shared';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { WorkshopStore } from '../store/workshops';
import { workshopCaller } from './auth';
import type { AppDeps } from './deps';
import { apiError } from './errors';
import { jsonContent, validationHook } from './openapi';
import { participantSummary } from './participant-summary';

const PATH = '/api/workshops/{id}/participants/{participantId}';

/** The error answers both routes share. */
function refusals() {
  return {
    400: { description: 'Invalid id or body', ...jsonContent(ApiError) },
    401: { description: 'No token, or not a token of this workshop', ...jsonContent(ApiError) },
    403: {
      description:
        'Not a facilitator, or a target that may not be changed (yourself, the workshop creator, the strategy’s facilitator in a session)',
      ...jsonContent(ApiError),
    },
    404: {
      description: 'Unknown workshop, or no such (unremoved) participant in it',
      ...jsonContent(ApiError),
    },
  };
}

const removeParticipant = createRoute({
  method: 'delete',
  path: PATH,
  summary: 'Remove a participant (facilitators only)',
  description:
    'Revokes the participant’s token at once and closes their open sockets with 4410; their notes stay on the board and they stay listed, marked removed.',
  security: [{ bearer: [] }],
  request: { params: ParticipantPath },
  responses: { 200: { description: 'Removed', ...jsonContent(ParticipantSummary) }, ...refusals() },
});

const changeRole = createRoute({
  method: 'patch',
  path: PATH,
  summary: 'Promote a participant to co-facilitator, or demote them (facilitators only)',
  description:
    'A co-facilitator has the facilitator role (writes the control document, moderates). When the role changes, the person’s sockets are closed with 4001 so they reconnect with it.',
  security: [{ bearer: [] }],
  request: { params: ParticipantPath, body: { ...jsonContent(ParticipantRoleBody), required: true } },
  responses: {
    200: { description: 'The participant now', ...jsonContent(ParticipantSummary) },
    ...refusals(),
  },
});

const REFUSAL_MESSAGES: Record<Exclude<ModerationRefusal, 'not-facilitator' | 'removed'>, string> = {
  self: 'You cannot remove yourself or change your own role',
  owner: 'The facilitator who created the workshop cannot be removed or demoted',
  'last-facilitator': 'A workshop keeps at least one facilitator',
  'strategy-facilitator':
    'The strategy’s facilitator cannot be removed or demoted in one of its sessions: the strategy’s link enters it through them',
};

/**
 * Finds the caller and the target and applies the moderation rules; returns them, or the
 * error answer (nothing is changed before this passes).
 */
async function authorise(
  c: Context,
  workshops: WorkshopStore,
  { id, participantId }: ParticipantPath,
  action: ModerationAction,
) {
  const caller = await workshopCaller(c, workshops, id);
  if (caller.error) return caller;
  if (caller.you.role !== 'facilitator') {
    return { error: apiError(c, 'forbidden', 'Only facilitators can manage participants') } as const;
  }
  const everyone = await workshops.participants(id);
  const target = everyone.find((p) => p.id === participantId);
  if (!target || target.removedAt) {
    return { error: apiError(c, 'not_found', 'No participant of this workshop has this id') } as const;
  }
  const summary = (p: (typeof everyone)[number]) => participantSummary(p, caller.workshop);
  const refusal = moderationRefusal(summary(caller.you), summary(target), action, everyone.map(summary));
  if (refusal === 'not-facilitator' || refusal === 'removed') {
    throw new Error(`moderation: unexpected refusal ${refusal}`);
  }
  if (refusal) return { error: apiError(c, 'forbidden', REFUSAL_MESSAGES[refusal]) } as const;
  return { target, you: caller.you, workshop: caller.workshop };
}

/** Facilitators' participant management: remove someone, promote or demote a co-facilitator. */
export function participantRoutes(deps: AppDeps) {
  const { workshops, sockets, log } = deps;
  const app = new OpenAPIHono({ defaultHook: validationHook });

  app.openapi(removeParticipant, async (c) => {
    const path = c.req.valid('param');
    const allowed = await authorise(c, workshops, path, 'remove');
    if (allowed.error) return allowed.error;
    const removed = await workshops.remove(path.id, path.participantId);
    if (!removed) throw new Error('moderation: the participant vanished');
    // After the revocation, so that a reconnect attempt is refused (4401).
    const closed = await sockets.disconnect(removed.id, CLOSE_CODES.removed, 'removed by a facilitator');
    log.info(
      { workshopId: path.id, participantId: removed.id, by: allowed.you.id, sockets: closed },
      'participant removed',
    );
    return c.json(participantSummary(removed, allowed.workshop), 200);
  });

  app.openapi(changeRole, async (c) => {
    const path = c.req.valid('param');
    const { coFacilitator } = c.req.valid('json');
    const allowed = await authorise(c, workshops, path, coFacilitator ? 'promote' : 'demote');
    if (allowed.error) return allowed.error;
    const updated = await workshops.setCoFacilitator(path.id, path.participantId, coFacilitator);
    if (!updated) throw new Error('moderation: the participant vanished');
    if (updated.role !== allowed.target.role) {
      // Rights are fixed per connection: reconnecting gives the person their new role at once.
      const closed = await sockets.disconnect(updated.id, CLOSE_CODES.roleChanged, 'role changed');
      log.info(
        {
          workshopId: path.id,
          participantId: updated.id,
          role: updated.role,
          by: allowed.you.id,
          sockets: closed,
        },
        'participant role changed',
      );
    }
    return c.json(participantSummary(updated, allowed.workshop), 200);
  });

  return app;
}
