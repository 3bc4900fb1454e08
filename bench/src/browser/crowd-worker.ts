/**
 * Worker thread hosting the other participants of the browser scenario: light clients
 * (bench/src/load) with real tokens that move their cursors and notes at a fixed rate while
 * the browser is measured. A worker, so their sockets never delay the Playwright driver.
 * Protocol with the parent: see crowd.ts.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { moveNote, readNotes } from '@atelier/shared';
import { connectLight } from '../load/light-client';
import { addTraffic, emptyTraffic } from '../load/traffic';
import type { BenchClient } from '../load/types';
import type { CrowdCommand, CrowdReport, CrowdSpec } from './crowd';

const spec = workerData as CrowdSpec;
const port = parentPort;
if (!port) throw new Error('crowd-worker runs as a worker thread');

/** One timer for everyone: each client owns a slot of the cursor period, so sends are spread out. */
const TICK_MS = 10;
/** Notes wander this far around where they were (board units): the board keeps its layout. */
const WANDER = 40;

const clients: BenchClient[] = spec.tokens.map((token, index) =>
  connectLight(
    {
      server: 'atelier',
      protocol: 'y-websocket',
      url: spec.url,
      room: spec.room,
      index,
      token,
      params: { token },
    },
    { kind: 'light', presence: { cursor: null, editing: null, dragging: null } },
  ),
);

let timer: NodeJS.Timeout | undefined;
let sent = { cursors: 0, moves: 0 };
let startedAt = 0;
let eluStart = performance.eventLoopUtilization();

async function ready(): Promise<void> {
  await Promise.all(clients.map((client) => client.whenSynced(60_000)));
}

function start(): void {
  const first = clients[0];
  if (!first) return;
  const reserved = new Set(spec.reservedIds);
  const notes = readNotes(first.doc).filter((note) => !reserved.has(note.id));
  const { bounds } = spec;
  const cursors = clients.map(() => ({
    x: bounds.x + Math.random() * bounds.width,
    y: bounds.y + Math.random() * bounds.height,
  }));
  const cursorEvery = Math.max(1, Math.round(1000 / spec.cursorHz / TICK_MS));
  const moveEvery =
    spec.movesPerSecond > 0 ? Math.max(1, Math.round(1000 / spec.movesPerSecond / TICK_MS)) : 0;
  const step = Math.max(bounds.width, bounds.height) / 200;
  let tick = 0;
  sent = { cursors: 0, moves: 0 };
  startedAt = performance.now();
  eluStart = performance.eventLoopUtilization();
  timer = setInterval(() => {
    tick++;
    clients.forEach((client, i) => {
      if ((tick + i) % cursorEvery === 0) {
        const cursor = cursors[i] ?? { x: 0, y: 0 };
        // A random walk that stays on the board, as a person's pointer wanders over it.
        cursor.x = clamp(cursor.x + (Math.random() - 0.5) * step, bounds.x, bounds.x + bounds.width);
        cursor.y = clamp(cursor.y + (Math.random() - 0.5) * step, bounds.y, bounds.y + bounds.height);
        client.setPresence({
          cursor: { x: Math.round(cursor.x), y: Math.round(cursor.y) },
          editing: null,
          dragging: null,
        });
        sent.cursors++;
      }
      if (moveEvery > 0 && (tick + 3 * i) % moveEvery === 0 && notes.length > 0) {
        const note = notes[Math.floor(Math.random() * notes.length)];
        if (!note) return;
        const to = {
          x: note.x + (Math.random() - 0.5) * 2 * WANDER,
          y: note.y + (Math.random() - 0.5) * 2 * WANDER,
        };
        moveNote(client.doc, note.id, to);
        sent.moves++;
      }
    });
  }, TICK_MS);
}

function report(): CrowdReport {
  const traffic = emptyTraffic();
  for (const client of clients) addTraffic(traffic, client.traffic);
  const elapsedMs = performance.now() - startedAt;
  return {
    elapsedMs,
    cursorsSent: sent.cursors,
    movesSent: sent.moves,
    traffic,
    eventLoopUtilization: performance.eventLoopUtilization(eluStart).utilization,
    connected: clients.filter((client) => client.synced).length,
  };
}

port.on('message', (command: CrowdCommand) => {
  if (command === 'start') {
    start();
    port.postMessage({ type: 'started' });
  } else if (command === 'stop') {
    clearInterval(timer);
    port.postMessage({ type: 'report', report: report() });
  } else if (command === 'close') {
    clearInterval(timer);
    for (const client of clients) client.close();
    port.close();
  }
});

ready().then(
  () => port.postMessage({ type: 'ready' }),
  (error: unknown) => port.postMessage({ type: 'error', message: String(error) }),
);

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
