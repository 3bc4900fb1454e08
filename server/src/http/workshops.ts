import {
  ApiError,
  CreateWorkshopBody,
  CreateWorkshopResponse,
  participantColor,
  WorkshopSummary,
} from '@atelier/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps } from '../app';
import type { ParticipantRecord } from '../store/workshops';
import { bearerParticipant } from './auth';
import { apiError } from './errors';
import { jsonContent, publicOrigin, validationHook } from './openapi';

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
    401: { description: 'No token, or a token of another workshop', ...jsonContent(ApiError) },
    404: { description: 'Unknown workshop', ...jsonContent(ApiError) },
  },
});

function summary(p: ParticipantRecord) {
  return { id: p.id, name: p.name, group: p.group, role: p.role, color: participantColor(p.id) };
}

export function workshopRoutes(deps: AppDeps) {
  const { workshops, publicUrl } = deps;
  const app = new OpenAPIHono({ defaultHook: validationHook });

  app.openapi(createWorkshop, (c) => {
    const body = c.req.valid('json');
    const facilitatorName = body.facilitatorName ?? (body.locale === 'fr' ? 'Animation' : 'Facilitator');
    const { workshop, facilitator, token } = workshops.create(
      { title: body.title, territory: body.territory, locale: body.locale, facilitatorName },
      (w) => deps.seedDocs(w.id),
    );
    const origin = publicOrigin(c, publicUrl);
    deps.log.info({ workshopId: workshop.id }, 'workshop created');
    return c.json(
      {
        id: workshop.id,
        joinCode: workshop.joinCode,
        facilitatorToken: token,
        participantId: facilitator.id,
        links: {
          participant: `${origin}/join/${workshop.joinCode}`,
          facilitator: `${origin}/w/${workshop.id}#token=${token}`,
        },
      },
      201,
    );
  });

  app.openapi(getWorkshop, (c) => {
    const { id } = c.req.valid('param');
    const workshop = workshops.get(id);
    if (!workshop) return apiError(c, 'not_found', 'No workshop has this id');
    const you = bearerParticipant(c, workshops);
    if (!you || you.workshopId !== workshop.id) {
      return apiError(c, 'unauthorized', 'A token of this workshop is required');
    }
    return c.json(
      {
        id: workshop.id,
        title: workshop.title,
        territory: workshop.territory,
        locale: workshop.locale,
        createdAt: workshop.createdAt,
        participants: workshops.participants(workshop.id).map(summary),
        you: summary(you),
        ...(you.role === 'facilitator' ? { joinCode: workshop.joinCode } : {}),
      },
      200,
    );
  });

  return app;
}
