import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log';
import { requestAddress } from './request-address';

/**
 * Logs one line per request: method, path (never the query, which may carry a token), status,
 * time, and the client's address as every limit counts it (`addr`: behind `TRUST_PROXY` hops,
 * the address the proxy saw, so an operator reads who called, not the proxy).
 */
export function requestLog(log: Logger, trustProxyHops = 0): MiddlewareHandler {
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
        addr: requestAddress(c, trustProxyHops),
      },
      'request',
    );
  };
}
