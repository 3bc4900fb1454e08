/**
 * A node that loses Redis (docs/scale-out.md, "4. Failure modes"; docs/operations.md, "Redis or
 * PostgreSQL lost"): its room bus reaches Redis through a TCP proxy the test cuts. Stock
 * y-websocket clients: a write is refused with `unavailable` and kept by its client, HTTP writes
 * answer 503 `unavailable`, `/readyz` says not ready; once Redis is back the node catches up,
 * asks every client for what it lacks, and the kept edit is stored and reaches the others.
 *
 * One node on its own SQLite database: what crosses to another node's client once Redis is back
 * is tested with two nodes on PostgreSQL in `src/sync/rooms-faults.test.ts`.
 */

import { addNote, readNotes, roomName } from '@atelier/shared';
import { createTestRedis, startTcpProxy, type TcpProxy, type TestRedis } from '@atelier/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  api,
  cleanup,
  connectDoc,
  createWorkshop,
  DEFAULT_WORKSHOP,
  join,
  logEntries,
  startServer,
  waitFor,
  withServerDb,
} from './harness';
import { parsePrometheusText, sampleValue } from './prometheus-text';

let redis: TestRedis;
let cut: TcpProxy;

beforeAll(async () => {
  redis = await createTestRedis();
  cut = await startTcpProxy(redis.url, 6379);
});

afterAll(async () => {
  await cleanup();
  await cut.close();
  await redis.cleanup();
});

const noteIds = (doc: Y.Doc) => new Set(readNotes(doc).map((n) => n.id));

describe('a node that loses Redis', () => {
  it('refuses writes with unavailable while its bus is away, then takes the kept edit by itself', async () => {
    const server = await startServer({ env: { REDIS_URL: cut.url, REDIS_PREFIX: redis.prefix } });
    const workshop = await createWorkshop(server.url);
    const bobJoin = await join(server.url, workshop.joinCode, { name: 'Bob', group: 'business' });
    const room = roomName(workshop.id, 'board');
    const alice = await connectDoc(server.wsUrl, room, workshop.facilitatorToken);
    const bob = await connectDoc(server.wsUrl, room, bobJoin.token);
    addNote(alice.doc, { id: 'before', x: 0, y: 0, author: workshop.participantId, text: 'avant' });
    await waitFor(() => noteIds(bob.doc).has('before'), 'bob to see the note written before the cut');

    await cut.cut();
    await waitFor(
      async () => (await api(server.url, 'GET', '/readyz')).status === 503,
      '/readyz to say not ready',
    );
    addNote(alice.doc, { id: 'kept', x: 0, y: 100, author: workshop.participantId, text: 'gardée' });
    await waitFor(() => alice.denied.includes('unavailable'), 'alice to be told unavailable');
    // Kept by alice, applied nowhere else.
    expect(noteIds(alice.doc).has('kept')).toBe(true);
    expect(noteIds(bob.doc).has('kept')).toBe(false);
    const create = await api<{ error: { code: string } }>(server.url, 'POST', '/api/workshops', {
      body: DEFAULT_WORKSHOP,
    });
    expect(create.status).toBe(503);
    expect(create.body.error.code).toBe('unavailable');
    expect(create.headers.get('retry-after')).toBe('10');
    expect(await refusedGauge(server.url, 'unavailable')).toBe(1);
    // Reads are served.
    expect((await api(server.url, 'GET', `/api/join/${workshop.joinCode}`)).status).toBe(200);

    await cut.restore();
    await waitFor(() => noteIds(bob.doc).has('kept'), 'bob to receive the kept edit once Redis is back');
    expect((await api(server.url, 'GET', '/readyz')).status).toBe(200);
    expect(await refusedGauge(server.url, 'unavailable')).toBe(0);
    const stored = withServerDb(server.dataDir, (db) =>
      db
        .prepare('SELECT count(*) AS n FROM doc_updates WHERE doc = ? AND instr(data, ?) > 0')
        .get(room, 'gardée'),
    ) as { n: number };
    expect(stored.n).toBe(1);
    const messages = logEntries(server).map((entry) => entry.msg);
    expect(messages).toContain('bus: redis lost');
    expect(messages).toContain('bus: back, every room caught up');
    expect(messages).toContain('writes are taken again');
    alice.destroy();
    bob.destroy();
    await server.stop();
  }, 30_000);
});

/** `atelier_writes_refused{reason}` as `/metrics` shows it now. */
async function refusedGauge(url: string, reason: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return sampleValue(parsePrometheusText(text), 'atelier_writes_refused', { reason });
}
