import type pg from 'pg';

/** What a store statement needs: a pool (autocommit) or the client of a transaction. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/**
 * How a PostgreSQL store runs one of its writes, each a single statement: on the pool, that
 * statement is a transaction of its own; inside `withTransaction`, it runs in a savepoint on the
 * transaction's client, so one that fails is undone alone and the transaction goes on, as with
 * SQLite's nested transactions (docs/architecture.md, "Stores behind async contracts").
 */
export interface Executor {
  write<R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<pg.QueryResult<R>>;
  /**
   * A write of several statements, all or none (a token reissued with its sessions'): on the
   * pool, a transaction on a client of its own; inside `withTransaction`, one savepoint.
   */
  atomically<T>(work: (client: Queryable) => Promise<T>): Promise<T>;
}

export function poolExecutor(pool: pg.Pool): Executor {
  return {
    write: (sql, params) => pool.query(sql, params),
    atomically: (work) => inTransaction(pool, work),
  };
}

/** Runs `work` on one client checked out of `pool`, between `BEGIN` and `COMMIT` (rolled back if it rejects). */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A connection that ends while checked out (the server gone, the backend terminated) emits
  // 'error' besides failing its query: unheard, it would end the process. The pool hears it again
  // once the client is back (and discards it: `release(broken)`).
  const lost = (error: Error) => {
    broken = error;
  };
  client.on('error', lost);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // After a failed COMMIT the transaction is over and ROLLBACK only warns; a connection that
    // cannot even roll back is discarded, not given back to the pool.
    await client.query('ROLLBACK').catch((rollback: Error) => {
      broken = rollback;
    });
    throw error;
  } finally {
    client.off('error', lost);
    client.release(broken);
  }
}

/**
 * A row read from PostgreSQL in the shape SQLite gives it: each `timestamptz` (a `Date` from
 * node-postgres) as ISO text, so that SQLite's row mappers apply to it unchanged and callers see
 * the same values from both backends (docs/scale-out.md, "Schema mapping").
 */
export function sqliteShaped<R>(row: pg.QueryResultRow): R {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  ) as R;
}

/**
 * The executor of one transaction. Its writes run one after the other even when `work` starts
 * several at once: interleaved savepoints on one connection would undo each other's statements.
 */
export function transactionExecutor(client: pg.PoolClient): Executor {
  let last: Promise<unknown> = Promise.resolve();
  const inSavepoint = <T>(work: () => Promise<T>): Promise<T> => {
    const run = async (): Promise<T> => {
      await client.query('SAVEPOINT store_write');
      try {
        const result = await work();
        await client.query('RELEASE SAVEPOINT store_write');
        return result;
      } catch (error) {
        // A connection that broke cannot roll back: its transaction fails at the commit anyway.
        await client.query('ROLLBACK TO SAVEPOINT store_write').catch(() => undefined);
        throw error;
      }
    };
    const result = last.then(run, run);
    last = result.catch(() => undefined);
    return result;
  };
  return {
    write: <R extends pg.QueryResultRow>(sql: string, params: unknown[]) =>
      inSavepoint(() => client.query<R>(sql, params)),
    atomically: (work) => inSavepoint(() => work(client)),
  };
}

/** A Yjs update's bytes as a `bytea` parameter, without copying; anything else as it is (the database refuses it). */
export function bytea(bytes: Uint8Array): unknown {
  return ArrayBuffer.isView(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
}

/** A `bytea` column's value as the contract's bytes (a copy: node-postgres' buffers may share a slab). */
export function bytes(value: Buffer): Uint8Array {
  return new Uint8Array(value);
}
