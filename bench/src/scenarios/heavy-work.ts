/**
 * Heavy work next to a live room (issue 19 §3): a probe room (10 stock clients, cursors at
 * 20 Hz, run by the load generator) measures presence latency on a server that meanwhile
 * (a) does nothing else, (b) writes a 2,000-note workshop's Word report again and again, back
 * to back, for the whole window, (c) cold-loads a 20,000-note board again and again (a fresh
 * joiner, then the room unloads after a 100 ms grace, and the next joiner loads it again).
 * Target: the probe room's presence p99 ≤ 50 ms while either runs. Atelier only; for "before
 * and after", run `--servers atelier,baseline` with BENCH_BASELINE_COMMIT set to the commit before.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildStrategy, Strategy } from '@atelier/shared';
import * as Y from 'yjs';
import { joinBoard } from '../boards/board-joiner';
import { writeBoardToStorage } from '../boards/board-storage';
import { generateBoard } from '../boards/generate-board';
import { now, sleep } from '../lib/clock';
import { openProbeWindow, PROBE_CLIENTS } from '../lib/probe-window';
import type { Column, ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { median } from '../lib/stats';
import { type BenchServer, provisionRooms, type RoomInfo, type ServerName, startServer } from '../servers';
import { workshopSource } from './exports';

export const name = 'heavy-work';
export const description =
  "a probe room's presence while the same server writes a 2,000-note Word report back to back, or cold-loads a 20,000-note board again and again (target p99 ≤ 50 ms); atelier and baseline only";
export const columns: Column[] = [
  { key: 'jobs', label: 'jobs', digits: 0 },
  { key: 'jobMs', label: 'median job ms', digits: 0 },
  { key: 'probeP50', label: 'probe p50 ms', digits: 1 },
  { key: 'probeP99', label: 'probe p99 ms', digits: 1 },
  { key: 'probeMax', label: 'probe max ms', digits: 1 },
  { key: 'probeDelivered', label: 'probe delivered %', digits: 1 },
  { key: 'eldMaxMs', label: 'max stall ms', digits: 0 },
];
export const ratioMetrics = ['probeP99', 'probeMax', 'eldMaxMs'];

const WINDOW_S = { full: 20, quick: 6 };
const SIZES = { full: { notes: 2_000, board: 20_000 }, quick: { notes: 320, board: 2_000 } };
/** After a joiner leaves, the room unloads once this grace is over: the next joiner loads it cold. */
const GRACE_MS = 100;
const AFTER_LEAVE_MS = 600;
const JOIN_TIMEOUT_MS = 60_000;
const SERVERS_HERE: readonly ServerName[] = ['atelier', 'baseline'];

type Work = (server: BenchServer, until: number) => Promise<number[]>;

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const rows: ResultRow[] = [];
  const notes: string[] = [];
  const size = ctx.quick ? SIZES.quick : SIZES.full;
  const windowS = ctx.durationS ?? (ctx.quick ? WINDOW_S.quick : WINDOW_S.full);
  ctx.log(`heavy-work: a ${size.notes}-note workshop and a ${size.board}-note board`);
  const strategy = Strategy.parse(buildStrategy(workshopSource(size.notes, 60)));
  const board = Y.encodeStateAsUpdate(generateBoard({ notes: size.board }).doc);
  notes.push(`board: ${size.board} notes + 50 action sheets = ${(board.byteLength / 1024).toFixed(0)} KB`);
  for (const serverName of ctx.servers) {
    if (!SERVERS_HERE.includes(serverName)) {
      notes.push(`${serverName}: skipped (Atelier's exports and storage only)`);
      continue;
    }
    // Exports: the workshop's rooms stay loaded (default grace), as during a live session.
    await withServer(serverName, {}, async (server) => {
      const [probes] = await provisionRooms(server, 1, PROBE_CLIENTS);
      if (!probes) throw new Error('no probe room');
      rows.push(await measured(ctx, server, probes, windowS, 'idle', async () => []));
      const workshop = await importWorkshop(server, strategy);
      const exportOnce = async () => {
        const t0 = now();
        const answer = await fetch(`${server.httpUrl}/api/workshops/${workshop.id}/export?format=docx`, {
          headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
        });
        if (answer.status !== 200) throw new Error(`export answered ${answer.status}`);
        await answer.arrayBuffer();
        return now() - t0;
      };
      await exportOnce(); // loads the rooms and the writers
      const exportsUntil: Work = async (_server, until) => {
        const times: number[] = [];
        while (now() < until) times.push(await exportOnce());
        return times;
      };
      rows.push(
        await measured(ctx, server, probes, windowS, `${size.notes}-note docx exports`, exportsUntil),
      );
    });
    // Cold loads: the board is written into storage while the server is down.
    await withServer(serverName, { ROOM_GRACE_MS: String(GRACE_MS) }, async (server) => {
      const [probes, boardRoom] = await provisionRooms(server, 2, PROBE_CLIENTS);
      if (!probes || !boardRoom) throw new Error('no rooms');
      await server.kill('SIGTERM');
      // The baseline is Atelier at another commit: the same storage layout.
      await writeBoardToStorage('atelier', server.dataDir, boardRoom.name, board);
      await server.restart();
      const loadsUntil: Work = async (_server, until) => {
        const times: number[] = [];
        while (now() < until) {
          // Each join with the next participant's token (one token's sockets are capped).
          const joiner = boardRoom.clients[times.length % boardRoom.clients.length];
          if (!joiner) throw new Error('no joiner');
          const join = joinBoard(server, boardRoom.name, joiner, { boardBytes: board.byteLength });
          try {
            const deadline = sleep(JOIN_TIMEOUT_MS).then(() => {
              throw new Error(
                `${server.name}: a cold join did not get the board within ${JOIN_TIMEOUT_MS} ms`,
              );
            });
            times.push((await Promise.race([join.synced, deadline])).syncedMs);
          } finally {
            join.close();
          }
          await sleep(AFTER_LEAVE_MS);
        }
        return times;
      };
      rows.push(await measured(ctx, server, probes, windowS, `${size.board}-note cold loads`, loadsUntil));
    });
  }
  notes.push(
    `jobs: exports written (GET …/export?format=docx, one after the other) or cold joins of the board (each after the room unloaded: ${GRACE_MS} ms grace, next join ${AFTER_LEAVE_MS} ms after the last left) inside the probe room's ${windowS} s window; median job ms from the request to the last byte`,
  );
  return { rows, notes };
}

async function withServer(
  serverName: ServerName,
  env: Record<string, string>,
  body: (server: BenchServer) => Promise<void>,
): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `bench-heavy-${serverName}-`));
  // Back-to-back exports from one facilitator: past the default per-facilitator limit.
  const server = await startServer(serverName, { dataDir, env: { HTTP_LIMIT_EXPORTS: 'off', ...env } });
  try {
    await body(server);
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function importWorkshop(server: BenchServer, strategy: Strategy) {
  const answer = await fetch(`${server.httpUrl}/api/workshops/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ strategy }),
  });
  if (answer.status !== 201) throw new Error(`import answered ${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as { id: string; facilitatorToken: string };
}

/** The probe room under load for `windowS`, with `work` running from the window's opening to its end. */
async function measured(
  ctx: ScenarioContext,
  server: BenchServer,
  probes: RoomInfo,
  windowS: number,
  what: string,
  work: Work,
): Promise<ResultRow> {
  ctx.log(`heavy-work: ${server.name}, ${what}`);
  const { load, opensAt: windowOpens } = await openProbeWindow(ctx, server, probes, windowS);
  await sleep(windowOpens - now());
  await server.stats(true);
  const times = await work(server, windowOpens + windowS * 1000);
  const stats = await server.stats();
  const report = await load;
  return {
    key: `${server.name} ${what}`,
    server: server.name,
    jobs: times.length,
    jobMs: median(times),
    probeP50: report.presence.each.p50,
    probeP99: report.presence.each.p99,
    probeMax: report.presence.each.max,
    probeDelivered: report.presence.deliveredRatio === null ? null : report.presence.deliveredRatio * 100,
    eldMaxMs: stats.eldMaxMs,
  };
}
