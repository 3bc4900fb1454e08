/**
 * Vote rounds on three nodes (docs/scale-out.md, "3. Single-writer duties and leases"): three
 * vote services in this process, each with its own pool, room bus, node events, lease
 * connection and deadline sweep, on one PostgreSQL database and one Redis, sharing one clock the
 * test moves (so a deadline comes without waiting for it).
 */
import {
  createCluster,
  MINUTE_MS,
  type PublicRound,
  readTimer,
  roomName,
  SERVER_ORIGIN,
} from '@atelier/shared';
import { votesMap } from '@atelier/shared/layout';
import { waitFor } from '@atelier/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createRoomBus } from '../cluster/bus';
import { DEADLINES_LEASE, type DeadlineSweep, startDeadlineSweep } from '../cluster/deadline-sweep';
import { type Leases, openLeases } from '../cluster/lease';
import { actOnNodeEvents } from '../cluster/node-event-actions';
import { createRedisNodeEvents } from '../cluster/node-events';
import { createLogger } from '../log';
import { createPgStorage, type PgStorage } from '../store/pg/storage';
import type { WorkshopRecord } from '../store/workshops';
import { useClusterServices } from '../sync/cluster-services.fixture';
import { ParticipantSockets } from '../sync/participant-sockets';
import { BUS_ORIGIN } from '../sync/room-bus';
import { RoomManager } from '../sync/rooms';
import { fakeClock } from './clock.fixture';
import { createVoteService, type VoteService } from './service';

const CLOSED_LINE = 'vote round closed: time is up';

const services = useClusterServices();
const { cleanups } = services;

type Clock = ReturnType<typeof fakeClock>;

interface Node {
  id: string;
  votes: VoteService;
  rooms: RoomManager;
  storage: PgStorage;
  leases: Leases;
  sweep: DeadlineSweep;
  lines: string[];
  /** The node's process is gone: its timers, its sweep and its lease session with it. */
  kill(): Promise<void>;
}

/**
 * A node as `startServer` composes it with its `cluster` option, on PostgreSQL. Its
 * `rounds-changed` events are acted on once `eventsLate` resolved (the events stream lagging).
 */
async function node(name: string, clock: Clock, eventsLate?: Promise<void>): Promise<Node> {
  const id = `${name}-${services.redis.prefix.split(':')[2]}`;
  const pool = new pg.Pool({ connectionString: services.db.url, max: 4 });
  pool.on('error', () => undefined);
  const lines: string[] = [];
  const log = createLogger('info', { write: (line: string) => void lines.push(line) });
  const bus = await createRoomBus({
    url: services.redis.url,
    prefix: services.redis.prefix,
    nodeId: id,
    log,
  });
  const events = await createRedisNodeEvents({
    redis: await services.redis.connect(),
    prefix: services.redis.prefix,
    nodeId: id,
    log,
    blockMs: 1000,
  });
  const storage = createPgStorage(pool);
  const rooms = new RoomManager(storage.docs, storage, log, {
    graceMs: 0,
    compactLogBytes: 64 * 1024,
    presenceTickMs: 0,
    bus,
  });
  const votes = createVoteService({
    store: storage.ballots,
    workshops: storage.workshops,
    rooms,
    log,
    clock,
    events,
  });
  await votes.ready;
  events.onEvent(
    actOnNodeEvents({
      rooms,
      sockets: new ParticipantSockets(),
      votes,
      activity: { forget: () => {} },
      purge: storage.purge,
      log,
      roundsChanged: async (workshopId) => {
        await eventsLate;
        await votes.changedElsewhere(workshopId);
      },
    }),
  );
  const leases = await openLeases({ url: services.db.url, nodeId: id, log });
  let dead = false;
  // A dead node runs nothing: its sweep neither takes the lease again nor closes anything.
  const sweep = startDeadlineSweep({
    leases: {
      tryAcquire: (key) => (dead ? Promise.resolve(null) : leases.tryAcquire(key)),
      release: (key) => (dead ? Promise.resolve() : leases.release(key)),
    },
    sweep: () => (dead ? Promise.resolve() : votes.sweepDeadlines()),
    log,
    everyMs: 20,
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await sweep.stop();
    votes.close();
    await rooms.closeAll();
    await leases.close();
    await events.close();
    await bus.close();
    await pool.end();
  };
  cleanups.push(close);
  return {
    id,
    votes,
    rooms,
    storage,
    leases,
    sweep,
    lines,
    async kill() {
      dead = true;
      votes.close();
      // A sweep it was running when it died does not outlive it (and gives nothing back).
      await sweep.stop();
      // Its lease session ends as a killed process's does: PostgreSQL releases its locks.
      await services.admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [`atelier-lease-${id}`],
      );
    },
  };
}

async function threeNodes(eventsLateOnB?: Promise<void>) {
  const clock = fakeClock(Date.now());
  const nodes = [
    await node('a', clock),
    await node('b', clock, eventsLateOnB),
    await node('c', clock),
  ] as const;
  const [a] = nodes;
  const { workshop } = await a.storage.workshops.create({
    title: 'Atelier',
    territory: { name: 'Ornans', kind: 'municipality' },
    locale: 'fr',
    facilitatorName: 'Camille',
  });
  await a.rooms.withDoc(roomName(workshop.id, 'board'), (board) => {
    createCluster(board, { title: 'Mobilité', x: 0, y: 0 }, 'issue-a');
    createCluster(board, { title: 'Santé', x: 300, y: 0 }, 'issue-b');
  });
  // Every node holds the control room loaded, its guard on: faces reach them over the bus.
  const controls: Y.Doc[] = [];
  for (const n of nodes) {
    const held = await n.rooms.hold(roomName(workshop.id, 'control'));
    cleanups.push(async () => held.release());
    controls.push(held.room.doc);
  }
  return { clock, nodes, workshop, controls };
}

async function timedRound(votes: VoteService, workshop: WorkshopRecord): Promise<PublicRound> {
  const created = await votes.create(workshop, {
    title: 'Chrono',
    targetKind: 'issues',
    targets: 'all',
    quorum: null,
    collegeWeighting: false,
    mode: 'dots',
    visibility: 'secret',
    durationMinutes: 1,
  });
  if (!created.value) throw new Error(JSON.stringify(created.error));
  const opened = await votes.transition(workshop.id, created.value.id, 'open');
  if (!opened.value) throw new Error(JSON.stringify(opened.error));
  return opened.value;
}

const faceIn = (control: Y.Doc, roundId: string) => votesMap(control).get(roundId) as PublicRound | undefined;
const closings = (nodes: readonly Node[]) =>
  nodes.flatMap((n) => n.lines).filter((line) => line.includes(CLOSED_LINE)).length;

/** Counts this node's server writes of the round's face as closed into its control document. */
function closedWrites(control: Y.Doc, roundId: string): { count: number } {
  const seen = { count: 0 };
  votesMap(control).observe((event) => {
    if (event.transaction.origin !== SERVER_ORIGIN || !event.keysChanged.has(roundId)) return;
    if (faceIn(control, roundId)?.state === 'closed') seen.count++;
  });
  return seen;
}

describe('vote deadlines on three nodes', () => {
  it('closes a timed round once: one closing line, one faces update, every node showing it', async () => {
    const { clock, nodes, workshop, controls } = await threeNodes();
    const round = await timedRound(nodes[0].votes, workshop);
    // Every node's sweep is on; whichever holds the lease contends with node a's timer.
    await waitFor(() => nodes.some((n) => n.leases.held(DEADLINES_LEASE)), 'a sweeper holding the lease');
    const writes = controls.map((control) => closedWrites(control, round.id));

    await clock.advance(MINUTE_MS);
    for (const control of controls)
      await waitFor(() => faceIn(control, round.id)?.state === 'closed', 'the round closed on every node');
    // Nothing in flight any more: every sweep ended.
    await Promise.all(nodes.map((n) => n.sweep.stop()));
    expect(closings(nodes)).toBe(1);
    expect(writes.reduce((sum, w) => sum + w.count, 0)).toBe(1);
    expect(await nodes[2].storage.ballots.round(workshop.id, round.id)).toMatchObject({
      state: 'closed',
      closedAt: new Date(round.endsAt ?? 0).toISOString(),
      endsAt: null,
    });
  });

  it('closes a round whose node died before its deadline: another node sweeps it', async () => {
    const { clock, nodes, workshop, controls } = await threeNodes();
    const [a, b, c] = nodes;
    // Node a holds the lease and the round's timer: its death takes both.
    await b.sweep.stop();
    await c.sweep.stop();
    await waitFor(() => a.leases.held(DEADLINES_LEASE), 'node a holding the lease');
    const round = await timedRound(a.votes, workshop);
    await a.kill();
    const survivors = [b, c].map((n) =>
      startDeadlineSweep({
        leases: n.leases,
        sweep: () => n.votes.sweepDeadlines(),
        log: createLogger('silent'),
        everyMs: 20,
      }),
    );
    cleanups.push(async () => void (await Promise.all(survivors.map((s) => s.stop()))));

    await clock.advance(MINUTE_MS);
    for (const control of controls.slice(1))
      await waitFor(() => faceIn(control, round.id)?.state === 'closed', 'the round closed on b and c');
    await Promise.all(survivors.map((s) => s.stop()));
    expect(closings([a])).toBe(0);
    expect(closings([b, c])).toBe(1);
  });

  it('does not close a round extended on node a at the deadline node b scheduled', async () => {
    const { clock, nodes, workshop, controls } = await threeNodes();
    const [a, b] = nodes;
    const round = await timedRound(b.votes, workshop);
    // More time given on node a at once: its timer and node b's opening one may cross on the bus.
    const extended = await a.votes.extend(workshop.id, round.id, 2);
    expect(extended.value?.endsAt).toBe((round.endsAt ?? 0) + 2 * MINUTE_MS);
    for (const control of controls)
      await waitFor(
        () => faceIn(control, round.id)?.endsAt === extended.value?.endsAt,
        'the new deadline shown',
      );
    for (const control of controls)
      await waitFor(
        () => readTimer(control)?.endsAt === extended.value?.endsAt,
        'the timer at the new deadline',
      );

    // Node b's timer fires at the old deadline, every sweep runs past it: the round stays open.
    await clock.advance(MINUTE_MS);
    await Promise.all(nodes.map((n) => n.votes.sweepDeadlines()));
    expect(closings(nodes)).toBe(0);
    expect((await b.storage.ballots.round(workshop.id, round.id))?.state).toBe('open');
    expect(controls.map((control) => faceIn(control, round.id)?.state)).toEqual(['open', 'open', 'open']);

    await clock.advance(2 * MINUTE_MS);
    for (const control of controls)
      await waitFor(() => faceIn(control, round.id)?.state === 'closed', 'closed at the new deadline');
    expect(await b.storage.ballots.round(workshop.id, round.id)).toMatchObject({
      closedAt: new Date(extended.value?.endsAt ?? 0).toISOString(),
    });
  });
});

describe('vote faces on three nodes', () => {
  it("keeps node a's publication when a client on node b touches the votes root", async () => {
    // Node b hears of node a's round changes only over the bus at first.
    let eventsArrive = () => {};
    const { nodes, workshop, controls } = await threeNodes(
      new Promise((resolve) => (eventsArrive = resolve)),
    );
    cleanups.push(async () => eventsArrive()); // a failed test does not leave b's events held
    const [a] = nodes;
    const [, onB] = controls as [Y.Doc, Y.Doc, Y.Doc];
    // Node b's kept faces hold no round: it was created on node a after b's control room loaded.
    // A modified facilitator client on node b withdraws the round's face the moment node a's
    // publication reaches node b (before node b could read the faces again).
    let tampered = false;
    votesMap(onB).observe((event) => {
      if (tampered || event.transaction.origin !== BUS_ORIGIN) return;
      const id = [...event.keysChanged][0] as string;
      if (faceIn(onB, id)?.state !== 'open') return;
      tampered = true;
      onB.transact(() => votesMap(onB).delete(id), 'a modified client');
    });
    const round = await timedRound(a.votes, workshop);
    await waitFor(() => tampered, 'the round shown on node b, then withdrawn by a client there');
    expect(faceIn(onB, round.id)).toMatchObject({ id: round.id, state: 'open' });
    for (const control of controls)
      await waitFor(() => faceIn(control, round.id)?.state === 'open', 'the round still shown everywhere');

    // Once b has read the faces again (as `rounds-changed` has it do), a forged face is put back
    // as node a published it.
    eventsArrive();
    await nodes[1].votes.changedElsewhere(workshop.id);
    onB.transact(() => votesMap(onB).set(round.id, { ...round, state: 'revealed' }), 'a modified client');
    expect(faceIn(onB, round.id)).toMatchObject({ state: 'open', endsAt: round.endsAt });

    // Node b's own publication (a close) keeps what a published and adds its change.
    const closed = await nodes[1].votes.transition(workshop.id, round.id, 'close');
    expect(closed.value?.state).toBe('closed');
    for (const control of controls)
      await waitFor(() => faceIn(control, round.id)?.state === 'closed', 'the closing shown everywhere');
  });
});
