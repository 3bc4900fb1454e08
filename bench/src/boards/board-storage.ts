import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LeveldbPersistence } from 'y-leveldb';
import * as Y from 'yjs';
import type { ServerName } from '../servers';

/**
 * Writes a board straight into a stopped server's storage, in that server's own format, so the
 * server loads it cold on the first connection (as after a restart) instead of receiving it
 * over a socket. Each writer knows one server's file layout; the server must not be running.
 */
export async function writeBoardToStorage(
  server: ServerName,
  dataDir: string,
  room: string,
  board: Uint8Array,
): Promise<void> {
  switch (server) {
    case 'atelier':
      return writeAtelierSnapshot(dataDir, room, board);
    case 'hocuspocus':
      return writeHocuspocusDocument(dataDir, room, board);
    case 'ywss':
      return writeYwssLeveldb(dataDir, room, board);
    case 'relay':
      throw new Error('the relay stores nothing');
  }
}

/** Where ywss keeps its y-leveldb files when the harness turns persistence on (YPERSISTENCE). */
export function ywssPersistenceDir(dataDir: string): string {
  return path.join(dataDir, 'ywss-leveldb');
}

/** Environment a server needs to load what `writeBoardToStorage` wrote (ywss has no storage by default). */
export function storageEnv(server: ServerName, dataDir: string): Record<string, string> {
  return server === 'ywss' ? { YPERSISTENCE: ywssPersistenceDir(dataDir) } : {};
}

/**
 * Atelier (server/src/store, docs/doc-layout.md): a room's document is a snapshot row plus the
 * update log after it. The workshop already exists (its seed is in the log), so the board is
 * applied on top of what is stored and written as the snapshot covering the whole log — what
 * the server's own compaction would have left.
 */
function writeAtelierSnapshot(dataDir: string, room: string, board: Uint8Array): void {
  const db = new Database(path.join(dataDir, 'atelier.sqlite'));
  try {
    const doc = new Y.Doc();
    const snapshot = db.prepare('SELECT upto_seq, data FROM doc_snapshots WHERE doc = ?').get(room) as
      | { upto_seq: number; data: Buffer }
      | undefined;
    const after = snapshot?.upto_seq ?? 0;
    const updates = db
      .prepare('SELECT seq, data FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq')
      .all(room, after) as { seq: number; data: Buffer }[];
    doc.transact(() => {
      if (snapshot) Y.applyUpdate(doc, snapshot.data);
      for (const row of updates) Y.applyUpdate(doc, row.data);
      Y.applyUpdate(doc, board);
    });
    const upto = updates.at(-1)?.seq ?? after;
    db.transaction(() => {
      db.prepare(
        `INSERT INTO doc_snapshots (doc, upto_seq, data, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(doc) DO UPDATE SET upto_seq = excluded.upto_seq, data = excluded.data, updated_at = excluded.updated_at`,
      ).run(room, upto, Y.encodeStateAsUpdate(doc), new Date().toISOString());
      db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?').run(room, upto);
    })();
    doc.destroy();
  } finally {
    db.close();
  }
}

/** Hocuspocus's SQLite extension: one `documents` row per document name with its full state. */
function writeHocuspocusDocument(dataDir: string, room: string, board: Uint8Array): void {
  const db = new Database(path.join(dataDir, 'hocuspocus.sqlite'));
  try {
    // The extension's own schema (it runs CREATE TABLE IF NOT EXISTS on start).
    db.exec(
      'CREATE TABLE IF NOT EXISTS "documents" ("name" varchar(255) NOT NULL, "data" blob NOT NULL, UNIQUE(name))',
    );
    db.prepare(
      'INSERT INTO "documents" ("name", "data") VALUES ($name, $data) ON CONFLICT(name) DO UPDATE SET data = $data',
    ).run({ name: room, data: Buffer.from(board) });
  } finally {
    db.close();
  }
}

/** @y/websocket-server with YPERSISTENCE: y-leveldb, the same library the server reads it with. */
async function writeYwssLeveldb(dataDir: string, room: string, board: Uint8Array): Promise<void> {
  const persistence = new LeveldbPersistence(ywssPersistenceDir(dataDir));
  try {
    await persistence.storeUpdate(room, board);
  } finally {
    await persistence.destroy();
  }
}

/** What Atelier holds of one document: its snapshot and the update log after it (read-only, safe while it runs). */
export function atelierStoredDoc(
  dataDir: string,
  room: string,
): { snapshotBytes: number; logBytes: number; logRows: number } {
  const db = new Database(path.join(dataDir, 'atelier.sqlite'), { readonly: true });
  try {
    const snapshot = db.prepare('SELECT length(data) AS n FROM doc_snapshots WHERE doc = ?').get(room) as
      | { n: number }
      | undefined;
    const log = db
      .prepare('SELECT count(*) AS rows, coalesce(sum(length(data)), 0) AS n FROM doc_updates WHERE doc = ?')
      .get(room) as { rows: number; n: number };
    return { snapshotBytes: snapshot?.n ?? 0, logBytes: log.n, logRows: log.rows };
  } finally {
    db.close();
  }
}

/** Bytes of every file under `dir` (databases, WAL, level files): what the storage takes on disk. */
export async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}
