/**
 * Issue 17's fuzz at scale: 1,000,000 malformed frames (the robustness tests' kinds, cycled,
 * plus oversized ones) over fresh connections from 10 loopback addresses, and the socket
 * limits' edges (message, byte and upgrade rates just under and over; churn at the per-address
 * socket cap), against Atelier with its default limits, while an honest room of 45 works as
 * in workshop-burst (cursors 20 Hz + 5 note moves/s each). Atelier only: the peers have no
 * authentication or limits to attack. Prints the honest room's latencies, whether the server
 * survived, its RSS before / during / after, and every outcome counted.
 */

import { burstSender, churnAtCap, malformedFlood, steadySender, upgradeStream } from '../hostile/attacks';
import { sleep } from '../lib/clock';
import type { ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { runLoad } from '../load/generator';
import { DOC_COLUMNS, loadNotes, loadRow, PRESENCE_COLUMNS } from '../load/report-row';
import { type BenchServer, startServer } from '../servers/launcher';
import { provisionRooms } from '../servers/provision';

export const name = 'hostile';
export const description =
  '1,000,000 malformed frames + socket-limit edges from 10+ loopback addresses while a room of 45 works (targets: honest p99 < 100 ms, no crash, RSS back within 20 MB)';
export const columns = [
  ...PRESENCE_COLUMNS,
  ...DOC_COLUMNS,
  { key: 'frames', label: 'bad frames', digits: 0 },
  { key: 'attackS', label: 'attack s', digits: 0 },
  { key: 'survived', label: 'survived' },
  { key: 'rssBeforeMB', label: 'RSS before MB', digits: 0 },
  { key: 'rssDuringMB', label: 'RSS max MB', digits: 0 },
  { key: 'rssAfterMB', label: 'RSS after MB', digits: 0 },
  { key: 'genCpuPct', label: 'gen CPU %', digits: 0 },
];

const HONEST = 45;
/** Attackers' participants in the honest workshop: one per concurrent flood connection. */
const FLOODERS = 80;
const FLOOD_ADDRESSES = Array.from({ length: 10 }, (_, i) => `127.0.1.${i + 1}`);
/** The server's defaults (server/src/config.ts), which the edges aim at. */
const DEFAULTS = { perAddress: 1000, perToken: 16, messagesPerS: 300, bytesPerS: 2 * 1024 * 1024 };

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const quick = ctx.quick;
  const totalFrames = quick ? 20_000 : 1_000_000;
  const durationS = ctx.durationS ?? (quick ? 20 : 150);
  const server = await startServer('atelier');
  try {
    // Room 0: the honest 45 and the flooders (participants of the same workshop, as a malicious
    // participant would be); room 1: the tokens held at the per-address cap, in a quiet workshop.
    const [room, quiet] = await provisionRooms(server, 2, HONEST + FLOODERS);
    if (!room || !quiet) throw new Error('provisioning failed');
    const honest = { ...room, clients: room.clients.slice(0, HONEST) };
    const flooders = room.clients.slice(HONEST).map((c) => c.token ?? '');
    const roomUrl = `${server.url}/${room.name}`;
    const quietUrl = `${server.url}/${quiet.name}`;

    let loadOn: () => void = () => {};
    const measuring = new Promise<void>((resolve) => {
      loadOn = resolve;
    });
    const load = runLoad(
      server,
      [honest],
      { cursorHz: 20, movesPerSec: 5, probesPerRoom: 5, warmupS: 5, durationS, drainS: 1 },
      (message) => {
        ctx.log(message);
        if (message.includes('load on')) loadOn();
      },
    );
    await measuring;
    await sleep(6000); // the warmup, then a second of the measured window without the attack
    const rssBefore = (await server.stats()).rss;
    const rss = sampleRss(server);
    const attackStarted = performance.now();
    const deadline = attackStarted + Math.max(10, durationS - 25) * 1000;
    ctx.log(
      `attack: ${totalFrames} malformed frames from ${FLOOD_ADDRESSES.length} addresses, and the edges`,
    );

    const [flood, edges] = await Promise.all([
      malformedFlood({
        roomUrl,
        tokens: flooders,
        addresses: FLOOD_ADDRESSES,
        perAddress: 8,
        connectionsPerSecond: 80,
        framesPerConnection: 25,
        oversizedEvery: 500,
        totalFrames,
        deadline,
      }),
      limitEdges(
        roomUrl,
        quietUrl,
        flooders,
        quiet.clients.map((c) => c.token ?? ''),
        quick,
        ctx.log,
      ),
    ]);
    const attackS = (performance.now() - attackStarted) / 1000;
    ctx.log(
      `attack over after ${attackS.toFixed(0)} s: ${flood.frames} frames in ${flood.connections} connections`,
    );
    const survived =
      (await fetch(`${server.httpUrl}/healthz`)
        .then((r) => r.ok)
        .catch(() => false)) && server.pid > 0;
    // Quiet again (the honest room goes on): the lowest RSS of the next 15 s.
    await sleep(5000);
    const rssDuring = rss.stop();
    const after = await lowestRss(server, 10_000);
    const report = await load;

    const row: ResultRow = {
      ...loadRow('atelier', 'atelier', report),
      frames: flood.frames,
      attackS,
      survived: survived ? 'yes' : 'NO',
      rssBeforeMB: rssBefore / 2 ** 20,
      rssDuringMB: rssDuring / 2 ** 20,
      rssAfterMB: after / 2 ** 20,
    };
    const notes = [
      `honest room: 1 × ${HONEST} (5 probes), cursors 20 Hz + 5 note moves/s each, ${durationS} s measured; the attack ran ${attackS.toFixed(0)} s of it`,
      `flood: ${flood.frames} malformed frames in ${flood.connections} connections (${FLOOD_ADDRESSES.length} addresses × 8 at ≤ 80 connections/s each, 25 frames each after the greeting; the first closes it); outcomes ${JSON.stringify(flood.outcomes)}`,
      `frames by kind: ${JSON.stringify(flood.byKind)}`,
      ...edges,
      `RSS after − before: ${((after - rssBefore) / 2 ** 20).toFixed(1)} MB (target ≤ 20)`,
      ...loadNotes('atelier', report),
    ];
    return { rows: [row], notes, raw: { flood: { ...flood, outcomes: flood.outcomes.toJSON() } } };
  } finally {
    await server.stop();
  }
}

/** The limits' edges, each from its own address; a line per edge saying what happened. */
async function limitEdges(
  roomUrl: string,
  quietUrl: string,
  flooders: readonly string[],
  quietTokens: readonly string[],
  quick: boolean,
  log: (message: string) => void,
): Promise<string[]> {
  // An edge that never ends is a finding, not a reason to hang the run.
  const bounded = <T>(label: string, work: Promise<T>): Promise<T | string> =>
    Promise.race([
      work.then((value) => {
        log(`edge done: ${label}`);
        return value;
      }),
      sleep(90_000).then(() => `DID NOT FINISH within 90 s`),
    ]);
  const tokenUrl = (url: string, token: string | undefined) =>
    `${url}?token=${encodeURIComponent(token ?? '')}`;
  const seconds = quick ? 4 : 10;
  const [underMessages, underBytes, overMessages, overBytes, upgradesUnder, upgradesOver, churn] =
    await Promise.all([
      bounded(
        'messages under',
        Promise.all(
          [0, 1].map((i) =>
            steadySender(
              tokenUrl(roomUrl, flooders[i]),
              '127.0.2.1',
              DEFAULTS.messagesPerS * 0.9,
              8,
              seconds,
            ),
          ),
        ),
      ),
      bounded(
        'bytes under',
        steadySender(tokenUrl(roomUrl, flooders[2]), '127.0.2.1', 22, 64 * 1024, seconds),
      ), // 1.4 MiB/s
      bounded(
        'messages over',
        sequential(20, () => burstSender(tokenUrl(roomUrl, flooders[3]), '127.0.2.2', 1000, 8)),
      ),
      bounded(
        'bytes over',
        sequential(5, () => burstSender(tokenUrl(roomUrl, flooders[4]), '127.0.2.2', 10, 1_000_000)),
      ),
      bounded('upgrades under', upgradeStream(roomUrl, '127.0.2.3', 90, seconds)),
      bounded('upgrades over', upgradeStream(roomUrl, '127.0.2.4', 400, quick ? 4 : 6)),
      bounded(
        'churn',
        churnAtCap(quietUrl, quietTokens, 12, '127.0.2.5', DEFAULTS.perAddress, 40, 50, seconds),
      ),
    ]);
  const show = (value: unknown): string =>
    typeof value === 'string'
      ? value
      : Array.isArray(value) && value.every((v) => typeof v === 'string')
        ? JSON.stringify(count(value))
        : JSON.stringify(value);
  return [
    `edge, messages at 90% of the rate (270/s, 2 connections, ${seconds} s): ${show(underMessages)}`,
    `edge, bytes at 70% of the rate (22 × 64 KiB/s, ${seconds} s): ${show(underBytes)}`,
    `edge, 1,000 messages at once (20 connections): ${show(overMessages)}`,
    `edge, 10 × 1,000,000 bytes at once (5 connections): ${show(overBytes)}`,
    `edge, upgrades at 90/s for ${seconds} s (forged tokens): ${show(upgradesUnder)}`,
    `edge, upgrades at 400/s (forged tokens): ${show(upgradesOver)}`,
    `edge, sockets at the per-address cap (${DEFAULTS.perAddress} + 40 asked, then 50 closed and 90 asked each second for ${seconds} s): ${show(churn)}`,
  ];
}

async function sequential<T>(n: number, make: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await make());
  return out;
}

function count(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
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

async function lowestRss(server: BenchServer, ms: number): Promise<number> {
  let low = Number.POSITIVE_INFINITY;
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const stats = await server.stats().catch(() => null);
    if (stats) low = Math.min(low, stats.rss);
    await sleep(1000);
  }
  return low;
}
