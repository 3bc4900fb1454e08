import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log';

/** Logs one line per request: method, path (never the query, which may carry a token), status, time. */
export function requestLog(log: Logger): MiddlewareHandler {
  return async function requestLogger(c, next) {
    const started = performance.now();
    await next();
    log.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  };
}
