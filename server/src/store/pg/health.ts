import type { StorageProbe } from '../health';
import type { Queryable } from './executor';

/**
 * PostgreSQL's probe: the server answers and is not a standby (which refuses every write). No
 * row is written (no `storage_probe`): a full disk or an I/O fault that remains fails the next
 * commit, which reports it again.
 */
export function pgStorageProbe(pool: Queryable): StorageProbe {
  return async () => {
    const { rows } = await pool.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
    if (rows[0]?.standby !== false) throw new Error('the database is a standby: it takes no writes');
  };
}
