/**
 * Single-writer duties' leases (docs/scale-out.md, "3. Single-writer duties and leases"): a
 * PostgreSQL session advisory lock per duty key (`vote-deadline:<round>`,
 * `room-compaction:<room>`…), on one connection per node, so a node that dies — its session
 * with it — releases every lease at once. The lease only decides who tries: each acquisition
 * also takes a **fencing token** (a counter per key, raised at every acquisition), and a duty's
 * effect is a write conditioned on it (`fenced`), so a holder that lost its lease without
 * knowing it yet cannot act after its successor.
 *
 * The token table is the migrations' (`store/migrations.ts`, step 11): the database must be
 * migrated first, as the node's storage does at start (`openStorage`) before it joins the cluster.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../log';

/** The table holding each duty key's last fencing token (created by the migrations). */
export const LEASE_TABLE = 'atelier_leases';

export interface Lease {
  readonly key: string;
  /** Higher than every token handed out for `key` before. */
  readonly token: number;
}

export interface LeasesOptions {
  /** `DATABASE_URL`. */
  url: string;
  /** This node's id (the connection's `application_name`, and the token row's holder). */
  nodeId: string;
  log: Logger;
}

export interface Leases {
  /** Takes `key`'s lease if no node holds it; `null` if another does. */
  tryAcquire(key: string): Promise<Lease | null>;
  /** Gives `key`'s lease back (nothing if not held). */
  release(key: string): Promise<void>;
  /** The lease held on `key`, if any. */
  held(key: string): Lease | undefined;
  /**
   * Called when the lease connection dropped: every lease is gone (another node may hold them
   * already), so every duty must stop. The next `tryAcquire` opens a new connection.
   */
  onLost(listener: (keys: string[]) => void): void;
  /** Releases every lease and closes the connection. */
  close(): Promise<void>;
}

/**
 * The advisory lock's two int4 keys for a duty key: its kind (before the first ':') and its
 * id, each the first 4 bytes of a SHA-256. A collision only gives one node two duties.
 */
export function lockKeys(key: string): [number, number] {
  const colon = key.indexOf(':');
  const kind = colon < 0 ? key : key.slice(0, colon);
  const hash = (text: string) => createHash('sha256').update(text).digest().readInt32BE(0);
  return [hash(kind), hash(key)];
}

/**
 * A SQL condition true only while `token` is `key`'s last token: add it to a duty's write
 * (`UPDATE … WHERE … AND ${fenced('$2', '$3')}`), bound to the lease's key and token.
 */
export function fenced(keyParam: string, tokenParam: string): string {
  return `EXISTS (SELECT 1 FROM ${LEASE_TABLE} WHERE key = ${keyParam} AND token = ${tokenParam})`;
}

export async function openLeases(options: LeasesOptions): Promise<Leases> {
  const { url, nodeId, log } = options;
  const held = new Map<string, Lease>();
  const pending = new Map<string, Promise<Lease | null>>();
  const listeners: ((keys: string[]) => void)[] = [];
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closing = false;

  function lose(from: pg.Client, error?: unknown): void {
    if (client !== from) return;
    client = null;
    from.end().catch(() => {});
    if (closing) return;
    const keys = [...held.keys()];
    held.clear();
    log.warn({ err: error, nodeId, keys }, 'lease: connection lost, every lease dropped');
    for (const listener of listeners) listener(keys);
  }

  async function connection(): Promise<pg.Client> {
    if (client) return client;
    connecting ??= (async () => {
      const next = new pg.Client({
        connectionString: url,
        application_name: `atelier-lease-${nodeId}`,
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
      });
      next.on('error', (error) => lose(next, error));
      next.on('end', () => lose(next));
      await next.connect();
      client = next;
      return next;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  async function acquire(key: string): Promise<Lease | null> {
    const db = await connection();
    const { rows } = await db.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_lock($1, $2) AS ok',
      lockKeys(key),
    );
    if (!rows[0]?.ok) return null;
    const result = await db.query<{ token: string }>(
      `INSERT INTO ${LEASE_TABLE} (key, token, holder) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET token = ${LEASE_TABLE}.token + 1, holder = excluded.holder
       RETURNING token`,
      [key, nodeId],
    );
    const lease = { key, token: Number(result.rows[0]?.token) };
    if (client !== db) return null; // lost while taking it
    held.set(key, lease);
    return lease;
  }

  return {
    tryAcquire(key) {
      const lease = held.get(key);
      if (lease) return Promise.resolve(lease);
      // Session locks nest: two calls at once would take it twice and raise the token twice.
      let attempt = pending.get(key);
      if (!attempt) {
        attempt = acquire(key).finally(() => pending.delete(key));
        pending.set(key, attempt);
      }
      return attempt;
    },
    async release(key) {
      const db = client;
      if (!held.delete(key) || !db) return;
      await db.query('SELECT pg_advisory_unlock($1, $2)', lockKeys(key));
    },
    held: (key) => held.get(key),
    onLost(listener) {
      listeners.push(listener);
    },
    async close() {
      closing = true;
      held.clear();
      const db = client;
      client = null;
      // Ending the session releases every advisory lock it held.
      await db?.end().catch(() => {});
    },
  };
}
