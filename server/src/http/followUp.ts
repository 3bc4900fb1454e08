import { ApiError, FollowUpState, StatusImport, StatusProblemIssue, WorkshopPath } from '@atelier/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { workshopFacilitator } from './auth';
import type { AppDeps } from './deps';
import { apiError } from './errors';
import { jsonContent, validationHook } from './openapi';
import { linkOrigin } from './share-origins';

/** Where a published page is read: `/suivi/{publicId}`. */
export const FOLLOW_UP_PATH = '/suivi';

const PublishBody = z.object({ showNames: z.boolean().default(false) }).strict();
/** A refused status file: `bad_request`, each problem in `issues` with its code and parameters. */
const StatusRefusal = z.object({
  error: ApiError.shape.error.extend({ issues: z.array(StatusProblemIssue).optional() }),
});

const FACILITATOR_ONLY = {
  400: { description: 'Invalid workshop id or body', ...jsonContent(ApiError) },
  401: { description: 'No token, or not a token of this workshop', ...jsonContent(ApiError) },
  403: { description: 'Not a facilitator', ...jsonContent(ApiError) },
  404: { description: 'Unknown workshop', ...jsonContent(ApiError) },
};
const NOT_FACILITATOR = 'Only facilitators publish the follow-up page or update the actions’ progress';
const PATH = '/api/workshops/{id}/follow-up';

const getState = createRoute({
  method: 'get',
  path: PATH,
  summary: 'The follow-up page’s state (facilitators only)',
  description:
    'Whether the workshop’s public follow-up page (“droit de suite”) is published, its link and whether it shows names.',
  security: [{ bearer: [] }],
  request: { params: WorkshopPath },
  responses: { 200: { description: 'The state', ...jsonContent(FollowUpState) }, ...FACILITATOR_ONLY },
});

const publish = createRoute({
  method: 'put',
  path: PATH,
  summary: 'Publish the follow-up page (facilitators only)',
  description:
    'Publishes a read-only public page, at an unlisted link, where each participant finds their note and follows it: note → issue → axis → action → where the action stands. No personal data unless `showNames` (authors’ names). Publishing again keeps the link and changes `showNames`. HTML without JavaScript: docs/follow-up.md.',
  security: [{ bearer: [] }],
  request: { params: WorkshopPath, body: { ...jsonContent(PublishBody), required: false } },
  responses: { 200: { description: 'Published', ...jsonContent(FollowUpState) }, ...FACILITATOR_ONLY },
});

const revoke = createRoute({
  method: 'delete',
  path: PATH,
  summary: 'Take the follow-up page down (facilitators only)',
  description: 'Its link answers 404 from now on, even if the page is published again (with a new link).',
  security: [{ bearer: [] }],
  request: { params: WorkshopPath },
  responses: { 204: { description: 'Taken down (or was not published)' }, ...FACILITATOR_ONLY },
});

const statuses = createRoute({
  method: 'post',
  path: `${PATH}/statuses`,
  summary: 'Update the actions’ progress from a status CSV (facilitators only)',
  description:
    'A CSV (`text/csv`, `;` or `,`, up to 1 MB) with a column `id` (the sheet’s id, as the exports give it) or `titre`, and a column `avancement`: à venir, en cours, réalisée, en pause, en retard, bloquée, abandonnée (or their English words, or the codes), empty to clear. Every row is checked first: a sheet not found, a title two sheets share or an unknown status refuses the whole file, and nothing changes: 400, each problem in `issues` with its `path` (`line N`), its English `message`, a stable `code` (`missing_columns`, `missing_sheet`, `unknown_sheet_id`, `unknown_sheet_title`, `ambiguous_title`, `unknown_status`) and its `params` (`line`; and `column`, the header as written, and `value`, the cell, for all but `missing_columns` and `missing_sheet`), for a client to word in its language.',
  security: [{ bearer: [] }],
  request: {
    params: WorkshopPath,
    body: { content: { 'text/csv': { schema: z.string() } }, required: true },
  },
  responses: {
    200: { description: 'Applied', ...jsonContent(StatusImport) },
    ...FACILITATOR_ONLY,
    400: {
      description:
        'Invalid workshop id, not sent as text/csv, or the file was refused (each problem in `issues`)',
      ...jsonContent(StatusRefusal),
    },
    413: { description: 'payload_too_large: the file is over 1 MB', ...jsonContent(ApiError) },
  },
});

const page = createRoute({
  method: 'get',
  path: `${FOLLOW_UP_PATH}/{publicId}`,
  summary: 'The public follow-up page (anyone with the link)',
  description:
    'Server-rendered HTML, no JavaScript: the actions decided and where each stands, then every note with what became of it; `q` finds notes by their words. 404 once the facilitator took it down. Not indexed (`X-Robots-Tag: noindex`).',
  request: {
    params: z.object({ publicId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
    query: z.object({ q: z.string().max(200).optional() }),
  },
  responses: {
    200: { description: 'The page', content: { 'text/html': { schema: z.string() } } },
    404: {
      description: 'No page is published at this link',
      content: { 'text/html': { schema: z.string() } },
    },
  },
});

/** Headers of the public page: no script may run, nothing is indexed, no referrer leaves. */
const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Robots-Tag': 'noindex',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

const GONE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Page introuvable</title></head><body><main><h1>Cette page de suivi n’est pas (ou plus) publiée</h1><p>L’animateur·rice de l’atelier l’a peut-être retirée. Demandez-lui le lien à jour.</p></main></body></html>`;

/** The follow-up page's routes: the facilitator's publishing and status import, and the public page. */
export function followUpRoutes(deps: AppDeps) {
  const { workshops, followUp, log } = deps;
  const app = new OpenAPIHono({ defaultHook: validationHook });

  const stateOf = (origin: string, p: Awaited<ReturnType<typeof followUp.ofWorkshop>>): FollowUpState =>
    p === null
      ? { published: false, url: null, showNames: false, publishedAt: null }
      : {
          published: true,
          url: `${origin}${FOLLOW_UP_PATH}/${p.publicId}`,
          showNames: p.showNames,
          publishedAt: p.publishedAt,
        };

  app.openapi(getState, async (c) => {
    const { id } = c.req.valid('param');
    const caller = await workshopFacilitator(c, workshops, id, NOT_FACILITATOR);
    if (caller.error) return caller.error;
    return c.json(stateOf(linkOrigin(c, deps), await followUp.ofWorkshop(id)), 200);
  });

  app.openapi(publish, async (c) => {
    const { id } = c.req.valid('param');
    const body = (c.req.valid('json') as z.output<typeof PublishBody> | undefined) ?? { showNames: false };
    const caller = await workshopFacilitator(c, workshops, id, NOT_FACILITATOR);
    if (caller.error) return caller.error;
    const published = await followUp.publish(id, body.showNames);
    log.info({ workshopId: id, by: caller.you.id, showNames: body.showNames }, 'follow-up page published');
    return c.json(stateOf(linkOrigin(c, deps), published), 200);
  });

  app.openapi(revoke, async (c) => {
    const { id } = c.req.valid('param');
    const caller = await workshopFacilitator(c, workshops, id, NOT_FACILITATOR);
    if (caller.error) return caller.error;
    if (await followUp.revoke(id))
      log.info({ workshopId: id, by: caller.you.id }, 'follow-up page taken down');
    return c.body(null, 204);
  });

  app.post(
    '/api/workshops/:id/follow-up/statuses',
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: (c) => apiError(c, 'payload_too_large', 'A status file is at most 1 MB'),
    }),
    async (c) => {
      const id = WorkshopPath.safeParse({ id: c.req.param('id') });
      if (!id.success) return apiError(c, 'bad_request', 'Invalid workshop id');
      const caller = await workshopFacilitator(c, workshops, id.data.id, NOT_FACILITATOR);
      if (caller.error) return caller.error;
      if (!/^text\/(csv|plain)\b/i.test(c.req.header('content-type') ?? ''))
        return apiError(c, 'bad_request', 'A status file is sent as text/csv');
      const result = await followUp.importStatuses(caller.workshop, await c.req.text());
      if (result.problems)
        return apiError(
          c,
          'bad_request',
          `The status file was not applied: ${result.problems
            .slice(0, 3)
            .map((p) => `line ${p.params.line}: ${p.message}`)
            .join('; ')}${result.problems.length > 3 ? ` (and ${result.problems.length - 3} more)` : ''}`,
          result.problems.map((p): StatusProblemIssue => ({ path: `line ${p.params.line}`, ...p })),
        );
      log.info({ workshopId: id.data.id, by: caller.you.id, ...result }, 'action statuses imported');
      return c.json(result, 200);
    },
  );
  // Documented like every route, read by hand (a CSV body).
  app.openAPIRegistry.registerPath(statuses);

  app.openapi(page, async (c) => {
    const { publicId } = c.req.valid('param');
    const { q } = c.req.valid('query');
    const html = await followUp.render(publicId, q ?? '');
    return c.html(html ?? GONE, html === null ? 404 : 200, PAGE_HEADERS) as never;
  });

  return app;
}
