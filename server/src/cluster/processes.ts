import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../log';

export interface PrimaryOptions {
  /** How many worker processes serve the port. */
  workers: number;
  log: Logger;
  /** Told the address once the first worker listens (the banner). */
  listening?: (address: { address: string | null; port: number }) => void;
}

/** A worker that dies this soon after it was forked counts as a failed start. */
const FAILED_START_MS = 5000;
/** This many failed starts in a row: the configuration is wrong, give up (as systemd's start limit). */
const MAX_FAILED_STARTS = 5;
/** However the workers' shutdown hangs, the primary is gone this long after the signal. */
const HARD_EXIT_MS = 6000;

/**
 * `WORKERS=n`'s primary (docs/scale-out.md, "Several processes on one machine"): it only forks
 * the workers, restarts one that dies, and passes a stop signal on. Each worker is a whole node
 * (its own pool, bus reader and node id) listening on the same port; Node's cluster hands the
 * connections out round-robin, which is correct because the nodes share PostgreSQL and Redis.
 */
export function runPrimary(options: PrimaryOptions): void {
  const { log } = options;
  let stopping = false;
  let failedStarts = 0;
  let announced = false;
  const startedAt = new Map<Worker, number>();

  const fork = (): void => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
  };

  cluster.on('listening', (worker, address) => {
    failedStarts = 0;
    log.info({ worker: worker.process.pid, port: address.port }, 'worker listening');
    if (!announced) {
      announced = true;
      options.listening?.({ address: address.address, port: address.port });
    }
  });

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        log.info({}, 'stopped');
        process.exit(0);
      }
      return;
    }
    failedStarts = lived < FAILED_START_MS ? failedStarts + 1 : 0;
    if (failedStarts >= MAX_FAILED_STARTS) {
      log.fatal({ code, signal }, 'workers keep failing at start-up: giving up');
      process.exit(1);
    }
    // Its clients reconnect to the other workers meanwhile; a new one takes its share again.
    log.warn({ worker: worker.process.pid, code, signal }, 'worker died: starting another');
    setTimeout(fork, Math.min(5000, 200 * 2 ** failedStarts)).unref();
  });

  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down the workers');
    setTimeout(() => process.exit(1), HARD_EXIT_MS).unref();
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker?.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  log.info({ workers: options.workers }, 'starting workers');
  for (let i = 0; i < options.workers; i++) fork();
}
