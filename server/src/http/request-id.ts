import type { MiddlewareHandler } from 'hono';
import { correlationId } from '../log';

declare module 'hono' {
  interface ContextVariableMap {
    /** This request's id: in its log lines, its `X-Request-Id` answer header and its error replies. */
    requestId: string;
  }
}

export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * Gives every request an id (a trusted proxy's `X-Request-Id`, else a new one) and answers it
 * in `X-Request-Id`, whatever answered: a route, an error, a static file. Mounted first.
 */
export function requestIds(trustProxy: boolean): MiddlewareHandler {
  return async function requestId(c, next) {
    const id = correlationId(c.req.header(REQUEST_ID_HEADER), trustProxy);
    c.set('requestId', id);
    await next();
    c.header(REQUEST_ID_HEADER, id);
  };
}
