/**
 * A full DATA_DIR (issue 17, §6; docs/operations.md, "Disk and database faults"): writes are
 * refused and the client is told, nothing acknowledged is lost, the server stays up and takes
 * writes again by itself once space comes back, and the refused edit then arrives.
 *
 * The disk: run as root (CI runs as root on a fresh clone), the test mounts a 16 MiB tmpfs as
 * DATA_DIR and fills it with a file; a lazy umount in afterAll takes it away even after a failure.
 * When mounting is not permitted (a developer's machine, not root), the same SQLITE_FULL comes
 * from SQLite's page cap on the same database (`DB_MAX_BYTES`), filled and freed with a table.
 * The test's name says which one ran; ATELIER_DISK_TEST=pagecap runs the fallback as root too.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addNote, LIMITS, readNotes, roomName } from '@atelier/shared';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  api,
  cleanup,
  connectDoc,
  createWorkshop,
  DEFAULT_WORKSHOP,
  join,
  logEntries,
  startServer,
  waitFor,
} from './harness';
import { withSqliteFile } from './server-database';

interface SmallDisk {
  kind: 'tmpfs' | 'max_page_count';
  dataDir: string;
  env: Record<string, string>;
  fill(): void;
  free(): void;
  dispose(): void;
}

function mountTmpfs(dir: string): boolean {
  // ATELIER_DISK_TEST=pagecap runs the fallback even as root.
  if (process.getuid?.() !== 0 || process.env.ATELIER_DISK_TEST === 'pagecap') return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m,mode=0700', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function smallDisk(): SmallDisk {
  const dir = mkdtempSync(path.join(tmpdir(), 'atelier-disk-'));
  if (mountTmpfs(dir)) {
    const filler = path.join(dir, 'filler');
    return {
      kind: 'tmpfs',
      dataDir: dir,
      env: {},
      fill() {
        // An empty WAL: every commit must then grow the file (reusing WAL space needs no disk).
        withSqliteFile(dir, (db) => db.pragma('wal_checkpoint(TRUNCATE)'));
        const fd = openSync(filler, 'w');
        try {
          for (const size of [1024 * 1024, 4096, 512]) {
            const chunk = Buffer.alloc(size);
            try {
              for (;;) writeSync(fd, chunk);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
            }
          }
        } finally {
          closeSync(fd);
        }
      },
      free: () => rmSync(filler, { force: true }),
      dispose() {
        execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const cap = 4 * 1024 * 1024;
  return {
    kind: 'max_page_count',
    dataDir: dir,
    env: { DB_MAX_BYTES: String(cap) },
    fill() {
      withSqliteFile(dir, (db) => {
        db.exec('CREATE TABLE IF NOT EXISTS filler (data BLOB)');
        const insert = db.prepare('INSERT INTO filler VALUES (zeroblob(?))');
        const size = () =>
          (db.pragma('page_count', { simple: true }) as number) *
          (db.pragma('page_size', { simple: true }) as number);
        // Free pages (a filler dropped earlier) would take the server's writes: use them up too.
        while (size() < cap || (db.pragma('freelist_count', { simple: true }) as number) > 0)
          insert.run(64 * 1024);
      });
    },
    free: () => withSqliteFile(dir, (db) => db.exec('DROP TABLE IF EXISTS filler')),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const disk = smallDisk();
afterAll(async () => {
  try {
    await cleanup();
  } finally {
    disk.dispose();
  }
});

/** One transaction of ten full-length notes: more than any page or WAL frame left has room for. */
function addHeldNotes(doc: Y.Doc, prefix: string, author: string): string[] {
  const ids = Array.from({ length: 10 }, (_, i) => `${prefix}-${i}`);
  doc.transact(() => {
    for (const [i, id] of ids.entries())
      addNote(doc, { id, x: i * 10, y: 0, author, text: `${id} ${'x'.repeat(LIMITS.noteText - 20)}` });
  });
  return ids;
}

const noteIds = (doc: Y.Doc) => new Set(readNotes(doc).map((n) => n.id));

describe(`a full DATA_DIR (${disk.kind})`, () => {
  it('refuses writes and says so, loses nothing acknowledged, stays up, and takes the held edits once space is back', async () => {
    const env = { ...disk.env, STORAGE_PROBE_MS: '100' };
    let server = await startServer({ dataDir: disk.dataDir, env });
    const workshop = await createWorkshop(server.url);
    const bobJoin = await join(server.url, workshop.joinCode, { name: 'Bob', group: 'business' });
    const room = roomName(workshop.id, 'board');
    const alice = await connectDoc(server.wsUrl, room, workshop.facilitatorToken);
    const bob = await connectDoc(server.wsUrl, room, bobJoin.token);

    addNote(alice.doc, { id: 'acknowledged', x: 0, y: 0, author: workshop.participantId, text: 'stored' });
    await waitFor(() => noteIds(bob.doc).has('acknowledged'), 'bob to see the acknowledged note');

    disk.fill();
    const held = addHeldNotes(alice.doc, 'held', workshop.participantId);
    await waitFor(() => alice.denied.includes('storage-full'), 'alice to be told storage-full');

    // Up, not ready, and HTTP writes refused with a clear code.
    expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
    expect((await api(server.url, 'GET', '/readyz')).status).toBe(503);
    const create = await api<{ error: { code: string; message: string } }>(
      server.url,
      'POST',
      '/api/workshops',
      {
        body: { title: 'x', territory: { name: 'y', kind: 'epci' }, locale: 'fr', facilitatorName: 'z' },
      },
    );
    expect(create.status).toBe(503);
    expect(create.body.error.code).toBe('storage_full');
    expect(create.headers.get('retry-after')).toBe('10');

    // The room holds only what is stored: a newcomer gets the acknowledged note, not the held ones.
    const carol = await connectDoc(server.wsUrl, room, workshop.facilitatorToken);
    expect(noteIds(carol.doc).has('acknowledged')).toBe(true);
    expect(noteIds(carol.doc).has(held[0] as string)).toBe(false);
    expect(noteIds(bob.doc).has(held[0] as string)).toBe(false);
    // …and so does the database itself.
    const stored = withSqliteFile(disk.dataDir, (db) =>
      db
        .prepare('SELECT count(*) AS n FROM doc_updates WHERE doc = ? AND instr(data, ?) > 0')
        .get(room, 'held-0'),
    ) as { n: number };
    expect(stored.n).toBe(0);

    // A later edit is refused before it is applied; alice still has both locally.
    const deniedBefore = alice.denied.length;
    addNote(alice.doc, { id: 'late', x: 0, y: 100, author: workshop.participantId, text: 'late' });
    await waitFor(() => alice.denied.length > deniedBefore, 'the later edit to be refused too');
    expect(noteIds(alice.doc).has('late')).toBe(true);

    const freedAt = performance.now();
    disk.free();
    await waitFor(
      () => [...held, 'late'].every((id) => noteIds(bob.doc).has(id)),
      'bob to receive the held edits once space is back',
    );
    const recoveryMs = Math.round(performance.now() - freedAt);
    expect((await api(server.url, 'GET', '/readyz')).status).toBe(200);
    const messages = logEntries(server).map((entry) => entry.msg);
    expect(messages).toContain('storage refused a write: writes are refused until it takes them again');
    expect(messages).toContain('storage takes writes again');
    console.info(`[disk-full ${disk.kind}] held edits delivered ${recoveryMs} ms after space came back`);

    // A restart finds everything: what was acknowledged before, and what was held and then stored.
    alice.destroy();
    bob.destroy();
    carol.destroy();
    await server.stop();
    server = await startServer({ dataDir: disk.dataDir, env });
    const after = await connectDoc(server.wsUrl, room, workshop.facilitatorToken);
    for (const id of ['acknowledged', ...held, 'late']) expect(noteIds(after.doc).has(id)).toBe(true);
    after.destroy();
    await server.stop();
  }, 30_000);

  it('answers an HTTP write that meets the full disk with 503 storage_full, and takes writes again once space is back', async () => {
    const server = await startServer({
      dataDir: disk.dataDir,
      env: { ...disk.env, STORAGE_PROBE_MS: '100' },
    });
    const countWorkshops = () =>
      withSqliteFile(
        disk.dataDir,
        (db) => (db.prepare('SELECT count(*) AS n FROM workshops').get() as { n: number }).n,
      );
    disk.fill();
    // Not known yet: creating workshops meets the full disk. (Under the page cap, rows that fit in
    // pages already there still go in; the first one that needs a new page is refused.)
    const before = countWorkshops();
    let created = 0;
    let refused: { status: number; body: { error: { code: string } } } | null = null;
    for (let i = 0; i < 50 && !refused; i++) {
      const answer = await api<{ error: { code: string } }>(server.url, 'POST', '/api/workshops', {
        body: DEFAULT_WORKSHOP,
      });
      if (answer.status === 201) created++;
      else refused = answer;
    }
    expect(refused?.status).toBe(503);
    expect(refused?.body.error.code).toBe('storage_full');
    // Nothing half-written: the refused workshop left no row.
    expect(countWorkshops()).toBe(before + created);
    expect((await api(server.url, 'GET', '/readyz')).status).toBe(503);
    disk.free();
    await waitFor(
      async () => (await api(server.url, 'GET', '/readyz')).status === 200,
      '/readyz to say ready again',
    );
    const workshop = await createWorkshop(server.url);
    expect((await api(server.url, 'GET', `/api/join/${workshop.joinCode}`)).status).toBe(200);
    await server.stop();
  }, 30_000);
});
