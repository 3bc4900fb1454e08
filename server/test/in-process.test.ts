/**
 * `startServer` from `@atelier/server`, in this process: several servers start and stop in a
 * row, and `close()` gives back everything — the port, the sockets, the timers, the database.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createLogger, loadConfig, startServer } from '@atelier/server';
import { addNote, readNotes, roomName } from '@atelier/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, connectDoc, createWorkshop, join, makeTempDir, waitDoc, waitFor } from './harness';

afterAll(cleanup);

/** Whether something can listen on `port` again. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** How many of each kind of handle keeps the process alive (sockets, servers, referenced timers). */
function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** The kinds of handle there are more of now than in `before`; empty when nothing was left open. */
function leftOpen(before: Map<string, number>): string[] {
  return [...activeResources()]
    .filter(([kind, count]) => count > (before.get(kind) ?? 0))
    .map(([kind, count]) => `${kind} ×${count - (before.get(kind) ?? 0)}`);
}

describe('startServer', () => {
  it('starts and closes three servers in a row, each leaving no handle, timer or open database behind', async () => {
    const before = activeResources();
    for (let i = 0; i < 3; i++) {
      const dataDir = await makeTempDir();
      const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ROOM_GRACE_MS: '60000' });
      const server = await startServer(config, { log: createLogger('silent') });
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);

      // Use it all: HTTP, a room loaded with a peer (its presence and unload timers), a write.
      const workshop = await createWorkshop(server.url);
      const alice = await join(server.url, workshop.joinCode, { name: 'Alice', group: 'resident' });
      const wsUrl = `ws://127.0.0.1:${server.port}/sync`;
      const board = roomName(workshop.id, 'board');
      const a = await connectDoc(wsUrl, board, alice.token);
      const b = await connectDoc(wsUrl, board, workshop.facilitatorToken);
      const id = addNote(a.doc, { x: 1, y: 2, author: alice.participantId, text: `server ${i}` });
      await waitDoc(b, (d) => readNotes(d).some((n) => n.id === id), 'the facilitator to see the note');

      await server.close();
      // The clients saw the server go, and stop trying: their reconnect timers are theirs.
      await waitFor(() => a.closes.length > 0 && b.closes.length > 0, 'both clients to see the close');
      a.destroy();
      b.destroy();

      expect(await portIsFree(server.port), `port ${server.port} is free after close()`).toBe(true);
      // A closed SQLite database in WAL mode checkpoints and removes its -wal file.
      expect(existsSync(path.join(dataDir, 'atelier.sqlite-wal')), 'the database is closed').toBe(false);
      // Closed handles are listed until the event loop's next turn: wait for that turn, not longer.
      await waitFor(() => leftOpen(before).length === 0, 'no more handles open than before the server');
      expect(leftOpen(before)).toEqual([]);
    }
  });

  it('rejects when the port is taken, and leaves the database closed', async () => {
    const dataDir = await makeTempDir();
    const first = await startServer(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: await makeTempDir() }),
      { log: createLogger('silent') },
    );
    try {
      const config = loadConfig({ PORT: String(first.port), HOST: '127.0.0.1', DATA_DIR: dataDir });
      await expect(startServer(config, { log: createLogger('silent') })).rejects.toThrow(/EADDRINUSE/);
      expect(existsSync(path.join(dataDir, 'atelier.sqlite-wal')), 'the database is closed').toBe(false);
    } finally {
      await first.close();
    }
  });
});
