/**
 * One node of Hocuspocus scaled out as its documentation says: its Server with
 * `@hocuspocus/extension-redis` (pub/sub per document, Redlock around stores) and
 * `@hocuspocus/extension-database` storing each document's whole state in PostgreSQL, on the
 * same PostgreSQL and Redis as Atelier's nodes. Defaults otherwise (2 s store debounce, 10 s
 * max). Env: PORT, HOST, DATABASE_URL, REDIS_URL, REDIS_PREFIX (its keys' namespace).
 */
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server } from '@hocuspocus/server';
import pg from 'pg';

const databaseUrl = process.env.DATABASE_URL;
const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
if (!databaseUrl) throw new Error('DATABASE_URL is required');

const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
// An idle connection that PostgreSQL ends must not crash the node.
pool.on('error', () => {});

// Nodes start together: the table is created once, under a transaction-scoped lock.
const client = await pool.connect();
try {
  await client.query('BEGIN');
  await client.query('SELECT pg_advisory_xact_lock(19, 6)');
  await client.query(
    'CREATE TABLE IF NOT EXISTS hocuspocus_documents (name text PRIMARY KEY, data bytea NOT NULL)',
  );
  await client.query('COMMIT');
} finally {
  client.release();
}

const server = new Server({
  port: Number(process.env.PORT),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  extensions: [
    new Redis({
      host: redisUrl.hostname,
      port: Number(redisUrl.port || 6379),
      prefix: (process.env.REDIS_PREFIX ?? 'hocuspocus:').replace(/:$/, ''),
    }),
    new Database({
      fetch: async ({ documentName }) => {
        const { rows } = await pool.query<{ data: Buffer }>(
          'SELECT data FROM hocuspocus_documents WHERE name = $1',
          [documentName],
        );
        return rows[0] ? new Uint8Array(rows[0].data) : null;
      },
      store: async ({ documentName, state }) => {
        await pool.query(
          'INSERT INTO hocuspocus_documents (name, data) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET data = excluded.data',
          [documentName, state],
        );
      },
    }),
  ],
});
await server.listen();
