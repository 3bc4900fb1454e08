/**
 * `WORKERS=n` (issue 19 §4): one port served by n processes of this machine, each a node on
 * PostgreSQL and Redis. The primary owns the port and routes each workshop's sync sockets to one
 * worker (its slot's), the rest round-robin; a worker that dies is replaced, and its workshops'
 * clients carry on through the other worker meanwhile.
 */
import { type AddressInfo, createServer } from 'node:net';
import { addNote, readNotes, roomName } from '@atelier/shared';
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@atelier/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slotOf } from '../src/cluster/route';
import {
  api,
  cleanup,
  connectDoc,
  type DocClient,
  logEntries,
  type ServerProcess,
  startServerProcess,
  waitFor,
  workshopWith,
} from './harness';

let database: TestDatabase;
let redis: TestRedis;
let server: ServerProcess;

/** The ready workers (pid and slot), from the primary's "worker ready" lines, oldest first. */
const readyWorkers = () =>
  logEntries(server)
    .filter((entry) => entry.msg === 'worker ready')
    .map((entry) => ({ pid: Number(entry.worker), slot: Number(entry.slot) }));

/** The nodes (one per worker) that logged a client of `room` connected, from line `from` on. */
const nodesServing = (room: string, from = 0) =>
  new Set(
    logEntries(server)
      .slice(from)
      .filter((entry) => entry.msg === 'sync connected' && entry.room === room)
      .map((entry) => String(entry.node)),
  );

beforeAll(async () => {
  database = await createTestDatabase();
  redis = await createTestRedis();
  server = await startServerProcess({
    env: { WORKERS: '2', DATABASE_URL: database.url, REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix },
  });
  await waitFor(() => readyWorkers().length === 2, 'both workers to be ready');
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await redis?.cleanup();
  await database?.drop();
  await cleanup();
});

const cast = {
  alice: { name: 'Alice', group: 'resident' },
  bob: { name: 'Bob', group: 'business' },
} as const;

describe('WORKERS=2 on PostgreSQL and Redis', () => {
  it("puts a workshop's clients on one worker, another workshop's on the other, and moves them when it dies", async () => {
    // HTTP goes round-robin through the primary: creating and joining workshops works as ever.
    const one = await workshopWith(server.url, cast);
    let other = await workshopWith(server.url, cast);
    while (slotOf(other.workshop.id, 2) === slotOf(one.workshop.id, 2))
      other = await workshopWith(server.url, cast);
    expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
    // A body of many chunks reaches the worker whole (none of it read, and lost, by the primary):
    // the import reads all 2 MB, then finds no strategy in them. Twice, round-robin: each worker.
    const body = { padding: 'x'.repeat(2 * 2 ** 20) };
    for (let i = 0; i < 2; i++) {
      const answer = await api(server.url, 'POST', '/api/workshops/import', { body });
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    }
    const reads = logEntries(server).filter((entry) => entry.msg === 'import read');
    expect(reads.map((entry) => entry.bytes)).toEqual([
      JSON.stringify(body).length,
      JSON.stringify(body).length,
    ]);
    expect(new Set(reads.map((entry) => entry.node)).size).toBe(2);

    const board = roomName(one.workshop.id, 'board');
    const otherBoard = roomName(other.workshop.id, 'board');
    const clients: DocClient[] = [];
    for (let i = 0; i < 4; i++)
      clients.push(await connectDoc(server.wsUrl, board, i % 2 ? one.bob.token : one.alice.token));
    const control = await connectDoc(server.wsUrl, roomName(one.workshop.id, 'control'), one.alice.token);
    const others = [
      await connectDoc(server.wsUrl, otherBoard, other.alice.token),
      await connectDoc(server.wsUrl, otherBoard, other.bob.token),
    ];
    await waitFor(
      () => nodesServing(board).size > 0 && nodesServing(otherBoard).size > 0,
      'the connections logged',
    );
    // Every socket of a workshop, whatever its room, on one worker (a node, named in its log lines).
    const [node] = nodesServing(board);
    expect(nodesServing(board)).toEqual(new Set([node]));
    expect(nodesServing(roomName(one.workshop.id, 'control'))).toEqual(new Set([node]));
    const [otherNode] = nodesServing(otherBoard);
    expect(nodesServing(otherBoard)).toEqual(new Set([otherNode]));
    expect(otherNode).not.toBe(node);

    const [first, second] = clients;
    if (!first || !second) throw new Error('four clients');
    addNote(first.doc, { x: 0, y: 0, author: one.alice.participantId, text: 'Une halle de producteurs' });
    addNote(second.doc, { x: 300, y: 0, author: one.bob.participantId, text: 'Un covoiturage solidaire' });
    const texts = (client: DocClient) =>
      readNotes(client.doc)
        .map((note) => note.text)
        .sort();
    await waitFor(
      () => clients.every((client) => texts(client).length === 2),
      'every client to see both notes',
    );

    // The worker holding the workshop killed: its clients reconnect, to the other worker while
    // the primary starts another in its slot; the room carries on.
    const holder = readyWorkers().find((worker) => worker.slot === slotOf(one.workshop.id, 2));
    if (!holder) throw new Error("the workshop's worker");
    const linesBefore = logEntries(server).length;
    process.kill(holder.pid, 'SIGKILL');
    await waitFor(() => readyWorkers().length === 3, 'a new worker to replace the dead one');
    addNote(first.doc, { x: 600, y: 0, author: one.alice.participantId, text: 'Une maison France services' });
    await waitFor(
      () =>
        clients.every((client) => client.provider.synced && texts(client).length === 3) &&
        control.provider.synced,
      'every client, reconnected, to see the note written after the kill',
    );
    for (const client of clients)
      expect(texts(client)).toEqual([
        'Un covoiturage solidaire',
        'Une halle de producteurs',
        'Une maison France services',
      ]);
    const after = nodesServing(board, linesBefore);
    expect(after.size).toBeGreaterThan(0);
    expect(after.has(String(node))).toBe(false);
    // The other workshop's clients were never moved.
    expect(nodesServing(otherBoard, linesBefore).size).toBe(0);
    for (const client of others) expect(client.provider.synced).toBe(true);
  }, 60_000);

  it('gives up, workers stopped, when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const { port } = taken.address() as AddressInfo;
    try {
      const starting = startServerProcess({
        env: {
          WORKERS: '2',
          PORT: String(port),
          DATABASE_URL: database.url,
          REDIS_URL: redis.url,
          REDIS_PREFIX: redis.prefix,
        },
      });
      await expect(starting).rejects.toThrow(/exited \(code 1[\s\S]*cannot listen[\s\S]*stopped/);
    } finally {
      taken.close();
    }
  }, 60_000);
});
