import type { Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { loadConfig } from './config';
import { createStrategyReader } from './export/read';
import { lanAddresses, machineNetwork } from './http/share-origins';
import { createLogger } from './log';
import { createSqliteBallotStore } from './store/ballots';
import { openDb } from './store/db';
import { createSqliteDocStore } from './store/docs';
import { seedImportedDocs, seedWorkshopDocs } from './store/seed';
import { createSqliteWorkshopStore } from './store/workshops';
import { attachSyncEndpoint } from './sync/endpoint';
import { ParticipantSockets } from './sync/participant-sockets';
import { RoomManager } from './sync/rooms';
import { createSilentIdeation } from './sync/silent-ideation';
import { createVoteService } from './votes/service';

/** Composition root: configuration → storage → rooms → HTTP + sync on one port. */
const config = loadConfig({
  CLIENT_DIST: fileURLToPath(new URL('../../client/dist', import.meta.url)),
  ...process.env,
});
const log = createLogger(config.logLevel);
const db = openDb(config.dataDir);
const workshops = createSqliteWorkshopStore(db);
const docs = createSqliteDocStore(db);
const rooms = new RoomManager(docs, log, {
  graceMs: config.roomGraceMs,
  compactLogBytes: config.compactLogBytes,
  presenceTickMs: config.presenceTickMs,
});

const sockets = new ParticipantSockets();
// Registers its control-room guard before any room loads; schedules open rounds' deadlines.
const votes = createVoteService({ store: createSqliteBallotStore(db), workshops, rooms, log });

const app = createApp({
  workshops,
  sockets,
  silent: createSilentIdeation(rooms),
  votes,
  strategies: createStrategyReader(rooms, workshops),
  seedDocs: (id, template) => seedWorkshopDocs(docs, id, template),
  importDocs: (id, strategy, options) => seedImportedDocs(docs, id, strategy, options),
  log,
  publicUrl: config.publicUrl,
  network: machineNetwork(config.host),
  clientDist: config.clientDist,
  serveSourcemaps: config.serveSourcemaps,
});

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`;
  log.info({ url, dataDir: config.dataDir }, 'listening');
  if (process.stdout.isTTY) {
    // People in the room join from their own laptops: show the addresses they can reach.
    const wildcard = config.host === '0.0.0.0' || config.host === '::';
    const lan = wildcard ? lanAddresses(networkInterfaces()).map((ip) => `http://${ip}:${info.port}`) : [];
    const others = lan.length > 0 ? `\n  On this network: ${lan.join(', ')}` : '';
    process.stdout.write(`\n  Atelier is running: open ${config.publicUrl ?? url}${others}\n\n`);
  }
}) as Server;

const sync = attachSyncEndpoint(
  server,
  { rooms, workshops, sockets, log },
  {
    maxMessageBytes: config.maxMessageBytes,
    allowedOrigins: config.allowedOrigins,
    keepaliveMs: config.keepaliveMs,
  },
);

/** However a shutdown step may hang, the process is gone this long after the signal. */
const HARD_EXIT_MS = 4000;

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), HARD_EXIT_MS).unref();
  log.info({ signal }, 'shutting down');
  // Every update is already committed; close sockets so clients reconnect elsewhere, then compact.
  sync.close();
  server.close();
  server.closeAllConnections();
  votes.close();
  rooms.closeAll();
  db.close();
  log.info({}, 'stopped');
  process.exit(0);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
