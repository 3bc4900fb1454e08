/**
 * Smoke check of the harness: each server starts, three stock clients join one room, one
 * moves a note and points its cursor, and the two others must see both.
 */
import { moveNote, readNotes } from '@atelier/shared';
import { waitFor } from '@atelier/testing';
import { now } from '../lib/clock';
import type { Column, ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { connectClient } from '../load/client';
import { docFromSeed, noteIdOf, seedUpdate } from '../load/seed';
import { startServer } from '../servers/launcher';
import { provisionRooms } from '../servers/provision';

export const name = 'smoke';
export const description =
  'each server starts; 3 clients, one moves a note and its cursor, the others see both';
export const columns: Column[] = [
  { key: 'startMs', label: 'start ms', digits: 0 },
  { key: 'syncMs', label: '3 synced ms', digits: 0 },
  { key: 'moveMs', label: 'move seen ms', digits: 1 },
  { key: 'presenceMs', label: 'cursor seen ms', digits: 1 },
  { key: 'ok', label: 'ok' },
];

const CLIENTS = 3;

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const rows: ResultRow[] = [];
  for (const serverName of ctx.servers) {
    const t0 = now();
    const server = await startServer(serverName);
    const startMs = now() - t0;
    const clients = [];
    try {
      const [room] = await provisionRooms(server, 1, CLIENTS);
      if (!room) throw new Error('no room provisioned');
      const seed = seedUpdate(CLIENTS);
      const t1 = now();
      for (const info of room.clients) {
        clients.push(connectClient(server, room.name, info, { kind: 'probe', doc: docFromSeed(seed) }));
      }
      await Promise.all(clients.map((c) => c.whenSynced()));
      const syncMs = now() - t1;
      const [mover, ...watchers] = clients;
      if (!mover) throw new Error('no client');

      const t2 = now();
      moveNote(mover.doc, noteIdOf(0), { x: 123, y: 456 }, t2);
      await waitFor(
        () =>
          watchers.every((w) =>
            readNotes(w.doc).some((n) => n.id === noteIdOf(0) && n.x === 123 && n.y === 456),
          ),
        `${serverName}: the others to see the moved note`,
      );
      const moveMs = now() - t2;

      const t3 = now();
      mover.setPresence({ cursor: { x: 77, y: 0 } });
      await waitFor(
        () =>
          watchers.every((w) => {
            const state = w.awareness?.getStates().get(mover.clientId) as
              | { cursor?: { x: number } }
              | undefined;
            return state?.cursor?.x === 77;
          }),
        `${serverName}: the others to see the cursor`,
      );
      const presenceMs = now() - t3;
      rows.push({ key: serverName, server: serverName, startMs, syncMs, moveMs, presenceMs, ok: 'yes' });
      ctx.log(`${serverName} ok`);
    } finally {
      for (const client of clients) client.close();
      await server.stop();
    }
  }
  return { rows };
}
