import { ApiError, JoinBody, JoinCode, JoinResponse, WorkshopPreview } from '@atelier/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps } from './deps';
import { apiError } from './errors';
import { jsonContent, validationHook } from './openapi';

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
  },
});

export function joinRoutes(deps: AppDeps) {
  const { workshops } = deps;
  const app = new OpenAPIHono({ defaultHook: validationHook });

  app.openapi(previewByCode, (c) => {
    const code = JoinCode.safeParse(c.req.valid('param').code);
    if (!code.success) return apiError(c, 'bad_request', 'Not a valid join code');
    const workshop = workshops.getByJoinCode(code.data);
    if (!workshop) return apiError(c, 'not_found', 'No workshop has this code');
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

  app.openapi(join, (c) => {
    const body = c.req.valid('json');
    const workshop = workshops.getByJoinCode(body.code);
    if (!workshop) return apiError(c, 'not_found', 'No workshop has this code');
    const notice = deps.privacy.notice(workshop.locale);
    if (body.noticeVersion !== notice.version)
      return apiError(
        c,
        'bad_request',
        'The privacy notice has changed since it was shown: read it again (GET /api/join/{code}) and acknowledge the current version',
      );
    const { participant, token } = workshops.addParticipant({
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
    return c.json(
      { workshopId: workshop.id, participantId: participant.id, token, role: participant.role },
      201,
    );
  });

  return app;
}
