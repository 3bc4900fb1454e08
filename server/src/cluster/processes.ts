import cluster, { type Worker } from 'node:cluster';
import type { AddressInfo, Socket } from 'node:net';
import { z } from 'zod';
import { localUrl } from '../http/share-origins';
import type { Logger } from '../log';
import { connectionMessage, createRouter, liveSlotFrom } from './route';

export interface PrimaryOptions {
  /** How many worker processes serve the port. */
  workers: number;
  /** Where the primary listens (`HOST`, `PORT`); the workers never listen themselves. */
  host: string;
  port: number;
  log: Logger;
  /** Told the address once the primary listens, every worker ready (the banner). */
  listening?: (address: { address: string | null; port: number }) => void;
}

/** A worker that dies this soon after it was forked counts as a failed start. */
const FAILED_START_MS = 5000;
/** This many failed starts in a row: the configuration is wrong, give up (as systemd's start limit). */
const MAX_FAILED_STARTS = 5;
/** However the workers' shutdown hangs, the primary is gone this long after the signal. */
const HARD_EXIT_MS = 6000;

/** What a worker tells the primary once its server is up. */
const readyMessage = z.object({ kind: z.literal('atelier:ready') });

/**
 * `WORKERS=n`'s primary (docs/scale-out.md, "Several processes on one machine"): it listens, forks
 * the workers, routes each connection to one (`route.ts`: a workshop's sync sockets to its slot's
 * worker, the rest round-robin), restarts one that dies in its slot, and passes a stop signal on.
 * Each worker is a whole node (its own pool, bus reader and node id) on the shared PostgreSQL and
 * Redis, so a connection routed elsewhere while its worker restarts is still served correctly.
 */
export function runPrimary(options: PrimaryOptions): void {
  const { log } = options;
  let stopping = false;
  let failedStarts = 0;
  let exitCode = 0;
  const startedAt = new Map<Worker, number>();
  /** Slot i's worker, while it is ready; a restarted worker takes its slot back. */
  const ready: (Worker | null)[] = new Array(options.workers).fill(null);
  const slotOfWorker = new Map<Worker, number>();

  const { server: router, lost } = createRouter({
    slots: options.workers,
    pick: (slot) => liveSlotFrom(slot, ready),
    log,
  });
  router.on('error', (error) => {
    log.fatal({ err: error.message }, 'cannot listen');
    stop('SIGTERM', 1);
  });

  const listen = (): void => {
    if (router.listening) return;
    router.listen(options.port, options.host, () => {
      const address = router.address() as AddressInfo;
      const url = localUrl(options.host, address.port);
      log.info({ url, workers: options.workers }, 'listening');
      options.listening?.({ address: address.address, port: address.port });
    });
  };

  const fork = (slot: number): void => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
    slotOfWorker.set(worker, slot);
    worker.on('message', (message: unknown) => {
      if (!readyMessage.safeParse(message).success || stopping) return;
      failedStarts = 0;
      ready[slot] = worker;
      log.info({ worker: worker.process.pid, slot }, 'worker ready');
      // The port opens once every slot has its worker, so that no workshop starts on a stand-in.
      if (ready.every((slotWorker) => slotWorker !== null)) listen();
    });
  };

  /** A worker whose channel is gone gets no more connections; those queued for it are closed. */
  const gone = (worker: Worker): void => {
    const slot = slotOfWorker.get(worker);
    if (slot !== undefined && ready[slot] === worker) ready[slot] = null;
    lost(worker);
  };
  cluster.on('disconnect', gone);

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    const slot = slotOfWorker.get(worker) ?? 0;
    gone(worker);
    startedAt.delete(worker);
    slotOfWorker.delete(worker);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        log.info({}, 'stopped');
        process.exit(exitCode);
      }
      return;
    }
    failedStarts = lived < FAILED_START_MS ? failedStarts + 1 : 0;
    if (failedStarts >= MAX_FAILED_STARTS) {
      log.fatal({ code, signal }, 'workers keep failing at start-up: giving up');
      process.exit(1);
    }
    // Its workshops' clients reconnect to the next slot's worker meanwhile; the new one takes the slot back.
    log.warn({ worker: worker.process.pid, slot, code, signal }, 'worker died: starting another');
    setTimeout(() => fork(slot), Math.min(5000, 200 * 2 ** failedStarts)).unref();
  });

  const stop = (signal: NodeJS.Signals, code = 0): void => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    log.info({ signal }, 'shutting down the workers');
    setTimeout(() => process.exit(1), HARD_EXIT_MS).unref();
    router.close();
    ready.fill(null);
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(code);
    for (const worker of workers) worker?.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  log.info({ workers: options.workers }, 'starting workers');
  for (let slot = 0; slot < options.workers; slot++) fork(slot);
}

/** A worker's side: sockets handed over by the primary join `server`; the primary is told it may send them. */
export function serveForPrimary(accept: (socket: Socket, head: Buffer) => void): void {
  process.on('message', (message: unknown, handle: unknown) => {
    const parsed = connectionMessage.safeParse(message);
    if (!parsed.success || !handle) return;
    accept(handle as Socket, Buffer.from(parsed.data.head, 'base64'));
  });
  process.send?.({ kind: 'atelier:ready' });
}
