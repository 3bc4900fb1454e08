/**
 * Scenario 7, persistence: 10 rooms × 45 clients moving notes at 2 updates/s each for 5 min
 * (`--duration`, `--quick` = 20 s), then `kill -9` of the server in the middle of that load
 * and a restart on the same data dir.
 *
 * Lost = updates some client had seen acknowledged that the restarted server no longer has.
 * "Acknowledged" is observed, not assumed: in each room one stock client moves nothing and
 * decodes everything; what it has seen, the server had broadcast. Its state vector is read
 * in the same tick as the kill, and a move is 2 Yjs items by its author (pos and z), so per
 * author `(clock seen − clock restored) / 2` is the number of acknowledged moves lost. After
 * the restart a fresh stock client per room reads what the server restored (waiting until it
 * stops growing: ywss answers the sync before its y-leveldb load ends). Disk bytes are
 * /proc/<pid>/io write_bytes over the load, per byte of update messages the clients sent.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { moveNote } from '@atelier/shared';
import { waitFor } from '@atelier/testing';
import * as Y from 'yjs';
import { storageEnv } from '../boards/board-storage';
import { now, sleep, stampOf } from '../lib/clock';
import { mapLimit } from '../lib/concurrency';
import type { Column, ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { type BenchClient, connectClient } from '../load';
import { docFromSeed, noteIdOf, seedUpdate } from '../load/seed';
import { provisionRooms, type RoomInfo, type ServerName, startServer } from '../servers';

export const name = 'persistence';
export const description =
  '10 rooms × 45 clients, 2 note moves/s each, then kill -9 and restart: acknowledged updates lost, disk bytes per update byte';
export const columns: Column[] = [
  { key: 'durationS', label: 'load s', digits: 0 },
  { key: 'acked', label: 'acked moves', digits: 0 },
  { key: 'lost', label: 'lost', digits: 0 },
  { key: 'lostPct', label: 'lost %', digits: 2 },
  { key: 'lostWindowMs', label: 'lost ≈ last ms', digits: 0 },
  { key: 'inFlight', label: 'sent, not acked', digits: 0 },
  { key: 'diskPerUpdateByte', label: 'disk B/update B', digits: 1 },
  { key: 'diskMBps', label: 'disk MB/s', digits: 2 },
  { key: 'serverCpuPct', label: 'server CPU %', digits: 1 },
  { key: 'restartMs', label: 'restart ms', digits: 0 },
  { key: 'recoverMs', label: 'rooms back ms', digits: 0 },
  { key: 'generatorCpuPct', label: 'generator CPU %', digits: 0 },
];
export const ratioMetrics = ['lost', 'diskPerUpdateByte', 'serverCpuPct', 'restartMs', 'recoverMs'];

const ROOMS = 10;
const CLIENTS = 45;
const MOVES_PER_S = 2;
const DURATION_S = { full: 300, quick: 20 };
const WARMUP_MS = 2_000;
/** A Yjs item count per move (the note's pos and z values). */
const ITEMS_PER_MOVE = 2;
/** A restored room is read once its state has not grown for this long. */
const STABLE_MS = 1_000;
const GENERATOR_CPU_LIMIT = 70;

interface Room {
  info: RoomInfo;
  observer: BenchClient;
  movers: BenchClient[];
}

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const durationS = ctx.durationS ?? (ctx.quick ? DURATION_S.quick : DURATION_S.full);
  const rows: ResultRow[] = [];
  const notes: string[] = [];
  for (const serverName of ctx.servers) {
    if (serverName === 'relay') {
      notes.push('relay: skipped (it stores nothing)');
      continue;
    }
    const row = await runOne(ctx, serverName, durationS);
    if (typeof row.generatorCpuPct === 'number' && row.generatorCpuPct > GENERATOR_CPU_LIMIT) {
      notes.push(
        `${serverName}: the generator used ${row.generatorCpuPct.toFixed(0)}% of a core: latencies are its own`,
      );
    }
    rows.push(row);
  }
  notes.push(
    `${ROOMS} rooms × ${CLIENTS} clients: ${CLIENTS - 1} move their own note ${MOVES_PER_S}×/s, 1 stock client observes`,
    'lost ≈ last ms: the lost moves as a span of the load before the kill (lost / acked rate)',
  );
  return { rows, notes };
}

async function runOne(ctx: ScenarioContext, serverName: ServerName, durationS: number): Promise<ResultRow> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `bench-persistence-${serverName}-`));
  const server = await startServer(serverName, { dataDir, env: storageEnv(serverName, dataDir) });
  const rooms: Room[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    const seed = seedUpdate(CLIENTS);
    for (const info of await provisionRooms(server, ROOMS, CLIENTS)) {
      const [observerInfo, ...moverInfos] = info.clients;
      if (!observerInfo) throw new Error('empty room');
      const observer = connectClient(server, info.name, observerInfo, {
        kind: 'probe',
        doc: docFromSeed(seed),
        autoReconnect: false,
      });
      const movers = moverInfos.map((c) =>
        connectClient(server, info.name, c, { kind: 'light', doc: docFromSeed(seed) }),
      );
      rooms.push({ info, observer, movers });
    }
    const everyone = rooms.flatMap((r) => [r.observer, ...r.movers]);
    await mapLimit(everyone, 50, (client) => client.whenSynced(60_000));
    ctx.log(`${serverName}: ${everyone.length} clients synced`);
    await sleep(WARMUP_MS);

    const movers = rooms.flatMap((r) => r.movers);
    const sentBytes = () => movers.reduce((sum, c) => sum + c.traffic.bytesOut, 0);
    const bytes0 = sentBytes();
    const disk0 = server.diskWriteBytes();
    const cpu0 = server.cpuSeconds();
    const ownCpu0 = process.cpuUsage();
    const t0 = now();
    let sent = 0;
    for (const mover of movers) {
      const move = () => {
        const t = now();
        if (moveNote(mover.doc, noteIdOf(mover.index), { x: stampOf(t), y: mover.index }, t)) sent++;
      };
      // Spread over the period so the server sees a steady rate, not bursts.
      const phase = Math.random() * (1000 / MOVES_PER_S);
      timers.push(
        setTimeout(() => {
          move();
          timers.push(setInterval(move, 1000 / MOVES_PER_S));
        }, phase),
      );
    }
    await sleep(durationS * 1000);

    // Read what was acknowledged, then crash the server in the same tick, under load.
    const acked = rooms.map((r) => Y.decodeStateVector(Y.encodeStateVector(r.observer.doc)));
    const loadMs = now() - t0;
    const disk = server.diskWriteBytes() - disk0;
    const updateBytes = sentBytes() - bytes0;
    const serverCpu = server.cpuSeconds() - cpu0;
    const ownCpu = process.cpuUsage(ownCpu0);
    const sentMoves = sent;
    await server.kill('SIGKILL');
    for (const timer of timers) clearTimeout(timer);
    for (const client of everyone) client.close();
    ctx.log(`${serverName}: killed after ${(loadMs / 1000).toFixed(0)} s and ${sentMoves} moves`);

    const t1 = now();
    await server.restart();
    const restartMs = now() - t1;
    const restored = await Promise.all(rooms.map((r) => readRestored(server, r.info)));
    const recoverMs = now() - t1;

    let ackedMoves = 0;
    let lost = 0;
    rooms.forEach((room, i) => {
      for (const mover of room.movers) {
        const seen = acked[i]?.get(mover.clientId) ?? 0;
        const kept = restored[i]?.get(mover.clientId) ?? 0;
        ackedMoves += seen / ITEMS_PER_MOVE;
        lost += Math.max(0, seen - kept) / ITEMS_PER_MOVE;
      }
    });
    const ackRate = ackedMoves / (loadMs / 1000);
    return {
      key: serverName,
      server: serverName,
      durationS: loadMs / 1000,
      sent: sentMoves,
      acked: ackedMoves,
      lost,
      lostPct: ackedMoves > 0 ? (100 * lost) / ackedMoves : 0,
      lostWindowMs: ackRate > 0 ? (1000 * lost) / ackRate : 0,
      inFlight: sentMoves - ackedMoves,
      diskPerUpdateByte: updateBytes > 0 ? disk / updateBytes : null,
      diskMBps: disk / (1024 * 1024) / (loadMs / 1000),
      serverCpuPct: (100 * serverCpu) / (loadMs / 1000),
      restartMs,
      recoverMs,
      generatorCpuPct: (100 * (ownCpu.user + ownCpu.system)) / 1e3 / loadMs,
    };
  } finally {
    for (const timer of timers) clearTimeout(timer);
    for (const room of rooms) for (const client of [room.observer, ...room.movers]) client.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** A fresh stock client's view of a room after the restart, once it stops growing. */
async function readRestored(
  server: Parameters<typeof connectClient>[0],
  info: RoomInfo,
): Promise<Map<number, number>> {
  const [who] = info.clients;
  if (!who) throw new Error('empty room');
  const reader = connectClient(server, info.name, who, { kind: 'probe', autoReconnect: false });
  try {
    await reader.whenSynced(60_000);
    let last = '';
    let since = now();
    await waitFor(
      () => {
        const vector = Buffer.from(Y.encodeStateVector(reader.doc)).toString('base64');
        if (vector !== last) {
          last = vector;
          since = now();
        }
        return now() - since >= STABLE_MS;
      },
      `${info.name} to be restored`,
      60_000,
    );
    return Y.decodeStateVector(Y.encodeStateVector(reader.doc));
  } finally {
    reader.close();
  }
}
