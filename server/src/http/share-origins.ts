import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';
import { ApiError, ShareOrigins } from '@atelier/shared';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps, NetworkInfo } from './deps';
import { jsonContent } from './openapi';

export const machineNetwork = (listenHost: string): NetworkInfo => ({
  interfaces: networkInterfaces,
  listenHost,
});

/** The machine's IPv4 addresses others on the network can reach (what `npm start` prints). */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  return Object.values(interfaces)
    .flat()
    .filter((net): net is NetworkInterfaceInfo => net !== undefined && net.family === 'IPv4' && !net.internal)
    .map((net) => net.address);
}

/** localhost (and *.localhost), 127.0.0.0/8 and ::1: names only this machine reaches. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '::1' ||
    host === '0:0:0:0:0:0:0:1'
  );
}

/** Whether `HOST` listens on every interface. */
export const isWildcard = (host: string) => host === '0.0.0.0' || host === '::';

/** The address this machine reaches a server listening on `host`:`port` at (a wildcard: loopback). */
export function localUrl(host: string, port: number): string {
  const reached = isWildcard(host) ? '127.0.0.1' : host;
  return `http://${reached.includes(':') ? `[${reached}]` : reached}:${port}`;
}

/**
 * The bases of the links participants are given. PUBLIC_URL always wins; an address the
 * facilitator reached from elsewhere is kept as is; a loopback one is replaced by the machine's
 * network addresses on the same port, or by nothing when others cannot reach this server.
 */
export function shareOrigins(
  requestUrl: string,
  publicUrl: string | null,
  network: NetworkInfo,
): ShareOrigins {
  if (publicUrl) return { origins: [publicUrl], source: 'public-url', reason: null };
  const url = new URL(requestUrl);
  if (!isLoopbackHost(url.hostname)) return { origins: [url.origin], source: 'request', reason: null };
  if (isLoopbackHost(network.listenHost)) return { origins: [], source: 'none', reason: 'loopback-host' };
  const port = url.port ? `:${url.port}` : '';
  const hosts = isWildcard(network.listenHost) ? lanAddresses(network.interfaces()) : [network.listenHost];
  if (hosts.length === 0) return { origins: [], source: 'none', reason: 'no-network' };
  const origins = hosts.map((host) => `${url.protocol}//${host.includes(':') ? `[${host}]` : host}${port}`);
  return { origins, source: 'network', reason: null };
}

/** The origin shared links start with: the best share origin, else the one the request came to. */
export function linkOrigin(c: Context, deps: Pick<AppDeps, 'publicUrl' | 'network'>): string {
  const network = deps.network ?? machineNetwork('0.0.0.0');
  return shareOrigins(c.req.url, deps.publicUrl, network).origins[0] ?? new URL(c.req.url).origin;
}

const getShareOrigins = createRoute({
  method: 'get',
  path: '/api/share-origins',
  summary: 'Where participants can open this server from',
  description:
    'The bases of the participant links and QR code, best first: PUBLIC_URL when set; the address of this request when it is not a loopback name; else the machine’s network addresses on this port. Empty, with the reason, when nobody else can reach the server (it listens on a loopback HOST, or the machine has no network address).',
  responses: {
    200: { description: 'The candidate origins', ...jsonContent(ShareOrigins) },
    500: { description: 'Unexpected error', ...jsonContent(ApiError) },
  },
});

export function shareOriginRoutes(deps: Pick<AppDeps, 'publicUrl' | 'network'>) {
  const app = new OpenAPIHono();
  app.openapi(getShareOrigins, async (c) =>
    c.json(shareOrigins(c.req.url, deps.publicUrl, deps.network ?? machineNetwork('0.0.0.0')), 200),
  );
  return app;
}
