/**
 * The database of the servers on a data directory, read or changed by a test the same way on
 * either backend (`TEST_BACKEND`): its SQLite file, or its PostgreSQL database. SQL is written
 * once with `?` placeholders and what both dialects share (ISO times are accepted by SQLite's
 * TEXT and PostgreSQL's timestamptz alike). For what a user or an operator would check: rows
 * that must be gone, a workshop made idle for the retention, a name left nowhere.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { DB_FILE } from '../src/store/db';
import { databaseUrlOf } from './test-backend';

export interface ServerDatabase {
  /** Every row of `sql`. */
  rows<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** The first column of every row (`SELECT id FROM …`). */
  column(sql: string, params?: readonly unknown[]): Promise<unknown[]>;
  /** A `count(*)` (PostgreSQL's bigint as a number). */
  count(sql: string, params?: readonly unknown[]): Promise<number>;
  run(sql: string, params?: readonly unknown[]): Promise<void>;
  close(): Promise<void>;
}

/** `?` placeholders as PostgreSQL's `$1, $2…` (the tests' SQL holds no `?` in a literal). */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** A second connection to the SQLite file of the servers on `dataDir` (WAL: each keeps its own). */
function openSqliteFile(dataDir: string): Database.Database {
  return new Database(path.join(dataDir, DB_FILE), { fileMustExist: true });
}

/**
 * Runs `fn` synchronously on the SQLite file of the servers on `dataDir`, closed afterwards: for
 * what only SQLite has (its pragmas, a page cap to fill), in the files `vitest.pg.config.ts` keeps
 * out of the PostgreSQL run. Anything else goes through `withServerDatabase`, on either backend.
 */
export function withSqliteFile<T>(dataDir: string, fn: (db: Database.Database) => T): T {
  const db = openSqliteFile(dataDir);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Opens the database of the servers on `dataDir` (after one of them started); close it after use. */
export async function openServerDatabase(dataDir: string): Promise<ServerDatabase> {
  const url = await databaseUrlOf(dataDir);
  if (url) return openPostgres(url);
  const db = openSqliteFile(dataDir);
  const rows = async <T>(sql: string, params: readonly unknown[] = []) =>
    db.prepare(sql).all(...params) as T[];
  return {
    rows,
    column: async (sql, params = []) =>
      db
        .prepare(sql)
        .pluck()
        .all(...params),
    count: async (sql, params = []) =>
      Number(
        db
          .prepare(sql)
          .pluck()
          .get(...params),
      ),
    run: async (sql, params = []) => {
      db.prepare(sql).run(...params);
    },
    close: async () => {
      db.close();
    },
  };
}

async function openPostgres(url: string): Promise<ServerDatabase> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const query = (sql: string, params: readonly unknown[] = []) => client.query(numbered(sql), [...params]);
  return {
    rows: async <T>(sql: string, params?: readonly unknown[]) => (await query(sql, params)).rows as T[],
    column: async (sql, params) => {
      const result = await query(sql, params);
      const first = result.fields[0]?.name ?? '';
      return result.rows.map((row) => row[first]);
    },
    count: async (sql, params) => {
      const result = await query(sql, params);
      const first = result.fields[0]?.name ?? '';
      return Number(result.rows[0]?.[first]);
    },
    run: async (sql, params) => {
      await query(sql, params);
    },
    close: () => client.end(),
  };
}

/** Runs `work` on the database of the servers on `dataDir`, closed afterwards. */
export async function withServerDatabase<T>(
  dataDir: string,
  work: (db: ServerDatabase) => Promise<T>,
): Promise<T> {
  const db = await openServerDatabase(dataDir);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/**
 * Which of `needles` the servers on `dataDir` still hold, as UTF-8 or UTF-16LE bytes (Yjs and both
 * databases write strings as UTF-8). SQLite: anywhere in the data directory's files, the
 * database and its WAL as they are on disk (free pages included: what `secure_delete` and the
 * checkpoint must have cleared). PostgreSQL: any row of any table, text or bytes (a document's
 * updates); its dead row versions are the purge contract's (`pgstattuple` after the scrub).
 */
export async function storedTraces(dataDir: string, needles: readonly string[]): Promise<string[]> {
  const url = await databaseUrlOf(dataDir);
  const held = url ? await everyRowAsText(url) : await dataFiles(dataDir);
  return needles.filter((needle) =>
    [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')].some((encoded) =>
      // PostgreSQL writes a bytea in a row's text as lowercase hex.
      held.some(
        (bytes) => bytes.includes(encoded) || (url !== null && bytes.includes(encoded.toString('hex'))),
      ),
    ),
  );
}

/** Every file under the data directory, as bytes. */
async function dataFiles(dir: string): Promise<Buffer[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return Promise.all(
    entries.filter((e) => e.isFile()).map((e) => readFile(path.join(e.parentPath ?? dir, e.name))),
  );
}

/** Every row of every table of the database, as PostgreSQL writes a row in text. */
async function everyRowAsText(url: string): Promise<Buffer[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT quote_ident(table_name) AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const rows: Buffer[] = [];
    for (const { name } of tables.rows) {
      const result = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${name} AS t`);
      for (const { row } of result.rows) rows.push(Buffer.from(row, 'utf8'));
    }
    return rows;
  } finally {
    await client.end();
  }
}
