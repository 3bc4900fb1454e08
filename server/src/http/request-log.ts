import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { clientAddress } from '../limits/client-address';
import type { Logger } from '../log';

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
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        addr: clientAddress(peerAddress(c), c.req.header('x-forwarded-for'), trustProxyHops),
      },
      'request',
    );
  };
}

/** The socket's remote address under @hono/node-server; undefined without a socket (`app.request()`). */
export function peerAddress(c: Context): string | undefined {
  const bindings = c.env as { incoming?: IncomingMessage } | undefined;
  return bindings?.incoming?.socket.remoteAddress;
}
