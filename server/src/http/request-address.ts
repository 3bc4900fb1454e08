import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { clientAddress } from '../limits/client-address';

/**
 * The client's address as every limit and log line counts it: the socket's peer, or behind
 * `hops` trusted proxies what the nearest one saw (`clientAddress`). `unknown` without a socket
 * (`app.request()`).
 */
export function requestAddress(c: Context, hops: number): string {
  const bindings = c.env as { incoming?: IncomingMessage } | undefined;
  return clientAddress(bindings?.incoming?.socket.remoteAddress, c.req.header('x-forwarded-for'), hops);
}
