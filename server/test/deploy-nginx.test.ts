/**
 * The shipped deployment's proxy works: Debian's nginx runs deploy/nginx/atelier.conf (only its
 * «SET» values changed) on loopback with a self-signed certificate, in front of a server
 * configured as atelier.service configures it (PUBLIC_URL, TRUST_PROXY=1), and people use
 * Atelier through it over HTTPS: create, join, sync over wss, export — seen by the server from
 * their own addresses.
 */
import { addNote, IMPORT_MAX_BYTES, readNotes, roomName } from '@atelier/shared';
import {
  freePorts,
  httpsFetch,
  type RunningNginx,
  selfSignedCertificate,
  startNginx,
} from '@atelier/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  cleanup,
  connectDoc,
  createWorkshop,
  type InProcessApp,
  join,
  logEntries,
  makeTempDir,
  noticeVersion,
  type RunningServer,
  startServer,
  waitDoc,
} from './harness';
import { httpsTarget } from './nginx';

let server: RunningServer;
let nginx: RunningNginx;
let ca: string;
let publicUrl: string;
/** The proxy's HTTPS address, as a client on this machine reaches it. */
let proxyUrl: string;

beforeAll(async () => {
  const dir = await makeTempDir('atelier-nginx-');
  const tls = await selfSignedCertificate(dir);
  ca = tls.pem;
  // The ports are free when picked but not held: another test's server may take one before
  // nginx binds it. Then pick again (the server's PUBLIC_URL names the port, so it restarts too).
  for (let attempt = 1; ; attempt++) {
    const [httpPort = 0, httpsPort = 0] = await freePorts(2);
    publicUrl = `https://localhost:${httpsPort}`;
    proxyUrl = `https://127.0.0.1:${httpsPort}`;
    server = await startServer({ env: { PUBLIC_URL: publicUrl, TRUST_PROXY: '1' } });
    try {
      nginx = await startNginx(
        dir,
        {
          serverName: 'localhost',
          certificate: tls.certificate,
          certificateKey: tls.key,
          upstreamPorts: [Number(new URL(server.url).port)],
          httpPort,
          httpsPort,
        },
        ca,
      );
      return;
    } catch (error) {
      await server.stop();
      if (attempt >= 3 || !String(error).includes('Address already in use')) throw error;
    }
  }
}, 60_000);

afterAll(async () => {
  await nginx?.stop();
  await cleanup();
});

/** A person's browser: HTTPS to the proxy from their own loopback address. */
const from = (localAddress: string): InProcessApp => httpsTarget(proxyUrl, { ca, localAddress });

/** The `addr` the server logged for each request to `path`. */
function loggedAddresses(path: string): unknown[] {
  return logEntries(server)
    .filter((entry) => entry.msg === 'request' && entry.path === path)
    .map((entry) => entry.addr);
}

describe('the shipped nginx site in front of the server', () => {
  it('sends plain HTTP to the same address over HTTPS', async () => {
    const answer = await httpsFetch(`http://127.0.0.1:${nginx.httpPort}/join/ABCDEF?lang=fr`, {
      headers: { host: 'localhost' },
    });
    expect(answer.status).toBe(301);
    expect(answer.headers.get('location')).toBe('https://localhost/join/ABCDEF?lang=fr');
  });

  it('runs a workshop over HTTPS and wss: create, join, two people see each other’s notes, export', async () => {
    const facilitator = from('127.0.0.4');
    const workshop = await createWorkshop(facilitator);
    // Links are made from PUBLIC_URL, not from the proxy's upstream address.
    expect(workshop.links.participant.startsWith(`${publicUrl}/`)).toBe(true);
    const alice = await join(from('127.0.0.2'), workshop.joinCode, { name: 'Alice', group: 'resident' });
    const bob = await join(from('127.0.0.3'), workshop.joinCode, { name: 'Bob', group: 'business' });

    // The stock y-websocket client through nginx's upgrade, from a browser's origin (PUBLIC_URL's).
    const wssUrl = `${proxyUrl.replace(/^https/, 'wss')}/sync`;
    const board = roomName(workshop.id, 'board');
    const a = await connectDoc(wssUrl, board, alice.token, {
      origin: publicUrl,
      wsOptions: { ca, localAddress: '127.0.0.2' },
    });
    const b = await connectDoc(wssUrl, board, bob.token, {
      origin: publicUrl,
      wsOptions: { ca, localAddress: '127.0.0.3' },
    });
    addNote(a.doc, { x: 10, y: 10, author: alice.participantId, text: 'Une navette vers la gare' });
    await waitDoc(
      b,
      (doc) => readNotes(doc).some((n) => n.text === 'Une navette vers la gare'),
      'Bob to see Alice’s note',
    );
    addNote(b.doc, { x: 200, y: 10, author: bob.participantId, text: 'Un tiers-lieu au bourg' });
    await waitDoc(
      a,
      (doc) => readNotes(doc).some((n) => n.text === 'Un tiers-lieu au bourg'),
      'Alice to see Bob’s note',
    );

    const exported = await api(facilitator, 'GET', `/api/workshops/${workshop.id}/export?format=json`, {
      token: workshop.facilitatorToken,
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
    const file = JSON.stringify(exported.body);
    expect(file).toContain('Une navette vers la gare');
    expect(file).toContain('Un tiers-lieu au bourg');
  });

  it('lets the server see each client’s own address (X-Forwarded-For), which a client cannot forge', async () => {
    const workshop = await createWorkshop(from('127.0.0.5'));
    const carol = from('127.0.0.2');
    expect(
      (
        await api(carol, 'POST', '/api/join', {
          body: {
            code: workshop.joinCode,
            name: 'Carol',
            group: 'resident',
            noticeVersion: await noticeVersion(carol, workshop.joinCode),
          },
          headers: { 'x-forwarded-for': '203.0.113.9' },
        })
      ).status,
    ).toBe(201);
    await join(from('127.0.0.3'), workshop.joinCode, { name: 'Dan', group: 'partner' });

    // nginx connects to the server from 127.0.0.1; the server logs who called nginx.
    const joins = loggedAddresses('/api/join');
    expect(joins).toContain('127.0.0.2');
    expect(joins).toContain('127.0.0.3');
    expect(joins).not.toContain('127.0.0.1');
    expect(joins).not.toContain('203.0.113.9');
    expect(loggedAddresses('/api/workshops')).toContain('127.0.0.5');
  });

  it('lets a strategy file of up to 20 MiB reach the server, which refuses a bigger one itself', async () => {
    const client = from('127.0.0.2');
    const padding = (bytes: number) => JSON.stringify({ strategy: { pad: 'x'.repeat(bytes) } });
    // Just under the server's import limit: nginx passes it, the server reads it (not a strategy).
    const under = await api<{ error: { code: string } }>(client, 'POST', '/api/workshops/import', {
      body: padding(IMPORT_MAX_BYTES - 1024),
    });
    expect(under.status).toBe(400);
    // Over it: the server's own JSON error, not nginx's HTML page.
    const over = await api<{ error: { code: string } }>(client, 'POST', '/api/workshops/import', {
      body: padding(IMPORT_MAX_BYTES + 64 * 1024),
    });
    expect(over.status).toBe(413);
    expect(over.body.error.code).toBe('payload_too_large');
  });

  it('adds the security headers to every answer', async () => {
    const answer = await api(from('127.0.0.2'), 'GET', '/healthz');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
