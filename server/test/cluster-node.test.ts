/**
 * A server given its cluster side (`startServer`'s `cluster` option) on the real Redis: its node
 * events and presence relay, seen from "another node" that this test plays with the same
 * modules. Stock y-websocket clients on the server; no second server (each would have its own
 * SQLite database: the shared rooms need PostgreSQL and the bus).
 */
import { addNote, CLOSE_CODES, ParticipantData, roomName } from '@atelier/shared';
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@atelier/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEADLINES_LEASE } from '../src/cluster/deadline-sweep';
import { type Heartbeat, startHeartbeat } from '../src/cluster/heartbeat';
import { lockKeys, openLeases } from '../src/cluster/lease';
import { createRedisNodeEvents, type NodeEvent, type NodeEvents } from '../src/cluster/node-events';
import { createPresenceRelay } from '../src/cluster/presence-relay';
import { createLogger } from '../src/log';
import { migratePostgres } from '../src/store/pg/migrate';
import { PresenceTable } from '../src/sync/presence';
import { api, cleanup, connectDoc, type RunningServer, startServer, waitFor, workshopWith } from './harness';
import { openDotsRound, votingWorkshop } from './votes-api';

const CAST = {
  lea: { name: 'Léa Muller', group: 'elected' },
  hugo: { name: 'Hugo Martinez', group: 'resident' },
} as const;

let redis: TestRedis;
/** The lease connection's database, migrated (the server's stores stay on SQLite). */
let db: TestDatabase;
let server: RunningServer;
let serverNodeId: string;
const closing: (() => Promise<void>)[] = [];

/** The other node's pieces, on their own connection. */
async function otherNode(name: string, ttlMs = 300) {
  const nodeId = `${name}-${redis.prefix.split(':')[2]}`;
  const log = createLogger('silent');
  const connection = await redis.connect();
  const heartbeat = await startHeartbeat({
    redis: connection,
    prefix: redis.prefix,
    nodeId,
    log,
    ttlMs,
    everyMs: 100,
  });
  const relay = await createPresenceRelay({ redis: connection, prefix: redis.prefix, nodeId, log });
  const events = await createRedisNodeEvents({
    redis: connection,
    prefix: redis.prefix,
    nodeId,
    log,
    blockMs: 1000,
  });
  const heard: NodeEvent[] = [];
  events.onEvent((event) => void heard.push(event));
  closing.push(
    () => events.close(),
    () => relay.close(),
    () => heartbeat.close(),
  );
  return { nodeId, heartbeat, relay, events, heard };
}

beforeAll(async () => {
  [redis, db] = await Promise.all([createTestRedis(), createTestDatabase()]);
  // The leases' token table is the migrations' (as a node's storage runs them before joining).
  const migrating = new pg.Pool({ connectionString: db.url, max: 1 });
  await migratePostgres(migrating).finally(() => migrating.end());
  const nodeId = `server-${redis.prefix.split(':')[2]}`;
  serverNodeId = nodeId;
  const log = createLogger('silent');
  const connection = await redis.connect();
  const heartbeat: Heartbeat = await startHeartbeat({ redis: connection, prefix: redis.prefix, nodeId, log });
  const presenceRelay = await createPresenceRelay({ redis: connection, prefix: redis.prefix, nodeId, log });
  const events: NodeEvents = await createRedisNodeEvents({
    redis: connection,
    prefix: redis.prefix,
    nodeId,
    log,
  });
  const leases = await openLeases({ url: db.url, nodeId, log });
  server = await startServer({ cluster: { events, presenceRelay, leases } });
  closing.push(
    () => server.stop().then(() => undefined),
    () => leases.close(),
    () => events.close(),
    () => presenceRelay.close(),
    () => heartbeat.close(),
  );
});

afterAll(async () => {
  for (const close of closing.reverse()) await close();
  await Promise.all([redis.cleanup(), db.drop()]);
  // The harness's own databases and Redis prefixes, if any (TEST_BACKEND=postgres).
  await cleanup();
});

describe('a server with other nodes', () => {
  it("shares its clients' presence with them, shows theirs, and drops theirs when their node dies", async () => {
    const cast = await workshopWith(server.url, CAST);
    const board = roomName(cast.workshop.id, 'board');
    const lea = await connectDoc(server.wsUrl, board, cast.lea.token, {
      awarenessState: { cursor: { x: 12, y: 34 } },
    });
    await waitFor(() => server.logs.includes('room loaded'), 'the board to load');

    // The other node loads the room: the server answers its query with Léa.
    const other = await otherNode('other');
    const table = new PresenceTable();
    const link = other.relay.join(board, table, () => {});
    await other.relay.joined(board);
    await waitFor(() => table.has(lea.doc.clientID), "Léa's presence on the other node");
    expect(table.nodes()).toEqual(new Set([serverNodeId]));

    // One of the other node's clients moves: Léa's client sees it, with the user it was given there.
    const visitor = 4242;
    const user = { participantId: 'p-elsewhere', name: 'Ailleurs', color: '#123456' };
    table.apply([
      {
        clientId: visitor,
        clock: 1,
        json: JSON.stringify({ cursor: { x: 1, y: 2 }, user }),
        light: JSON.stringify({ cursor: { x: 1, y: 2 } }),
      },
    ]);
    table.takeChanges();
    await waitFor(() => lea.awareness.getStates().has(visitor), "the other node's client at Léa's");
    expect(lea.awareness.getStates().get(visitor)).toEqual({ cursor: { x: 1, y: 2 }, user });

    // The other node dies: its heartbeat expires and the server removes its client.
    other.heartbeat.stop();
    link.leave();
    await other.relay.close();
    await waitFor(() => !lea.awareness.getStates().has(visitor), "the dead node's client to go", 6000);
    lea.destroy();
  });

  it('counts a participant connected through another node as here: the facilitator’s edit is not made alone', async () => {
    const cast = await workshopWith(server.url, CAST);
    const { workshop } = cast;
    const board = roomName(workshop.id, 'board');
    const facilitator = await connectDoc(server.wsUrl, board, workshop.facilitatorToken);
    const other = await otherNode('attendance');
    const table = new PresenceTable();
    const link = other.relay.join(board, table, () => {});
    await other.relay.joined(board);
    // Hugo, a participant, has the board open on the other node.
    const hugo = 5151;
    const user = {
      ...cast.hugo,
      name: 'Hugo Martinez',
      color: '#123456',
      role: 'participant',
      group: 'resident',
    };
    table.apply([
      { clientId: hugo, clock: 1, json: JSON.stringify({ cursor: null, user }), light: '{"cursor":null}' },
    ]);
    table.takeChanges();
    await waitFor(() => facilitator.awareness.getStates().has(hugo), 'Hugo’s presence from the other node');

    // The journal's rows of the facilitator's new notes, once written.
    const aloneOf = async (note: string) => {
      const answer = await api(
        server.url,
        'GET',
        `/api/workshops/${workshop.id}/participants/${workshop.participantId}/data`,
        { token: workshop.facilitatorToken },
      );
      expect(answer.status).toBe(200);
      return ParticipantData.parse(answer.body).edits.find((e) => e.item === note && e.field === null)?.alone;
    };
    const during = addNote(facilitator.doc, {
      x: 0,
      y: 0,
      author: workshop.participantId,
      text: 'En séance',
    });
    await waitFor(async () => (await aloneOf(during)) !== undefined, 'the first note in the journal');
    expect(await aloneOf(during)).toBe(false);

    // Hugo leaves (his node says so): the facilitator is alone in the workshop.
    table.apply([{ clientId: hugo, clock: 2, json: null, light: null }]);
    table.takeChanges();
    await waitFor(() => !facilitator.awareness.getStates().has(hugo), 'Hugo to leave');
    const after = addNote(facilitator.doc, { x: 0, y: 200, author: workshop.participantId, text: 'Après' });
    await waitFor(async () => (await aloneOf(after)) !== undefined, 'the second note in the journal');
    expect(await aloneOf(after)).toBe(true);
    link.leave();
    facilitator.destroy();
  });

  it('tells the other nodes whom it disconnects, and closes the sockets they disconnect', async () => {
    const cast = await workshopWith(server.url, CAST);
    const other = await otherNode('events');
    const hugo = await connectDoc(server.wsUrl, roomName(cast.workshop.id, 'board'), cast.hugo.token);
    const lea = await connectDoc(server.wsUrl, roomName(cast.workshop.id, 'control'), cast.lea.token);

    const removed = await api(
      server.url,
      'DELETE',
      `/api/workshops/${cast.workshop.id}/participants/${cast.hugo.participantId}`,
      { token: cast.workshop.facilitatorToken },
    );
    expect(removed.status).toBe(200);
    await waitFor(() => other.heard.length > 0, 'the removal to reach the other node');
    expect(other.heard).toEqual([
      {
        type: 'participant-disconnect',
        participantId: cast.hugo.participantId,
        code: CLOSE_CODES.removed,
        reason: 'removed by a facilitator',
      },
    ]);
    await waitFor(() => hugo.closes.some((c) => c.code === CLOSE_CODES.removed), "Hugo's socket to close");

    // Another node deleted the workshop: the server closes Léa's socket and drops the room.
    await other.events.publish({
      type: 'workshop-deleted',
      workshopId: cast.workshop.id,
      participantIds: [cast.lea.participantId],
    });
    await waitFor(
      () => lea.closes.some((c) => c.code === CLOSE_CODES.workshopDeleted),
      "Léa's socket to close with 4412",
    );
    expect(server.logs).toContain('workshop deleted on another node: let go here');
    expect(server.logs).toContain('room dropped');
    hugo.destroy();
    lea.destroy();
  });

  it('tells the other nodes of its round changes, and sweeps the vote deadlines while it holds their lease', async () => {
    const other = await otherNode('rounds');
    const w = await votingWorkshop(server, { lea: CAST.lea });
    await openDotsRound(w, { durationMinutes: 5 });
    // Created, then opened: each publication tells the other nodes (their kept faces follow).
    await waitFor(
      () =>
        other.heard.filter((e) => e.type === 'rounds-changed' && e.workshopId === w.workshop.id).length >= 2,
      'the round changes to reach the other node',
    );
    // The server's lease connection holds the deadlines' advisory lock (its first sweep is 1 s in).
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      const [kind, key] = lockKeys(DEADLINES_LEASE);
      await waitFor(async () => {
        const { rows } = await admin.query(
          `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE l.locktype = 'advisory' AND l.classid::int = $1 AND l.objid::int = $2 AND l.granted
             AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          [kind, key],
        );
        return rows[0]?.application_name === `atelier-lease-${serverNodeId}`;
      }, 'the server holding the deadlines lease');
    } finally {
      await admin.end();
    }
  });
});
