import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { compressAnswers } from './http/compress';
import type { AppDeps } from './http/deps';
import { apiError, errorFromException, writeRefused } from './http/errors';
import { exportRoutes } from './http/exports';
import { followUpRoutes } from './http/followUp';
import { IMPORT_PATH, importRoutes } from './http/imports';
import { joinRoutes } from './http/join';
import { metricsRoutes } from './http/metrics';
import { participationRoutes } from './http/participation';
import { requestIds } from './http/request-id';
import { requestLog } from './http/request-log';
import { shareOriginRoutes } from './http/share-origins';
import { silentRoutes } from './http/silent';
import { serveClient } from './http/static-client';
import { strategyRoutes } from './http/strategies';
import { tableRoutes } from './http/tables';
import { timeRoutes } from './http/time';
import { voteRoutes } from './http/votes';
import { workshopRoutes } from './http/workshops';
import { applyWriteLimits } from './http/write-limits';

const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The HTTP application: API, OpenAPI document and the built client. No side effects at import. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono();
  app.use('*', requestIds((deps.trustProxyHops ?? 0) > 0));
  app.use('*', requestLog(deps.log, deps.trustProxyHops));
  app.use('*', compressAnswers());
  const apiBodyLimit = bodyLimit({
    maxSize: 64 * 1024,
    onError: (c) => apiError(c, 'payload_too_large', 'The body is too large'),
  });
  // Before the routes and their body parsing: a refused request costs a bucket lookup.
  if (deps.writeLimits)
    applyWriteLimits(app, {
      workshops: deps.workshops,
      log: deps.log,
      limits: deps.writeLimits,
      trustProxyHops: deps.trustProxyHops ?? 0,
      ...(deps.metrics ? { counted: deps.metrics.rateLimited } : {}),
    });
  // A strategy file is bigger: the import route has its own limit.
  app.use('/api/*', (c, next) =>
    c.req.method === 'POST' && c.req.path === IMPORT_PATH ? next() : apiBodyLimit(c, next),
  );

  // Liveness stays cheap; readiness says whether writes would be taken (a load balancer's check).
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', (c) =>
    (deps.storage?.writable ?? true) && (deps.ready?.() ?? true)
      ? c.json({ ok: true })
      : c.json({ ok: false }, 503),
  );
  if (deps.metrics) {
    const { metrics, metricsToken = null, trustProxyHops = 0 } = deps;
    app.route('/', metricsRoutes({ metrics, token: metricsToken, trustProxyHops }));
  }
  // While the node refuses writes, a write request is refused before it does anything (it could
  // write some rows and not others, or change a document that cannot be stored or shared).
  app.use('/api/*', async (c, next) => {
    const refusal = deps.storage?.refusal ?? null;
    if (refusal !== null && !READ_METHODS.has(c.req.method)) return writeRefused(c, refusal);
    await next();
    return undefined;
  });
  app.route('/', importRoutes(deps));
  app.route('/', workshopRoutes(deps));
  app.route('/', strategyRoutes(deps));
  app.route('/', silentRoutes(deps));
  app.route('/', participationRoutes(deps));
  app.route('/', followUpRoutes(deps));
  app.route('/', tableRoutes(deps));
  app.route('/', voteRoutes(deps));
  app.route('/', joinRoutes(deps));
  app.route('/', timeRoutes());
  app.route('/', shareOriginRoutes(deps));
  app.route('/', exportRoutes(deps));
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Atelier API',
      version: '0.1.0',
      description:
        'Workshops, strategies and their sessions, joining, silent ideation, tables and vote rounds (docs/votes.md), exports, imports and the strategy schema (docs/strategy-schema.md). Boards sync over the y-websocket protocol at /sync/:room; see docs/contract.md.',
    },
  });
  app.all('/api/*', (c) => apiError(c, 'not_found', `No API route ${c.req.method} ${c.req.path}`));

  const hasClient = existsSync(join(deps.clientDist, 'index.html'));
  if (hasClient) {
    app.use('*', serveClient({ root: deps.clientDist, serveSourcemaps: deps.serveSourcemaps ?? false }));
  } else {
    app.get('*', (c) =>
      c.html(
        '<!doctype html><meta charset="utf-8"><title>Atelier</title><p>The client is not built. Run <code>npm start</code> (it builds it) or <code>npm run build</code>.</p>',
        503,
      ),
    );
  }

  app.notFound((c) => apiError(c, 'not_found', 'Not found'));
  app.onError((error, c) =>
    errorFromException(
      c,
      error,
      (err) => deps.log.error({ requestId: c.get('requestId'), err: String(err) }, 'unhandled error'),
      (err) => deps.storage?.report(err),
    ),
  );
  return app;
}
