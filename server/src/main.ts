import cluster from 'node:cluster';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runPrimary, serveForPrimary } from './cluster/processes';
import { isWildcard, lanAddresses, localUrl } from './http/share-origins';
import { createLogger, loadConfig, startServer } from './index';
import { missingNodeFlags } from './runtime/node-flags';

/**
 * The process: configuration from the environment, the server, the banner, signals and exit.
 * With `WORKERS` above 1 this process is the cluster's primary and each worker runs the server.
 */
const config = loadConfig({
  CLIENT_DIST: fileURLToPath(new URL('../../client/dist', import.meta.url)),
  ...process.env,
});
const log = createLogger(config.logLevel);
const missingFlags = missingNodeFlags(process.execArgv, process.env.NODE_OPTIONS);
if (missingFlags.length > 0 && cluster.isPrimary) {
  // `npm start` and deploy/ pass them; a server started another way still runs, with longer pauses.
  log.info(
    { missing: missingFlags },
    'started without the Node flags npm start uses (docs/operations.md, "Node flags")',
  );
}

/** The addresses to print: the one asked for, or this machine's on the network. */
function banner(port: number, url: string): void {
  if (!process.stdout.isTTY) return;
  // People in the room join from their own laptops: show the addresses they can reach.
  const lan = isWildcard(config.host)
    ? lanAddresses(networkInterfaces()).map((ip) => `http://${ip}:${port}`)
    : [];
  const others = lan.length > 0 ? `\n  On this network: ${lan.join(', ')}` : '';
  process.stdout.write(`\n  Atelier is running: open ${config.publicUrl ?? url}${others}\n\n`);
}

if (config.workers > 1 && cluster.isPrimary) {
  runPrimary({
    workers: config.workers,
    host: config.host,
    port: config.port,
    log,
    listening: ({ port }) => banner(port, localUrl(config.host, port)),
  });
} else {
  await serveHere();
}

async function serveHere(): Promise<void> {
  // A cluster's worker listens on no port: its primary routes each connection to it.
  const worker = cluster.isWorker;
  const starting = startServer(config, { log, ...(worker ? { listen: false } : {}) });

  /** However a shutdown step may hang, the process is gone this long after the signal. */
  const HARD_EXIT_MS = 4000;

  let stopping = false;
  function shutdown(signal: string): void {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), HARD_EXIT_MS).unref();
    log.info({ signal }, 'shutting down');
    // Every step of close() starts at once (or as soon as the server is up); the process waits
    // for the rooms' last writes and the database to close, not for the last sockets to end.
    void starting.then(async (server) => {
      void server.close();
      await server.storageClosed;
      log.info({}, 'stopped');
      process.exit(0);
    });
  }
  // Before the server listens: a signal must never find the process without its handlers.
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  const server = await starting;
  // A cluster's workers leave the banner to the primary.
  if (worker) serveForPrimary(server.accept);
  else banner(server.port, server.url);
}
