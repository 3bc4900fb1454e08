/**
 * Issue 19 §6, failover time: three nodes serve the rooms, stock clients spread over them
 * round-robin, each moving its note 4 times a second; mid-burst one node is killed (SIGKILL).
 * In the same tick every client moves its note to a marker (those on the dead node keep theirs
 * locally). Its clients reconnect to the next node's URL (what a balancer does) by their
 * provider's own reconnect logic (y-websocket: 100·2ⁿ ms; Hocuspocus: ≥ 1 s with jitter).
 * back = kill → every client of the dead node synced on a surviving node; converged = kill →
 * every client's document holds every marker; lost = markers missing for a fresh client after.
 */
import { moveNote, readNotes } from '@atelier/shared';
import { waitFor } from '@atelier/testing';
import { now, sleep } from '../lib/clock';
import { mapLimit } from '../lib/concurrency';
import type { Column, ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { connectClient } from '../load/client';
import { docFromSeed, noteIdOf, seedUpdate } from '../load/seed';
import type { BenchClient } from '../load/types';
import { provisionRooms, type RoomInfo } from '../servers';
import { type Deployment, deploymentKey, scaledOutServers, withDeployment } from '../servers/deployment';

export const name = 'failover';
export const description =
  '3 nodes, rooms × 45 stock clients round-robin, notes moving; SIGKILL of one node mid-burst: its clients back on another node, everyone converged, markers lost';
export const columns: Column[] = [
  { key: 'connections', label: 'conns', digits: 0 },
  { key: 'displaced', label: 'on the dead node', digits: 0 },
  { key: 'backMs', label: 'back ms', digits: 0 },
  { key: 'backP50Ms', label: 'back p50 ms', digits: 0 },
  { key: 'convergedMs', label: 'converged ms', digits: 0 },
  { key: 'lost', label: 'lost', digits: 0 },
];

const NODES = 3;
const KILLED = 1;
const MOVES_PER_S = 4;
const BURST_BEFORE_KILL_MS = 2_000;
const MARKER_X = 737_373;
const TIMEOUT_MS = 30_000;

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const rooms = ctx.quick ? 1 : 2;
  const clientsPerRoom = ctx.quick ? 10 : 45;
  const rows: ResultRow[] = [];
  const notes = [
    `${NODES} nodes, ${rooms} room(s) × ${clientsPerRoom} stock clients, connection n on node n mod ${NODES}, ${MOVES_PER_S} moves/s each; node ${KILLED} killed after ${BURST_BEFORE_KILL_MS} ms of burst`,
  ];
  for (const server of scaledOutServers(ctx.servers)) {
    const spec = { server, backend: 'pg', nodes: NODES } as const;
    try {
      rows.push(await withDeployment(spec, (d) => failOver(d, rooms, clientsPerRoom)));
    } catch (error) {
      notes.push(
        `${deploymentKey(spec)}: failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    }
    ctx.log(`${deploymentKey(spec)} done`);
  }
  return { rows, notes };
}

interface Placed {
  client: BenchClient;
  room: RoomInfo;
  node: number;
}

async function failOver(
  deployment: Deployment,
  roomCount: number,
  clientsPerRoom: number,
): Promise<ResultRow> {
  const rooms = await provisionRooms(deployment.entry, roomCount, clientsPerRoom);
  const seed = seedUpdate(clientsPerRoom);
  const urls = deployment.urls;
  const placed: Placed[] = rooms.flatMap((room) =>
    room.clients.map((info) => {
      const node = (room.index * clientsPerRoom + info.index) % urls.length;
      // After a close: the other nodes, starting with the next one.
      const failoverUrls = urls.map((_, k) => urls[(node + 1 + k) % urls.length] as string).slice(0, -1);
      const client = connectClient({ name: deployment.name, url: urls[node] as string }, room.name, info, {
        kind: 'probe',
        doc: docFromSeed(seed),
        failoverUrls,
      });
      return { client, room, node };
    }),
  );
  const timers: NodeJS.Timeout[] = [];
  try {
    await mapLimit(placed, 30, ({ client }) => client.whenSynced(60_000));
    let seq = 0;
    for (const { client } of placed) {
      timers.push(
        setInterval(
          () => moveNote(client.doc, noteIdOf(client.index), { x: ++seq, y: client.index }, now()),
          1000 / MOVES_PER_S,
        ),
      );
    }
    await sleep(BURST_BEFORE_KILL_MS);

    const displaced = placed.filter((p) => p.node === KILLED);
    const syncsBefore = new Map(displaced.map((p) => [p.client, p.client.syncCount]));
    const killed = deployment.nodes[KILLED];
    if (!killed) throw new Error(`no node ${KILLED}`);
    const kill = killed.kill('SIGKILL');
    const t0 = now();
    for (const timer of timers) clearInterval(timer);
    for (const { client } of placed)
      moveNote(client.doc, noteIdOf(client.index), { x: MARKER_X, y: client.index }, t0);
    await kill;

    const backAt = new Map<BenchClient, number>();
    await waitFor(
      () => {
        for (const { client } of displaced) {
          if (!backAt.has(client) && client.synced && client.syncCount > (syncsBefore.get(client) ?? 0))
            backAt.set(client, now());
        }
        return backAt.size === displaced.length;
      },
      `the ${displaced.length} clients of the killed node to sync on another node`,
      TIMEOUT_MS,
    );
    const backTimes = [...backAt.values()].map((t) => t - t0).sort((a, b) => a - b);
    await waitFor(
      () => placed.every(({ client, room }) => markersIn(client, room) === room.clients.length),
      'every client to hold every marker',
      TIMEOUT_MS,
    );
    const convergedMs = now() - t0;

    let lost = 0;
    const survivor = urls[(KILLED + 1) % urls.length] as string;
    for (const room of rooms) {
      const reader = connectClient(
        { name: deployment.name, url: survivor },
        room.name,
        room.clients[0] as RoomInfo['clients'][number],
        {
          kind: 'probe',
          autoReconnect: false,
        },
      );
      try {
        await reader.whenSynced(60_000);
        lost += room.clients.length - markersIn(reader, room);
      } finally {
        reader.close();
      }
    }
    return {
      key: deploymentKey(deployment.spec),
      server: deployment.name,
      connections: placed.length,
      displaced: displaced.length,
      backMs: backTimes.at(-1) ?? null,
      backP50Ms: backTimes[Math.floor(backTimes.length / 2)] ?? null,
      convergedMs,
      lost,
    };
  } finally {
    for (const timer of timers) clearInterval(timer);
    for (const { client } of placed) client.close();
  }
}

/** How many of the room's clients' notes are at the marker in `client`'s document. */
function markersIn(client: BenchClient, room: RoomInfo): number {
  const notes = new Map(readNotes(client.doc).map((n) => [n.id, n]));
  return room.clients.filter((c) => notes.get(noteIdOf(c.index))?.x === MARKER_X).length;
}
