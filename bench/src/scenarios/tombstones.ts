/**
 * Scenario 8, tombstones: 500k note moves replayed on one board, through the server.
 *
 * Why through the server rather than written into its store as a log: what is measured is
 * what a long workshop leaves behind on each server — Atelier's append-then-compact path,
 * y-leveldb's ever-growing log, Hocuspocus's debounced full-state stores — and a log written
 * by the harness would be one no server ever produces (Atelier compacts every 64 KB of log).
 * The moves are recorded once (one update per move, by 45 authors, @atelier/shared's
 * moveNote) and the same bytes are sent to every server by one light client, in windows
 * acknowledged by a stock client observing the room. Measured after the replay: the state's
 * fresh encode, what the server stores (on disk, and for Atelier snapshot + log vs the fresh
 * encode: target ≤ 2×), its heap, then a cold load after a restart and the sync step 2 a
 * reconnecting client gets with and without the state. The relay stores nothing: skipped.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor, withTimeout } from '@atelier/testing';
import * as Y from 'yjs';
import { type BoardJoiner, joinBoard } from '../boards/board-joiner';
import { atelierStoredDoc, dirBytes, storageEnv } from '../boards/board-storage';
import { generateBoard } from '../boards/generate-board';
import { type RecordedMoves, recordNoteMoves } from '../boards/note-moves';
import { now, sleep } from '../lib/clock';
import type { Column, ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { type BenchClient, connectClient } from '../load';
import { provisionRooms, type ServerName, startServer } from '../servers';

export const name = 'tombstones';
export const description =
  '500k note moves replayed on one board through the server: state, storage, heap, cold load, reconnect reply';
export const columns: Column[] = [
  { key: 'moves', label: 'moves', digits: 0 },
  { key: 'replayS', label: 'replay s', digits: 1 },
  { key: 'generatorCpuPct', label: 'generator CPU %', digits: 0 },
  { key: 'cpuUsPerMove', label: 'CPU µs/move', digits: 1 },
  { key: 'diskPerUpdateByte', label: 'disk B/update B', digits: 1 },
  { key: 'stateKB', label: 'state KB', digits: 0 },
  { key: 'storedKB', label: 'stored KB', digits: 0 },
  { key: 'storedRatio', label: 'stored/state', digits: 2 },
  { key: 'storedStopKB', label: 'stored after stop KB', digits: 0 },
  { key: 'storedStopRatio', label: 'after stop/state', digits: 2 },
  { key: 'docStoredRatio', label: 'snapshot+log/state', digits: 2 },
  { key: 'docStoredStopRatio', label: 'after stop', digits: 2 },
  { key: 'heapMB', label: 'heap MB', digits: 0 },
  { key: 'rssMB', label: 'RSS MB', digits: 0 },
  { key: 'coldLoadMs', label: 'cold load ms', digits: 0 },
  { key: 'coldCpuS', label: 'cold load CPU s', digits: 2 },
  { key: 'coldHeapMB', label: 'heap after load MB', digits: 0 },
  { key: 'replyFreshKB', label: 'reply fresh KB', digits: 1 },
  { key: 'replyHasStateKB', label: 'reply has-state KB', digits: 2 },
];
export const ratioMetrics = [
  'cpuUsPerMove',
  'diskPerUpdateByte',
  'storedKB',
  'heapMB',
  'coldLoadMs',
  'coldCpuS',
  'replyFreshKB',
  'replyHasStateKB',
];

const SIZES = { full: { notes: 1_000, moves: 500_000 }, quick: { notes: 200, moves: 20_000 } };
/** Moves in flight before the sender waits for the observer: keeps the server busy, never flooded. */
const WINDOW = 2_000;
/** Longer than Hocuspocus's 2 s store debounce, so every server has written what it will write. */
const SETTLE_MS = 3_000;
const COLD_TIMEOUT_MS = 300_000;
const REPLY_SETTLE_MS = 500;
const KB = 1024;
const MB = 1024 * 1024;

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const size = ctx.quick ? SIZES.quick : SIZES.full;
  const notes: string[] = [];
  if (ctx.durationS !== undefined) notes.push('--duration does not apply: the size is the number of moves');

  ctx.log(`recording ${size.moves} moves on a ${size.notes}-note board`);
  const baseChunks: Uint8Array[] = [];
  const board = generateBoard({ notes: size.notes, onChunk: (u) => baseChunks.push(u) });
  const baseBytes = Y.encodeStateAsUpdate(board.doc).byteLength;
  const moves = recordNoteMoves(board, size.moves);
  const finalState = Y.encodeStateAsUpdate(moves.doc);
  const finalVector = Y.encodeStateVector(moves.doc);
  board.doc.destroy();
  ctx.log(
    `moves recorded: ${(moves.bytes / MB).toFixed(1)} MB of updates, state ${(finalState.byteLength / MB).toFixed(1)} MB`,
  );

  const rows: ResultRow[] = [];
  for (const serverName of ctx.servers) {
    if (serverName === 'relay') {
      notes.push('relay: skipped (it keeps no document, so it has no tombstones)');
      continue;
    }
    try {
      rows.push(await runOne(ctx, serverName, baseChunks, moves, finalVector));
    } catch (error) {
      // A peer that cannot load its own history in time is a result, not the end of the run.
      const message = error instanceof Error ? error.message : String(error);
      ctx.log(`${serverName}: ${message}`);
      notes.push(`${serverName}: no row — ${message}`);
    }
  }
  moves.doc.destroy();
  notes.push(
    `board: ${size.notes} notes + 50 action sheets (${(baseBytes / KB).toFixed(0)} KB); ` +
      `${size.moves} moves = ${(moves.bytes / MB).toFixed(1)} MB of updates; the fresh encode after them is ` +
      `${(finalState.byteLength / KB).toFixed(0)} KB (same on every server)`,
    'stored = every file in the data dir once writes settled (live) and after a graceful stop; ' +
      "snapshot+log/state: Atelier's rows for the board, live and after the stop (target ≤ 2)",
    'heap: heapUsed without a forced GC; replies: bytes received by a fresh client until it had the whole state ' +
      '(this is also the cold load), and by a client holding the state until its sync step 2',
    "replay s is bounded by the generator when its CPU is near 100%; CPU µs/move is the server's own",
  );
  return { rows, notes, raw: { baseBytes, updateBytes: moves.bytes, stateBytes: finalState.byteLength } };
}

async function runOne(
  ctx: ScenarioContext,
  serverName: ServerName,
  baseChunks: readonly Uint8Array[],
  moves: RecordedMoves,
  finalVector: Uint8Array,
): Promise<ResultRow> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `bench-tombstones-${serverName}-`));
  const server = await startServer(serverName, { dataDir, env: storageEnv(serverName, dataDir) });
  const clients: BenchClient[] = [];
  const sockets: BoardJoiner[] = [];
  try {
    const [room] = await provisionRooms(server, 1, 4);
    const [writerInfo, observerInfo, freshInfo, stateInfo] = room?.clients ?? [];
    if (!room || !writerInfo || !observerInfo || !freshInfo || !stateInfo) throw new Error('no room');
    // The writer sends the recorded bytes as they are (no Yjs work here); the observer is a stock client.
    const writer = joinBoard(server, room.name, writerInfo);
    sockets.push(writer);
    const observer = connectClient(server, room.name, observerInfo, { kind: 'probe' });
    clients.push(observer);
    await Promise.all([withTimeout(writer.synced, 'writer sync'), observer.whenSynced()]);

    // The board first (chunks far below any message size limit), then the moves.
    for (const chunk of baseChunks) writer.sendUpdate(chunk);
    const cpu0 = server.cpuSeconds();
    const disk0 = server.diskWriteBytes();
    const ownCpu0 = process.cpuUsage();
    const t0 = now();
    for (let start = 0; start < moves.updates.length; start += WINDOW) {
      const end = Math.min(start + WINDOW, moves.updates.length);
      for (let i = start; i < end; i++) writer.sendUpdate(moves.updates[i] as Uint8Array);
      // Wait for the window before this one: one window is always in flight.
      if (start > 0) await observed(observer, moves, start - 1, `${serverName}: moves up to ${start}`);
      if (start % 100_000 === 0 && start > 0) ctx.log(`${serverName}: ${start} moves`);
    }
    await observed(observer, moves, moves.updates.length - 1, `${serverName}: all moves`);
    const replayMs = now() - t0;
    const cpuUsPerMove = ((server.cpuSeconds() - cpu0) * 1e6) / moves.updates.length;
    const ownCpu = process.cpuUsage(ownCpu0);
    const generatorCpuPct = (100 * (ownCpu.user + ownCpu.system)) / 1e3 / replayMs;
    await sleep(SETTLE_MS);
    const diskPerUpdateByte = (server.diskWriteBytes() - disk0) / moves.bytes;
    const converged = covers(Y.encodeStateVector(observer.doc), finalVector);
    const stateBytes = Y.encodeStateAsUpdate(observer.doc).byteLength;
    const live = await server.stats();
    const storedBytes = await dirBytes(dataDir);
    const doc = serverName === 'atelier' ? atelierStoredDoc(dataDir, room.name) : null;
    ctx.log(`${serverName}: replayed in ${(replayMs / 1000).toFixed(1)} s, converged: ${converged}`);
    for (const client of clients.splice(0)) client.close();
    for (const socket of sockets.splice(0)) socket.close();

    // Graceful stop (Atelier compacts on shutdown), then a cold load: the time until a fresh
    // client has received the whole state (ywss sends it after its sync, once y-leveldb loaded).
    await server.kill('SIGTERM');
    const storedStopBytes = await dirBytes(dataDir);
    const docAfterStop = serverName === 'atelier' ? atelierStoredDoc(dataDir, room.name) : null;
    await server.restart();
    const coldCpu0 = server.cpuSeconds();
    const loader = joinBoard(server, room.name, freshInfo, { boardBytes: stateBytes });
    sockets.push(loader);
    const cold = await withTimeout(loader.synced, `${serverName}: cold load`, COLD_TIMEOUT_MS);
    const coldCpuS = server.cpuSeconds() - coldCpu0;
    const coldStats = await server.stats();
    const returning = joinBoard(server, room.name, stateInfo, { stateVector: finalVector });
    sockets.push(returning);
    const back = await withTimeout(returning.synced, `${serverName}: returning client`, COLD_TIMEOUT_MS);
    // Whatever still arrives right after the sync belongs to the replies too (ywss sends its board late).
    await sleep(REPLY_SETTLE_MS);

    return {
      key: serverName,
      server: serverName,
      moves: moves.updates.length,
      replayS: replayMs / 1000,
      generatorCpuPct,
      cpuUsPerMove,
      diskPerUpdateByte,
      converged,
      stateKB: stateBytes / KB,
      storedKB: storedBytes / KB,
      storedRatio: storedBytes / stateBytes,
      storedStopKB: storedStopBytes / KB,
      snapshotKB: doc ? doc.snapshotBytes / KB : null,
      logKB: doc ? doc.logBytes / KB : null,
      logRows: doc?.logRows ?? null,
      docStoredRatio: doc ? (doc.snapshotBytes + doc.logBytes) / stateBytes : null,
      docStoredStopRatio: docAfterStop
        ? (docAfterStop.snapshotBytes + docAfterStop.logBytes) / stateBytes
        : null,
      storedStopRatio: storedStopBytes / stateBytes,
      heapMB: live.heapUsed / MB,
      rssMB: live.rss / MB,
      coldLoadMs: cold.syncedMs,
      coldCpuS,
      coldHeapMB: coldStats.heapUsed / MB,
      replyFreshKB: cold.bytesIn / KB,
      replyHasStateKB: back.bytesIn / KB,
    };
  } finally {
    for (const client of clients) client.close();
    for (const socket of sockets) socket.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Resolves once the observer holds move `index` (and, the socket being ordered, all before it). */
function observed(observer: BenchClient, moves: RecordedMoves, index: number, what: string): Promise<void> {
  const client = moves.clients[index] ?? 0;
  const clock = moves.clocks[index] ?? 0;
  return waitFor(() => Y.getState(observer.doc.store, client) >= clock, what, 120_000);
}

/** Whether state vector `a` holds everything `b` does (the server may hold more: its own seed). */
function covers(a: Uint8Array, b: Uint8Array): boolean {
  const have = Y.decodeStateVector(a);
  for (const [client, clock] of Y.decodeStateVector(b)) if ((have.get(client) ?? 0) < clock) return false;
  return true;
}
