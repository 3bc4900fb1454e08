import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { clientAddress } from '../limits/client-address';

/**
 * The client address of a request, as the limits key it: the socket's peer (hono's node
 * server passes the request as `c.env.incoming`), or `X-Forwarded-For` read behind `hops`
 * trusted proxies. `unknown` without a socket (an in-process `app.request`).
 */
export function requestAddress(c: Context, hops: number): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return clientAddress(incoming?.socket.remoteAddress, c.req.header('x-forwarded-for'), hops);
}
