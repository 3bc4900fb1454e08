import { ApiError, DraftCounts, RevealResponse, WorkshopPath } from '@atelier/shared';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { workshopFacilitator } from './auth';
import type { AppDeps } from './deps';
import { jsonContent, validationHook } from './openapi';

function refusals() {
  return {
    400: { description: 'Invalid workshop id', ...jsonContent(ApiError) },
    401: { description: 'No token, or not a token of this workshop', ...jsonContent(ApiError) },
    403: { description: 'Not a facilitator', ...jsonContent(ApiError) },
    404: { description: 'Unknown workshop', ...jsonContent(ApiError) },
  };
}

const draftCounts = createRoute({
  method: 'get',
  path: '/api/workshops/{id}/drafts',
  summary: 'How many private drafts each participant has written (facilitators only)',
  description:
    'During silent ideation, participants write into private drafts that only they can sync; the facilitator sees only how many each has, never their content.',
  security: [{ bearer: [] }],
  request: { params: WorkshopPath },
  responses: { 200: { description: 'Counts by participant id', ...jsonContent(DraftCounts) }, ...refusals() },
});

const reveal = createRoute({
  method: 'post',
  path: '/api/workshops/{id}/reveal',
  summary: 'Reveal the private drafts: move them all onto the board at once (facilitators only)',
  description:
    'Moves every participant’s drafts onto the board (same ids, signed by their author), empties the drafts and turns silent ideation off, in one server-side transaction.',
  security: [{ bearer: [] }],
  request: { params: WorkshopPath },
  responses: { 200: { description: 'Revealed', ...jsonContent(RevealResponse) }, ...refusals() },
});

const NOT_FACILITATOR = 'Only facilitators can see draft counts or reveal them';

/** Silent ideation: the facilitator's draft counts and the reveal. */
export function silentRoutes(deps: AppDeps) {
  const { workshops, silent, log } = deps;
  const app = new OpenAPIHono({ defaultHook: validationHook });

  app.openapi(draftCounts, async (c) => {
    const { id } = c.req.valid('param');
    const caller = await workshopFacilitator(c, workshops, id, NOT_FACILITATOR);
    if (caller.error) return caller.error;
    // Only people who write drafts: participants still in the workshop.
    const writers = (await workshops.participants(id))
      .filter((p) => p.role === 'participant' && !p.removedAt)
      .map((p) => p.id);
    return c.json({ counts: await silent.counts(id, writers) }, 200);
  });

  app.openapi(reveal, async (c) => {
    const { id } = c.req.valid('param');
    const caller = await workshopFacilitator(c, workshops, id, NOT_FACILITATOR);
    if (caller.error) return caller.error;
    // Everyone's drafts, removed people's too: their notes stay on the board like their others.
    const revealed = await silent.reveal(
      id,
      (await workshops.participants(id)).map((p) => p.id),
    );
    log.info({ workshopId: id, by: caller.you.id, revealed }, 'drafts revealed');
    return c.json({ revealed }, 200);
  });

  return app;
}
