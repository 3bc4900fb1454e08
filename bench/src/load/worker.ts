/**
 * A load-generator thread: hosts whole rooms of clients, drives their cursors and note moves
 * on the shared timeline, and measures on its probes. Started by generator.ts.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { moveNote } from '@atelier/shared';
import { notesMap } from '@atelier/shared/layout';
import * as Y from 'yjs';
import { elapsedSinceStamp, now, stampOf } from '../lib/clock';
import { mapLimit } from '../lib/concurrency';
import { encodeHistogram } from '../lib/histogram';
import { connectClient } from './client';
import { DeliveryTracker } from './delivery';
import type {
  FromWorker,
  KindResult,
  ToWorker,
  WorkerResult,
  WorkerSetup,
  WorkerTimeline,
} from './load-spec';
import { docFromSeed, noteIdOf, ownerOfNote } from './seed';
import { addTraffic, emptyTraffic, type Traffic } from './traffic';
import type { BenchClient, ClientKind } from './types';

const SYNC_TIMEOUT_MS = 60_000;
/**
 * Board units between two clients' cursors on y (cursor.y = index × this; cursor.x carries the
 * send stamp, which differs between clients by less than a cursor period): the distance from
 * one cursor to another then grows with the difference of their indexes, as interest
 * management by distance needs to be measured (the stamp's wrap, every ~17 min, breaks that
 * for one period).
 */
export const CURSOR_SPACING = 20_000;

interface RoomLoad {
  clients: BenchClient[];
  presence: DeliveryTracker;
  doc: DeliveryTracker;
}

const port = parentPort;
if (!port) throw new Error('worker.ts runs in a worker thread');
const post = (message: FromWorker) => port.postMessage(message);

/** Samples every 10 ms; what exceeds 10 ms is the loop's lag. */
const LOOP_RESOLUTION_MS = 10;
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
let setup: WorkerSetup | undefined;
let rooms: RoomLoad[] = [];
const timers = new Set<NodeJS.Timeout>();

port.on('message', (message: ToWorker) => {
  const handle = async () => {
    if (message.type === 'setup') {
      setup = message.setup;
      rooms = await connectRooms(message.setup);
      post({ type: 'ready', clients: rooms.reduce((n, r) => n + r.clients.length, 0) });
    } else if (message.type === 'go') {
      post({ type: 'result', result: await drive(message.timeline) });
    } else if (message.type === 'close') {
      for (const timer of timers) clearTimeout(timer);
      for (const room of rooms) for (const client of room.clients) client.close();
      post({ type: 'closed' });
    }
  };
  handle().catch((error: unknown) =>
    post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});

async function connectRooms({ server, rooms: assigned, spec }: WorkerSetup): Promise<RoomLoad[]> {
  const loads: RoomLoad[] = [];
  const connects: (() => Promise<void>)[] = [];
  for (const { room, seed } of assigned) {
    const probes = new Set(room.clients.slice(0, spec.probesPerRoom).map((c) => c.index));
    const load: RoomLoad = {
      clients: [],
      presence: new DeliveryTracker(room.clients.length, probes, spec.watchedSenders),
      doc: new DeliveryTracker(room.clients.length, probes),
    };
    loads.push(load);
    room.clients.forEach((info, i) => {
      connects.push(async () => {
        const kind: ClientKind = probes.has(info.index) ? 'probe' : 'light';
        const client = info.viewer
          ? connectClient(server, room.name, info, { kind: 'light', discardSync: true })
          : connectClient(server, room.name, info, { kind, doc: docFromSeed(seed) });
        load.clients[i] = client;
        await client.whenSynced(SYNC_TIMEOUT_MS);
      });
    });
  }
  await mapLimit(connects, spec.connectConcurrency ?? 20, (connect) => connect());
  for (const load of loads) observeProbes(load);
  return loads;
}

/** Hooks every probe of a room to its trackers: presence via awareness, moves via the notes map. */
function observeProbes(load: RoomLoad): void {
  const indexOf = new Map(load.clients.map((c) => [c.clientId, c.index]));
  for (const probe of load.clients) {
    const awareness = probe.awareness;
    if (!awareness) continue;
    awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => {
      const at = now();
      for (const id of [...added, ...updated]) {
        const sender = indexOf.get(id);
        if (sender === undefined || sender === probe.index) continue;
        const stamp = (awareness.getStates().get(id) as { cursor?: { x?: unknown } } | undefined)?.cursor?.x;
        if (typeof stamp === 'number')
          load.presence.observe(probe.index, sender, at - elapsedSinceStamp(stamp, at), at);
      }
    });
    notesMap(probe.doc).observeDeep((events) => {
      const at = now();
      for (const event of events) {
        const note = event.target;
        if (!(note instanceof Y.Map) || !event.keys.has('z')) continue;
        const sender = ownerOfNote(String(note.get('id')));
        const sentAt = note.get('z');
        if (sender >= 0 && typeof sentAt === 'number') load.doc.observe(probe.index, sender, sentAt, at);
      }
    });
  }
}

/** Runs the timeline: load from startAt, measured window, stop at measureTo, drain, report. */
async function drive(timeline: WorkerTimeline): Promise<WorkerResult> {
  if (!setup) throw new Error('go before setup');
  const { spec } = setup;
  const viewers = new Set(
    setup.rooms.flatMap(({ room }) => room.clients.filter((c) => c.viewer).map((c) => c.index)),
  );
  const inWindow = (t: number) => t >= timeline.measureFrom && t < timeline.measureTo;
  for (const load of rooms) {
    for (const client of load.clients) {
      const i = client.index;
      if (viewers.has(i)) continue;
      every(spec.cursorHz, timeline, () => {
        const t = now();
        if (inWindow(t)) load.presence.recordSend(i, t);
        client.setPresence({ cursor: { x: stampOf(t), y: i * CURSOR_SPACING } });
      });
      let seq = 0;
      every(spec.movesPerSec, timeline, () => {
        const t = now();
        if (inWindow(t)) load.doc.recordSend(i, t);
        moveNote(client.doc, noteIdOf(i), { x: stampOf(t), y: ++seq }, t);
      });
    }
  }
  const snapshot = () =>
    rooms.flatMap((load) => load.clients.map((c) => ({ kind: c.kind, traffic: { ...c.traffic } })));
  await sleepUntil(timeline.measureFrom);
  loopDelay.reset();
  loopDelay.enable();
  const before = snapshot();
  await sleepUntil(timeline.measureTo);
  loopDelay.disable();
  const after = snapshot();
  await sleepUntil(timeline.measureTo + spec.drainS * 1000);
  return result(before, after);
}

/** Calls `fn` `hz` times per second from a random phase until measureTo (no drift). */
function every(hz: number, timeline: WorkerTimeline, fn: () => void): void {
  if (hz <= 0) return;
  const period = 1000 / hz;
  let next = timeline.startAt + Math.random() * period;
  const tick = () => {
    if (next >= timeline.measureTo) return;
    fn();
    next += period;
    schedule();
  };
  const schedule = () => {
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        tick();
      },
      Math.max(0, next - now()),
    );
    timers.add(timer);
  };
  schedule();
}

function sleepUntil(time: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, time - now())));
}

function result(
  before: { kind: ClientKind; traffic: Traffic }[],
  after: { kind: ClientKind; traffic: Traffic }[],
) {
  const traffic: WorkerResult['traffic'] = {
    probe: { ...emptyTraffic(), clients: 0 },
    light: { ...emptyTraffic(), clients: 0 },
  };
  after.forEach((end, i) => {
    const start = before[i]?.traffic ?? emptyTraffic();
    const bucket = traffic[end.kind];
    bucket.clients++;
    addTraffic(bucket, {
      bytesIn: end.traffic.bytesIn - start.bytesIn,
      bytesOut: end.traffic.bytesOut - start.bytesOut,
      framesIn: end.traffic.framesIn - start.framesIn,
      framesOut: end.traffic.framesOut - start.framesOut,
    });
  });
  const kind = (pick: (load: RoomLoad) => DeliveryTracker): KindResult => {
    const trackers = rooms.map(pick);
    const each = trackers.map((t) => t.each);
    const last = trackers.map((t) => t.last);
    for (const h of [...each.slice(1)]) each[0]?.add(h);
    for (const h of [...last.slice(1)]) last[0]?.add(h);
    return {
      sent: sum(trackers.map((t) => t.sent())),
      expected: sum(trackers.map((t) => t.expected())),
      delivered: sum(trackers.map((t) => t.delivered)),
      expectedAll: sum(rooms.map((load) => pick(load).sent() * (load.clients.length - 1))),
      each: each[0] ? encodeHistogram(each[0]) : '',
      last: last[0] ? encodeHistogram(last[0]) : '',
    };
  };
  const res: WorkerResult = {
    clients: after.length,
    probes: traffic.probe.clients,
    presence: kind((load) => load.presence),
    doc: kind((load) => load.doc),
    traffic,
    disconnected: rooms.reduce((n, load) => n + load.clients.filter((c) => !c.synced).length, 0),
    loopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS),
    loopDelayMaxMs: Math.max(0, loopDelay.max / 1e6 - LOOP_RESOLUTION_MS),
  };
  return res;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
