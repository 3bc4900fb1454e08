import { addNote, readNotes, roomName } from '@atelier/shared';
import { afterAll, describe, expect, it } from 'vitest';
import {
  api,
  cleanup,
  connectDoc,
  createWorkshop,
  join,
  startServer,
  TWO_AND_OBSERVER,
  waitDoc,
  waitFor,
  workshopWith,
} from './harness';
import { type Family, parsePrometheusText, sampleValue } from './prometheus-text';

afterAll(cleanup);

const TOKEN = 'metrics-token-0123456789abcdef';

async function scrape(url: string, headers: Record<string, string> = {}): Promise<Map<string, Family>> {
  const answer = await fetch(`${url}/metrics`, { headers });
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await answer.text());
}

describe('GET /metrics', () => {
  it('counts each rate limit’s refusals under its name', async () => {
    const server = await startServer({ env: { JOIN_FAILURES_PER_MINUTE: '1' } });
    const guess = () => fetch(`${server.url}/api/join/ZZZZZZ`);
    expect((await guess()).status).toBe(404);
    expect((await guess()).status).toBe(429);
    expect((await guess()).status).toBe(429);
    const after = await scrape(server.url);
    expect(sampleValue(after, 'atelier_rate_limited_total', { limit: 'join-address' })).toBe(2);
  });

  it('moves each metric as a stock client connects, writes, is refused a write and an export is made', async () => {
    const server = await startServer();
    const before = await scrape(server.url);
    const types = Object.fromEntries([...before.values()].map((f) => [f.name, f.type]));
    expect(types).toMatchObject({
      atelier_sync_connections: 'gauge',
      atelier_rooms_loaded: 'gauge',
      atelier_sync_messages_received_total: 'counter',
      atelier_sync_messages_sent_total: 'counter',
      atelier_commit_duration_seconds: 'histogram',
      atelier_sync_writes_refused_total: 'counter',
      atelier_rate_limited_total: 'counter',
      atelier_export_duration_seconds: 'histogram',
      process_resident_memory_bytes: 'gauge',
      nodejs_eventloop_lag_p99_seconds: 'gauge',
    });
    expect(sampleValue(before, 'atelier_sync_connections', { kind: 'board' })).toBe(0);
    expect(sampleValue(before, 'atelier_rooms_loaded')).toBe(0);

    const { workshop, alice, olga } = await workshopWith(server.url, TWO_AND_OBSERVER);
    const board = roomName(workshop.id, 'board');
    const a = await connectDoc(server.wsUrl, board, alice.token);
    const o = await connectDoc(server.wsUrl, board, olga.token);
    const f = await connectDoc(server.wsUrl, roomName(workshop.id, 'control'), workshop.facilitatorToken);
    addNote(a.doc, { x: 1, y: 2, author: alice.participantId, text: 'counted' });
    await waitDoc(o, (d) => readNotes(d).length === 1, 'the observer to receive the note');
    addNote(o.doc, { x: 0, y: 0, author: olga.participantId, text: 'refused' });
    await waitFor(() => o.denied.length > 0, 'the observer’s write to be refused');
    const exported = await api(server.url, 'GET', `/api/workshops/${workshop.id}/export?format=md`, {
      token: workshop.facilitatorToken,
    });
    expect(exported.status).toBe(200);

    const during = await scrape(server.url);
    expect(sampleValue(during, 'atelier_sync_connections', { kind: 'board' })).toBe(2);
    expect(sampleValue(during, 'atelier_sync_connections', { kind: 'control' })).toBe(1);
    // The board and the control room (read by the board's connections for the lock).
    expect(sampleValue(during, 'atelier_rooms_loaded')).toBe(2);
    const received = sampleValue(during, 'atelier_sync_messages_received_total');
    const sent = sampleValue(during, 'atelier_sync_messages_sent_total');
    // Each client's sync step 1, step 2 and awareness at least, and the note.
    expect(received).toBeGreaterThanOrEqual(3 * 3 + 1);
    expect(sent).toBeGreaterThanOrEqual(3 * 2 + 1);
    const commits = (m: Map<string, Family>) =>
      sampleValue(m, 'atelier_commit_duration_seconds', {}, 'atelier_commit_duration_seconds_count');
    expect(commits(during)).toBeGreaterThanOrEqual(1);
    expect(
      sampleValue(
        during,
        'atelier_commit_duration_seconds',
        { le: '+Inf' },
        'atelier_commit_duration_seconds_bucket',
      ),
    ).toBe(commits(during));
    expect(sampleValue(during, 'atelier_sync_writes_refused_total', { reason: 'read-only' })).toBe(1);
    expect(sampleValue(during, 'atelier_sync_writes_refused_total', { reason: 'locked' })).toBe(0);
    const exportsOf = (m: Map<string, Family>, format: string) =>
      sampleValue(m, 'atelier_export_duration_seconds', { format }, 'atelier_export_duration_seconds_count');
    expect(exportsOf(during, 'md')).toBe(1);
    expect(exportsOf(during, 'json')).toBe(0);
    expect(
      sampleValue(
        during,
        'atelier_export_duration_seconds',
        { format: 'md' },
        'atelier_export_duration_seconds_sum',
      ),
    ).toBeGreaterThan(0);
    expect(sampleValue(during, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);

    addNote(a.doc, { x: 3, y: 4, author: alice.participantId, text: 'a second one' });
    // By its text: the observer's own refused note is in its document too.
    await waitDoc(
      o,
      (d) => readNotes(d).some((n) => n.text === 'a second one'),
      'the observer to receive the second note',
    );
    a.destroy();
    await waitFor(
      async () => sampleValue(await scrape(server.url), 'atelier_sync_connections', { kind: 'board' }) === 1,
      'the board connections to drop to 1',
    );
    const after = await scrape(server.url);
    expect(sampleValue(after, 'atelier_sync_messages_received_total')).toBeGreaterThan(received);
    expect(sampleValue(after, 'atelier_sync_messages_sent_total')).toBeGreaterThan(sent);
    expect(commits(after)).toBeGreaterThan(commits(during));
    for (const c of [o, f]) c.destroy();
    await server.stop();
  });

  it('asks for METRICS_TOKEN as a bearer token when it is set', async () => {
    const server = await startServer({ env: { METRICS_TOKEN: TOKEN } });
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: TOKEN }]) {
      const refused = await api<{ error: { code: string; requestId: string } }>(
        server.url,
        'GET',
        '/metrics',
        {
          headers,
        },
      );
      expect(refused.status, JSON.stringify(headers)).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer');
      expect(refused.body.error.code).toBe('unauthorized');
      expect(refused.body.error.requestId).toBe(refused.headers.get('x-request-id'));
    }
    const families = await scrape(server.url, { authorization: `Bearer ${TOKEN}` });
    expect(families.get('atelier_rooms_loaded')?.type).toBe('gauge');
    await server.stop();
  });

  it('refuses a short METRICS_TOKEN at start-up', async () => {
    await expect(startServer({ env: { METRICS_TOKEN: 'short' } })).rejects.toThrow(/METRICS_TOKEN/);
  });

  it('without a token, answers this machine only: behind a trusted proxy, a remote client is refused', async () => {
    const server = await startServer({ env: { TRUST_PROXY: '1' } });
    const remote = await api<{ error: { code: string } }>(server.url, 'GET', '/metrics', {
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    expect(remote.status).toBe(403);
    expect(remote.body.error.code).toBe('forbidden');
    const local = await fetch(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect(local.status).toBe(200);
    await server.stop();
  });
});

describe('the sync endpoint and metrics of two servers in one process', () => {
  it('keeps each server’s numbers apart', async () => {
    const one = await startServer();
    const two = await startServer();
    const workshop = await createWorkshop(one.url);
    const alice = await join(one.url, workshop.joinCode, { name: 'Alice', group: 'resident' });
    const a = await connectDoc(one.wsUrl, roomName(workshop.id, 'board'), alice.token);
    expect(sampleValue(await scrape(one.url), 'atelier_sync_connections', { kind: 'board' })).toBe(1);
    expect(sampleValue(await scrape(two.url), 'atelier_sync_connections', { kind: 'board' })).toBe(0);
    expect(sampleValue(await scrape(two.url), 'atelier_sync_messages_received_total')).toBe(0);
    a.destroy();
    await Promise.all([one.stop(), two.stop()]);
  });
});
