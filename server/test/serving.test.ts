/**
 * How the client, the API and the exports travel: compressed when the browser accepts it
 * (precompressed files for the client), cached for a year when hashed, revalidated for
 * index.html, no source maps unless configured, and sync still upgrading to WebSocket.
 */

import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { roomName } from '@atelier/shared';
import { precompressDir } from '@atelier/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, connectDoc, createWorkshop, makeTempDir, type RunningServer, startServer } from './harness';

afterAll(cleanup);

const INDEX = `<!doctype html><html><head><meta charset="utf-8"><title>Atelier</title>
<script type="module" src="/assets/app-Ab12Cd34.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`;
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n//# sourceMappingURL=app-Ab12Cd34.js.map\n`;
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(4000, 7)]);

/** A built client in miniature: index.html, a hashed script with its map, a picture. */
async function fakeClient(): Promise<string> {
  const dir = await makeTempDir('atelier-client-');
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), INDEX);
  await writeFile(join(dir, 'assets/app-Ab12Cd34.js'), SCRIPT);
  await writeFile(
    join(dir, 'assets/app-Ab12Cd34.js.map'),
    '{"version":3,"sources":["app.ts"],"mappings":""}',
  );
  await writeFile(join(dir, 'assets/logo-Zz99Yy88.png'), PNG);
  precompressDir(dir);
  return dir;
}

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they travelled (not decompressed). */
  body: Buffer;
}

/** A GET that, unlike fetch, shows the bytes as sent. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

function decoded(raw: Raw): string {
  const encoding = raw.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(raw.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(raw.body).toString('utf8');
  return raw.body.toString('utf8');
}

const varies = (raw: Raw) =>
  String(raw.headers.vary ?? '')
    .toLowerCase()
    .includes('accept-encoding');

describe('serving the client', () => {
  let server: RunningServer;
  let withMaps: RunningServer;
  beforeAll(async () => {
    const dist = await fakeClient();
    [server, withMaps] = await Promise.all([
      startServer({ env: { CLIENT_DIST: dist } }),
      startServer({ env: { CLIENT_DIST: dist, SERVE_SOURCEMAPS: '1' } }),
    ]);
  });

  it('sends index.html brotli-compressed when accepted, revalidated every time', async () => {
    const page = await rawGet(`${server.url}/`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(varies(page)).toBe(true);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body.byteLength).toBeLessThan(Buffer.byteLength(INDEX) / 3);
    expect(decoded(page)).toBe(INDEX);
  });

  it('sends a client route (the SPA fallback) as index.html, gzip when br is not accepted, no-cache', async () => {
    const page = await rawGet(`${server.url}/join/ABC234`, { 'accept-encoding': 'gzip' });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(decoded(page)).toBe(INDEX);
  });

  it('sends hashed scripts from their .br/.gz copies with a year of immutable caching', async () => {
    const url = `${server.url}/assets/app-Ab12Cd34.js`;
    for (const [accept, expected] of [
      ['br', 'br'],
      ['gzip;q=1, br;q=0', 'gzip'],
      ['identity', undefined],
      ['', undefined],
    ] as const) {
      const script = await rawGet(url, accept ? { 'accept-encoding': accept } : {});
      expect(script.status, accept).toBe(200);
      expect(script.headers['content-encoding'], accept).toBe(expected);
      expect(script.headers['content-type'], accept).toMatch(/^text\/javascript/);
      expect(script.headers['cache-control'], accept).toBe('public, max-age=31536000, immutable');
      expect(varies(script), accept).toBe(true);
      expect(Number(script.headers['content-length']), accept).toBe(script.body.byteLength);
      expect(decoded(script), accept).toBe(SCRIPT);
    }
  });

  it('never compresses formats that are compressed already (png)', async () => {
    const picture = await rawGet(`${server.url}/assets/logo-Zz99Yy88.png`, { 'accept-encoding': 'br, gzip' });
    expect(picture.status).toBe(200);
    expect(picture.headers['content-encoding']).toBeUndefined();
    expect(picture.body.equals(PNG)).toBe(true);
    expect(picture.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers 404 for source maps by default, and serves them with SERVE_SOURCEMAPS=1', async () => {
    expect((await rawGet(`${server.url}/assets/app-Ab12Cd34.js.map`)).status).toBe(404);
    const map = await rawGet(`${withMaps.url}/assets/app-Ab12Cd34.js.map`);
    expect(map.status).toBe(200);
    expect(JSON.parse(decoded(map)).version).toBe(3);
  });

  it('answers 404 for a missing asset and for the compressed copies themselves', async () => {
    for (const path of ['/assets/app-00000000.js', '/assets/app-Ab12Cd34.js.br', '/index.html.gz']) {
      expect((await rawGet(`${server.url}${path}`)).status, path).toBe(404);
    }
  });

  it('answers 304 to a revalidation of an unchanged index.html', async () => {
    const first = await rawGet(`${server.url}/`);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\//);
    expect((await rawGet(`${server.url}/`, { 'if-none-match': etag })).status).toBe(304);
  });
});

describe('compressing API answers and exports', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });

  it('compresses JSON answers with br or gzip as accepted, and leaves small ones alone', async () => {
    const br = await rawGet(`${server.url}/api/openapi.json`, { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(varies(br)).toBe(true);
    expect(JSON.parse(decoded(br)).openapi).toBe('3.1.0');
    const gzip = await rawGet(`${server.url}/api/openapi.json`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.byteLength).toBeLessThan(Buffer.byteLength(decoded(gzip)) / 3);
    const plain = await rawGet(`${server.url}/api/openapi.json`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString('utf8')).openapi).toBe('3.1.0');

    const health = await rawGet(`${server.url}/healthz`, { 'accept-encoding': 'br' });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body.toString('utf8'))).toEqual({ ok: true });
  });

  it('compresses the json and md exports, not the xlsx, docx and csv zip', async () => {
    const workshop = await createWorkshop(server.url);
    const exportOf = (format: string) =>
      rawGet(`${server.url}/api/workshops/${workshop.id}/export?format=${format}`, {
        authorization: `Bearer ${workshop.facilitatorToken}`,
        'accept-encoding': 'br, gzip',
      });
    const json = await exportOf('json');
    expect(json.status).toBe(200);
    expect(json.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decoded(json)).provenance).toBeDefined();
    const md = await exportOf('md');
    expect(md.status).toBe(200);
    expect(md.headers['content-encoding']).toBe('br');
    expect(decoded(md)).toMatch(/^# /);
    for (const format of ['xlsx', 'docx', 'csv']) {
      const file = await exportOf(format);
      expect(file.status, format).toBe(200);
      expect(file.headers['content-encoding'], format).toBeUndefined();
      expect(file.body.subarray(0, 2).toString('latin1'), format).toBe('PK');
    }
  });

  it('still upgrades sync connections to WebSocket', async () => {
    const workshop = await createWorkshop(server.url);
    const client = await connectDoc(server.wsUrl, roomName(workshop.id, 'board'), workshop.facilitatorToken);
    expect(client.provider.synced).toBe(true);
    client.destroy();
  });
});
