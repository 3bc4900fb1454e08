/**
 * A timed round's deadline with three servers on PostgreSQL + Redis (issue 19 §2, docs/scale-out.md
 * §3): each server joins the cluster on `REDIS_URL` and sweeps the deadlines while it holds their
 * lease (opened on `DATABASE_URL`). The deadline is moved into the past in the database, as if
 * the minute had gone by: the opening server's own timer is a minute away, so the sweep closes it.
 */
import { readRounds, roomName } from '@atelier/shared';
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@atelier/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, connectDoc, type RunningServer, startServer, waitFor } from './harness';
import { openDotsRound, votingWorkshop } from './votes-api';

const CLOSED_LINE = 'vote round closed: time is up';

let redis: TestRedis;
let database: TestDatabase;
let admin: pg.Pool;

beforeAll(async () => {
  [redis, database] = await Promise.all([createTestRedis(), createTestDatabase()]);
  admin = new pg.Pool({ connectionString: database.url, max: 1 });
  admin.on('error', () => undefined);
});

afterEach(() => cleanup());

afterAll(async () => {
  await admin.end();
  await Promise.all([redis.cleanup(), database.drop()]);
});

async function threeServers(): Promise<RunningServer[]> {
  const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix };
  const servers: RunningServer[] = [];
  for (let i = 0; i < 3; i++) servers.push(await startServer({ env }));
  return servers;
}

/** The minute is up: the round's deadline, in the database, is now. */
async function timeIsUp(roundId: string): Promise<void> {
  await admin.query('UPDATE vote_rounds SET ends_at = $2 WHERE id = $1', [roundId, Date.now()]);
}

const closings = (servers: readonly RunningServer[]) =>
  servers.reduce((sum, server) => sum + server.logs.split(CLOSED_LINE).length - 1, 0);

describe('a timed round on three servers', () => {
  it('closes once, seen closed by a client on every server', async () => {
    const servers = await threeServers();
    const [first] = servers as [RunningServer];
    const w = await votingWorkshop(first, { lea: { name: 'Léa Muller', group: 'elected' } });
    const round = await openDotsRound(w, { durationMinutes: 1 });
    const clients = await Promise.all(
      servers.map((s) => connectDoc(s.wsUrl, roomName(w.workshop.id, 'control'), w.fanny)),
    );
    await timeIsUp(round.id);
    for (const client of clients)
      await waitFor(
        () => readRounds(client.doc).find((r) => r.id === round.id)?.state === 'closed',
        'the round closed for every client',
      );
    expect(closings(servers)).toBe(1);
  });

  it('closes a round whose server is gone', async () => {
    const servers = await threeServers();
    const [first, ...others] = servers as [RunningServer, RunningServer, RunningServer];
    const w = await votingWorkshop(first, { lea: { name: 'Léa Muller', group: 'elected' } });
    const round = await openDotsRound(w, { durationMinutes: 1 });
    const client = await connectDoc(others[0].wsUrl, roomName(w.workshop.id, 'control'), w.fanny);
    // The server that opened the round, and holds its timer, stops (its lease goes with it).
    await first.stop();
    await timeIsUp(round.id);
    await waitFor(
      () => readRounds(client.doc).find((r) => r.id === round.id)?.state === 'closed',
      'the round closed by another server',
    );
    expect(closings(others)).toBe(1);
  });
});
