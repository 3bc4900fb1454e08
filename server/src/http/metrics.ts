import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Metrics } from '../metrics/metrics';
import { apiError } from './errors';
import { requestAddress } from './request-address';

export interface MetricsRouteOptions {
  metrics: Metrics;
  /** `METRICS_TOKEN`: scrapers send it as a bearer token. Null: only this machine may scrape. */
  token: string | null;
  /** `TRUST_PROXY` hops, to tell a caller on this machine from one behind the proxy. */
  trustProxyHops: number;
}

/**
 * `GET /metrics`, the Prometheus text exposition (docs/operations.md). With `METRICS_TOKEN` set,
 * only a bearer of it (401 otherwise); unset, only callers on this machine (403 otherwise):
 * the numbers say how busy the server is and when, which is nobody else's business.
 */
export function metricsRoutes({ metrics, token, trustProxyHops }: MetricsRouteOptions) {
  const app = new Hono();
  const expected = token === null ? null : digest(token);
  app.get('/metrics', async (c) => {
    if (expected !== null) {
      const sent = /^Bearer (.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];
      if (sent === undefined || !timingSafeEqual(digest(sent), expected)) {
        c.header('WWW-Authenticate', 'Bearer');
        return apiError(c, 'unauthorized', 'Metrics need the METRICS_TOKEN as a bearer token');
      }
    } else if (!fromThisMachine(c, trustProxyHops)) {
      return apiError(
        c,
        'forbidden',
        'Metrics are open to this machine only; set METRICS_TOKEN to scrape them',
      );
    }
    return c.body(await metrics.text(), 200, {
      'Content-Type': metrics.contentType,
      'Cache-Control': 'no-store',
    });
  });
  return app;
}

/** Compared as hashes: equal lengths, so the comparison takes the same time whatever was sent. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Whether the caller is on a loopback address, as the limits see the client (behind a proxy,
 * only with `TRUST_PROXY`: otherwise every proxied request comes from the proxy, this machine).
 * `::1` arrives reduced to its /64, `0:0:0:0::/64`, which holds no routable address.
 */
function fromThisMachine(c: Context, hops: number): boolean {
  const address = requestAddress(c, hops);
  return address.startsWith('127.') || address === '0:0:0:0::/64';
}
