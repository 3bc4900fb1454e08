import { Worker } from 'node:worker_threads';
import { now, sleep } from '../lib/clock';
import { type LatencySummary, mergeEncoded, summarize } from '../lib/histogram';
import type { BenchServer } from '../servers/launcher';
import type { RoomInfo } from '../servers/provision';
import type { ServerStats } from '../servers/stats';
import type { FromWorker, KindResult, LoadSpec, ToWorker } from './load-spec';
import { seedUpdate } from './seed';
import { addTraffic, emptyTraffic, type Traffic } from './traffic';

/** Workers do not inherit tsx's loader hooks (Node 20): each registers them, then loads worker.ts. */
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); })`;
/** Time between "go" and the first sends, so every worker starts on the same timeline. */
const START_DELAY_MS = 300;
const MAX_WORKERS = 4;

export interface KindReport {
  sent: number;
  expected: number;
  delivered: number;
  /** delivered / expected (probes), 1 = nothing lost. */
  deliveredRatio: number | null;
  /** Deliveries to every client in the rooms, estimated from the probes' ratio. */
  deliveredAll: number;
  each: LatencySummary;
  last: LatencySummary;
}

export interface LoadReport {
  rooms: number;
  connections: number;
  probes: number;
  durationS: number;
  presence: KindReport;
  doc: KindReport;
  /** Server CPU in the window, % of one core. */
  serverCpuPct: number;
  /** Server CPU µs per delivered message (presence + doc, to every client). */
  cpuUsPerMsg: number | null;
  /** `loaded` is null when the server was too saturated to answer (its row says so). */
  server: { idle: ServerStats; loaded: ServerStats | null };
  /** Whole harness process (all generator threads), % of one core. */
  generatorCpuPct: number;
  generatorLoopDelayP99Ms: number;
  generatorLoopDelayMaxMs: number;
  traffic: { probe: Traffic & { clients: number }; light: Traffic & { clients: number } };
  /** Bytes per client per second, all clients. */
  bytesInPerClientS: number;
  bytesOutPerClientS: number;
  disconnected: number;
}

/**
 * Runs one workload against a running server: connects every client of `rooms` in worker
 * threads (whole rooms per worker), drives them on one timeline (warmup, measured window,
 * drain), and measures the server from outside (CPU from /proc, event loop and memory over
 * IPC) and the generator itself (its CPU, its event-loop delay).
 */
export async function runLoad(
  server: BenchServer,
  rooms: RoomInfo[],
  spec: LoadSpec,
  log: (message: string) => void = () => {},
): Promise<LoadReport> {
  const idle = await server.stats();
  const workerCount = Math.max(1, Math.min(MAX_WORKERS, rooms.length));
  const workers = Array.from({ length: workerCount }, () => new Worker(WORKER_BOOTSTRAP, { eval: true }));
  const inboxes = workers.map((worker) => inbox(worker));
  try {
    workers.forEach((worker, w) => {
      const mine = rooms.filter((_, r) => r % workerCount === w);
      const message: ToWorker = {
        type: 'setup',
        setup: {
          server: { name: server.name, url: server.url },
          rooms: mine.map((room) => ({
            room,
            // One note per client that moves one (viewers move none).
            seed: seedUpdate(room.clients.filter((c) => !c.viewer).length, 'bench', room.tableOfClient),
          })),
          spec,
        },
      };
      worker.postMessage(message);
    });
    const connections = rooms.reduce((n, r) => n + r.clients.length, 0);
    log(`${server.name}: connecting ${connections} clients in ${rooms.length} room(s)`);
    await Promise.all(inboxes.map((next) => next('ready')));

    const startAt = now() + START_DELAY_MS;
    const measureFrom = startAt + spec.warmupS * 1000;
    const measureTo = measureFrom + spec.durationS * 1000;
    for (const worker of workers)
      worker.postMessage({ type: 'go', timeline: { startAt, measureFrom, measureTo } } satisfies ToWorker);
    log(`${server.name}: load on, measuring ${spec.durationS} s after ${spec.warmupS} s of warmup`);
    const results = inboxes.map((next) => next('result'));

    await sleep(measureFrom - now());
    const cpu0 = server.cpuSeconds();
    const gen0 = process.cpuUsage();
    const t0 = now();
    // A saturated server may not answer in time: the window's numbers then lack its stats.
    const answered = await server.stats(true).then(
      () => true,
      () => false,
    );
    await sleep(measureTo - now());
    const cpu1 = server.cpuSeconds();
    const gen1 = process.cpuUsage(gen0);
    const seconds = (now() - t0) / 1000;
    const loaded = answered ? await server.stats().catch(() => null) : null;
    if (!loaded) log(`${server.name}: too saturated to report its event loop and memory`);
    const parts = (await Promise.all(results)).map(
      (m) => (m as Extract<FromWorker, { type: 'result' }>).result,
    );

    const presence = mergeKind(parts.map((p) => p.presence));
    const doc = mergeKind(parts.map((p) => p.doc));
    const traffic = {
      probe: { ...emptyTraffic(), clients: 0 },
      light: { ...emptyTraffic(), clients: 0 },
    };
    for (const part of parts) {
      for (const kind of ['probe', 'light'] as const) {
        addTraffic(traffic[kind], part.traffic[kind]);
        traffic[kind].clients += part.traffic[kind].clients;
      }
    }
    const serverCpuSeconds = cpu1 - cpu0;
    const deliveredAll = presence.deliveredAll + doc.deliveredAll;
    const clientSeconds = connections * spec.durationS;
    return {
      rooms: rooms.length,
      connections,
      probes: traffic.probe.clients,
      durationS: spec.durationS,
      presence,
      doc,
      serverCpuPct: (serverCpuSeconds / seconds) * 100,
      cpuUsPerMsg: deliveredAll > 0 ? (serverCpuSeconds * 1e6) / deliveredAll : null,
      server: { idle, loaded },
      generatorCpuPct: ((gen1.user + gen1.system) / 1e6 / seconds) * 100,
      generatorLoopDelayP99Ms: Math.max(...parts.map((p) => p.loopDelayP99Ms)),
      generatorLoopDelayMaxMs: Math.max(...parts.map((p) => p.loopDelayMaxMs)),
      traffic,
      bytesInPerClientS: (traffic.probe.bytesIn + traffic.light.bytesIn) / clientSeconds,
      bytesOutPerClientS: (traffic.probe.bytesOut + traffic.light.bytesOut) / clientSeconds,
      disconnected: parts.reduce((n, p) => n + p.disconnected, 0),
    };
  } finally {
    await Promise.all(
      workers.map(async (worker, w) => {
        worker.postMessage({ type: 'close' } satisfies ToWorker);
        await Promise.race([inboxes[w]?.('closed').catch(() => {}), sleep(5_000)]);
        await worker.terminate();
      }),
    );
  }
}

function mergeKind(parts: KindResult[]): KindReport {
  const total = (pick: (k: KindResult) => number) => parts.reduce((n, k) => n + pick(k), 0);
  const expected = total((k) => k.expected);
  const delivered = total((k) => k.delivered);
  const deliveredRatio = expected > 0 ? delivered / expected : null;
  const each = mergeEncoded(parts.map((k) => k.each).filter(Boolean));
  const last = mergeEncoded(parts.map((k) => k.last).filter(Boolean));
  const report: KindReport = {
    sent: total((k) => k.sent),
    expected,
    delivered,
    deliveredRatio,
    deliveredAll: total((k) => k.expectedAll) * (deliveredRatio ?? 0),
    each: summarize(each),
    last: summarize(last),
  };
  each.destroy();
  last.destroy();
  return report;
}

/**
 * Awaits a worker's messages by type; a worker error (or an error message) rejects every
 * pending wait with its text.
 */
function inbox(worker: Worker): (type: FromWorker['type']) => Promise<FromWorker> {
  const queue: FromWorker[] = [];
  const waiting: {
    type: FromWorker['type'];
    resolve: (m: FromWorker) => void;
    reject: (e: Error) => void;
  }[] = [];
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure = error;
    for (const w of waiting.splice(0)) w.reject(error);
  };
  worker.on('message', (message: FromWorker) => {
    if (message.type === 'error') return fail(new Error(`load worker: ${message.message}`));
    const i = waiting.findIndex((w) => w.type === message.type);
    if (i >= 0) waiting.splice(i, 1)[0]?.resolve(message);
    else queue.push(message);
  });
  worker.on('error', fail);
  return (type) => {
    if (failure) return Promise.reject(failure);
    const i = queue.findIndex((m) => m.type === type);
    if (i >= 0) return Promise.resolve(queue.splice(i, 1)[0] as FromWorker);
    return new Promise((resolve, reject) => waiting.push({ type, resolve, reject }));
  };
}
