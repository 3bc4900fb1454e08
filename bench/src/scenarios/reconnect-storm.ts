/**
 * Scenario 6 of the issue: every socket drops at once (the venue Wi-Fi), then everyone comes
 * back. 1 room × 45, then 10 rooms × 45, all full stock clients (they must converge). Just
 * before the drop every client moves its own note to a marker position; afterwards every
 * marker must be on the server and in every client's document.
 *
 * Variants: `kept` — each client rejoins after a random delay in [0, 1 s) with the Y.Doc it
 * had (stock provider.connect()); `fresh` — same delays, but a new client with an empty doc
 * replaces it (a reloaded tab); `restart` — the server process is killed (SIGKILL) and
 * restarted on its data dir, and the stock clients come back by their own reconnect logic
 * (y-websocket: 100·2ⁿ ms backoff without jitter; Hocuspocus: its own, with jitter);
 * `restart-client` (Atelier only) — the same, with Atelier's own reconnect on top of the
 * stock provider (full jitter: client/src/sync/backoff.ts).
 * Targets: all back and converged within 5 s, nothing lost, no event-loop stall > 100 ms.
 * The relay is left out: it stores nothing, so there is no state to converge to.
 */
import { moveNote, readNotes } from '@atelier/shared';
import { notesMap } from '@atelier/shared/layout';
import { now, sleep } from '../lib/clock';
import { mapLimit } from '../lib/concurrency';
import type { Column, ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { connectClient } from '../load/client';
import { docFromSeed, noteIdOf, seedUpdate } from '../load/seed';
import type { BenchClient } from '../load/types';
import type { ServerName } from '../servers/definitions';
import { type BenchServer, startServer } from '../servers/launcher';
import { provisionRooms, type RoomInfo } from '../servers/provision';

export const name = 'reconnect-storm';
export const description =
  'all sockets drop and rejoin within 1 s (kept / fresh local state) or the server restarts; 1 × 45 and 10 × 45 (target: back + converged ≤ 5 s, 0 lost, stall ≤ 100 ms)';
export const columns: Column[] = [
  { key: 'connections', label: 'conns', digits: 0 },
  { key: 'restartMs', label: 'restart ms', digits: 0 },
  { key: 'backMs', label: 'all back ms', digits: 0 },
  { key: 'convergedMs', label: 'converged ms', digits: 0 },
  { key: 'lost', label: 'lost', digits: 0 },
  { key: 'notConverged', label: 'not conv.', digits: 0 },
  { key: 'eldMax', label: 'eld max ms', digits: 1 },
  { key: 'eldP99', label: 'eld p99 ms', digits: 1 },
  { key: 'cpuSeconds', label: 'srv CPU s', digits: 2 },
];
export const ratioMetrics = ['backMs', 'convergedMs', 'eldMax', 'cpuSeconds'];

const VARIANTS = ['kept', 'fresh', 'restart', 'restart-client'] as const;
type Variant = (typeof VARIANTS)[number];
/** x of every note after the edit made just before the drop. */
const MARKER_X = 424_242;
const EDIT_LEAD_MS = 50;
const REJOIN_WINDOW_MS = 1_000;
const STORM_TIMEOUT_MS = 30_000;

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const clientsPerRoom = ctx.quick ? 10 : 45;
  const sizes = ctx.quick ? [1, 2] : [1, 10];
  const rows: ResultRow[] = [];
  const notes: string[] = [];
  if (ctx.servers.includes('relay'))
    notes.push('relay left out: it stores nothing, there is no state to converge to');
  for (const server of ctx.servers.filter((s) => s !== 'relay')) {
    for (const rooms of sizes) {
      for (const variant of VARIANTS) {
        if (variant === 'restart-client' && server !== 'atelier') continue;
        const row = await storm(server, rooms, clientsPerRoom, variant);
        rows.push(row);
        ctx.log(
          `${row.key}: back ${fmt(row.backMs)} ms, converged ${fmt(row.convergedMs)} ms, lost ${row.lost}`,
        );
      }
    }
  }
  return { rows, notes };
}

async function storm(
  serverName: ServerName,
  roomCount: number,
  clientsPerRoom: number,
  variant: Variant,
): Promise<ResultRow> {
  const key = `${serverName} ${roomCount}×${clientsPerRoom} ${variant}`;
  const server = await startServer(serverName);
  const clients: BenchClient[][] = [];
  try {
    const rooms = await provisionRooms(server, roomCount, clientsPerRoom);
    for (const room of rooms) {
      const seed = seedUpdate(clientsPerRoom);
      clients.push(
        room.clients.map((info) =>
          connectClient(server, room.name, info, {
            kind: 'probe',
            doc: docFromSeed(seed),
            autoReconnect: variant === 'restart' || variant === 'restart-client',
            atelierClient: variant === 'restart-client',
          }),
        ),
      );
    }
    await mapLimit(clients.flat(), 50, (c) => c.whenSynced(60_000));

    // The edits that must survive: every client moves its own note just before the drop.
    for (const room of clients)
      for (const c of room) moveNote(c.doc, noteIdOf(c.index), { x: MARKER_X, y: c.index });
    await sleep(EDIT_LEAD_MS);
    const syncsBefore = new Map(clients.flat().map((c) => [c, c.syncCount]));
    await server.stats(true);
    let cpu0 = server.cpuSeconds();
    const t0 = now();
    let restartMs: number | null = null;

    if (variant === 'restart' || variant === 'restart-client') {
      await server.kill('SIGKILL');
      await server.restart();
      restartMs = now() - t0;
      // Measure the storm, not the boot: a new delay window and CPU from here.
      await server.stats(true);
      cpu0 = server.cpuSeconds();
    } else {
      for (const room of clients) for (const c of room) c.drop();
      rejoinAll(server, rooms, clients, variant, syncsBefore);
    }

    const back = await waitAll(clients, (c) => c.syncCount > (syncsBefore.get(c) ?? 0), t0);
    const converged = await waitAll(clients, (c) => c.synced && hasAllMarkers(c, clientsPerRoom), t0);
    const cpuSeconds = server.cpuSeconds() - cpu0;
    const stats = await server.stats();
    const { lost, notConverged } = await verify(server, rooms, clients);
    return {
      key,
      server: serverName,
      connections: roomCount * clientsPerRoom,
      restartMs,
      backMs: back,
      convergedMs: converged,
      lost,
      notConverged,
      eldMax: stats.eldMaxMs,
      eldP99: stats.eldP99Ms,
      cpuSeconds,
    };
  } finally {
    for (const c of clients.flat()) c.close();
    await server.stop();
  }
}

/** Each client comes back after a random delay in [0, 1 s): with its doc (kept) or as a new client (fresh). */
function rejoinAll(
  server: BenchServer,
  rooms: RoomInfo[],
  clients: BenchClient[][],
  variant: Variant,
  syncsBefore: Map<BenchClient, number>,
): void {
  rooms.forEach((room, r) => {
    const roomClients = clients[r] ?? [];
    roomClients.forEach((client, i) => {
      setTimeout(() => {
        if (variant === 'kept') {
          client.reconnect();
          return;
        }
        client.close();
        const info = room.clients[i];
        if (!info) return;
        const replacement = connectClient(server, room.name, info, { kind: 'probe', autoReconnect: false });
        syncsBefore.set(replacement, 0);
        roomClients[i] = replacement;
      }, Math.random() * REJOIN_WINDOW_MS);
    });
  });
}

/** Ms from t0 until `done` holds for every client (polled every 10 ms); null on timeout. */
async function waitAll(
  clients: BenchClient[][],
  done: (c: BenchClient) => boolean,
  t0: number,
): Promise<number | null> {
  const pending = new Set(clients.flat());
  while (now() - t0 < STORM_TIMEOUT_MS) {
    // Replacements (fresh variant) appear in `clients` as they are created.
    for (const c of clients.flat()) if (!pending.has(c) && !done(c)) pending.add(c);
    for (const c of pending) if (done(c)) pending.delete(c);
    const stale = [...pending].filter((c) => !clients.some((room) => room.includes(c)));
    for (const c of stale) pending.delete(c);
    if (pending.size === 0) return now() - t0;
    await sleep(10);
  }
  return null;
}

function hasAllMarkers(client: BenchClient, notesPerRoom: number): boolean {
  const notes = notesMap(client.doc);
  for (let i = 0; i < notesPerRoom; i++) {
    const pos = notes.get(noteIdOf(i))?.get('pos') as { x?: number } | undefined;
    if (pos?.x !== MARKER_X) return false;
  }
  return true;
}

/**
 * The server's state is what a new client gets: markers missing there are lost; a client
 * whose notes differ from it did not converge.
 */
async function verify(
  server: BenchServer,
  rooms: RoomInfo[],
  clients: BenchClient[][],
): Promise<{ lost: number; notConverged: number }> {
  let lost = 0;
  let notConverged = 0;
  for (const [r, room] of rooms.entries()) {
    const info = room.clients[0];
    if (!info) continue;
    const verifier = connectClient(server, room.name, info, { kind: 'probe', autoReconnect: false });
    try {
      await verifier.whenSynced(30_000);
      const truth = notesSnapshot(verifier);
      lost += readNotes(verifier.doc).filter((n) => n.x !== MARKER_X).length;
      lost += room.clients.length - readNotes(verifier.doc).length;
      for (const c of clients[r] ?? []) if (notesSnapshot(c) !== truth) notConverged++;
    } finally {
      verifier.close();
    }
  }
  return { lost, notConverged };
}

function notesSnapshot(client: BenchClient): string {
  return JSON.stringify(readNotes(client.doc).sort((a, b) => a.id.localeCompare(b.id)));
}

function fmt(value: unknown): string {
  return typeof value === 'number' ? value.toFixed(0) : 'timeout';
}
