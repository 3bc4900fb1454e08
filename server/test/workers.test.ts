/**
 * `WORKERS=n` (issue 19 §4): one port served by n processes of this machine, each a node on
 * PostgreSQL and Redis. Stock clients spread over the workers see each other's edits, and a
 * worker that dies is replaced while its clients carry on through the others.
 */
import { addNote, readNotes, roomName } from '@atelier/shared';
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@atelier/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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

/** The workers' pids, from the primary's "worker listening" lines. */
const workerPids = () =>
  logEntries(server)
    .filter((entry) => entry.msg === 'worker listening')
    .map((entry) => Number(entry.worker));

beforeAll(async () => {
  database = await createTestDatabase();
  redis = await createTestRedis();
  server = await startServerProcess({
    env: { WORKERS: '2', DATABASE_URL: database.url, REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix },
  });
  await waitFor(() => workerPids().length === 2, 'both workers to listen');
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await redis?.cleanup();
  await database?.drop();
  await cleanup();
});

describe('WORKERS=2 on PostgreSQL and Redis', () => {
  it('spreads the clients over both workers, which share the room, and replaces a worker that dies', async () => {
    const { workshop, alice, bob } = await workshopWith(server.url, {
      alice: { name: 'Alice', group: 'resident' },
      bob: { name: 'Bob', group: 'business' },
    });
    const board = roomName(workshop.id, 'board');
    const clients: DocClient[] = [];
    for (let i = 0; i < 4; i++)
      clients.push(await connectDoc(server.wsUrl, board, i % 2 ? bob.token : alice.token));
    // Each worker is a node of its own, named in its log lines: both hold some of the clients.
    const nodesWithClients = () =>
      new Set(
        logEntries(server)
          .filter((entry) => entry.msg === 'sync connected' && entry.room === board)
          .map((entry) => entry.node),
      );
    await waitFor(() => nodesWithClients().size === 2, 'both workers to hold clients of the board');

    const [first, second] = clients;
    if (!first || !second) throw new Error('four clients');
    addNote(first.doc, { x: 0, y: 0, author: alice.participantId, text: 'Une halle de producteurs' });
    addNote(second.doc, { x: 300, y: 0, author: bob.participantId, text: 'Un covoiturage solidaire' });
    const texts = (client: DocClient) =>
      readNotes(client.doc)
        .map((note) => note.text)
        .sort();
    await waitFor(
      () => clients.every((client) => texts(client).length === 2),
      'every client to see both notes',
    );

    // A worker killed: the primary starts another, and the room carries on.
    const [victim] = workerPids();
    process.kill(victim ?? 0, 'SIGKILL');
    await waitFor(() => workerPids().length === 3, 'a new worker to replace the dead one');
    addNote(first.doc, { x: 600, y: 0, author: alice.participantId, text: 'Une maison France services' });
    await waitFor(
      () => clients.every((client) => client.provider.synced && texts(client).length === 3),
      'every client, reconnected, to see the note written after the kill',
    );
    for (const client of clients)
      expect(texts(client)).toEqual([
        'Un covoiturage solidaire',
        'Une halle de producteurs',
        'Une maison France services',
      ]);
  }, 60_000);
});
