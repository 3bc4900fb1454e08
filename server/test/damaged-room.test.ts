/**
 * A damaged room does not take the others down (issue 17, §6; docs/operations.md, "Disk and
 * database faults"). Boards are written, the server stops (each room compacts into a snapshot),
 * their stored bytes are damaged with the server stopped, and a new server must refuse the
 * boards it cannot rebuild (4500 and a log line naming the room), rebuild the one it can, and
 * serve the others as before.
 */
import path from 'node:path';
import { addNote, CLOSE_CODES, type CreateWorkshopResponse, readNotes, roomName } from '@atelier/shared';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cleanup,
  connectDoc,
  createWorkshop,
  logEntries,
  makeTempDir,
  SyncRefused,
  startServer,
  waitFor,
} from './harness';

afterAll(cleanup);

const DAMAGES = {
  'random bytes': (db: Database.Database, room: string) =>
    db.prepare('UPDATE doc_snapshots SET data = randomblob(length(data)) WHERE doc = ?').run(room),
  // Zeroed bytes decode as an empty document: only the snapshot's checksum tells.
  'zeroed bytes': (db: Database.Database, room: string) =>
    db.prepare('UPDATE doc_snapshots SET data = zeroblob(length(data)) WHERE doc = ?').run(room),
  // A snapshot written before checksums (NULL): its bytes must fail to decode.
  'undecodable bytes without a checksum': (db: Database.Database, room: string) => {
    const { n } = db.prepare('SELECT length(data) AS n FROM doc_snapshots WHERE doc = ?').get(room) as {
      n: number;
    };
    db.prepare('UPDATE doc_snapshots SET data = ?, checksum = NULL WHERE doc = ?').run(
      Buffer.alloc(n, 0xff),
      room,
    );
  },
  'a missing snapshot': (db: Database.Database, room: string) =>
    db.prepare('DELETE FROM doc_snapshots WHERE doc = ?').run(room),
} as const;
type Damage = keyof typeof DAMAGES;

async function writeNote(wsUrl: string, workshop: CreateWorkshopResponse, text: string): Promise<void> {
  const room = roomName(workshop.id, 'board');
  const writer = await connectDoc(wsUrl, room, workshop.facilitatorToken);
  addNote(writer.doc, { id: 'n1', x: 0, y: 0, author: workshop.participantId, text });
  const reader = await connectDoc(wsUrl, room, workshop.facilitatorToken);
  await waitFor(() => readNotes(reader.doc).some((n) => n.text === text), 'the note to be stored');
  writer.destroy();
  reader.destroy();
}

describe('a damaged room', () => {
  it('is refused with 4500 and a log line while the other rooms load and sync; a corrupt last update is left out', async () => {
    const dataDir = await makeTempDir();
    let server = await startServer({ dataDir });
    const damaged = {} as Record<Damage, CreateWorkshopResponse>;
    for (const damage of Object.keys(DAMAGES) as Damage[]) {
      damaged[damage] = await createWorkshop(server.url);
      await writeNote(server.wsUrl, damaged[damage], `before ${damage}`);
    }
    const healthy = await createWorkshop(server.url);
    await writeNote(server.wsUrl, healthy, 'healthy');
    const patched = await createWorkshop(server.url);
    await writeNote(server.wsUrl, patched, 'kept');
    await server.stop();

    const db = new Database(path.join(dataDir, 'atelier.sqlite'));
    for (const [damage, workshop] of Object.entries(damaged) as [Damage, CreateWorkshopResponse][])
      DAMAGES[damage](db, roomName(workshop.id, 'board'));
    // A garbage update at the end of a log: nothing builds on it, so the room is rebuilt without it.
    // (0xff bytes: a variable-length integer that never ends, so it cannot decode.)
    db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)').run(
      roomName(patched.id, 'board'),
      Buffer.alloc(40, 0xff),
    );
    db.close();

    server = await startServer({ dataDir });
    for (const [damage, workshop] of Object.entries(damaged) as [Damage, CreateWorkshopResponse][]) {
      const refusal = await connectDoc(
        server.wsUrl,
        roomName(workshop.id, 'board'),
        workshop.facilitatorToken,
      ).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal, damage).toBeInstanceOf(SyncRefused);
      expect((refusal as SyncRefused).code, damage).toBe(CLOSE_CODES.roomDamaged);
      // The same workshop's control document is not damaged: it still syncs.
      const control = await connectDoc(
        server.wsUrl,
        roomName(workshop.id, 'control'),
        workshop.facilitatorToken,
      );
      control.destroy();
    }
    const other = await connectDoc(server.wsUrl, roomName(healthy.id, 'board'), healthy.facilitatorToken);
    expect(readNotes(other.doc).map((n) => n.text)).toEqual(['healthy']);
    addNote(other.doc, { id: 'n2', x: 0, y: 0, author: healthy.participantId, text: 'after' });
    const second = await connectDoc(server.wsUrl, roomName(healthy.id, 'board'), healthy.facilitatorToken);
    await waitFor(() => readNotes(second.doc).length === 2, 'the healthy room to keep syncing');

    const rebuilt = await connectDoc(server.wsUrl, roomName(patched.id, 'board'), patched.facilitatorToken);
    expect(readNotes(rebuilt.doc).map((n) => n.text)).toEqual(['kept']);

    const entries = logEntries(server);
    for (const workshop of Object.values(damaged)) {
      expect(
        entries.some(
          (e) =>
            e.level === 50 && e.room === roomName(workshop.id, 'board') && /room damaged/.test(String(e.msg)),
        ),
      ).toBe(true);
    }
    expect(entries.some((e) => e.msg === 'a stored update does not decode: left out')).toBe(true);
    for (const client of [other, second, rebuilt]) client.destroy();
    await server.stop();

    // The rebuilt room compacted at once: its bad row left the log.
    const check = new Database(path.join(dataDir, 'atelier.sqlite'), { readonly: true });
    const rows = check
      .prepare('SELECT count(*) AS n FROM doc_updates WHERE doc = ? AND length(data) = 40')
      .get(roomName(patched.id, 'board')) as { n: number };
    check.close();
    expect(rows.n).toBe(0);
  }, 30_000);
});
