/**
 * A node that loses Redis or PostgreSQL (docs/scale-out.md, "4. Failure modes"; docs/operations.md,
 * "Redis or PostgreSQL lost"): two servers on one PostgreSQL database and one Redis, node A
 * reaching one of them through a TCP proxy the test cuts, stock y-websocket clients on both. While
 * it is cut, A refuses writes with `unavailable` (its clients keep them), answers HTTP writes 503
 * `unavailable` and `/readyz` 503; once it is back, A takes writes again by itself and the kept
 * edits are stored and reach the client on node B.
 */
import { addNote, readNotes, roomName } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useServersServices } from './cluster-services';
import {
  api,
  connectDoc,
  createWorkshop,
  DEFAULT_WORKSHOP,
  join,
  logEntries,
  type RunningServer,
  startServer,
  waitFor,
} from './harness';
import { parsePrometheusText, sampleValue } from './prometheus-text';

const services = useServersServices();

const noteIds = (doc: Y.Doc) => new Set(readNotes(doc).map((n) => n.id));

/** Node A reaching its database and Redis as `urls` says (directly by default), and node B. */
async function twoNodes(urls: { database?: string; redis?: string }) {
  const env = (db?: string, bus?: string) => ({ ...services.env(db, bus), STORAGE_PROBE_MS: '100' });
  const b = await startServer({ env: env() });
  const a = await startServer({ env: env(urls.database, urls.redis) });
  const workshop = await createWorkshop(a.url);
  const bobJoin = await join(a.url, workshop.joinCode, { name: 'Bob', group: 'business' });
  const room = roomName(workshop.id, 'board');
  const alice = await connectDoc(a.wsUrl, room, workshop.facilitatorToken);
  const bob = await connectDoc(a.wsUrl, room, bobJoin.token);
  const carol = await connectDoc(b.wsUrl, room, workshop.facilitatorToken);
  addNote(alice.doc, { id: 'before', x: 0, y: 0, author: workshop.participantId, text: 'avant' });
  await waitFor(() => noteIds(carol.doc).has('before'), 'carol, on node B, to see the first note');
  return { a, b, workshop, room, alice, bob, carol };
}

/** `atelier_writes_refused{reason}` as `/metrics` shows it now. */
async function refusedGauge(server: RunningServer, reason: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return sampleValue(parsePrometheusText(text), 'atelier_writes_refused', { reason });
}

const readyz = async (server: RunningServer) => (await api(server.url, 'GET', '/readyz')).status;

/** The notes stored in the room's update log and snapshot, read from the database. */
async function storedNoteIds(room: string): Promise<Set<string>> {
  const doc = new Y.Doc();
  const snapshot = await services.admin.query<{ data: Buffer }>(
    'SELECT data FROM doc_snapshots WHERE doc = $1',
    [room],
  );
  for (const { data } of snapshot.rows) Y.applyUpdate(doc, data);
  const log = await services.admin.query<{ data: Buffer }>(
    'SELECT data FROM doc_updates WHERE doc = $1 ORDER BY seq',
    [room],
  );
  for (const { data } of log.rows) Y.applyUpdate(doc, data);
  return noteIds(doc);
}

/** A write over HTTP: creating a workshop. */
const createOn = (server: RunningServer) =>
  api<{ error: { code: string } }>(server.url, 'POST', '/api/workshops', { body: DEFAULT_WORKSHOP });

describe('a node that loses Redis', () => {
  it('refuses writes with unavailable while its bus is away, then takes the kept edit by itself', async () => {
    const cut = await services.proxy(services.redis.url, 6379);
    const { a, b, workshop, room, alice, bob, carol } = await twoNodes({ redis: cut.url });

    await cut.cut();
    await waitFor(async () => (await readyz(a)) === 503, '/readyz of node A to say not ready');
    expect(await readyz(b)).toBe(200);
    addNote(alice.doc, { id: 'kept', x: 0, y: 100, author: workshop.participantId, text: 'gardée' });
    await waitFor(() => alice.denied.includes('unavailable'), 'alice to be told unavailable');
    // Kept by alice, applied nowhere else.
    expect(noteIds(alice.doc).has('kept')).toBe(true);
    expect(noteIds(bob.doc).has('kept')).toBe(false);
    const create = await createOn(a);
    expect(create.status).toBe(503);
    expect(create.body.error.code).toBe('unavailable');
    expect(create.headers.get('retry-after')).toBe('10');
    expect(await refusedGauge(a, 'unavailable')).toBe(1);
    // Reads are served.
    expect((await api(a.url, 'GET', `/api/join/${workshop.joinCode}`)).status).toBe(200);

    await cut.restore();
    await waitFor(() => noteIds(carol.doc).has('kept'), 'carol, on node B, to receive the kept edit');
    await waitFor(() => noteIds(bob.doc).has('kept'), 'bob to receive the kept edit');
    expect(await readyz(a)).toBe(200);
    expect(await refusedGauge(a, 'unavailable')).toBe(0);
    expect((await storedNoteIds(room)).has('kept')).toBe(true);
    const messages = logEntries(a).map((entry) => entry.msg);
    expect(messages).toContain('bus: redis lost');
    expect(messages).toContain('bus: back, every room caught up');
    expect(messages).toContain('writes are taken again');
  }, 30_000);
});

describe('a node that loses PostgreSQL', () => {
  it('keeps the turn it could not commit, refuses later writes with unavailable, and stores and shares both once the database is back', async () => {
    const cut = await services.proxy(services.database.url, 5432);
    const { a, workshop, room, alice, bob, carol } = await twoNodes({ database: cut.url });

    await cut.cut();
    // Accepted before the node knew: its turn cannot be committed, so it is kept, sent to nobody.
    addNote(alice.doc, { id: 'inFlight', x: 0, y: 100, author: workshop.participantId, text: 'en vol' });
    await waitFor(async () => (await readyz(a)) === 503, '/readyz of node A to say not ready');
    // Refused from then on: kept by bob.
    addNote(bob.doc, { id: 'refused', x: 0, y: 200, author: workshop.participantId, text: 'refusée' });
    await waitFor(() => bob.denied.includes('unavailable'), 'bob to be told unavailable');
    expect(noteIds(bob.doc).has('inFlight')).toBe(false);
    expect(noteIds(carol.doc).has('inFlight')).toBe(false);
    const create = await createOn(a);
    expect(create.status).toBe(503);
    expect(create.body.error.code).toBe('unavailable');
    expect(await refusedGauge(a, 'unavailable')).toBe(1);

    await cut.restore();
    await waitFor(
      () => noteIds(carol.doc).has('inFlight') && noteIds(carol.doc).has('refused'),
      'carol, on node B, to receive the kept turn and the refused edit',
    );
    await waitFor(() => noteIds(alice.doc).has('refused'), 'alice to receive the refused edit');
    await waitFor(() => noteIds(bob.doc).has('inFlight'), 'bob to receive the kept turn');
    expect(await readyz(a)).toBe(200);
    const stored = await storedNoteIds(room);
    for (const id of ['before', 'inFlight', 'refused']) expect(stored.has(id)).toBe(true);
    const messages = logEntries(a).map((entry) => entry.msg);
    expect(messages).toContain('storage refused a write: writes are refused until it takes them again');
    expect(messages).toContain('storage takes writes again');
  }, 30_000);
});
