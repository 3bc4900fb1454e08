/**
 * Scenario 5, cold big board: a 5k- and a 20k-note board (+ 50 action sheets), written into
 * each server's own storage while it is stopped (bench/src/boards/board-storage.ts), then
 * loaded cold by 45 fresh clients joining at once, and, after another restart, one by one.
 *
 * Per join mode: time until the first and the 45th joiner had the whole board (a joiner counts
 * the board's bytes and applies nothing, see boards/board-joiner.ts), the sync reply's size,
 * server CPU per extra joiner (one by one, beyond the first, minus what the probe room costs)
 * against the cost of one full-state encode of the board measured here, and the server's
 * longest event-loop stall — while a probe room (10 stock clients, cursors at 20 Hz, run by
 * the load generator) measures presence latency on the same server. Targets: an extra joiner
 * costs at most one cached full-state encode; the 45th is synced within 1.5× the first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readNotes } from '@atelier/shared';
import { waitFor } from '@atelier/testing';
import * as Y from 'yjs';
import { type BoardJoiner, type JoinTiming, joinBoard } from '../boards/board-joiner';
import { storageEnv, writeBoardToStorage } from '../boards/board-storage';
import { generateBoard } from '../boards/generate-board';
import { now, sleep } from '../lib/clock';
import { openProbeWindow, PROBE_CLIENTS } from '../lib/probe-window';
import type { Column, ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { median } from '../lib/stats';
import { connectClient } from '../load';
import type { LoadReport } from '../load/generator';
import { type BenchServer, provisionRooms, type RoomInfo, type ServerName, startServer } from '../servers';

export const name = 'cold-board';
export const description =
  '5k and 20k-note boards loaded cold from storage: 45 joiners at once and one by one, while a probe room measures presence';
export const columns: Column[] = [
  { key: 'firstMs', label: '1st synced ms', digits: 0 },
  { key: 'lastMs', label: '45th synced ms', digits: 0 },
  { key: 'lastOverFirst', label: '45th/1st', digits: 2 },
  { key: 'extraMedianMs', label: 'median 2–45 ms', digits: 0 },
  { key: 'replyKB', label: 'sync step 2 KB', digits: 0 },
  { key: 'receivedKB', label: 'received KB', digits: 0 },
  { key: 'cpuMsPerJoiner', label: 'CPU ms/extra joiner', digits: 1 },
  { key: 'encodeMs', label: '1 encode ms', digits: 1 },
  { key: 'joinerOverEncode', label: 'joiner/encode', digits: 2 },
  { key: 'eldMaxMs', label: 'max stall ms', digits: 0 },
  { key: 'extraStallMs', label: 'stall after 1st ms', digits: 0 },
  { key: 'probeP99', label: 'probe p99 ms', digits: 1 },
  { key: 'probeMax', label: 'probe max ms', digits: 1 },
  { key: 'probeDelivered', label: 'probe delivered %', digits: 1 },
];
export const ratioMetrics = [
  'firstMs',
  'lastMs',
  'lastOverFirst',
  'cpuMsPerJoiner',
  'eldMaxMs',
  'probeP99',
  'probeMax',
];

const SIZES = { full: [5_000, 20_000], quick: [1_000] };
const JOINERS = 45;
const MODES = ['burst', 'sequential'] as const;
type Mode = (typeof MODES)[number];
/** Probe-room windows: long enough to cover the joins (a note says when they did not). */
const WINDOW_S: Record<Mode, { full: number; quick: number }> = {
  burst: { full: 20, quick: 6 },
  sequential: { full: 45, quick: 10 },
};
const JOIN_TIMEOUT_MS = 120_000;
/** CPU ticks are 10 ms: a longer baseline of the probe room's own CPU rate is a steadier one. */
const PROBE_BASELINE_MS = 2_000;
const KB = 1024;

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const rows: ResultRow[] = [];
  const notes: string[] = [];
  const raw: unknown[] = [];
  const sizes = ctx.quick ? SIZES.quick : SIZES.full;
  for (const notesCount of sizes) {
    ctx.log(`generating a ${notesCount}-note board`);
    const board = Y.encodeStateAsUpdate(generateBoard({ notes: notesCount }).doc);
    const encodeMs = fullEncodeMs(board);
    notes.push(
      `${label(notesCount)}: ${notesCount} notes + 50 action sheets = ${(board.byteLength / KB).toFixed(0)} KB; ` +
        `one full-state encode here: ${encodeMs.toFixed(1)} ms`,
    );
    for (const serverName of ctx.servers) {
      if (serverName === 'relay') {
        if (notesCount === sizes[0]) notes.push('relay: skipped (it stores no board to load)');
        continue;
      }
      const result = await runServer(ctx, serverName, notesCount, board, encodeMs);
      rows.push(...result.rows);
      notes.push(...result.notes);
      raw.push(...result.raw);
    }
  }
  notes.push(
    "synced = the board's bytes arrived (ywss sends its sync before its y-leveldb load ends, the board after it)",
    "CPU ms/extra joiner, minus the probe room's own CPU rate measured before the joins: one by one, joiners 2–45; " +
      'at once, (all 45 − the one-by-one first join) / 44',
  );
  return { rows, notes, raw };
}

async function runServer(
  ctx: ScenarioContext,
  serverName: ServerName,
  notesCount: number,
  board: Uint8Array,
  encodeMs: number,
): Promise<{ rows: ResultRow[]; notes: string[]; raw: unknown[] }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `bench-cold-${serverName}-`));
  const server = await startServer(serverName, { dataDir, env: storageEnv(serverName, dataDir) });
  const rows: ResultRow[] = [];
  const notes: string[] = [];
  const raw: unknown[] = [];
  try {
    // Rooms (and Atelier's workshop and tokens) exist first; the board goes in while it is down.
    const [boardRoom, probeRoom] = await provisionRooms(server, 2, JOINERS);
    if (!boardRoom || !probeRoom) throw new Error('no rooms');
    const probes: RoomInfo = { ...probeRoom, clients: probeRoom.clients.slice(0, PROBE_CLIENTS) };
    await server.kill('SIGTERM');
    await writeBoardToStorage(serverName, dataDir, boardRoom.name, board);

    let firstJoinCpuMs: number | null = null;
    for (const mode of MODES) {
      await server.restart();
      const windowS = ctx.quick ? WINDOW_S[mode].quick : WINDOW_S[mode].full;
      const measured = await joinsUnderProbe(ctx, server, boardRoom, probes, board.byteLength, mode, windowS);
      const { timings, report } = measured;
      const synced = timings.map((t) => t.syncedMs);
      const first = mode === 'burst' ? Math.min(...synced) : (synced[0] ?? 0);
      const last = mode === 'burst' ? Math.max(...synced) : (synced.at(-1) ?? 0);
      const key = `${serverName} ${label(notesCount)} ${mode}`;
      rows.push({
        key,
        server: serverName,
        firstMs: first,
        lastMs: last,
        lastOverFirst: first > 0 ? last / first : null,
        extraMedianMs: median(mode === 'burst' ? synced : synced.slice(1)),
        replyKB: (median(timings.map((t) => t.step2Bytes)) ?? 0) / KB,
        receivedKB: (median(timings.map((t) => t.bytesIn)) ?? 0) / KB,
        cpuMsPerJoiner: measured.cpuMsPerExtraJoiner,
        cpuMsAllJoins: measured.cpuMsAllJoins,
        encodeMs,
        joinerOverEncode:
          measured.cpuMsPerExtraJoiner === null ? null : measured.cpuMsPerExtraJoiner / encodeMs,
        eldMaxMs: measured.eldMaxMs,
        extraStallMs: measured.extraStallMs,
        probeP99: report.presence.each.p99,
        probeMax: report.presence.each.max,
        probeDelivered: report.presence.deliveredRatio === null ? null : report.presence.deliveredRatio * 100,
        generatorCpuPct: report.generatorCpuPct,
      });
      if (measured.joinsEndedAfterWindow) {
        notes.push(
          `${key}: the joins outlasted the probe room's ${windowS} s window; its latencies miss the end`,
        );
      }
      raw.push({ key, timings, probeRoom: report });
      if (measured.cpuMsFirstJoin !== null) firstJoinCpuMs = measured.cpuMsFirstJoin;
    }
    // At once, the extra joiners' cost is what the burst took beyond one cold join (the sequential run's first).
    const burst = rows.find((r) => r.key === `${serverName} ${label(notesCount)} burst`);
    if (burst && typeof burst.cpuMsAllJoins === 'number' && firstJoinCpuMs !== null) {
      burst.cpuMsPerJoiner = (burst.cpuMsAllJoins - firstJoinCpuMs) / (JOINERS - 1);
      burst.joinerOverEncode = burst.cpuMsPerJoiner / encodeMs;
    }
    if (!(await boardIsWhole(server, boardRoom, notesCount))) {
      notes.push(
        `${serverName} ${label(notesCount)}: a stock client did NOT find ${notesCount} notes on the board`,
      );
    }
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  return { rows, notes, raw };
}

interface Measured {
  timings: JoinTiming[];
  report: LoadReport;
  cpuMsPerExtraJoiner: number | null;
  cpuMsAllJoins: number;
  /** One by one: the first (cold) join alone. */
  cpuMsFirstJoin: number | null;
  eldMaxMs: number;
  /** One by one: the longest stall after the first (cold) join. */
  extraStallMs: number | null;
  joinsEndedAfterWindow: boolean;
}

/** The probe room under load on the freshly started server, and the joins inside its measured window. */
async function joinsUnderProbe(
  ctx: ScenarioContext,
  server: BenchServer,
  boardRoom: RoomInfo,
  probes: RoomInfo,
  boardBytes: number,
  mode: Mode,
  windowS: number,
): Promise<Measured> {
  const { load, opensAt: windowOpens } = await openProbeWindow(ctx, server, probes, windowS);
  await sleep(windowOpens - now() + 200);

  // The probe room's own CPU rate, to take out of the joiners' cost.
  const base0 = server.cpuSeconds();
  const b0 = now();
  await sleep(PROBE_BASELINE_MS);
  const probeCpuPerMs = (server.cpuSeconds() - base0) / (now() - b0);

  await server.stats(true);
  const joiners: BoardJoiner[] = [];
  const timings: JoinTiming[] = [];
  const cpu0 = server.cpuSeconds();
  const t0 = now();
  let cpuAfterFirst = cpu0;
  let firstStallMs: number | null = null;
  let tAfterFirst = t0;
  try {
    if (mode === 'burst') {
      for (const client of boardRoom.clients)
        joiners.push(joinBoard(server, boardRoom.name, client, { boardBytes }));
      timings.push(...(await Promise.all(joiners.map((j) => withDeadline(j.synced)))));
    } else {
      for (const client of boardRoom.clients) {
        const joiner = joinBoard(server, boardRoom.name, client, { boardBytes });
        joiners.push(joiner);
        timings.push(await withDeadline(joiner.synced));
        if (joiners.length === 1) {
          cpuAfterFirst = server.cpuSeconds();
          tAfterFirst = now();
          firstStallMs = (await server.stats(true)).eldMaxMs;
        }
      }
    }
  } finally {
    for (const joiner of joiners) joiner.close();
  }
  const cpu1 = server.cpuSeconds();
  const t1 = now();
  const stats = await server.stats();
  const report = await load;
  const extra = joiners.length - 1;
  const joinsCpuMs = (cpu1 - cpuAfterFirst) * 1000 - probeCpuPerMs * 1000 * (t1 - tAfterFirst);
  return {
    timings,
    report,
    cpuMsPerExtraJoiner: mode === 'sequential' && extra > 0 ? joinsCpuMs / extra : null,
    cpuMsAllJoins: (cpu1 - cpu0) * 1000 - probeCpuPerMs * 1000 * (t1 - t0),
    cpuMsFirstJoin:
      mode === 'sequential'
        ? (cpuAfterFirst - cpu0) * 1000 - probeCpuPerMs * 1000 * (tAfterFirst - t0)
        : null,
    eldMaxMs: Math.max(stats.eldMaxMs, firstStallMs ?? 0),
    extraStallMs: firstStallMs === null ? null : stats.eldMaxMs,
    joinsEndedAfterWindow: t1 > windowOpens + windowS * 1000,
  };
}

function withDeadline(synced: Promise<JoinTiming>): Promise<JoinTiming> {
  return Promise.race([
    synced,
    sleep(JOIN_TIMEOUT_MS).then(() => Promise.reject(new Error('a joiner did not get the board in time'))),
  ]);
}

/** One stock client, after the measurements, checks the board it gets is the whole board. */
async function boardIsWhole(server: BenchServer, room: RoomInfo, notesCount: number): Promise<boolean> {
  const [who] = room.clients;
  if (!who) return false;
  const client = connectClient(server, room.name, who, { kind: 'probe', autoReconnect: false });
  try {
    await client.whenSynced(JOIN_TIMEOUT_MS);
    await waitFor(() => readNotes(client.doc).length >= notesCount, 'the whole board', JOIN_TIMEOUT_MS).catch(
      () => {},
    );
    return readNotes(client.doc).length === notesCount;
  } finally {
    client.close();
  }
}

/** Median of 3 full-state encodes of the board after a cold apply: what one uncached sync step 2 costs. */
function fullEncodeMs(board: Uint8Array): number {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, board);
  const times = [0, 1, 2].map(() => {
    const t = now();
    Y.encodeStateAsUpdate(doc);
    return now() - t;
  });
  doc.destroy();
  return median(times) ?? 0;
}

function label(notesCount: number): string {
  return notesCount >= 1000 ? `${notesCount / 1000}k` : String(notesCount);
}
