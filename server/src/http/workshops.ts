import {
  ApiError,
  CreateWorkshopBody,
  CreateWorkshopResponse,
  JoiningBody,
  JoiningState,
  RotateJoinCodeResponse,
  WorkshopPath,
  WorkshopSummary,
} from '@atelier/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { seedWorkshopDocs } from '../store/seed';
import { workshopCaller, workshopFacilitator } from './auth';
import { createdAnswer, defaultFacilitatorName, participantLink } from './created-answer';
import type { AppDeps } from './deps';
import { apiError } from './errors';
import { jsonContent, validationHook } from './openapi';
import { participantSummary } from './participant-summary';
import { participantRoutes } from './participants';
import { privacyRoutes } from './privacy';
import { linkOrigin } from './share-origins';

const createWorkshop = createRoute({
  method: 'post',
  path: '/api/workshops',
  summary: 'Create a workshop',
  description:
    'Creates a workshop with its join code and a facilitator token, the only way to become a facilitator.',
  request: { body: { ...jsonContent(CreateWorkshopBody), required: true } },
  responses: {
    201: { description: 'Created', ...jsonContent(CreateWorkshopResponse) },
    400: { description: 'Invalid body', ...jsonContent(ApiError) },
  },
});

const getWorkshop = createRoute({
  method: 'get',
  path: '/api/workshops/{id}',
  summary: 'Read a workshop and its participants',
  security: [{ bearer: [] }],
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: { description: 'The workshop', ...jsonContent(WorkshopSummary) },
    401: {
      description: 'No token, a token of another workshop, or of a removed participant',
      ...jsonContent(ApiError),
    },
    404: { description: 'Unknown workshop', ...jsonContent(ApiError) },
  },
});

const rotateJoinCode = createRoute({
  method: 'post',
  path: '/api/workshops/{id}/join-code',
  summary: 'Issue a new join code (facilitators only)',
  description:
    'Replaces the workshop’s join code with a new one at once: the old code, and every link or QR code carrying it, no longer opens the join page nor lets anyone join. Everyone already in keeps their token and their open sockets. The new participant link has the same shape as at creation.',
  security: [{ bearer: [] }],
  request: { params: WorkshopPath },
  responses: {
    200: { description: 'The new code and participant link', ...jsonContent(RotateJoinCodeResponse) },
    400: { description: 'Invalid workshop id', ...jsonContent(ApiError) },
    401: {
      description: 'No token, a token of another workshop, or of a removed participant',
      ...jsonContent(ApiError),
    },
    403: { description: 'Not a facilitator', ...jsonContent(ApiError) },
    404: { description: 'Unknown workshop', ...jsonContent(ApiError) },
  },
});

const setJoining = createRoute({
  method: 'put',
  path: '/api/workshops/{id}/joining',
  summary: 'Close joining, or reopen it (facilitators only)',
  description:
    'Closed, the join code (and every link or QR code carrying it) answers 410 `joining_closed` on the join page and to a join; everyone already in keeps their token and their open sockets. Reopening lets the same code in again, and counts as activity for the code’s expiry. A new code keeps the door as it is.',
  security: [{ bearer: [] }],
  request: { params: WorkshopPath, body: { ...jsonContent(JoiningBody), required: true } },
  responses: {
    200: { description: 'Whether joining is open now', ...jsonContent(JoiningState) },
    400: { description: 'Invalid workshop id or body', ...jsonContent(ApiError) },
    401: {
      description: 'No token, a token of another workshop, or of a removed participant',
      ...jsonContent(ApiError),
    },
    403: { description: 'Not a facilitator', ...jsonContent(ApiError) },
    404: { description: 'Unknown workshop', ...jsonContent(ApiError) },
  },
});

export function workshopRoutes(deps: AppDeps) {
  const { workshops } = deps;
  const app = new OpenAPIHono({ defaultHook: validationHook });

  app.openapi(createWorkshop, async (c) => {
    const body = c.req.valid('json');
    const facilitatorName = body.facilitatorName ?? defaultFacilitatorName(body.locale);
    // The workshop, its facilitator and its first documents commit together.
    const created = await deps.transactions.withTransaction(async (tx) => {
      const made = await tx.workshops.create({
        title: body.title,
        territory: body.territory,
        locale: body.locale,
        facilitatorName,
      });
      await seedWorkshopDocs(tx.docs, made.workshop.id, body.template);
      return made;
    });
    deps.log.info({ workshopId: created.workshop.id }, 'workshop created');
    return c.json(createdAnswer(linkOrigin(c, deps), created), 201);
  });

  app.openapi(getWorkshop, async (c) => {
    const caller = await workshopCaller(c, workshops, c.req.valid('param').id);
    if (caller.error) return caller.error;
    const { workshop, you } = caller;
    return c.json(
      {
        id: workshop.id,
        title: workshop.title,
        territory: workshop.territory,
        locale: workshop.locale,
        createdAt: workshop.createdAt,
        participants: (await workshops.participants(workshop.id)).map((p) => participantSummary(p, workshop)),
        you: participantSummary(you, workshop),
        ...(you.role === 'facilitator'
          ? { joinCode: workshop.joinCode, joiningOpen: workshop.joiningOpen }
          : {}),
        // Read before this request counted as activity: what the facilitator is warned of.
        ...(you.role === 'facilitator' && deps.privacy.retention
          ? { retention: deps.privacy.retention.info(workshop) }
          : {}),
      },
      200,
    );
  });

  app.openapi(rotateJoinCode, async (c) => {
    const { id } = c.req.valid('param');
    const caller = await workshopFacilitator(c, workshops, id, 'Only facilitators can issue a new join code');
    if (caller.error) return caller.error;
    const rotated = await workshops.rotateJoinCode(id);
    // Only if the workshop was deleted between the two reads.
    if (!rotated) return apiError(c, 'not_found', 'No workshop has this id');
    // The new code is valid from now, whatever the activity tracker last wrote.
    await workshops.touch(id, new Date().toISOString());
    // Not the code itself: logs are read by more people than the facilitators.
    deps.log.info({ workshopId: id, by: caller.you.id }, 'join code changed');
    return c.json(
      {
        joinCode: rotated.joinCode,
        links: { participant: participantLink(linkOrigin(c, deps), rotated.joinCode) },
      },
      200,
    );
  });

  app.openapi(setJoining, async (c) => {
    const { id } = c.req.valid('param');
    const { open } = c.req.valid('json');
    const caller = await workshopFacilitator(
      c,
      workshops,
      id,
      'Only facilitators can close or reopen joining',
    );
    if (caller.error) return caller.error;
    const updated = await workshops.setJoiningOpen(id, open);
    if (!updated) return apiError(c, 'not_found', 'No workshop has this id');
    // Reopening makes an expired code valid again: it is activity.
    if (open) await workshops.touch(id, new Date().toISOString());
    deps.log.info({ workshopId: id, by: caller.you.id }, open ? 'joining reopened' : 'joining closed');
    return c.json({ open: updated.joiningOpen }, 200);
  });

  app.route('/', participantRoutes(deps));
  app.route('/', privacyRoutes(deps));
  return app;
}
