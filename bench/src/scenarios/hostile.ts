/**
 * Issue 17's fuzz at scale: 1,000,000 malformed frames (the robustness tests' kinds, cycled,
 * plus oversized ones) over fresh connections from 10 loopback addresses, and the socket
 * limits' edges (message, byte and upgrade rates just under and over; churn at the per-address
 * socket cap), against Atelier with its default limits, while an honest room of 45 works as
 * in workshop-burst (cursors 20 Hz + 5 note moves/s each). Atelier only: the peers have no
 * authentication or limits to attack.
 *
 * Two phases on one server: the honest room alone, then the same room under the attack, so
 * the attack's effect is a ratio on the same machine at the same time. The attackers run in
 * their own processes (hostile/attacker.ts), niced, so the honest room's clients — the
 * measuring instrument, in the harness's worker thread — are not starved by the flood's loops.
 * Prints both phases' latencies, whether the server survived, its RSS before / during / after.
 */

import { startAttacker } from '../hostile/attacker';
import { now, sleep } from '../lib/clock';
import type { ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { runLoad } from '../load/generator';
import type { LoadSpec } from '../load/load-spec';
import { DOC_COLUMNS, loadNotes, loadRow, PRESENCE_COLUMNS } from '../load/report-row';
import { deployedRuntimeEnv } from '../servers/deployed-env';
import { type BenchServer, startServer } from '../servers/launcher';
import { provisionRooms } from '../servers/provision';
import type { ServerStats } from '../servers/stats';

export const name = 'hostile';
export const description =
  '1,000,000 malformed frames + socket-limit edges from 10+ loopback addresses while a room of 45 works, and the same room alone (targets: honest p99 < 100 ms, no crash, RSS back within 20 MB)';
export const columns = [
  ...PRESENCE_COLUMNS,
  ...DOC_COLUMNS,
  { key: 'cpuPct', label: 'srv CPU %', digits: 0 },
  { key: 'genCpuPct', label: 'gen CPU %', digits: 0 },
  { key: 'frames', label: 'bad frames', digits: 0 },
  { key: 'attackS', label: 'attack s', digits: 0 },
  { key: 'attackCpuPct', label: 'attacker CPU %', digits: 0 },
  { key: 'survived', label: 'survived' },
  { key: 'rssBeforeMB', label: 'RSS before MB', digits: 0 },
  { key: 'rssDuringMB', label: 'RSS max MB', digits: 0 },
  { key: 'rssAfterMB', label: 'RSS after MB', digits: 0 },
];

const HONEST = 45;
/** Attackers' participants in the honest workshop: one per concurrent flood connection. */
const FLOODERS = 80;
const FLOOD_ADDRESSES = Array.from({ length: 10 }, (_, i) => `127.0.1.${i + 1}`);
/** After the attack, the lowest RSS over this long (the honest room still working) is "after". */
const AFTER_MS = 20_000;

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const quick = ctx.quick;
  const totalFrames = quick ? 20_000 : 1_000_000;
  const durationS = ctx.durationS ?? (quick ? 30 : 150);
  const aloneS = quick ? 10 : 40;
  // With the allocator deploy/atelier.service sets (jemalloc): memory is measured as deployed.
  const server = await startServer('atelier', { env: deployedRuntimeEnv() });
  try {
    // Room 0: the honest room alone (phase 1); room 1: the honest 45 and the flooders
    // (participants of the same workshop, as a malicious participant would be); room 2: the
    // tokens held at the per-address cap, in a quiet workshop. Each phase has its own fresh
    // board, as workshop-burst starts from one.
    const [first, room, quiet] = await provisionRooms(server, 3, HONEST + FLOODERS);
    if (!first || !room || !quiet) throw new Error('provisioning failed');
    const honestAlone = { ...first, clients: first.clients.slice(0, HONEST) };
    const honest = { ...room, clients: room.clients.slice(0, HONEST) };
    const flooders = room.clients.slice(HONEST).map((c) => c.token ?? '');
    const roomUrl = `${server.url}/${room.name}`;
    const quietUrl = `${server.url}/${quiet.name}`;
    const spec: LoadSpec = {
      cursorHz: 20,
      movesPerSec: 5,
      probesPerRoom: 5,
      warmupS: 5,
      durationS,
      drainS: 1,
    };

    ctx.log(`phase 1: the honest room alone, ${aloneS} s`);
    const alone = await runLoad(server, [honestAlone], { ...spec, durationS: aloneS }, ctx.log);

    ctx.log('phase 2: the honest room under attack');
    let loadOn: () => void = () => {};
    const measuring = new Promise<void>((resolve) => {
      loadOn = resolve;
    });
    const load = runLoad(server, [honest], spec, (message) => {
      ctx.log(message);
      if (message.includes('load on')) loadOn();
    });
    await measuring;
    // The warmup, then a few seconds of the measured window without the attack. "Before" is the
    // floor: RSS right after a full collection the bench asks for (one sample lands anywhere in
    // V8's cycle, tens of MB apart); "after" gets no such help, only what the server does itself.
    await sleep(3000);
    const before = await server.stats(false, true);
    const rss = sampleRss(server);
    const attackStarted = now();
    // The flood starts no connection after this: the honest room goes on for AFTER_MS and more.
    const deadline = attackStarted + Math.max(10, durationS - 10 - AFTER_MS / 1000) * 1000;
    ctx.log(
      `attack: ${totalFrames} malformed frames from ${FLOOD_ADDRESSES.length} addresses, and the edges`,
    );
    const flooder = startAttacker(
      {
        type: 'flood',
        spec: {
          roomUrl,
          tokens: flooders,
          addresses: FLOOD_ADDRESSES,
          perAddress: 8,
          connectionsPerSecond: 80,
          framesPerConnection: 25,
          oversizedEvery: 500,
          totalFrames,
          deadline,
        },
      },
      ctx.log,
    );
    const edger = startAttacker(
      {
        type: 'edges',
        spec: { roomUrl, quietUrl, flooders, quietTokens: quiet.clients.map((c) => c.token ?? ''), quick },
      },
      ctx.log,
    );
    const [flood, edges] = await Promise.all([flooder.result, edger.result]);
    const attackS = (now() - attackStarted) / 1000;
    ctx.log(
      `attack over after ${attackS.toFixed(0)} s: ${flood.frames} frames in ${flood.connections} connections`,
    );
    const survived =
      (await fetch(`${server.httpUrl}/healthz`)
        .then((r) => r.ok)
        .catch(() => false)) && server.pid > 0;
    const rssDuring = rss.stop();
    // Quiet again (the honest room goes on): the lowest RSS of the next AFTER_MS.
    const after = await lowestRss(server, AFTER_MS);
    const attacked = await load;

    const attackCpuPct = ((flooder.cpuSeconds() + edger.cpuSeconds()) / attackS) * 100;
    const rows: ResultRow[] = [
      { ...loadRow('alone', 'atelier', alone) },
      {
        ...loadRow('under attack', 'atelier', attacked),
        frames: flood.frames,
        attackS,
        attackCpuPct,
        survived: survived ? 'yes' : 'NO',
        rssBeforeMB: before.rss / 2 ** 20,
        rssDuringMB: rssDuring / 2 ** 20,
        rssAfterMB: after.rss / 2 ** 20,
      },
    ];
    const notes = [
      `honest room: 1 × ${HONEST} (5 probes), cursors 20 Hz + 5 note moves/s each; alone ${aloneS} s measured, then ${durationS} s measured of which the attack ran ${attackS.toFixed(0)} s`,
      `under attack / alone, p99: presence ${ratio(attacked.presence.each.p99, alone.presence.each.p99)}, doc ${ratio(attacked.doc.each.p99, alone.doc.each.p99)}`,
      `flood: ${flood.frames} malformed frames in ${flood.connections} connections (${FLOOD_ADDRESSES.length} addresses × 8 at ≤ 80 connections/s each, 25 frames each after the greeting; the first closes it); outcomes ${JSON.stringify(flood.outcomes)}`,
      `frames by kind: ${JSON.stringify(flood.byKind)}`,
      ...edges,
      `RSS after − before: ${((after.rss - before.rss) / 2 ** 20).toFixed(1)} MB (target ≤ 20; lowest of ${AFTER_MS / 1000} s after the attack)`,
      memoryGrowth(before, after),
      ...loadNotes('alone', alone),
      ...loadNotes('under attack', attacked),
    ];
    return { rows, notes, raw: { flood } };
  } finally {
    await server.stop();
  }
}

function ratio(a: number | null | undefined, b: number | null | undefined): string {
  return a != null && b != null && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a';
}

/** Samples the server's RSS every second until stopped; returns the highest. */
function sampleRss(server: BenchServer): { stop(): number } {
  let max = 0;
  let running = true;
  void (async () => {
    while (running) {
      const stats = await server.stats().catch(() => null);
      if (stats) max = Math.max(max, stats.rss);
      await sleep(1000);
    }
  })();
  return {
    stop() {
      running = false;
      return max;
    },
  };
}

/** The server's stats at its lowest RSS over `ms`, sampled every second. */
async function lowestRss(server: BenchServer, ms: number): Promise<ServerStats> {
  let low: ServerStats | null = null;
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const stats = await server.stats().catch(() => null);
    if (stats && (!low || stats.rss < low.rss)) low = stats;
    await sleep(1000);
  }
  if (!low) throw new Error('the server answered no stats request');
  return low;
}

/** Where RSS after − before went: V8's committed heap (its young generation apart), malloc's. */
function memoryGrowth(before: ServerStats, after: ServerStats): string {
  const mb = (key: Exclude<keyof ServerStats['memory'], 'allocator'>) =>
    `${((after.memory[key] - before.memory[key]) / 2 ** 20).toFixed(1)}`;
  return `memory after − before (MB), allocator ${after.memory.allocator}: V8 heap committed ${mb('heapTotal')} (young generation ${mb('newSpace')}), array buffers ${mb('arrayBuffers')}, glibc main heap ${mb('mallocHeap')}; heapUsed ${((after.heapUsed - before.heapUsed) / 2 ** 20).toFixed(1)}`;
}
